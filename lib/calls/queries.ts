import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, calls, criteria, decisions, requiredDocuments, reviews } from "@/db/schema";
import { ACTIVE_STATUSES } from "@/lib/applications/lifecycle";
import { staffMaySeeApplication, staffMaySeeAs } from "@/lib/applications/staff-visibility";
import { statusIn } from "@/lib/applications/transition";
import { type CallFormInput, centsToInput, toParisInput } from "./schema";
import { type CallStatus, callStatus } from "./status";

/** Whether the outer call received a submitted application (its status depends on it). */
const hasSubmissions = sql<boolean>`exists (
  select 1 from applications as submitted
  where submitted.call_id = "calls"."id" and submitted.submitted_at is not null
)`;

export type AdminCallRow = {
  id: string;
  slug: string;
  year: number;
  code: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  resultsPublishedAt: Date | null;
  envelopeCents: number;
  status: CallStatus;
  submitted: number;
  decided: number;
};

/** Every call for the admin list, newest first, with its derived status and counts. */
export async function listAdminCalls(db: Database, now: Date): Promise<AdminCallRow[]> {
  const rows = await db
    .select({
      id: calls.id,
      slug: calls.slug,
      year: calls.year,
      code: calls.code,
      title: calls.title,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      resultsPublishedAt: calls.resultsPublishedAt,
      envelopeCents: calls.envelopeCents,
      hasSubmissions,
      submitted: sql<number>`(select count(*)::int from applications a where a.call_id = "calls"."id" and ${staffMaySeeAs("a")})`,
      decided: sql<number>`(select count(*)::int from decisions d join applications a on a.id = d.application_id where a.call_id = "calls"."id")`,
    })
    .from(calls)
    .orderBy(desc(calls.year), asc(calls.closesAt), asc(calls.title));
  return rows.map(({ hasSubmissions: has, ...r }) => ({
    ...r,
    status: callStatus({ ...r, hasSubmissions: has }, now),
  }));
}

export type CallRecord = typeof calls.$inferSelect;

export async function getCall(db: Database, id: string): Promise<CallRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(calls).where(eq(calls.id, id));
  return row ?? null;
}

/** The call with its status at `now`. */
export async function getCallWithStatus(db: Database, id: string, now: Date) {
  const call = await getCall(db, id);
  if (!call) return null;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.callId, id), staffMaySeeApplication));
  return { ...call, status: callStatus({ ...call, hasSubmissions: (row?.n ?? 0) > 0 }, now) };
}

export async function getGrid(db: Database, callId: string) {
  return db.select().from(criteria).where(eq(criteria.callId, callId)).orderBy(asc(criteria.position));
}

export async function getDocuments(db: Database, callId: string) {
  return db
    .select()
    .from(requiredDocuments)
    .where(eq(requiredDocuments.callId, callId))
    .orderBy(asc(requiredDocuments.position));
}

/** The grid is frozen once any reviewer submitted a review on an application of the call. */
export async function isGridLocked(db: Pick<Database, "select">, callId: string): Promise<boolean> {
  const [row] = await db
    .select({ locked: sql<boolean>`true` })
    .from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .where(and(eq(applications.callId, callId), eq(reviews.status, "submitted")))
    .limit(1);
  return Boolean(row);
}

/**
 * The form's values for a call. With `duplicate`, a copy for the next year:
 * same rules, grid and documents, dates one year later, year in the title and
 * slug moved on, ids dropped.
 */
