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
 * The header's account area. Rendered as « Se connecter » on the server (so
 * public pages are the same for everyone), then filled in from /api/me.
 */
export function UserMenu() {
  const [me, setMe] = useState<Me | null>(null);
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
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [pathname]);

  if (!me?.user) {
    return (
      <Link href="/connexion" prefetch={false} className={`${linkClass} my-1.5 self-center`}>
        Se connecter
      </Link>
    );
  }
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
