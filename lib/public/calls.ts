import "server-only";
import { and, asc, desc, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, criteria, decisions, requiredDocuments } from "@/db/schema";
import { type CallStatus, callStatus } from "@/lib/calls/status";
import { callResultsPublished, frenchOrder, isPublishedLaureate } from "./published";

/**
 * Whether the outer call received any submitted application (its status
 * depends on it). An EXISTS stops at the first row, whatever the volume.
 * Written out in SQL because drizzle leaves column names unqualified in a
 * single-table select, which would make the subquery compare its own columns.
 */
const hasSubmissions = sql<boolean>`exists (
  select 1 from applications as submitted
  where submitted.call_id = "calls"."id" and submitted.submitted_at is not null
)`;

const summaryColumns = {
  id: calls.id,
  slug: calls.slug,
  year: calls.year,
  title: calls.title,
  opensAt: calls.opensAt,
  closesAt: calls.closesAt,
  resultsPublishedAt: calls.resultsPublishedAt,
  maxGrantCents: calls.maxGrantCents,
  envelopeCents: calls.envelopeCents,
  isFictitious: calls.isFictitious,
  hasSubmissions,
};

/**
 * Where the public site's « Déposer un dossier » leads: the applicant's list of
 * applications, where each open call has its creation form. A visitor who is
 * not signed in is sent to the sign-in page and brought back there.
 */
export const APPLY_PATH = "/espace/dossiers";

export type CallSummary = {
  id: string;
  slug: string;
  year: number;
  title: string;
  opensAt: Date;
  closesAt: Date;
  resultsPublishedAt: Date | null;
  maxGrantCents: number;
  envelopeCents: number;
  isFictitious: boolean;
  hasSubmissions: boolean;
  status: CallStatus;
};

/** Every call, newest first, with its status at `now`. */
export async function listCalls(now: Date): Promise<CallSummary[]> {
  const rows = await getDb()
    .select(summaryColumns)
    .from(calls)
    .orderBy(desc(calls.year), asc(calls.closesAt), frenchOrder(calls.title));
  return rows.map((r) => ({ ...r, status: callStatus(r, now) }));
}

/** Calls open at `now`, the soonest deadline first. */
export async function listOpenCalls(now: Date): Promise<CallSummary[]> {
  const rows = await getDb()
    .select(summaryColumns)
    .from(calls)
    .where(and(lte(calls.opensAt, now), gt(calls.closesAt, now)))
    .orderBy(asc(calls.closesAt), frenchOrder(calls.title));
  return rows.map((r) => ({ ...r, status: callStatus(r, now) }));
}

export type CallDetail = CallSummary & {
  code: string;
  descriptionMd: string;
  eligibilityMd: string;
  themes: string[];
  eligibleCountries: string[] | null;
  maxSharePercent: number;
  criteria: { id: string; label: string; helpText: string; weight: number; maxScore: number }[];
  documents: { id: string; label: string; mandatory: boolean; acceptedTypes: string[] }[];
  /** Applications submitted to the call (shown once it is closed). */
  submittedCount: number;
  /** Counted only once the results are published. */
  laureateCount: number | null;
  /** Sum of the amounts granted to the laureates, once the results are published. */
  grantedCents: number | null;
};

export async function getCallBySlug(slug: string, now: Date): Promise<CallDetail | null> {
  const db = getDb();
  const [row] = await db
    .select({
      ...summaryColumns,
      code: calls.code,
      descriptionMd: calls.descriptionMd,
      eligibilityMd: calls.eligibilityMd,
      themes: calls.themes,
      eligibleCountries: calls.eligibleCountries,
      maxSharePercent: calls.maxSharePercent,
    })
    .from(calls)
    .where(eq(calls.slug, slug));
  if (!row) return null;
  const status = callStatus(row, now);
  const [criteriaRows, documentRows, submittedRows, laureates] = await Promise.all([
    db
      .select({
        id: criteria.id,
        label: criteria.label,
        helpText: criteria.helpText,
        weight: criteria.weight,
        maxScore: criteria.maxScore,
      })
      .from(criteria)
      .where(eq(criteria.callId, row.id))
      .orderBy(asc(criteria.position)),
    db
      .select({
        id: requiredDocuments.id,
        label: requiredDocuments.label,
        mandatory: requiredDocuments.mandatory,
        acceptedTypes: requiredDocuments.acceptedTypes,
      })
      .from(requiredDocuments)
      .where(eq(requiredDocuments.callId, row.id))
      .orderBy(asc(requiredDocuments.position)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(eq(applications.callId, row.id), isNotNull(applications.submittedAt))),
    status === "results_published"
      ? db
          .select({
            n: sql<number>`count(*)::int`,
            granted: sql<number>`coalesce(sum(${decisions.grantedAmountCents}), 0)::bigint`.mapWith(Number),
          })
          .from(decisions)
          .innerJoin(applications, eq(applications.id, decisions.applicationId))
          .innerJoin(calls, eq(calls.id, applications.callId))
          .where(and(eq(calls.id, row.id), isPublishedLaureate))
      : Promise.resolve(null),
  ]);
  return {
    ...row,
    status,
    criteria: criteriaRows,
    documents: documentRows,
    submittedCount: submittedRows[0]?.n ?? 0,
    laureateCount: laureates ? (laureates[0]?.n ?? 0) : null,
    grantedCents: laureates ? (laureates[0]?.granted ?? 0) : null,
  };
}

export type YearFigures = {
  year: number;
  /** Calls of the year whose results are published: the figures cover these only. */
  calls: number;
  submitted: number;
  accepted: number;
  /** Calls of the same year still without published results (left out of the figures). */
  unpublishedCalls: number;
};

/**
 * Figures of the last year with published results, computed from the rows:
 * calls with published results, applications submitted to them, and laureates.
 * Restricting every figure to published calls keeps the rate honest and
 * reveals nothing of a call still in review.
 */
export async function lastPublishedYearFigures(): Promise<YearFigures | null> {
  const db = getDb();
  const [latest] = await db
    .select({ year: sql<number | null>`max(${calls.year})` })
    .from(calls)
    .where(callResultsPublished);
  const year = latest?.year;
  if (year === null || year === undefined) return null;

  const [callRow, submittedRow, acceptedRow] = await Promise.all([
    db
      .select({
        published: sql<number>`count(*) filter (where ${callResultsPublished})::int`,
        all: sql<number>`count(*)::int`,
      })
      .from(calls)
      .where(eq(calls.year, year)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(and(eq(calls.year, year), callResultsPublished, isNotNull(applications.submittedAt))),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(decisions)
      .innerJoin(applications, eq(applications.id, decisions.applicationId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(and(eq(calls.year, year), isPublishedLaureate)),
  ]);
  const published = callRow[0]?.published ?? 0;
  return {
    year,
    calls: published,
    submitted: submittedRow[0]?.n ?? 0,
    accepted: acceptedRow[0]?.n ?? 0,
    unpublishedCalls: (callRow[0]?.all ?? 0) - published,
  };
}
