/**
 * The catalogue of audit events: every action the service records, with the
 * French label staff read in the histories and the journal, and the fields of
 * its `data` (the details). `recordAudit` accepts only these actions, each with
 * only its declared fields (`AuditDetails<A>`): a new action does not compile
 * until it is listed here, nor a new detail until it is declared. A unit test
 * reads the code for actions and details written by SQL or the seed.
 * This is the one place where audit labels live.
 */

/** What a field holds; a trailing « ? » makes it optional (absent from older events or from some writers). */
type FieldTypes = {
  string: string;
  "string|null": string | null;
  number: number;
  "number|null": number | null;
  boolean: boolean;
  "string[]": string[];
  /** A nested object (a previous decision, the changes of a call…), read by its own code. */
  json: unknown;
};
type BaseKind = keyof FieldTypes;
export type FieldKind = BaseKind | `${BaseKind}?`;
type EventInfo = { label: string; fields: Readonly<Record<string, FieldKind>> };

export const AUDIT_EVENTS = {
  "application.created": {
    label: "Dossier créé",
    fields: { callId: "string", organisationId: "number" },
  },
  "application.saved": {
    label: "Brouillon enregistré",
    fields: { version: "number", fields: "string[]", mergedFrom: "number?" },
  },
  // The seed adds the call; the submission's SQL writes the receipt number alone.
  "application.submitted": {
    label: "Dossier déposé",
    fields: { receiptNumber: "string", callId: "string?" },
  },
  "application.withdrawn": {
    label: "Dossier retiré par le porteur",
    fields: { reason: "string|null", previousStatus: "string?" },
  },
  "application.document_uploaded": {
    label: "Pièce jointe ajoutée",
    fields: { requiredDocumentId: "string", attachmentId: "string", sha256: "string", sizeBytes: "number" },
  },
  "application.document_removed": { label: "Pièce jointe supprimée", fields: { attachmentId: "string" } },
  "application.information_requested": {
    label: "Compléments demandés",
    fields: { messageId: "string", threadId: "string?" },
  },
  "application.information_provided": {
    label: "Compléments apportés",
    fields: { threadId: "string", answerId: "string", attachments: "json", previousStatus: "string" },
  },
  "application.information_request_closed": {
    label: "Demande de compléments close",
    fields: { threadId: "string", previousStatus: "string" },
  },
  // Written by the demo data of earlier versions: kept so that their history reads in French.
  "application.information_answered": { label: "Compléments apportés", fields: { messageId: "string" } },
  "application.review_started": { label: "Instruction commencée", fields: {} },
  "assignment.created": {
    label: "Instructeur affecté",
    fields: { reviewerId: "string", bulk: "boolean?", callId: "string?" },
  },
  "assignment.removed": { label: "Affectation retirée", fields: { reviewerId: "string" } },
  "assignments.bulk_applied": {
    label: "Affectation automatique appliquée",
    fields: {
      created: "number",
      perApplication: "number",
      sameDepartementRule: "boolean",
      shortfalls: "number",
    },
  },
  "auth.sign_in": { label: "Connexion", fields: { provider: "string", persona: "string?" } },
  "auth.sign_out": { label: "Déconnexion", fields: {} },
  "call.created": {
    label: "Appel créé",
    fields: { title: "string", slug: "string", criteria: "number", duplicateOf: "string?" },
  },
  "call.updated": {
    label: "Appel modifié",
    fields: { title: "string", gridChanged: "boolean", changes: "json" },
  },
  "call.opened": { label: "Appel ouvert immédiatement", fields: { previousOpensAt: "string" } },
  // The seed writes the counts alone.
  "call.results_published": {
    label: "Résultats publiés",
    fields: {
      accepted: "number",
      rejected: "number",
      grantedCents: "number?",
      envelopeCents: "number|null?",
      emails: "number?",
      withoutRecipient: "number?",
    },
  },
  "call.results_unpublished": {
    label: "Publication des résultats retirée",
    fields: { reason: "string", publishedAt: "string|null", emails: "number", withoutRecipient: "number" },
  },
  "decision.recorded": {
    label: "Décision enregistrée",
    fields: { outcome: "string", grantedAmountCents: "number|null", rejectionReason: "string|null" },
  },
  "decision.revised": {
    label: "Décision corrigée",
    fields: {
      reason: "string",
      previous: "json",
      outcome: "string",
      grantedAmountCents: "number|null",
      rejectionReason: "string|null",
    },
  },
  "email.resent": { label: "E-mail renvoyé", fields: { template: "string" } },
  "email.cancelled": { label: "E-mail annulé", fields: { template: "string" } },
  "followup_post.created": {
    label: "Page de suivi créée",
    fields: { networkId: "string", applicationId: "string|null", newsIssueId: "string|null" },
  },
  "followup_post.updated": { label: "Page de suivi modifiée", fields: { status: "string" } },
  // Published on its own (with its application), or with a news issue (with the issue).
  "followup_post.published": {
    label: "Page de suivi publiée",
    fields: {
      from: "string?",
      publishAt: "string|null?",
      applicationId: "string|null?",
      newsIssueId: "string?",
    },
  },
  "followup_post.scheduled": {
    label: "Publication d’une page de suivi programmée",
    fields: { from: "string", publishAt: "string|null", applicationId: "string|null" },
  },
  "followup_post.unpublished": {
    label: "Page de suivi retirée",
    fields: { from: "string?", applicationId: "string|null?", newsIssueId: "string?" },
  },
  "followup_post.image_uploaded": {
    label: "Image ajoutée à une page de suivi",
    fields: { attachmentId: "string", sha256: "string", sizeBytes: "number" },
  },
  "membership.requested": { label: "Rattachement demandé", fields: { organisationId: "number" } },
  "membership.confirmed": {
    label: "Rattachement confirmé",
    fields: { organisationId: "number", userId: "string" },
  },
  "membership.attached_by_siret": {
    label: "Rattachement par le SIRET",
    fields: { siren: "string", role: "string" },
  },
  "membership.invited": {
    label: "Invitation envoyée",
    fields: { organisationId: "number", email: "string", role: "string" },
  },
  "membership.removed": { label: "Membre retiré", fields: { organisationId: "number", userId: "string" } },
  "milestone.created": {
    label: "Jalon ajouté",
    fields: { applicationId: "string", status: "string", progressPercent: "number|null" },
  },
  "milestone.updated": {
    label: "Jalon modifié",
    fields: { from: "string", to: "string", progressPercent: "number|null" },
  },
  "milestone.deleted": { label: "Jalon supprimé", fields: { applicationId: "string", label: "string" } },
  "news_issue.created": {
    label: "Numéro d’actualités créé",
    fields: { networkId: "string", number: "number" },
  },
  "news_issue.published": {
    label: "Numéro d’actualités publié",
    fields: { number: "number", posts: "string[]" },
  },
  "news_issue.unpublished": {
    label: "Numéro d’actualités retiré",
    fields: { number: "number", posts: "string[]" },
  },
  "progress_report.submitted": {
    label: "Rapport d’avancement envoyé",
    fields: { applicationId: "string", kind: "string", position: "number?", actualExpensesCents: "number?" },
  },
  "progress_report.changes_requested": {
    label: "Compléments demandés sur un rapport",
    fields: { applicationId: "string", position: "number", comment: "string" },
  },
  "progress_report.accepted": {
    label: "Rapport validé",
    fields: { applicationId: "string", position: "number", released: "number" },
  },
  "grant.agreement_sent": {
    label: "Convention envoyée",
    fields: { applicationId: "string", reference: "string", grantedCents: "number", years: "number" },
  },
  "grant.agreement_signed": {
    label: "Convention signée",
    fields: { applicationId: "string", signatoryName: "string", signatoryFunction: "string" },
  },
  "grant.instalment_released": {
    label: "Tranche à verser",
    fields: { applicationId: "string", position: "number", amountCents: "number" },
  },
  "grant.instalment_paid": {
    label: "Versement enregistré",
    fields: {
      applicationId: "string",
      position: "number",
      paidCents: "number",
      paidOn: "string",
      reference: "string",
    },
  },
  "grant.instalment_cancelled": {
    label: "Tranche annulée",
    fields: { applicationId: "string", position: "number", reason: "string" },
  },
  "grant.closed": {
    label: "Subvention soldée",
    fields: { applicationId: "string", allowedCents: "number", refundOwedCents: "number" },
  },
  "progress_report.featured": {
    label: "Rapport d’avancement cité sur la page publique",
    fields: { applicationId: "string", networkId: "string" },
  },
  "progress_report.unfeatured": {
    label: "Citation du rapport d’avancement retirée",
    fields: { applicationId: "string", networkId: "string" },
  },
  "review.submitted": {
    label: "Évaluation soumise",
    fields: { reviewId: "string", recommendation: "string|null" },
  },
  "review.conflict_declared": {
    label: "Conflit d’intérêts déclaré",
    fields: { reason: "string", setAsideReview: "json?" },
  },
  "review.reopened": {
    label: "Évaluation rouverte",
    fields: { reviewId: "string", reviewerId: "string", reviewerName: "string|null", reason: "string" },
  },
  "role.granted": {
    label: "Rôle attribué",
    fields: { role: "string", networkId: "string|null", email: "string" },
  },
  "role.revoked": { label: "Rôle retiré", fields: { role: "string", networkId: "string|null" } },
  "seed.demo_loaded": { label: "Données de démonstration chargées", fields: { version: "number" } },
  "seed.scale": {
    label: "Données de charge générées",
    fields: { count: "number", calls: "number", reviews: "number" },
  },
} as const satisfies Record<string, EventInfo>;

