/**
 * The `<title>` of pages that show one record: the record first (what the tab
 * must tell apart when several are open), then where in it the user is. The
 * root layout adds « — Coopération décentralisée ».
 */

export const TITLE_SUFFIX = " — Coopération décentralisée";

/** The title of a page refused by the policy: says nothing of what was asked for. */
export const FORBIDDEN_TITLE = "Accès refusé";

/** « Eau potable à Pristina — Étape 2 sur 6 : Participants — Dossier de candidature ». */
export function applicationStepTitle(title: string, stepIndex: number, stepLabel: string) {
  return `${displayTitle(title)} — Étape ${stepIndex + 1} sur 6\u00a0: ${stepLabel} — Dossier de candidature`;
}

/** « Vérification et dépôt — Eau potable à Pristina », and the like for the other pages of a record. */
export function recordPageTitle(page: string, recordTitle: string) {
  return `${page} — ${displayTitle(recordTitle)}`;
}

/** A blank title is saved as a placeholder; tabs show it as such rather than an empty name. */
function displayTitle(title: string) {
  return title.trim() || "Dossier sans titre";
}

/**
 * A staff page about one record: « Eau potable à Pristina — Dossier en
 * instruction », « Appel 2026 — Publication des résultats — Administration ».
 * The record comes first so that tabs of several records tell them apart.
 */
export function staffRecordTitle(recordTitle: string, page: string, space?: string) {
  const name = recordTitle.trim() || "Sans titre";
  return space ? `${name} — ${page} — ${space}` : `${name} — ${page}`;
}
