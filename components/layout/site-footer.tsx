import Link from "next/link";
import { BlocMarque } from "./bloc-marque";
import { DisplaySettings } from "./display-settings";
import { SERVICE_NAME } from "./site-header";

const LEGAL_LINKS = [
  // The networks' follow-up pages are not in the main menu; this keeps them one link away from every page.
  { href: "/reseaux", label: "Réseaux régionaux et suivi des projets" },
  { href: "/accessibilite", label: "Accessibilité\u00a0: partiellement conforme" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
] as const;

/** The State's sites every DSFR footer links to. */
const STATE_SITES = [
  { href: "https://www.info.gouv.fr", label: "info.gouv.fr" },
  { href: "https://www.service-public.gouv.fr", label: "service-public.gouv.fr" },
  { href: "https://www.legifrance.gouv.fr", label: "legifrance.gouv.fr" },
  { href: "https://www.data.gouv.fr", label: "data.gouv.fr" },
] as const;

/**
 * The DSFR footer: the bloc-marque, what the service is, the State's sites,
 * the mandatory links (accessibility status, legal notice, personal data),
 * the display settings and the licence of the content.
 */
export function SiteFooter() {
  return (
    <footer className="fr-footer" role="contentinfo" id="pied-de-page">
      <div className="fr-container">
        <div className="fr-footer__body">
          <div className="fr-footer__brand fr-enlarge-link">
            <Link
              href="/"
              prefetch={false}
              title={`Retour à l’accueil — ${SERVICE_NAME} — République Française`}
            >
              <BlocMarque />
            </Link>
          </div>
          <div className="fr-footer__content">
            <p className="fr-footer__content-desc">
              Service en ligne de dépôt des candidatures des collectivités territoriales françaises aux appels
              à projets de soutien à la coopération décentralisée du ministère de l’Europe et des Affaires
              étrangères (DCTCIV), et de publication des projets lauréats.
            </p>
            <ul className="fr-footer__content-list">
              {STATE_SITES.map((site) => (
                <li key={site.href} className="fr-footer__content-item">
                  <a
                    className="fr-footer__content-link"
                    href={site.href}
                    target="_blank"
                    rel="noopener"
                    title={`${site.label} — nouvelle fenêtre`}
                  >
                    {site.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <nav aria-label="Pied de page" className="fr-footer__bottom">
          <ul className="fr-footer__bottom-list">
            {LEGAL_LINKS.map((link) => (
              <li key={link.href} className="fr-footer__bottom-item">
                <Link href={link.href} className="fr-footer__bottom-link">
                  {link.label}
                </Link>
              </li>
            ))}
            <li className="fr-footer__bottom-item">
              <button
                type="button"
                className="fr-footer__bottom-link fr-icon-theme-fill fr-btn--icon-left"
                aria-controls="parametres-affichage"
                data-fr-opened="false"
              >
                Paramètres d’affichage
              </button>
            </li>
          </ul>
          <div className="fr-footer__bottom-copy">
            <p>
              Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce
              site sont proposés sous{" "}
              <a
                href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"
                target="_blank"
                rel="noopener"
                title="Licence etalab-2.0 — nouvelle fenêtre"
              >
                licence etalab-2.0
              </a>
            </p>
          </div>
        </nav>
      </div>
      <DisplaySettings />
    </footer>
  );
}
