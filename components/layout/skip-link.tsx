/** First focusable elements of every page (RGAA 12.7): the DSFR's skip links over the header. */
export function SkipLink() {
  return (
    <div className="fr-skiplinks">
      <nav className="fr-container" aria-label="Accès rapide">
        <ul className="fr-skiplinks__list">
          <li>
            <a className="fr-link" href="#contenu">
              Aller au contenu
            </a>
          </li>
          <li>
            <a className="fr-link" href="#navigation">
              Aller au menu
            </a>
          </li>
          <li>
            <a className="fr-link" href="#pied-de-page">
              Aller au pied de page
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
