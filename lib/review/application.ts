import "server-only";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  applications,
  attachments,
  auditEvents,
  budgetLines,
  calls,
  criteria,
  decisions,
  messages,
  reviewerAssignments,
  reviews,
  scores,
  users,
} from "@/db/schema";
import { REVIEWABLE_STATUSES } from "@/lib/applications/lifecycle";
import { type ApplicationCore, participantsOf } from "@/lib/applications/read-model";
import { staffMaySeeAs } from "@/lib/applications/staff-visibility";
import { statusIn } from "@/lib/applications/transition";
import type { ReviewAssignment } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import {
  type Criterion,
  isDisagreement,
  normalisedMeans,
  rankByScore,
  summarize,
  weightedScore,
  zScores,
} from "./aggregate";

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The assignment of this user to an application, as the policy needs it (null when not assigned). */
export async function loadAssignment(userId: string, applicationId: string): Promise<ReviewAssignment> {
  const [row] = await getDb()
    .select({ conflictDeclaredAt: reviewerAssignments.conflictDeclaredAt, reviewStatus: reviews.status })
    .from(reviewerAssignments)
    .leftJoin(
      reviews,
      and(
        eq(reviews.applicationId, reviewerAssignments.applicationId),
        eq(reviews.reviewerId, reviewerAssignments.reviewerId),
      ),
    )
    .where(
      and(eq(reviewerAssignments.applicationId, applicationId), eq(reviewerAssignments.reviewerId, userId)),
    );
  return row
    ? { conflict: row.conflictDeclaredAt !== null, ownReviewSubmitted: row.reviewStatus === "submitted" }
    : null;
}

// The staff's view of an application comes from the one read model (lib/applications/read-model.ts).
export { type ApplicationCore, loadApplicationCore } from "@/lib/applications/read-model";

export async function loadCriteria(callId: string) {
  return getDb()
    .select({
      id: criteria.id,
      label: criteria.label,
      helpText: criteria.helpText,
      weight: criteria.weight,
      maxScore: criteria.maxScore,
    })
    .from(criteria)
    .where(eq(criteria.callId, callId))
    .orderBy(asc(criteria.position));
}
export type GridCriterion = Awaited<ReturnType<typeof loadCriteria>>[number];

/** Actions whose details the history shows (a decision's amount, a reopening's reason); the others, by their label. */
const DETAILED_ACTIONS = ["decision.recorded", "decision.revised", "review.reopened"];

/**
 * Everything else the page shows: participants (the read model's, without
 * their contacts), budget, messages, documents, history, decision.
 */
