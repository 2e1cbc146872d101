import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { calls, requiredDocuments } from "./calls";
import { applicationStatus, budgetLineKind, messageKind, participantRole, scanStatus } from "./enums";
import { followupPosts, progressReports } from "./followup";
import { foreignPartners, operators, organisations } from "./reference";

/** One project submitted (or being prepared) for one call, led by one French organisation. */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id),
    leadOrganisationId: integer("lead_organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** e.g. "Plateforme IRAPA …" when the lead applies for a group of authorities. */
    onBehalfOf: text("on_behalf_of"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    objectives: text("objectives").notNull().default(""),
    expectedResults: text("expected_results").notNull().default(""),
    beneficiaries: text("beneficiaries").notNull().default(""),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    /** UN Sustainable Development Goals, 1 to 17. */
    sdgs: integer("sdgs").array().notNull().default(sql`'{}'::integer[]`),
    startDate: date("start_date"),
    durationMonths: integer("duration_months"),
    /** Amount asked of the ministry; the other resources are budget lines. */
    requestedAmountCents: bigint("requested_amount_cents", { mode: "number" }).notNull().default(0),
    status: applicationStatus("status").notNull().default("draft"),
    /** Optimistic locking: every save states the version it read. */
    version: integer("version").notNull().default(1),
    /**
     * Aggregates of the submitted reviews (weighted score out of 100), kept up
     * to date by database triggers on reviews and scores (migration
     * `review_dashboard`) so the dashboard can sort and filter 100 000
     * applications by score; lib/review/aggregate.ts computes the same figures.
     */
    reviewCount: integer("review_count").notNull().default(0),
    scoreMean: doublePrecision("score_mean"),
    /** Population standard deviation of the reviews' weighted scores. */
    scoreSpread: doublePrecision("score_spread"),
    receiptNumber: text("receipt_number").unique(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by").references(() => users.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawalReason: text("withdrawal_reason"),
    isFictitious: boolean("is_fictitious").notNull().default(true),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("applications_call_status_idx").on(t.callId, t.status),
    index("applications_lead_organisation_id_idx").on(t.leadOrganisationId),
    index("applications_status_idx").on(t.status),
    index("applications_submitted_at_idx").on(t.submittedAt),
    index("applications_requested_amount_idx").on(t.requestedAmountCents),
    index("applications_score_mean_idx").on(t.scoreMean),
    index("applications_themes_idx").using("gin", t.themes),
    check("applications_requested_non_negative", sql`${t.requestedAmountCents} >= 0`),
    check("applications_version_positive", sql`${t.version} > 0`),
    check(
      "applications_duration_range",
      sql`${t.durationMonths} is null or ${t.durationMonths} between 1 and 60`,
    ),
    check(
      "applications_submitted_has_receipt",
      sql`(${t.status} = 'draft') or (${t.status} = 'withdrawn' and ${t.submittedAt} is null) or (${t.receiptNumber} is not null and ${t.submittedAt} is not null)`,
    ),
  ],
);

/**
 * Co-applicants (French organisations), foreign partners and operators of an
 * application: exactly the reference that matches the role is set.
 */
export const participants = pgTable(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    role: participantRole("role").notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id),
    foreignPartnerId: uuid("foreign_partner_id").references(() => foreignPartners.id),
    operatorId: uuid("operator_id").references(() => operators.id),
    position: integer("position").notNull().default(0),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
  },
  (t) => [
    index("participants_application_id_idx").on(t.applicationId),
    index("participants_organisation_id_idx").on(t.organisationId),
    index("participants_foreign_partner_id_idx").on(t.foreignPartnerId),
    index("participants_operator_id_idx").on(t.operatorId),
    unique("participants_application_organisation_key").on(t.applicationId, t.organisationId),
    unique("participants_application_foreign_partner_key").on(t.applicationId, t.foreignPartnerId),
    unique("participants_application_operator_key").on(t.applicationId, t.operatorId),
    check(
      "participants_reference_matches_role",
      sql`(${t.role} = 'co_applicant' and ${t.organisationId} is not null and ${t.foreignPartnerId} is null and ${t.operatorId} is null)
       or (${t.role} = 'foreign_partner' and ${t.foreignPartnerId} is not null and ${t.organisationId} is null and ${t.operatorId} is null)
       or (${t.role} = 'operator' and ${t.operatorId} is not null and ${t.organisationId} is null and ${t.foreignPartnerId} is null)`,
    ),
  ],
);

