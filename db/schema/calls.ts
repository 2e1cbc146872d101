import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * A call for projects. Its status (upcoming, open, closed, in review, results
 * published) is derived from the dates and `resultsPublishedAt`, never stored.
 */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    /** Short code used in receipt numbers: `<year>-<code>-0042`. */
    code: text("code").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    descriptionMd: text("description_md").notNull().default(""),
    eligibilityMd: text("eligibility_md").notNull().default(""),
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    /** ISO codes; null means every country. */
    eligibleCountries: text("eligible_countries").array(),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    maxGrantCents: bigint("max_grant_cents", { mode: "number" }).notNull(),
    /** Maximum share of the total budget the ministry may fund, in percent (a rule, not a computed rate). */
    maxSharePercent: integer("max_share_percent").notNull(),
    envelopeCents: bigint("envelope_cents", { mode: "number" }).notNull(),
    reviewersPerApplication: integer("reviewers_per_application").notNull().default(2),
    /** Project years a grant is paid over, one instalment a year: 1 for an annual call, 3 for the 2024–2026 ones. */
    grantYears: integer("grant_years").notNull().default(1),
    /** Share of the last year's amount paid only after the final report (the calls' 80/20 rule). */
    finalBalancePercent: integer("final_balance_percent").notNull().default(20),
    /** Last receipt sequence number handed out; incremented under a row lock at submission. */
    lastReceiptSeq: integer("last_receipt_seq").notNull().default(0),
    resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
    isFictitious: boolean("is_fictitious").notNull().default(true),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("calls_year_code_key").on(t.year, t.code),
    index("calls_year_idx").on(t.year),
    index("calls_closes_at_idx").on(t.closesAt),
    check("calls_closes_after_opens", sql`${t.closesAt} > ${t.opensAt}`),
    check("calls_amounts_non_negative", sql`${t.maxGrantCents} >= 0 and ${t.envelopeCents} >= 0`),
    check("calls_max_share_range", sql`${t.maxSharePercent} between 1 and 100`),
    check("calls_reviewers_positive", sql`${t.reviewersPerApplication} between 1 and 10`),
    check("calls_grant_years_range", sql`${t.grantYears} between 1 and 3`),
    check("calls_final_balance_range", sql`${t.finalBalancePercent} between 0 and 50`),
    check("calls_code_format", sql`${t.code} ~ '^[A-Z0-9]{2,12}$'`),
  ],
);

/** One criterion of a call's weighted scoring grid. */
export const criteria = pgTable(
  "criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    helpText: text("help_text").notNull().default(""),
    weight: integer("weight").notNull(),
    maxScore: integer("max_score").notNull(),
  },
  (t) => [
    unique("criteria_call_position_key").on(t.callId, t.position),
    // Target of the scores' composite foreign key, so a score's range is checked by the database.
    unique("criteria_id_max_score_key").on(t.id, t.maxScore),
    check("criteria_weight_positive", sql`${t.weight} > 0`),
    check("criteria_max_score_positive", sql`${t.maxScore} > 0`),
  ],
);

/** Documents a call asks applicants to attach. */
export const requiredDocuments = pgTable(
  "required_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    mandatory: boolean("mandatory").notNull().default(true),
    /** MIME types accepted, checked against the file's content (magic bytes). */
    acceptedTypes: text("accepted_types").array().notNull(),
  },
  (t) => [unique("required_documents_call_position_key").on(t.callId, t.position)],
);
