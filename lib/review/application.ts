import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { REVIEWABLE_STATUSES } from "@/lib/applications/lifecycle";
import type { ApplicationCore } from "@/lib/applications/read-model";
import { staffMaySeeAs } from "@/lib/applications/staff-visibility";
import { statusIn } from "@/lib/applications/transition";
import type { ReviewAssignment } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { organisationLabel } from "@/lib/organisations/label";
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
  const rows = (await getDb().execute(sql`
    select ra.conflict_declared_at is not null as conflict, coalesce(r.status = 'submitted', false) as submitted
    from reviewer_assignments ra
    left join reviews r on r.application_id = ra.application_id and r.reviewer_id = ra.reviewer_id
    where ra.application_id = ${applicationId} and ra.reviewer_id = ${userId}`)) as unknown as Row[];
  const row = rows[0];
  return row ? { conflict: Boolean(row.conflict), ownReviewSubmitted: Boolean(row.submitted) } : null;
}

// The staff's view of an application comes from the one read model (lib/applications/read-model.ts).
export { type ApplicationCore, loadApplicationCore } from "@/lib/applications/read-model";

export async function loadCriteria(callId: string) {
  const rows = (await getDb().execute(sql`
    select id, label, help_text as "helpText", weight, max_score as "maxScore"
    from criteria where call_id = ${callId} order by position`)) as unknown as Row[];
  return rows.map((r) => ({
    id: String(r.id),
    label: String(r.label),
    helpText: String(r.helpText),
    weight: Number(r.weight),
    maxScore: Number(r.maxScore),
  }));
}
export type GridCriterion = Awaited<ReturnType<typeof loadCriteria>>[number];