/** A binôme: one French participant (lead or co-applicant) paired with one foreign partner. */
export const pairings = pgTable(
  "pairings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    foreignPartnerId: uuid("foreign_partner_id")
      .notNull()
      .references(() => foreignPartners.id),
  },
  (t) => [
    unique("pairings_application_pair_key").on(t.applicationId, t.organisationId, t.foreignPartnerId),
    index("pairings_foreign_partner_id_idx").on(t.foreignPartnerId),
    index("pairings_organisation_id_idx").on(t.organisationId),
  ],
);

/** Expenses and non-ministry resources of an application's budget (the ministry request is on the application). */
export const budgetLines = pgTable(
  "budget_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: budgetLineKind("kind").notNull(),
    /** Expense category (personnel, travel, equipment, services, communication, overheads, other). */
    category: text("category"),
    label: text("label").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    /** For an own contribution: which French participant gives it. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    /** For a co-financing: who gives it. */
    funderName: text("funder_name"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("budget_lines_application_id_idx").on(t.applicationId),
    index("budget_lines_organisation_id_idx").on(t.organisationId),
    check("budget_lines_amount_non_negative", sql`${t.amountCents} >= 0`),
  ],
);

/** Messages between reviewers and applicants (information requests and answers). */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: messageKind("kind").notNull(),
    body: text("body").notNull(),
    authorId: text("author_id").references(() => users.id),
    /**
     * The thread's first request, for every later message of an information
     * request's thread (the applicant's answers and the reviewer's new
     * requests); null on the first request itself.
     */
    inReplyTo: uuid("in_reply_to"),
    /** On a thread's first request: when a reviewer closed the thread (no answer expected any more). */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: text("closed_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_application_id_idx").on(t.applicationId, t.createdAt),
    index("messages_author_id_idx").on(t.authorId),
    index("messages_in_reply_to_idx").on(t.inReplyTo),
    foreignKey({ name: "messages_in_reply_to_fk", columns: [t.inReplyTo], foreignColumns: [t.id] }),
    // The same bound as the forms (lib/information-requests/schema.ts), so no path stores more.
    check("messages_body_length", sql`char_length(${t.body}) between 1 and 10000`),
    check("messages_closed_on_thread_root", sql`${t.closedAt} is null or ${t.inReplyTo} is null`),
  ],
);

/**
 * Number of submitted applications (submitted_at set) per call and status,
 * kept exact by statement-level triggers on `applications` (migration
 * 0005): the review dashboard's per-status counts read a few rows here
 * instead of counting 100 000 applications. Never written by the code.
 */
export const applicationStatusCounts = pgTable(
  "application_status_counts",
  {
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    status: applicationStatus("status").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.callId, t.status] })],
);

/**
 * Metadata of an uploaded file; the bytes live in the file store under
 * `storageKey`. A file belongs to exactly one owner (application document,
 * message, progress report or follow-up post).
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "cascade" }),
    requiredDocumentId: uuid("required_document_id").references(() => requiredDocuments.id),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
    progressReportId: uuid("progress_report_id").references(() => progressReports.id, {
      onDelete: "cascade",
    }),
    followupPostId: uuid("followup_post_id").references(() => followupPosts.id, {
      onDelete: "cascade",
    }),
    originalName: text("original_name").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    /** Required for images shown publicly. */
    altText: text("alt_text"),
    scanStatus: scanStatus("scan_status").notNull().default("not_scanned"),
    uploadedBy: text("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_application_id_idx").on(t.applicationId),
    index("attachments_required_document_id_idx").on(t.requiredDocumentId),
    index("attachments_message_id_idx").on(t.messageId),
    index("attachments_progress_report_id_idx").on(t.progressReportId),
    index("attachments_followup_post_id_idx").on(t.followupPostId),
    check("attachments_size_positive", sql`${t.sizeBytes} > 0`),
    check(
      "attachments_one_owner",
      sql`num_nonnulls(${t.messageId}, ${t.progressReportId}, ${t.followupPostId}) <= 1 and (${t.applicationId} is not null or ${t.followupPostId} is not null)`,
    ),
  ],
);
