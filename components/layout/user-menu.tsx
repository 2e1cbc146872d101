"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signOutAction } from "@/lib/auth/actions";
import type { SpaceLink } from "@/lib/auth/spaces";

type Me = { user: { name: string } | null; spaces: SpaceLink[] };

const linkClass =
  "inline-flex items-center gap-2 border border-blue-france px-3 py-1.5 text-sm font-medium text-blue-france no-underline hover:bg-blue-france-50";

/**
 * The header's account area, filled in from /api/me: public pages are the
 * same for everyone (cached), so the server cannot know who is reading.
 * Until the answer comes, the area holds an invisible placeholder rather
 * than offering « Se connecter » to someone already signed in (on a slow
 * phone that wrong state lasted seconds); without JavaScript, the link is in
 * a <noscript>.
 * If /api/me cannot be reached, « Se connecter » is shown.
 */
export function UserMenu() {
  /** undefined: not known yet. */
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

  // Back to the page the visitor was reading once signed in; from the home page or the sign-in pages
  // themselves, the sign-in page's default (their space).
  const back = pathname && pathname !== "/" && !pathname.startsWith("/connexion") ? pathname : null;
  const signIn = (
    <Link
      href={back ? `/connexion?callbackUrl=${encodeURIComponent(back)}` : "/connexion"}
      prefetch={false}
      className={`${linkClass} my-1.5 self-center`}
    >
      Se connecter
    </Link>
  );
  if (me === undefined) {
    // Holds the link's place, so that the visitor who is not signed in (most of them) sees nothing move.
    return (
      <>
        <span aria-hidden="true" className={`${linkClass} invisible my-1.5 self-center`}>
          Se connecter
        </span>
        <noscript>{signIn}</noscript>
      </>
    );
  }
  if (!me?.user) return signIn;
  return (
    <div className="flex flex-wrap items-center gap-2 self-center py-1.5">
      <span className="text-sm text-grey-800">{me.user.name}</span>
      {me.spaces.map((space) => (
        <Link key={space.href} href={space.href} className={linkClass}>
          {space.label}
        </Link>
      ))}
      <form action={signOutAction}>
        <button type="submit" className={linkClass}>
          Se déconnecter
        </button>
      </form>
    </div>
  );
}