export type AuditAction = keyof typeof AUDIT_EVENTS;

type Fields<A extends AuditAction> = (typeof AUDIT_EVENTS)[A]["fields"];
type RequiredFields<F> = {
  -readonly [K in keyof F as F[K] extends `${string}?` ? never : K]: FieldTypes[F[K] & BaseKind];
};
type OptionalFields<F> = {
  -readonly [K in keyof F as F[K] extends `${string}?`
    ? K
    : never]?: F[K] extends `${infer B extends BaseKind}?` ? FieldTypes[B] : never;
};

/** The details (`data`) an event of action A carries: its declared fields, with their types, and no others. */
export type AuditDetails<A extends AuditAction> = keyof Fields<A> extends never
  ? Record<string, never>
  : RequiredFields<Fields<A>> & OptionalFields<Fields<A>>;

/**
 * An action with its details, one member per action of the catalogue, so that
 * `{ action: "review.submitted", data: { … } }` is checked against that action's
 * fields. An event without fields may omit its data. `Base` holds the columns
 * around them (actor, subject…): put inside each member rather than intersected
 * with the union, where TypeScript would mix the members' details.
 */
export type AuditEvent<Base = unknown> = {
  [A in AuditAction]: Base & { action: A } & (keyof Fields<A> extends never
      ? { data?: AuditDetails<A> }
      : { data: AuditDetails<A> });
}[AuditAction];

/** The declared fields of an action, for the test that reads the details written by SQL and the seed. */
export function auditFields(action: AuditAction): readonly string[] {
  return Object.keys(AUDIT_EVENTS[action].fields);
}

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
  grant: "Subvention",
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
  grant: "Conventions et versements",
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
