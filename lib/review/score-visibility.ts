import { type SQL, sql } from "drizzle-orm";
import type { ReviewAssignment } from "@/lib/authz/policy";
import type { Viewer } from "@/lib/authz/principal";

/**
 * Who sees other reviewers' scores and the aggregates of an application (mean,
 * spread, review count, rank), in the dashboard as on the application's page:
 * - an admin, always;
 * - a reviewer assigned to it, without a declared conflict, once they have
 *   submitted their own review (so that others' scores cannot sway theirs);
 * - nobody else.
 *
 * One TypeScript form (the policy's `canSeeReviewScores` asks it) and one SQL
 * form (the dashboard's list, filters and sort); `rules-agree.int.test.ts`
 * (lib/applications) checks on generated assignments and reviews that they
 * agree.
 */

/** The user part of the rule: an admin sees every application's scores. */
function seesAllScores(user: Viewer): boolean {
  return Boolean(user?.isAdmin);
}

/** TypeScript: the user sees the scores of an application, given their assignment to it. */
export function seesReviewScores(user: Viewer, assignment: ReviewAssignment): boolean {
  if (seesAllScores(user)) return true;
  return Boolean(user?.isReviewer && assignment && !assignment.conflict && assignment.ownReviewSubmitted);
}

/**
 * SQL: the user sees the scores of the application, never null. Needs the
 * user's assignment and own review left-joined under these aliases (unused,
 * and need not be joined, for an admin or a user who is no reviewer).
 */
export function seesReviewScoresSql(user: Viewer, aliases = { assignment: "ra", ownReview: "myr" }): SQL {
  if (seesAllScores(user)) return sql`true`;
  if (!user?.isReviewer) return sql`false`;
  const ra = sql.identifier(aliases.assignment);
  const myr = sql.identifier(aliases.ownReview);
  return sql`(${ra}.reviewer_id is not null and ${ra}.conflict_declared_at is null
    and coalesce(${myr}.status = 'submitted', false))`;
}
