import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { applications } from "./applications";
import { users } from "./auth";
import { milestoneStatus, progressReportKind, publicationStatus, reportStatus } from "./enums";
import { regionalNetworks } from "./reference";

/** A dated issue of a network's newsletter (e.g. RESACOOP's « Résa'Clic »), grouping posts. */
export const newsIssues = pgTable(
  "news_issues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => regionalNetworks.id),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    issueDate: date("issue_date").notNull(),
    status: publicationStatus("status").notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("news_issues_network_number_key").on(t.networkId, t.number),
    index("news_issues_network_status_idx").on(t.networkId, t.status, t.issueDate),
  ],
);

/**
 * A follow-up page written by a network: about a project (applicationId), in a
 * news issue (newsIssueId), or both, or neither (general news).
 */
export const followupPosts = pgTable(
  "followup_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => regionalNetworks.id),
    applicationId: uuid("application_id").references(() => applications.id, { onDelete: "cascade" }),
    newsIssueId: uuid("news_issue_id").references(() => newsIssues.id),
    title: text("title").notNull(),
    bodyMd: text("body_md").notNull().default(""),
    status: publicationStatus("status").notNull().default("draft"),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    authorId: text("author_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("followup_posts_network_status_idx").on(t.networkId, t.status, t.publishedAt),
    index("followup_posts_application_id_idx").on(t.applicationId),
    index("followup_posts_news_issue_id_idx").on(t.newsIssueId),
    check("followup_posts_scheduled_has_date", sql`${t.status} <> 'scheduled' or ${t.publishAt} is not null`),
  ],
);

/** A milestone of a laureate project, recorded by its network. */
export const milestones = pgTable(
  "milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    networkId: uuid("network_id")
      .notNull()
      .references(() => regionalNetworks.id),
    label: text("label").notNull(),
    plannedDate: date("planned_date"),
    status: milestoneStatus("status").notNull().default("planned"),
    progressPercent: integer("progress_percent").notNull().default(0),
    position: integer("position").notNull().default(0),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("milestones_application_id_idx").on(t.applicationId, t.position),
    index("milestones_network_id_idx").on(t.networkId),
    check("milestones_progress_range", sql`${t.progressPercent} between 0 and 100`),
  ],
);

/** One expense line of a report: the budget's line as planned and what was actually spent. */
export type ReportExpense = { label: string; plannedCents: number; actualCents: number };

/**
 * The interim and final reports of a laureate's grant, one per report of its
 * schedule (`position`; lib/grants/amounts.ts plans them). DCTCIV accepts one
 * (which releases the next instalment) or sends it back for more; the
 * network of the région reads them and may feature an excerpt publicly.
 */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    /** The report's number in the grant's schedule; the last one is the final report. */
    position: integer("position").notNull(),
    kind: progressReportKind("kind").notNull(),
    status: reportStatus("status").notNull().default("submitted"),
    /** What was done. */
    body: text("body").notNull(),
    results: text("results").notNull().default(""),
    difficulties: text("difficulties").notNull().default(""),
    /** Actual spending against each expense line of the budget. */
    expenses: jsonb("expenses").$type<ReportExpense[]>().notNull().default(sql`'[]'::jsonb`),
    actualExpensesCents: bigint("actual_expenses_cents", { mode: "number" }).notNull().default(0),
    /** What DCTCIV wrote when sending it back, or accepting it. */
    reviewComment: text("review_comment"),
    reviewedBy: text("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    submittedBy: text("submitted_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    featuredExcerpt: text("featured_excerpt"),
    featuredBy: text("featured_by").references(() => users.id),
    featuredAt: timestamp("featured_at", { withTimezone: true }),
  },
  (t) => [
    unique("progress_reports_position_key").on(t.applicationId, t.position),
    check("progress_reports_actual_non_negative", sql`${t.actualExpensesCents} >= 0`),
  ],
);
