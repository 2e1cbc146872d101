import type { ReactNode } from "react";

/**
 * The design system's error page (DSFR « page d'erreur »): what happened in a
 * title, the error's name (« Erreur 404 ») under it, a lead sentence, the ways
 * on, and the DSFR's « technical error » pictogram beside the text on a wide
 * screen. Used by the 404, 403 and unexpected-error pages.
 */
export function ErrorPage({
  code,
  title,
  lead,
  children,
  actions,
}: {
  code: string;
  title: string;
  lead: ReactNode;
  /** More explanation under the lead. */
  children?: ReactNode;
  /** The ways on: links or buttons. */
  actions: ReactNode;
}) {
  return (
    <div className="fr-container w-full py-12 md:py-20">
      <div className="grid items-center gap-8 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          <h1>{title}</h1>
          <p className="fr-text--sm">{code}</p>
          <p className="fr-text--lead">{lead}</p>
          {children}
          <div className="mt-8 flex flex-wrap items-center gap-4">{actions}</div>
        </div>
        <div className="hidden justify-center md:flex">
          {/* Referenced, not inlined: the pictogram takes the DSFR's colours (and the dark theme) from the page. */}
          <svg aria-hidden="true" viewBox="0 0 80 80" width="160" height="160">
            <use
              className="fr-artwork-decorative"
              href="/artwork/pictograms/system/technical-error.svg#artwork-decorative"
            />
            <use
              className="fr-artwork-minor"
              href="/artwork/pictograms/system/technical-error.svg#artwork-minor"
            />
            <use
              className="fr-artwork-major"
              href="/artwork/pictograms/system/technical-error.svg#artwork-major"
            />
          </svg>
        </div>
      </div>
    </div>
  );
}