/** Everything else the page shows: participants, budget, messages, documents, history, decision. */
export async function loadApplicationDetails(applicationId: string) {
  const db = getDb();
  const [participants, budget, messages, documents, history, decision] = await Promise.all([
    db.execute(sql`
      select p.role, coalesce(o.name, f.name, op.name) as name, f.country_code as "countryCode",
        o.kind as "organisationKind", o.departement_code as "departementCode"
      from participants p
      left join organisations o on o.id = p.organisation_id
      left join foreign_partners f on f.id = p.foreign_partner_id
      left join operators op on op.id = p.operator_id
      where p.application_id = ${applicationId} order by p.role, p.position`),
    db.execute(sql`
      select kind, category, label, amount_cents as "amountCents", funder_name as "funderName"
      from budget_lines where application_id = ${applicationId} order by kind, position`),
    db.execute(sql`
      select m.id, m.kind, m.body, m.created_at as "createdAt", u.name as "authorName"
      from messages m left join users u on u.id = m.author_id
      where m.application_id = ${applicationId} order by m.created_at`),
    db.execute(sql`
      select a.id, a.original_name as "name", a.content_type as "contentType", a.size_bytes as "sizeBytes"
      from attachments a where a.application_id = ${applicationId} and a.message_id is null
        and a.followup_post_id is null order by a.uploaded_at`),
    db.execute(sql`
      select e.id, e.action, e.occurred_at as "occurredAt", u.name as "actorName",
        case when e.action in ('decision.recorded', 'decision.revised', 'review.reopened') then e.data end as data
      from audit_events e left join users u on u.id = e.actor_id
      where e.subject_type = 'application' and e.subject_id = ${applicationId} order by e.occurred_at desc limit 50`),
    db.execute(sql`
      select d.outcome, d.granted_amount_cents as "grantedCents", d.rejection_reason as "rejectionReason",
        d.decided_at as "decidedAt", u.name as "decidedBy"
      from decisions d left join users u on u.id = d.decided_by where d.application_id = ${applicationId}`),
  ]);
  const d = (decision as unknown as Row[])[0];
  return {
    participants: (
      participants as unknown as {
        role: string;
        name: string;
        countryCode: string | null;
        organisationKind: string | null;
        departementCode: string | null;
      }[]
    ).map((p) => ({
      role: p.role,
      // French organisations are named with their kind and département, as everywhere.
      name: p.organisationKind
        ? organisationLabel({ name: p.name, kind: p.organisationKind, departementCode: p.departementCode })
        : p.name,
      countryCode: p.countryCode,
    })),
    budget: (budget as unknown as Row[]).map((b) => ({
      kind: String(b.kind),
      label: String(b.label),
      amountCents: Number(b.amountCents),
      funderName: b.funderName ? String(b.funderName) : null,
    })),
    messages: (messages as unknown as Row[]).map((m) => ({
      id: String(m.id),
      kind: String(m.kind),
      body: String(m.body),
      createdAt: new Date(String(m.createdAt)),
      authorName: m.authorName ? String(m.authorName) : null,
    })),
    documents: (documents as unknown as Row[]).map((x) => ({
      id: String(x.id),
      name: String(x.name),
      sizeBytes: Number(x.sizeBytes),
    })),
    history: (history as unknown as Row[]).map((h) => ({
      id: String(h.id),
      action: String(h.action),
      occurredAt: new Date(String(h.occurredAt)),
      actorName: h.actorName ? String(h.actorName) : null,
      data: (h.data ?? null) as Record<string, unknown> | null,
    })),
    decision: d
      ? {
          outcome: String(d.outcome),
          grantedCents: num(d.grantedCents),
          rejectionReason: d.rejectionReason ? String(d.rejectionReason) : null,
          decidedAt: new Date(String(d.decidedAt)),
          decidedBy: d.decidedBy ? String(d.decidedBy) : null,
        }
      : null,
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
  const rows = (await getDb().execute(sql`
    select r.id, r.status, r.overall_comment as "overallComment", r.recommendation,
      coalesce(json_agg(json_build_object('criterionId', s.criterion_id, 'score', s.score, 'comment', s.comment))
        filter (where s.review_id is not null), '[]') as scores
    from reviews r left join scores s on s.review_id = r.id
    where r.application_id = ${applicationId} and r.reviewer_id = ${userId}
    group by r.id`)) as unknown as Row[];
  const r = rows[0];
  if (!r) return null;
  return {
    id: String(r.id),
    status: String(r.status),
    overallComment: String(r.overallComment),
    recommendation: r.recommendation ? String(r.recommendation) : null,
    scores: r.scores as { criterionId: string; score: number; comment: string }[],
  };
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
    // Weighted score of every submitted review of the call (same formula as aggregate.ts).
    db.execute(sql`
      select r.reviewer_id as "reviewerId", r.application_id as "applicationId",
        sum(c.weight * s.score::float8 / s.max_score) / sum(c.weight) * 100 as score
      from reviews r join applications a on a.id = r.application_id
      join scores s on s.review_id = r.id join criteria c on c.id = s.criterion_id
      where a.call_id = ${core.callId} and r.status = 'submitted'
      group by r.id`),
    db.execute(
      sql`select a.id, a.score_mean as mean from applications a where a.call_id = ${core.callId} and ${staffMaySeeAs("a")}`,
    ),
  ]);
  const reviews = (reviewRows as unknown as Row[]).map((r) => {
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
  const all = (callReviews as unknown as Row[]).map((r) => ({
    reviewerId: String(r.reviewerId),
    applicationId: String(r.applicationId),
    score: Number(r.score),
  }));
  const z = zScores(all);
  const ranks = rankByScore(
    (callScores as unknown as Row[]).map((r) => ({ id: String(r.id), mean: num(r.mean) })),
  );
  return {
    reviews: reviews.map((r) => ({ ...r, zScore: z.get(`${r.reviewerId}:${core.id}`) ?? null })),
    summary: summarize(reviews.map((r) => r.weighted).filter((v): v is number => v !== null)),
    normalisedMean: normalisedMeans(all).get(core.id) ?? null,
    rank: ranks.get(core.id) ?? null,
    rankedCount: ranks.size,
  };
}

/** Envelope of a call: granted so far (accepted decisions) against the envelope. */
export async function loadEnvelope(callId: string) {
  const rows = (await getDb().execute(sql`
    select c.envelope_cents as "envelopeCents",
      coalesce((select sum(d.granted_amount_cents) from decisions d join applications a on a.id = d.application_id
        where a.call_id = c.id and d.outcome = 'accepted'), 0) as "grantedCents",
      (select count(*) from decisions d join applications a on a.id = d.application_id
        where a.call_id = c.id and d.outcome = 'accepted')::int as "acceptedCount"
    from calls c where c.id = ${callId}`)) as unknown as Row[];
  const r = rows[0];
  if (!r) return null;
  return {
    envelopeCents: Number(r.envelopeCents),
    grantedCents: Number(r.grantedCents),
    acceptedCount: Number(r.acceptedCount),
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
    db.execute(sql`
      select r.reviewer_id as "reviewerId", r.application_id as "applicationId",
        sum(c.weight * s.score::float8 / s.max_score) / sum(c.weight) * 100 as score
      from reviews r join applications a on a.id = r.application_id
      join scores s on s.review_id = r.id join criteria c on c.id = s.criterion_id
      where a.call_id = ${callId} and r.status = 'submitted'
      group by r.id`),
  ]);
  const normalised = normalisedMeans(
    (callReviews as unknown as Row[]).map((r) => ({
      reviewerId: String(r.reviewerId),
      applicationId: String(r.applicationId),
      score: Number(r.score),
    })),
  );
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
  const rows = (await getDb().execute(
    sql`select title, year from calls where id = ${callId}`,
  )) as unknown as Row[];
  return rows[0] ? `${rows[0].year} – ${rows[0].title}` : null;
}
