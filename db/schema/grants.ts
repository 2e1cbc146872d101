import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { applications } from "./applications";
import { users } from "./auth";
import { grantStatus, instalmentStatus } from "./enums";

/**
 * The grant of an accepted application and its agreement (convention). The
 * agreement's terms are copied here when it is generated — beneficiary,
 * amount, years, the call's rules — so the PDF is regenerated identically
 * from rows even if the call or the organisation changes later.
 */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .unique()
      .references(() => applications.id),
    status: grantStatus("status").notNull().default("agreement_sent"),
    /** Agreement number, `<receipt number>-C`. */
    reference: text("reference").notNull().unique(),
    beneficiaryName: text("beneficiary_name").notNull(),
    projectTitle: text("project_title").notNull(),
    grantedCents: bigint("granted_cents", { mode: "number" }).notNull(),
    /** Project years the grant is paid over (1: annual call). */
    years: integer("years").notNull(),
    finalBalancePercent: integer("final_balance_percent").notNull(),
    /** The call's maximum share of the budget: the grant never exceeds it of the actual spending. */
    maxSharePercent: integer("max_share_percent").notNull(),
    startsOn: date("starts_on").notNull(),
    durationMonths: integer("duration_months").notNull(),
    endsOn: date("ends_on").notNull(),
    /** Report n is due on `reportDueDates[n − 1]`; the last one is the final report. */
    reportDueDates: date("report_due_dates").array().notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    sentBy: text("sent_by").references(() => users.id),
    /** The lead's authorised signatory, as they accepted it online. */
    signatoryName: text("signatory_name"),
    signatoryFunction: text("signatory_function"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedBy: text("signed_by").references(() => users.id),
    /** Actual expenses declared by the accepted final report. */
    actualExpensesCents: bigint("actual_expenses_cents", { mode: "number" }),
    /** What was paid beyond the call's share of the actual spending, to be paid back. */
    refundOwedCents: bigint("refund_owed_cents", { mode: "number" }).notNull().default(0),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("grants_status_idx").on(t.status),
    check("grants_amount_non_negative", sql`${t.grantedCents} >= 0 and ${t.refundOwedCents} >= 0`),
    check("grants_years_range", sql`${t.years} between 1 and 3`),
    check("grants_balance_range", sql`${t.finalBalancePercent} between 0 and 50`),
    check("grants_one_due_date_per_report", sql`cardinality(${t.reportDueDates}) = ${t.years}`),
    check(
      "grants_signed_has_signatory",
      sql`${t.status} = 'agreement_sent' or (${t.signedAt} is not null and ${t.signatoryName} is not null)`,
    ),
  ],
);

/** One instalment of a grant's payment schedule, and its payment once recorded. */
export const grantInstalments = pgTable(
  "grant_instalments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** Project year it funds. */
    year: integer("year").notNull(),
    /** `annual`, or `balance`: the part of the last year held back until the final report. */
    kind: text("kind").notNull(),
    plannedCents: bigint("planned_cents", { mode: "number" }).notNull(),
    /** The report whose acceptance releases it; null: the signed agreement does. */
    releasedByReport: integer("released_by_report"),
    status: instalmentStatus("status").notNull().default("waiting"),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    paidCents: bigint("paid_cents", { mode: "number" }),
    paidOn: date("paid_on"),
    paymentReference: text("payment_reference"),
    recordedBy: text("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
  },
  (t) => [
    unique("grant_instalments_position_key").on(t.grantId, t.position),
    index("grant_instalments_status_idx").on(t.status),
    check("grant_instalments_kind", sql`${t.kind} in ('annual', 'balance')`),
    check(
      "grant_instalments_amounts",
      sql`${t.plannedCents} >= 0 and (${t.paidCents} is null or ${t.paidCents} >= 0)`,
    ),
    check(
      "grant_instalments_paid_is_recorded",
      sql`${t.status} <> 'paid' or (${t.paidCents} is not null and ${t.paidOn} is not null and ${t.paymentReference} is not null)`,
    ),
  ],
);
