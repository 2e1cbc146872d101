const THEMES = [
  { value: "light", label: "Thème clair", pictogram: "/artwork/pictograms/environment/sun.svg" },
  { value: "dark", label: "Thème sombre", pictogram: "/artwork/pictograms/environment/moon.svg" },
  {
    value: "system",
    label: "Système",
    hint: "Utilise les paramètres système",
    pictogram: "/artwork/pictograms/system/system.svg",
  },
] as const;

/**
 * The DSFR display settings dialog (opened from the footer): light, dark or
 * the system's theme. The DSFR's display script keeps the choice in the
 * browser and sets it on <html> (`data-fr-theme`); every colour of the pages
 * follows, the layout utilities' included (app/globals.css).
 * The pictograms are referenced (`<use>`), not inlined: the DSFR's script
 * inlines an `svg.fr-artwork` with the file's own <style>, which the public
 * pages' CSP refuses; referenced, they take the DSFR's colours from the page.
 */
export function DisplaySettings() {
  return (
    <dialog id="parametres-affichage" className="fr-modal" aria-labelledby="parametres-affichage-titre">
      <div className="fr-container fr-container--fluid fr-container-md">
        <div className="fr-grid-row fr-grid-row--center">
          <div className="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <div className="fr-modal__body">
              <div className="fr-modal__header">
                <button
                  type="button"
                  className="fr-btn--close fr-btn"
                  aria-controls="parametres-affichage"
                  title="Fermer"
                >
                  Fermer
                </button>
              </div>
              <div className="fr-modal__content">
                <h2 id="parametres-affichage-titre" className="fr-modal__title">
                  Paramètres d’affichage
                </h2>
                <div id="fr-display" className="fr-form-group fr-display">
                  <fieldset className="fr-fieldset" id="parametres-affichage-themes">
                    <legend className="fr-fieldset__legend--regular fr-fieldset__legend">
                      Choisissez un thème pour personnaliser l’apparence du site.
                    </legend>
                    {THEMES.map((theme) => (
                      <div key={theme.value} className="fr-fieldset__element">
                        <div className="fr-radio-group fr-radio-rich">
                          <input
                            value={theme.value}
                            type="radio"
                            id={`theme-${theme.value}`}
                            name="fr-radios-theme"
                          />
                          <label className="fr-label" htmlFor={`theme-${theme.value}`}>
                            {theme.label}
                            {"hint" in theme ? <span className="fr-hint-text">{theme.hint}</span> : null}
                          </label>
                          <div className="fr-radio-rich__img">
                            <svg aria-hidden="true" viewBox="0 0 80 80" width="80px" height="80px">
                              <use
                                className="fr-artwork-decorative"
                                href={`${theme.pictogram}#artwork-decorative`}
                              />
                              <use className="fr-artwork-minor" href={`${theme.pictogram}#artwork-minor`} />
                              <use className="fr-artwork-major" href={`${theme.pictogram}#artwork-major`} />
                            </svg>
                          </div>
                        </div>
                      </div>
                    ))}
                  </fieldset>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}
