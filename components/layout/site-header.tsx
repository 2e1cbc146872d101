import Link from "next/link";
import { BlocMarque } from "./bloc-marque";
import { DemoNotice } from "./demo-notice";
import { MainNav, MENU_DIALOG_ID } from "./main-nav";
import { QuickAccess, QuickAccessProvider } from "./user-menu";

export const SERVICE_NAME = "Coopération décentralisée — Appels à projets";
export const SERVICE_OWNER = "Ministère de l’Europe et des Affaires étrangères · DCTCIV";

/**
 * The DSFR header: the bloc-marque (« République Française » with Marianne,
 * drawn by the DSFR's logo class), the service's name and tagline, the quick
 * access to sign in or to one's spaces, and the main menu. On a narrow screen
 * the menu and the quick access fold into the DSFR's menu dialog (its modal
 * script). The ministry is named in the tagline: the DSFR's operator slot
 * takes the operator's logo image, which this repository does not hold.
 */
export function SiteHeader() {
  return (
    <header role="banner" className="fr-header">
      <DemoNotice />
      <QuickAccessProvider>
        <div className="fr-header__body">
          <div className="fr-container">
            <div className="fr-header__body-row">
              <div className="fr-header__brand fr-enlarge-link">
                <div className="fr-header__brand-top">
                  <div className="fr-header__logo">
                    <BlocMarque />
                  </div>
                  <div className="fr-header__navbar">
                    <button
                      type="button"
                      className="fr-btn--menu fr-btn"
                      data-fr-opened="false"
                      aria-controls={MENU_DIALOG_ID}
                      aria-haspopup="dialog"
                      id="bouton-menu"
                      title="Menu"
                    >
                      Menu
                    </button>
                  </div>
                </div>
                <div className="fr-header__service">
                  <Link href="/" prefetch={false} title={`Accueil — ${SERVICE_NAME} — République Française`}>
                    <p className="fr-header__service-title">{SERVICE_NAME}</p>
                  </Link>
                  <p className="fr-header__service-tagline">{SERVICE_OWNER}</p>
                </div>
              </div>
              <div className="fr-header__tools">
                <div className="fr-header__tools-links">
                  <QuickAccess />
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="fr-header__menu fr-modal" id={MENU_DIALOG_ID} aria-labelledby="bouton-menu">
          <div className="fr-container">
            <button
              type="button"
              className="fr-btn--close fr-btn"
              aria-controls={MENU_DIALOG_ID}
              title="Fermer"
            >
              Fermer
            </button>
            <div className="fr-header__menu-links">
              <QuickAccess />
            </div>
            <MainNav />
          </div>
        </div>
      </QuickAccessProvider>
    </header>
  );
}
