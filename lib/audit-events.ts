/**
 * The catalogue of audit events: every action the service records, with the
 * French label staff read in the histories and the journal. `recordAudit`
 * accepts only these actions (a new one does not compile until it is listed
 * here), and a unit test reads the code for actions written by SQL or the seed.
 * This is the one place where audit labels live.
 */

type EventInfo = { label: string };

export const AUDIT_EVENTS = {
  "application.created": { label: "Dossier créé" },
  "application.saved": { label: "Brouillon enregistré" },
  "application.submitted": { label: "Dossier déposé" },
  "application.withdrawn": { label: "Dossier retiré par le porteur" },
  "application.document_uploaded": { label: "Pièce jointe ajoutée" },
  "application.document_removed": { label: "Pièce jointe supprimée" },
  "application.information_requested": { label: "Compléments demandés" },
  "application.information_provided": { label: "Compléments apportés" },
  "application.information_request_closed": { label: "Demande de compléments close" },
  // Written by the demo data of earlier versions: kept so that their history reads in French.
  "application.information_answered": { label: "Compléments apportés" },
  "application.review_started": { label: "Instruction commencée" },
  "assignment.created": { label: "Instructeur affecté" },
  "assignment.removed": { label: "Affectation retirée" },
  "assignments.bulk_applied": { label: "Affectation automatique appliquée" },
  "auth.sign_in": { label: "Connexion" },
  "auth.sign_out": { label: "Déconnexion" },
  "call.created": { label: "Appel créé" },
  "call.updated": { label: "Appel modifié" },
  "call.opened": { label: "Appel ouvert immédiatement" },
  "call.results_published": { label: "Résultats publiés" },
  "call.results_unpublished": { label: "Publication des résultats retirée" },
  "decision.recorded": { label: "Décision enregistrée" },
  "decision.revised": { label: "Décision corrigée" },
  "email.resent": { label: "E-mail renvoyé" },
  "email.cancelled": { label: "E-mail annulé" },
  "followup_post.created": { label: "Page de suivi créée" },
  "followup_post.updated": { label: "Page de suivi modifiée" },
  "followup_post.published": { label: "Page de suivi publiée" },
  "followup_post.scheduled": { label: "Publication d’une page de suivi programmée" },
  "followup_post.unpublished": { label: "Page de suivi retirée" },
  "followup_post.image_uploaded": { label: "Image ajoutée à une page de suivi" },
  "membership.requested": { label: "Rattachement demandé" },
  "membership.confirmed": { label: "Rattachement confirmé" },
  "membership.attached_by_siret": { label: "Rattachement par le SIRET" },
  "membership.invited": { label: "Invitation envoyée" },
  "membership.removed": { label: "Membre retiré" },
  "milestone.created": { label: "Jalon ajouté" },
  "milestone.updated": { label: "Jalon modifié" },
  "milestone.deleted": { label: "Jalon supprimé" },
  "news_issue.created": { label: "Numéro d’actualités créé" },
  "news_issue.published": { label: "Numéro d’actualités publié" },
  "news_issue.unpublished": { label: "Numéro d’actualités retiré" },
  "progress_report.submitted": { label: "Rapport d’avancement envoyé" },
  "progress_report.featured": { label: "Rapport d’avancement cité sur la page publique" },
  "progress_report.unfeatured": { label: "Citation du rapport d’avancement retirée" },
  "review.submitted": { label: "Évaluation soumise" },
  "review.conflict_declared": { label: "Conflit d’intérêts déclaré" },
  "review.reopened": { label: "Évaluation rouverte" },
  "role.granted": { label: "Rôle attribué" },
  "role.revoked": { label: "Rôle retiré" },
  "seed.demo_loaded": { label: "Données de démonstration chargées" },
  "seed.scale": { label: "Données de charge générées" },
} as const satisfies Record<string, EventInfo>;

export type AuditAction = keyof typeof AUDIT_EVENTS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, value);
}

/** The French label of an action; an unknown one (an old row) is named as such, never shown raw alone. */
export function auditLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_EVENTS[action].label : `Événement non répertorié (${action})`;
}

/** The kinds of object an event is about, in French. */
export const AUDIT_SUBJECT_LABELS: Record<string, string> = {
  application: "Dossier",
  call: "Appel",
  user: "Compte",
  email: "E-mail",
  membership: "Rattachement",
  organisation: "Organisation",
  followup_post: "Page de suivi",
  milestone: "Jalon",
  news_issue: "Numéro d’actualités",
  progress_report: "Rapport d’avancement",
  app_meta: "Service",
  calls: "Appels",
};

/** Families of actions for the journal's « Quoi » filter, by the part before the dot. */
export const AUDIT_FAMILIES: Record<string, string> = {
  application: "Dossiers",
  assignment: "Affectations",
  assignments: "Affectations automatiques",
  auth: "Connexions",
  call: "Appels",
  decision: "Décisions",
  email: "E-mails",
  followup_post: "Pages de suivi",
  membership: "Rattachements",
  milestone: "Jalons",
  news_issue: "Actualités",
  progress_report: "Rapports d’avancement",
  review: "Évaluations",
  role: "Rôles",
  seed: "Données",
};

/** The catalogue grouped by family, in the order above, for the filter's option groups. */
export function auditActionsByFamily() {
  return Object.entries(AUDIT_FAMILIES).map(([family, label]) => ({
    family,
    label,
    actions: (Object.keys(AUDIT_EVENTS) as AuditAction[])
      .filter((action) => action.split(".")[0] === family)
      .map((action) => ({ action, label: AUDIT_EVENTS[action].label })),
  }));
}

/** Labels of the call fields whose changes `call.updated` records. */
export const CALL_FIELD_LABELS: Record<string, string> = {
  title: "Titre",
  year: "Année",
  slug: "Adresse",
  code: "Code",
  descriptionMd: "Présentation",
  eligibilityMd: "Conditions d’éligibilité",
  themes: "Thématiques",
  eligibleCountries: "Pays éligibles",
  opensAt: "Ouverture",
  closesAt: "Clôture",
  maxGrantCents: "Subvention maximale",
  maxSharePercent: "Part maximale du budget",
  envelopeCents: "Enveloppe",
  reviewersPerApplication: "Instructeurs par dossier",
  grid: "Grille d’évaluation",
  documents: "Pièces demandées",
};
