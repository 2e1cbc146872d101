import { sql } from "drizzle-orm";
import {
  bigint,
  check,
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
import { applications } from "./applications";
import { users } from "./auth";
import { criteria } from "./calls";
import { decisionOutcome, recommendation, reviewStatus } from "./enums";

/** A reviewer assigned to an application; a conflict of interest is declared on the assignment. */
export const reviewerAssignments = pgTable(
  "reviewer_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id),
    assignedBy: text("assigned_by").references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    conflictDeclaredAt: timestamp("conflict_declared_at", { withTimezone: true }),
    conflictReason: text("conflict_reason"),
  },
  (t) => [
    unique("reviewer_assignments_application_reviewer_key").on(t.applicationId, t.reviewerId),
    index("reviewer_assignments_reviewer_id_idx").on(t.reviewerId),
    check(
      "reviewer_assignments_conflict_has_reason",
      sql`(${t.conflictDeclaredAt} is null) = (${t.conflictReason} is null)`,
    ),
  ],
);

/** One reviewer's review of one application: draft, then submitted. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id),
    status: reviewStatus("status").notNull().default("draft"),
    overallComment: text("overall_comment").notNull().default(""),
    recommendation: recommendation("recommendation"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reviews_application_reviewer_key").on(t.applicationId, t.reviewerId),
    index("reviews_reviewer_id_idx").on(t.reviewerId),
    check(
      "reviews_submitted_is_complete",
      sql`${t.status} = 'draft' or (${t.submittedAt} is not null and ${t.recommendation} is not null)`,
    ),
  ],
);

/**
 * The score of one criterion in one review. `maxScore` repeats the criterion's
 * maximum through a composite foreign key so that the database itself checks
 * the score's range.
 */
export const scores = pgTable(
  "scores",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id").notNull(),
    maxScore: integer("max_score").notNull(),
    score: integer("score").notNull(),
    comment: text("comment").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.criterionId] }),
    index("scores_criterion_id_idx").on(t.criterionId),
    foreignKey({
      name: "scores_criterion_range_fk",
      columns: [t.criterionId, t.maxScore],
      foreignColumns: [criteria.id, criteria.maxScore],
    }).onUpdate("cascade"),
    check("scores_within_range", sql`${t.score} between 0 and ${t.maxScore}`),
  ],
);

/** The admin's decision on an application; public only once the call's results are published. */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .unique()
      .references(() => applications.id, { onDelete: "cascade" }),
    outcome: decisionOutcome("outcome").notNull(),
    grantedAmountCents: bigint("granted_amount_cents", { mode: "number" }),
    rejectionReason: text("rejection_reason"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("decisions_outcome_idx").on(t.outcome),
    check(
      "decisions_outcome_fields",
      sql`(${t.outcome} = 'accepted' and ${t.grantedAmountCents} is not null and ${t.grantedAmountCents} > 0 and ${t.rejectionReason} is null)
       or (${t.outcome} = 'rejected' and ${t.grantedAmountCents} is null and ${t.rejectionReason} is not null)`,
    ),
  ],
);
