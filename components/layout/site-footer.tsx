import Link from "next/link";
import { SERVICE_NAME, SERVICE_OWNER } from "./site-header";

const LEGAL_LINKS = [
  // The networks' follow-up pages are not in the main menu; this keeps them one link away from every page.
  { href: "/reseaux", label: "Réseaux régionaux et suivi des projets" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/accessibilite", label: "Accessibilité\u00a0: partiellement conforme" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
] as const;

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t-2 border-blue-france bg-white">
      <div className="mx-auto max-w-6xl px-4 py-8">
        <p className="font-bold">{SERVICE_NAME}</p>
        <p className="mt-1 text-sm text-grey-600">{SERVICE_OWNER}</p>
        <p className="mt-4 max-w-3xl text-sm text-grey-800">
          Service en ligne de dépôt des candidatures des collectivités territoriales françaises aux appels à
          projets de soutien à la coopération décentralisée, et de publication des projets lauréats.
        </p>
      </div>
      <nav aria-label="Pied de page" className="border-t border-grey-200">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-4 text-sm">
          {LEGAL_LINKS.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="text-grey-800">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}
