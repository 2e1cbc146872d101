"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { LAUREATES_CACHED_PREFIX, LAUREATES_SEARCH_PATH } from "@/lib/public/laureates-path";

const LINKS = [
  { href: "/", label: "Accueil" },
  { href: "/appels", label: "Appels à projets" },
  { href: "/laureats", label: "Lauréats" },
  { href: "/statistiques", label: "Statistiques" },
  { href: "/carte", label: "Carte" },
  { href: "/donnees", label: "Données ouvertes" },
] as const;

/** The header's menu dialog on narrow screens (components/layout/site-header.tsx). */
export const MENU_DIALOG_ID = "menu-principal-modal";

/** The part of the DSFR's script API used here: an element's dialog instance. */
type DsfrApi = (element: Element) => { modal?: { conceal: () => void } } | null | undefined;

function isCurrent(currentPath: string, href: string) {
  // A filtered list or a search is rendered at an internal address (lib/public/laureates-routing.ts).
  const pathname =
    currentPath.startsWith(LAUREATES_CACHED_PREFIX) || currentPath === LAUREATES_SEARCH_PATH
      ? "/laureats"
      : currentPath;
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The DSFR main navigation; the current section is marked with aria-current, which the DSFR
 * draws (not by colour alone).
 * No prefetch (here, in the header and the breadcrumb): these links are on every page, and
 * prefetching them cost each visit ~14 background requests whose decoding delayed the first
 * paint (Lighthouse, docs/performance.md); the pages they lead to come from the cache anyway.
 */
export function MainNav() {
  const pathname = usePathname() ?? "/";
  // A link followed from the narrow-screen menu dialog leaves it open (the page changes under it): close it.
  useEffect(() => {
    const dialog = document.getElementById(MENU_DIALOG_ID);
    const dsfr = (window as { dsfr?: DsfrApi }).dsfr;
    // The DSFR's scripts may still be loading (no instance yet): then the dialog is not open either.
    if (pathname && dialog && typeof dsfr === "function") dsfr(dialog)?.modal?.conceal();
  }, [pathname]);
  return (
    <nav className="fr-nav" id="navigation" aria-label="Menu principal">
      <ul className="fr-nav__list">
        {LINKS.map((link) => (
          <li key={link.href} className="fr-nav__item">
            <Link
              href={link.href}
              prefetch={false}
              className="fr-nav__link"
              aria-current={isCurrent(pathname, link.href) ? "page" : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
