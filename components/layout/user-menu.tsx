"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { signOutAction } from "@/lib/auth/actions";
import type { SpaceLink } from "@/lib/auth/spaces";

type Me = { user: { name: string } | null; spaces: SpaceLink[] };

/** undefined: not known yet; null: /api/me could not be read. */
const MeContext = createContext<Me | null | undefined>(undefined);

/**
 * Asks /api/me who is reading, once per navigation, for the header's quick
 * access (drawn twice by the DSFR: in the header on a wide screen, in the menu
 * dialog on a narrow one). Public pages are the same for everyone (cached), so
 * the server cannot know.
 */
export function QuickAccessProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  // Asked again after each navigation: signing in or out ends with one.
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input.
  useEffect(() => {
    let live = true;
    fetch("/api/me", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<Me>) : null))
      .then((value) => {
        if (live) setMe(value);
      })
      .catch(() => {
        if (live) setMe(null);
      });
    return () => {
      live = false;
    };
  }, [pathname]);
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/**
 * The DSFR quick access: « Se connecter », or the reader's name, their spaces
 * and « Se déconnecter ». Until /api/me answers, the area holds an invisible
 * placeholder rather than offering « Se connecter » to someone already signed
 * in (on a slow phone that wrong state lasted seconds); without JavaScript,
 * the link is in a <noscript>. If /api/me cannot be reached, « Se connecter »
 * is shown.
 */
export function QuickAccess() {
  const me = useContext(MeContext);
  const pathname = usePathname();
  // Back to the page the visitor was reading once signed in; from the home page or the sign-in pages
  // themselves, the sign-in page's default (their space).
  const back = pathname && pathname !== "/" && !pathname.startsWith("/connexion") ? pathname : null;
  const signIn = (
    <Link
      href={back ? `/connexion?callbackUrl=${encodeURIComponent(back)}` : "/connexion"}
      prefetch={false}
      className="fr-btn fr-icon-lock-line"
    >
      Se connecter
    </Link>
  );
  if (me === undefined) {
    // Holds the link's place, so that the visitor who is not signed in (most of them) sees nothing move.
    return (
      <ul className="fr-btns-group">
        <li>
          <span aria-hidden="true" className="fr-btn invisible">
            Se connecter
          </span>
          <noscript>{signIn}</noscript>
        </li>
      </ul>
    );
  }
  if (!me?.user) {
    return (
      <ul className="fr-btns-group">
        <li>{signIn}</li>
      </ul>
    );
  }
  return (
    <ul className="fr-btns-group">
      <li className="flex items-center px-3 text-sm text-grey-800">{me.user.name}</li>
      {me.spaces.map((space) => (
        <li key={space.href}>
          <Link href={space.href} className="fr-btn">
            {space.label}
          </Link>
        </li>
      ))}
      <li>
        <form action={signOutAction}>
          <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
            Se déconnecter
          </button>
        </form>
      </li>
    </ul>
  );
}