export function callToForm(
  call: CallRecord,
  grid: (typeof criteria.$inferSelect)[],
  documents: (typeof requiredDocuments.$inferSelect)[],
  duplicate = false,
): CallFormInput {
  const shift = (d: Date) => {
    if (!duplicate) return toParisInput(d);
    const text = toParisInput(d);
    return `${Number(text.slice(0, 4)) + 1}${text.slice(4)}`;
  };
  const year = duplicate ? call.year + 1 : call.year;
  const nextYear = (s: string) => (duplicate ? s.replaceAll(String(call.year), String(year)) : s);
  return {
    title: nextYear(call.title),
    year: String(year),
    slug: duplicate
      ? call.slug.includes(String(call.year))
        ? nextYear(call.slug)
        : `${call.slug}-${year}`
      : call.slug,
    code: call.code,
    descriptionMd: call.descriptionMd,
    eligibilityMd: call.eligibilityMd,
    themes: call.themes.join("\n"),
    eligibleCountries: (call.eligibleCountries ?? []).join(", "),
    opensAt: shift(call.opensAt),
    closesAt: shift(call.closesAt),
    maxGrant: centsToInput(call.maxGrantCents),
    maxSharePercent: String(call.maxSharePercent),
    envelope: centsToInput(call.envelopeCents),
    reviewersPerApplication: String(call.reviewersPerApplication),
    grantYears: String(call.grantYears),
    finalBalancePercent: String(call.finalBalancePercent),
    criteria: grid.map((c) => ({
      ...(duplicate ? {} : { id: c.id }),
      label: c.label,
      helpText: c.helpText,
      weight: String(c.weight),
      maxScore: String(c.maxScore),
    })),
    documents: documents.map((d) => ({
      ...(duplicate ? {} : { id: d.id }),
      label: d.label,
      mandatory: d.mandatory,
      acceptedTypes: d.acceptedTypes as CallFormInput["documents"][number]["acceptedTypes"],
    })),
  };
}

export type CallDashboard = {
  byStatus: Record<(typeof applications.status.enumValues)[number], number>;
  active: number;
  reviewsSubmitted: number;
  reviewsExpected: number;
  assigned: number;
  grantedCents: number;
  accepted: number;
  rejected: number;
  undecided: number;
  daysLeft: number | null;
};

/** Figures of one call for its admin dashboard, all computed from rows. */
export async function callDashboard(
  db: Pick<Database, "select" | "execute">,
  call: CallRecord,
  now: Date,
): Promise<CallDashboard> {
  const [statusRows, reviewRows, decisionRows, assignedRows, undecided] = await Promise.all([
    db
      .select({ status: applications.status, n: sql<number>`count(*)::int` })
      .from(applications)
      .where(eq(applications.callId, call.id))
      .groupBy(applications.status),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(reviews)
      .innerJoin(applications, eq(applications.id, reviews.applicationId))
      .where(
        and(
          eq(applications.callId, call.id),
          eq(reviews.status, "submitted"),
          inArray(applications.status, [...ACTIVE_STATUSES]),
        ),
      ),
    db
      .select({
        accepted: sql<number>`count(*) filter (where ${decisions.outcome} = 'accepted')::int`,
        rejected: sql<number>`count(*) filter (where ${decisions.outcome} = 'rejected')::int`,
        granted: sql<number>`coalesce(sum(${decisions.grantedAmountCents}) filter (where ${decisions.outcome} = 'accepted'), 0)::bigint`,
      })
      .from(decisions)
      .innerJoin(applications, eq(applications.id, decisions.applicationId))
      .where(eq(applications.callId, call.id)),
    db.execute<{ n: number }>(sql`
      select count(*)::int as n from reviewer_assignments ra
      join applications a on a.id = ra.application_id
      where a.call_id = ${call.id} and ra.conflict_declared_at is null
        and a.status in ${statusIn(ACTIVE_STATUSES)}`),
    countUndecided(db, call.id),
  ]);
  const byStatus = {
    draft: 0,
    submitted: 0,
    in_review: 0,
    information_requested: 0,
    accepted: 0,
    rejected: 0,
    withdrawn: 0,
  };
  for (const r of statusRows) byStatus[r.status] = r.n;
  const active = ACTIVE_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
  const d = decisionRows[0];
  const accepted = d?.accepted ?? 0;
  const rejected = d?.rejected ?? 0;
  const left = call.closesAt.getTime() - now.getTime();
  return {
    byStatus,
    active,
    reviewsSubmitted: reviewRows[0]?.n ?? 0,
    reviewsExpected: active * call.reviewersPerApplication,
    assigned: Number(assignedRows[0]?.n ?? 0),
    grantedCents: Number(d?.granted ?? 0),
    accepted,
    rejected,
    undecided,
    daysLeft: left > 0 ? Math.ceil(left / 86_400_000) : null,
  };
}

/** Applications of the call submitted, not withdrawn and without a decision: publication waits for them. */
export async function countUndecided(db: Pick<Database, "select">, callId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(
      and(
        eq(applications.callId, callId),
        staffMaySeeApplication,
        inArray(applications.status, [...ACTIVE_STATUSES]),
        sql`${decisions.id} is null`,
      ),
    );
  return row?.n ?? 0;
}
