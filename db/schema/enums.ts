import { pgEnum } from "drizzle-orm/pg-core";

/** French bodies: the four levels of local authorities, plus bodies that may lead (GIP networks…). */
export const organisationKind = pgEnum("organisation_kind", [
  "commune",
  "epci",
  "departement",
  "region",
  "other",
]);

/** Kinds of foreign partner authorities, as the 2025 data names them. */
export const foreignPartnerKind = pgEnum("foreign_partner_kind", [
  "commune",
  "municipality",
  "city",
  "province",
  "region",
  "federation_of_municipalities",
  "national_park",
  "other",
]);

export const operatorKind = pgEnum("operator_kind", ["ngo", "association", "foundation", "other"]);

/** See the lifecycle diagram in the README. */
export const applicationStatus = pgEnum("application_status", [
  "draft",
  "submitted",
  "in_review",
  "information_requested",
  "accepted",
  "rejected",
  "withdrawn",
]);

export const participantRole = pgEnum("participant_role", ["co_applicant", "foreign_partner", "operator"]);

export const budgetLineKind = pgEnum("budget_line_kind", ["expense", "own_contribution", "cofinancing"]);

export const membershipRole = pgEnum("membership_role", ["manager", "member"]);
export const membershipStatus = pgEnum("membership_status", ["pending", "active"]);

/** Staff roles granted by admins; applicant rights come from memberships instead. */
export const staffRole = pgEnum("staff_role", ["reviewer", "admin", "network_editor"]);

export const reviewStatus = pgEnum("review_status", ["draft", "submitted"]);
export const recommendation = pgEnum("recommendation", ["accept", "reject", "reservations"]);
export const decisionOutcome = pgEnum("decision_outcome", ["accepted", "rejected"]);

export const messageKind = pgEnum("message_kind", ["information_request", "answer", "note"]);

export const publicationStatus = pgEnum("publication_status", [
  "draft",
  "scheduled",
  "published",
  "unpublished",
]);

export const milestoneStatus = pgEnum("milestone_status", [
  "planned",
  "in_progress",
  "done",
  "delayed",
  "cancelled",
]);

export const progressReportKind = pgEnum("progress_report_kind", ["intermediate", "final"]);

/** `cancelled`: an admin stopped it before it was sent (it is kept, never retried). */
export const emailStatus = pgEnum("email_status", ["pending", "sending", "sent", "failed", "cancelled"]);

export const scanStatus = pgEnum("scan_status", ["not_scanned", "clean", "infected", "flagged"]);

/**
 * A grant after the decision (lib/grants/lifecycle.ts): its agreement sent,
 * signed (the project runs and is paid by instalment), closed once the final
 * report is settled.
 */
export const grantStatus = pgEnum("grant_status", ["agreement_sent", "agreement_signed", "closed"]);

/** `waiting` for what releases it (the signature, a report), `due` to pay, `paid`, or `cancelled` by the settlement. */
export const instalmentStatus = pgEnum("instalment_status", ["waiting", "due", "paid", "cancelled"]);

/** A grant's report once sent: waiting for DCTCIV, sent back for more, or accepted. */
export const reportStatus = pgEnum("report_status", ["submitted", "changes_requested", "accepted"]);
