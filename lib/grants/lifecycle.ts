/**
 * What happens after an application is accepted and its call's results are
 * published, declared once as the application's lifecycle is
 * (lib/applications/lifecycle.ts), in three small tables — the grant, its
 * reports and its instalments — because each has its own status:
 *
 *   grant:      agreement_sent → agreement_signed → closed
 *   report:     (expected) → submitted ⇄ changes_requested;  submitted → accepted
 *   instalment: waiting → due → paid;  waiting → cancelled (the settlement leaves it nothing)
 *
 * The application itself stays `accepted`: that is the decision, which every
 * public figure counts. Signing makes the first instalment due; accepting
 * report n makes due the instalment it releases (lib/grants/amounts.ts plans
 * which); the grant is closed when its final report is accepted and nothing
 * is left to pay. Each transition names the policy predicate that authorizes
 * it, the audit event it writes and the e-mails it sends; lifecycle.test.ts
 * checks them. Plain data: imported by pages for the labels.
 */
import type { AuditAction } from "@/lib/audit-events";

export const GRANT_STATUSES = ["agreement_sent", "agreement_signed", "closed"] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

export const REPORT_STATUSES = ["submitted", "changes_requested", "accepted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const INSTALMENT_STATUSES = ["waiting", "due", "paid", "cancelled"] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];

type Transition<S extends string> = {
  /** Statuses it may start from; `new` when it creates the row. */
  from: readonly (S | "new")[];
  to: readonly S[];
  by: string;
  policy: keyof typeof import("@/lib/authz/policy");
  audit: AuditAction;
  emails: readonly string[];
};

export const GRANT_TRANSITIONS = {
  sendAgreement: {
    from: ["new"],
    to: ["agreement_sent"],
    by: "an admin, once the call's results are published",
    policy: "canManageGrants",
    audit: "grant.agreement_sent",
    emails: ["agreement-sent"],
  },
  signAgreement: {
    from: ["agreement_sent"],
    to: ["agreement_signed"],
    by: "a manager of the lead organisation, for its authorised signatory",
    policy: "canSignAgreement",
    audit: "grant.agreement_signed",
    emails: [],
  },
  close: {
    from: ["agreement_signed"],
    to: ["closed"],
    by: "the service, when the final report is accepted and nothing is left to pay",
    policy: "canManageGrants",
    audit: "grant.closed",
    emails: [],
  },
} as const satisfies Record<string, Transition<GrantStatus>>;

export const REPORT_TRANSITIONS = {
  submitReport: {
    from: ["new", "changes_requested"],
    to: ["submitted"],
    by: "an active member of the lead organisation, once the agreement is signed",
    policy: "canSubmitGrantReport",
    audit: "progress_report.submitted",
    emails: [],
  },
  requestReportChanges: {
    from: ["submitted"],
    to: ["changes_requested"],
    by: "an admin, saying what is missing",
    policy: "canManageGrants",
    audit: "progress_report.changes_requested",
    emails: ["report-reviewed"],
  },
  acceptReport: {
    from: ["submitted"],
    to: ["accepted"],
    by: "an admin; releases the instalment the report was waited for",
    policy: "canManageGrants",
    audit: "progress_report.accepted",
    emails: ["report-reviewed"],
  },
} as const satisfies Record<string, Transition<ReportStatus>>;

export const INSTALMENT_TRANSITIONS = {
  release: {
    from: ["waiting"],
    to: ["due"],
    by: "the service, when the agreement is signed or the report it waits for is accepted",
    policy: "canManageGrants",
    audit: "grant.instalment_released",
    emails: [],
  },
  recordPayment: {
    from: ["due"],
    to: ["paid"],
    by: "an admin, with the payment's date, amount and reference",
    policy: "canManageGrants",
    audit: "grant.instalment_paid",
    emails: ["payment-notice"],
  },
  cancel: {
    from: ["waiting"],
    to: ["cancelled"],
    by: "the service, when the final settlement leaves the balance nothing to pay",
    policy: "canManageGrants",
    audit: "grant.instalment_cancelled",
    emails: [],
  },
} as const satisfies Record<string, Transition<InstalmentStatus>>;

export type GrantTransition = keyof typeof GRANT_TRANSITIONS;
export type ReportTransition = keyof typeof REPORT_TRANSITIONS;
export type InstalmentTransition = keyof typeof INSTALMENT_TRANSITIONS;

export function grantAllows(name: GrantTransition, status: string) {
  return (GRANT_TRANSITIONS[name].from as readonly string[]).includes(status);
}
export function reportAllows(name: ReportTransition, status: string | null) {
  return (REPORT_TRANSITIONS[name].from as readonly string[]).includes(status ?? "new");
}

export const GRANT_STATUS_LABELS: Record<GrantStatus, string> = {
  agreement_sent: "Convention à signer",
  agreement_signed: "Convention signée",
  closed: "Soldée",
};

export const REPORT_STATUS_LABELS: Record<ReportStatus | "expected" | "overdue", string> = {
  expected: "Attendu",
  overdue: "En retard",
  submitted: "Envoyé, en cours d’examen",
  changes_requested: "Compléments demandés",
  accepted: "Validé",
};

export const INSTALMENT_STATUS_LABELS: Record<InstalmentStatus, string> = {
  waiting: "En attente",
  due: "À verser",
  paid: "Versée",
  cancelled: "Annulée",
};
