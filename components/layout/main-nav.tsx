"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Accueil" },
  { href: "/appels", label: "Appels à projets" },
  { href: "/laureats", label: "Lauréats" },
] as const;

function isCurrent(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Main navigation; the current section is marked with aria-current, not by colour alone. */
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
        <Link
          href="/connexion"
          aria-current={isCurrent(pathname, "/connexion") ? "page" : undefined}
          className="my-1.5 inline-flex items-center gap-2 self-center border border-blue-france px-3 py-1.5 text-sm font-medium text-blue-france no-underline hover:bg-blue-france-50"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-current">
            <path d="M12 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 12c4.4 0 8 2.2 8 5v3H4v-3c0-2.8 3.6-5 8-5Z" />
          </svg>
          Se connecter
        </Link>
      </div>
    </nav>
  );
}