export async function loadApplicationDetails(applicationId: string) {
  const db = getDb();
  const [people, budget, thread, documents, history, [decision]] = await Promise.all([
    participantsOf(db, applicationId),
    db
      .select({
        kind: budgetLines.kind,
        label: budgetLines.label,
        amountCents: budgetLines.amountCents,
        funderName: budgetLines.funderName,
      })
      .from(budgetLines)
      .where(eq(budgetLines.applicationId, applicationId))
      .orderBy(asc(budgetLines.kind), asc(budgetLines.position)),
    db
      .select({
        id: messages.id,
        kind: messages.kind,
        body: messages.body,
        createdAt: messages.createdAt,
        authorName: users.name,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(eq(messages.applicationId, applicationId))
      .orderBy(asc(messages.createdAt)),
    db
      .select({ id: attachments.id, name: attachments.originalName, sizeBytes: attachments.sizeBytes })
      .from(attachments)
      .where(
        and(
          eq(attachments.applicationId, applicationId),
          isNull(attachments.messageId),
          isNull(attachments.followupPostId),
        ),
      )
      .orderBy(asc(attachments.uploadedAt)),
    db
      .select({
        id: auditEvents.id,
        action: auditEvents.action,
        occurredAt: auditEvents.occurredAt,
        actorName: users.name,
        data: auditEvents.data,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.subjectType, "application"), eq(auditEvents.subjectId, applicationId)))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(50),
    db
      .select({
        outcome: decisions.outcome,
        grantedCents: decisions.grantedAmountCents,
        rejectionReason: decisions.rejectionReason,
        decidedAt: decisions.decidedAt,
        decidedBy: users.name,
      })
      .from(decisions)
      .leftJoin(users, eq(users.id, decisions.decidedBy))
      .where(eq(decisions.applicationId, applicationId)),
  ]);
  return {
    participants: people.map((p) => ({ role: p.role, name: p.name, countryCode: p.countryCode })),
    budget,
    messages: thread,
    documents,
    history: history.map((h) => ({
      ...h,
      id: String(h.id),
      data: DETAILED_ACTIONS.includes(h.action) ? (h.data as Record<string, unknown>) : null,
    })),
    decision: decision ?? null,
  };
}

/**
 * Reviews reopened by an admin and not submitted again: the latest reopening
 * of each review still in draft, with who reopened it and why (from the audit
 * trail, so the notice is the server's state, not a passing message).
 */
export async function loadReopenedReviews(applicationId: string) {
  const rows = (await getDb().execute(sql`
    select distinct on (e.data->>'reviewId') e.data->>'reviewId' as "reviewId", e.data->>'reviewerId' as "reviewerId",
      e.data->>'reviewerName' as "reviewerName", e.data->>'reason' as reason, e.occurred_at as "reopenedAt",
      u.name as "reopenedBy"
    from audit_events e
    join reviews r on r.id::text = e.data->>'reviewId' and r.status = 'draft'
    left join users u on u.id = e.actor_id
    where e.subject_type = 'application' and e.subject_id = ${applicationId} and e.action = 'review.reopened'
    order by e.data->>'reviewId', e.occurred_at desc`)) as unknown as Row[];
  return rows.map((r) => ({
    reviewId: String(r.reviewId),
    reviewerId: String(r.reviewerId),
    reviewerName: r.reviewerName ? String(r.reviewerName) : null,
    reason: String(r.reason ?? ""),
    reopenedAt: new Date(String(r.reopenedAt)),
    reopenedBy: r.reopenedBy ? String(r.reopenedBy) : null,
  }));
}

/** The user's own review (draft or submitted) with its scores. */
export async function loadOwnReview(applicationId: string, userId: string) {
  const db = getDb();
  const [review] = await db
    .select({
      id: reviews.id,
      status: reviews.status,
      overallComment: reviews.overallComment,
      recommendation: reviews.recommendation,
    })
    .from(reviews)
    .where(and(eq(reviews.applicationId, applicationId), eq(reviews.reviewerId, userId)));
  if (!review) return null;
  const given = await db
    .select({ criterionId: scores.criterionId, score: scores.score, comment: scores.comment })
    .from(scores)
    .where(eq(scores.reviewId, review.id));
  return { ...review, scores: given };
}

/**
 * The weighted score out of 100 of every submitted review of a call, by
 * reviewer and application (the formula of aggregate.ts, as the dashboard's
 * materialised scores compute it): what the z-scores are computed over.
 */
async function callReviewScores(callId: string) {
  const rows = (await getDb().execute(sql`
    select r.reviewer_id as "reviewerId", r.application_id as "applicationId",
      sum(c.weight * s.score::float8 / s.max_score) / sum(c.weight) * 100 as score
    from reviews r join applications a on a.id = r.application_id
    join scores s on s.review_id = r.id join criteria c on c.id = s.criterion_id
    where a.call_id = ${callId} and r.status = 'submitted'
    group by r.id`)) as unknown as Row[];
  return rows.map((r) => ({
    reviewerId: String(r.reviewerId),
    applicationId: String(r.applicationId),
    score: Number(r.score),
  }));
}

/**
 * The submitted reviews of an application with their weighted score, the
 * application's summary, its rank in the call, and the normalised view
 * (reviewer z-scores computed over each reviewer's submitted reviews in the call).
 */
export async function loadReviewComparison(core: ApplicationCore, grid: readonly Criterion[]) {
  const db = getDb();
  const [reviewRows, callReviews, callScores] = await Promise.all([
    db.execute(sql`
      select r.id, r.reviewer_id as "reviewerId", u.name as "reviewerName", r.overall_comment as "overallComment",
        r.recommendation, r.submitted_at as "submittedAt",
        json_agg(json_build_object('criterionId', s.criterion_id, 'score', s.score, 'comment', s.comment)) as scores
      from reviews r join users u on u.id = r.reviewer_id join scores s on s.review_id = r.id
      where r.application_id = ${core.id} and r.status = 'submitted'
      group by r.id, u.name order by r.submitted_at`),
    callReviewScores(core.callId),
    db.execute(
      sql`select a.id, a.score_mean as mean from applications a where a.call_id = ${core.callId} and ${staffMaySeeAs("a")}`,
    ),
  ]);
  const submitted = (reviewRows as unknown as Row[]).map((r) => {
    const scores = r.scores as { criterionId: string; score: number; comment: string }[];
    return {
      id: String(r.id),
      reviewerId: String(r.reviewerId),
      reviewerName: r.reviewerName ? String(r.reviewerName) : "Instructeur",
      overallComment: String(r.overallComment),
      recommendation: r.recommendation ? String(r.recommendation) : null,
      scores,
      weighted: weightedScore(grid, scores),
    };
  });
  const z = zScores(callReviews);
  const ranks = rankByScore(
    (callScores as unknown as Row[]).map((r) => ({ id: String(r.id), mean: num(r.mean) })),
  );
  return {
    reviews: submitted.map((r) => ({ ...r, zScore: z.get(`${r.reviewerId}:${core.id}`) ?? null })),
    summary: summarize(submitted.map((r) => r.weighted).filter((v): v is number => v !== null)),
    normalisedMean: normalisedMeans(callReviews).get(core.id) ?? null,
    rank: ranks.get(core.id) ?? null,
    rankedCount: ranks.size,
  };
}

/** Envelope of a call: granted so far (accepted decisions) against the envelope. */
export async function loadEnvelope(callId: string) {
  const db = getDb();
  const [[call], [granted]] = await Promise.all([
    db.select({ envelopeCents: calls.envelopeCents }).from(calls).where(eq(calls.id, callId)),
    db
      .select({
        grantedCents: sql<number>`coalesce(sum(${decisions.grantedAmountCents}), 0)::float8`.mapWith(Number),
        acceptedCount: count(),
      })
      .from(decisions)
      .innerJoin(applications, eq(applications.id, decisions.applicationId))
      .where(and(eq(applications.callId, callId), eq(decisions.outcome, "accepted"))),
  ]);
  if (!call) return null;
  return {
    envelopeCents: call.envelopeCents,
    grantedCents: granted?.grantedCents ?? 0,
    acceptedCount: granted?.acceptedCount ?? 0,
  };
}

export type Viewer = Principal;

/**
 * Undecided, reviewed-or-not applications of a call, for the decision aid,
 * with what the aid must say about them: submitted reviews against those
 * expected (assigned reviewers without a conflict, else the call's number per
 * application), divergence, unfavourable recommendations, and the normalised
 * score (per-reviewer z-scores over the call's submitted reviews).
 */
export async function loadAidCandidates(callId: string) {
  const db = getDb();
  const [rows, callReviews] = await Promise.all([
    db.execute(sql`
      select a.id, a.title, a.score_mean as score, a.requested_amount_cents as "requestedCents",
        a.review_count as "reviewCount", a.score_spread as spread,
        coalesce(nullif((select count(*) from reviewer_assignments ra
          where ra.application_id = a.id and ra.conflict_declared_at is null), 0), c.reviewers_per_application)::int
          as "expectedReviews",
        (select count(*) from reviews r where r.application_id = a.id and r.status = 'submitted'
          and r.recommendation = 'reject')::int as unfavourable
      from applications a join calls c on c.id = a.call_id
      where a.call_id = ${callId} and a.status in ${statusIn(REVIEWABLE_STATUSES)}
      order by a.score_mean desc nulls last`),
    callReviewScores(callId),
  ]);
  const normalised = normalisedMeans(callReviews);
  return (rows as unknown as Row[]).map((r) => ({
    id: String(r.id),
    title: String(r.title),
    score: num(r.score),
    requestedCents: Number(r.requestedCents),
    reviewCount: Number(r.reviewCount),
    expectedReviews: Number(r.expectedReviews),
    divergent: isDisagreement(num(r.spread)),
    unfavourable: Number(r.unfavourable),
    normalised: normalised.get(String(r.id)) ?? null,
  }));
}

export async function loadCallTitle(callId: string) {
  const [call] = await getDb()
    .select({ title: calls.title, year: calls.year })
    .from(calls)
    .where(eq(calls.id, callId));
  return call ? `${call.year} – ${call.title}` : null;
}
