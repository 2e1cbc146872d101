"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LAUREATES_CACHED_PREFIX, LAUREATES_SEARCH_PATH } from "@/lib/public/laureates-path";
import { UserMenu } from "./user-menu";

const LINKS = [
  { href: "/", label: "Accueil" },
  { href: "/appels", label: "Appels à projets" },
  { href: "/laureats", label: "Lauréats" },
  { href: "/statistiques", label: "Statistiques" },
  { href: "/carte", label: "Carte" },
  { href: "/donnees", label: "Données ouvertes" },
] as const;

function isCurrent(currentPath: string, href: string) {
  // A filtered list or a search is rendered at an internal address (lib/public/laureates-routing.ts).
  const pathname =
    currentPath.startsWith(LAUREATES_CACHED_PREFIX) || currentPath === LAUREATES_SEARCH_PATH
      ? "/laureats"
      : currentPath;
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * Main navigation; the current section is marked with aria-current, not by colour alone.
 * No prefetch (here, in the header and the breadcrumb): these links are on every page, and
 * prefetching them cost each visit ~14 background requests whose decoding delayed the first
 * paint (Lighthouse, docs/performance.md); the pages they lead to come from the cache anyway.
 */
export function MainNav() {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label="Menu principal" className="border-t border-grey-200">
      <div className="mx-auto flex max-w-6xl flex-wrap items-stretch justify-between gap-x-4 px-4">
        <ul className="flex flex-wrap">
          {LINKS.map((link) => {
            const current = isCurrent(pathname, link.href);
            return (
              <li key={link.href}>
                <Link
                  href={link.href}
                  prefetch={false}
                  aria-current={current ? "page" : undefined}
                  className={`block border-b-2 px-3 py-3 text-sm font-medium no-underline hover:bg-grey-50 ${
                    current ? "border-blue-france text-blue-france" : "border-transparent text-grey-950"
                  }`}
                >
                  {link.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <UserMenu />
      </div>
    </nav>
  );
}
