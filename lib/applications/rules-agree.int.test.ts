/**
 * Each visibility rule has one SQL form and one TypeScript form; these tests
 * generate rows covering every combination the rule looks at and check that
 * the SQL form selects exactly the rows for which the TypeScript form is true.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applications,
  calls,
  decisions,
  organisations,
  reviewerAssignments,
  reviews,
  users,
} from "@/db/schema";
import { testDb } from "@/db/testing/database";
import type { ReviewAssignment } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import {
  callPublishedAs,
  callResultsPublished,
  isPublicLaureate,
  isPublishedLaureate,
  isPublishedLaureateAs,
  publishedLaureateAs,
  resultsArePublic,
} from "@/lib/public/published";
import { seesReviewScores, seesReviewScoresSql } from "@/lib/review/score-visibility";
import { APPLICATION_STATUSES, type ApplicationStatus } from "./lifecycle";
import { staffMaySee, staffMaySeeApplication, staffMaySeeAs } from "./staff-visibility";

const { db, close } = testDb();
afterAll(close);

const stamp = Date.now().toString(36).toUpperCase();
const DAY = 86_400_000;
const PUBLICATIONS = {
  none: null,
  past: new Date(Date.now() - 30 * DAY),
  future: new Date(Date.now() + 30 * DAY),
};
const OUTCOMES = [null, "accepted", "rejected"] as const;

type Generated = {
  id: string;
  callId: string;
  status: ApplicationStatus;
  submittedAt: Date | null;
  outcome: (typeof OUTCOMES)[number];
  resultsPublishedAt: Date | null;
};
const generated: Generated[] = [];
const callIds: string[] = [];
let lead = 0;
let seq = 0;

async function newCall(key: string, resultsPublishedAt: Date | null) {
  const [call] = await db
    .insert(calls)
    .values({
      slug: `agree-${key}-${stamp}`.toLowerCase(),
      code: `G${key.slice(0, 2).toUpperCase()}${stamp}`,
      year: 2097,
      title: `Appel des règles ${key}`,
      opensAt: new Date(Date.now() - 90 * DAY),
      closesAt: new Date(Date.now() - 60 * DAY),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 10_000_000_00,
      resultsPublishedAt,
    })
    .returning({ id: calls.id });
  if (!call) throw new Error("no call");
  callIds.push(call.id);
  return call.id;
}

async function newApplication(callId: string, status: ApplicationStatus, submitted: boolean) {
  seq += 1;
  const submittedAt = submitted ? new Date(Date.now() - 70 * DAY) : null;
  const [row] = await db
    .insert(applications)
    .values({
      callId,
      leadOrganisationId: lead,
      title: `Règle ${seq}`,
      isFictitious: true,
      status,
      submittedAt,
      receiptNumber: submitted ? `2097-G${stamp}-${String(seq).padStart(4, "0")}` : null,
    })
    .returning({ id: applications.id });
  if (!row) throw new Error("no application");
  return { id: row.id, submittedAt };
}

beforeAll(async () => {
  const [org] = await db.select().from(organisations).where(eq(organisations.kind, "commune")).limit(1);
  lead = org?.id ?? 0;
  // Every status, submitted or not where the schema allows both (a withdrawn draft has no submission),
  // with no decision, an acceptance or a rejection, in a call unpublished, published, or to be published.
  for (const [key, resultsPublishedAt] of Object.entries(PUBLICATIONS)) {
    const callId = await newCall(key, resultsPublishedAt);
    for (const status of APPLICATION_STATUSES) {
      const submissions = status === "draft" ? [false] : status === "withdrawn" ? [false, true] : [true];
      for (const submitted of submissions) {
        for (const outcome of OUTCOMES) {
          const { id, submittedAt } = await newApplication(callId, status, submitted);
          if (outcome)
            await db.insert(decisions).values({
              applicationId: id,
              outcome,
              grantedAmountCents: outcome === "accepted" ? 10_000_00 : null,
              rejectionReason: outcome === "rejected" ? "Hors du champ de l’appel." : null,
            });
          generated.push({ id, callId, status, submittedAt, outcome, resultsPublishedAt });
        }
      }
    }
  }
});

/** Ids of the generated applications the SQL predicate selects, given the aliases a, c, d. */
async function selectedBy(predicate: SQL) {
  const rows = (await db.execute(sql`
    select a.id from applications a join calls c on c.id = a.call_id left join decisions d on d.application_id = a.id
    where a.call_id in ${sql`(${sql.join(
      callIds.map((id) => sql`${id}`),
      sql`, `,
    )})`} and ${predicate}`)) as unknown as { id: string }[];
  return rows.map((r) => r.id).sort();
}

const idsWhere = (keep: (g: Generated) => boolean) =>
  generated
    .filter(keep)
    .map((g) => g.id)
    .sort();

describe("« visible publicly »: a laureate of a call whose results are public", () => {
  it("the generated rows cover every combination", () => {
    expect(generated.length).toBe(3 * (APPLICATION_STATUSES.length + 1) * OUTCOMES.length);
    expect(generated.some((g) => isPublicLaureate(g))).toBe(true);
    expect(generated.some((g) => !isPublicLaureate(g))).toBe(true);
  });

  it("every SQL form selects exactly the rows the TypeScript form keeps", async () => {
    const expected = idsWhere((g) => isPublicLaureate(g));
    expect(expected.length).toBeGreaterThan(0);
    expect(await selectedBy(publishedLaureateAs({ call: "c", decision: "d" }))).toEqual(expected);
    expect(await selectedBy(isPublishedLaureateAs("a"))).toEqual(expected);
    const drizzle = await db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(
        sql`${applications.callId} in ${sql`(${sql.join(
          callIds.map((id) => sql`${id}`),
          sql`, `,
        )})`} and ${isPublishedLaureate}`,
      );
    expect(drizzle.map((r) => r.id).sort()).toEqual(expected);
  });

  it("a call's results are public in SQL exactly when they are in TypeScript", async () => {
    const expected = idsWhere((g) => resultsArePublic(g.resultsPublishedAt));
    expect(await selectedBy(callPublishedAs("c"))).toEqual(expected);
    expect(
      await selectedBy(
        sql`exists (select 1 from calls where calls.id = a.call_id and ${callResultsPublished})`,
      ),
    ).toEqual(expected);
    // Only the call published in the past: neither the unpublished one nor the one to be published.
    expect(
      new Set(generated.filter((g) => expected.includes(g.id)).map((g) => g.resultsPublishedAt)),
    ).toEqual(new Set([PUBLICATIONS.past]));
  });
});

describe("« staff never see drafts »", () => {
  it("the SQL forms select exactly the rows the TypeScript form keeps, never a draft or a withdrawn draft", async () => {
    const expected = idsWhere((g) => staffMaySee(g));
    expect(await selectedBy(staffMaySeeAs("a"))).toEqual(expected);
    expect(
      await selectedBy(
        sql`exists (select 1 from applications where applications.id = a.id and ${staffMaySeeApplication})`,
      ),
    ).toEqual(expected);
    const seen = generated.filter((g) => expected.includes(g.id));
    expect(seen.some((g) => g.status === "draft")).toBe(false);
    expect(seen.some((g) => g.status === "withdrawn" && g.submittedAt === null)).toBe(false);
    expect(seen.some((g) => g.status === "withdrawn" && g.submittedAt !== null)).toBe(true);
  });
});

describe("score visibility", () => {
  const ASSIGNMENTS = ["none", "assigned", "conflict"] as const;
  const REVIEWS = ["none", "draft", "submitted"] as const;
  type Case = { id: string; assignment: ReviewAssignment };
  const cases: Case[] = [];
  let reviewerId = "";
  let callId = "";

  beforeAll(async () => {
    const [reviewer] = await db
      .insert(users)
      .values({ email: `agree-${stamp.toLowerCase()}@example.test`, name: "Instructrice des règles" })
      .returning({ id: users.id });
    reviewerId = reviewer?.id ?? "";
    callId = await newCall("scores", null);
    for (const assignment of ASSIGNMENTS) {
      for (const review of REVIEWS) {
        const { id } = await newApplication(callId, "in_review", true);
        if (assignment !== "none")
          await db.insert(reviewerAssignments).values({
            applicationId: id,
            reviewerId,
            conflictDeclaredAt: assignment === "conflict" ? new Date() : null,
            conflictReason: assignment === "conflict" ? "Élue de la commune" : null,
          });
        if (review !== "none")
          await db.insert(reviews).values({
            applicationId: id,
            reviewerId,
            status: review,
            submittedAt: review === "submitted" ? new Date() : null,
            recommendation: review === "submitted" ? "accept" : null,
          });
        cases.push({
          id,
          // What loadAssignment reads: no row without an assignment.
          assignment:
            assignment === "none"
              ? null
              : { conflict: assignment === "conflict", ownReviewSubmitted: review === "submitted" },
        });
      }
    }
  });

  const principal = (roles: { isAdmin: boolean; isReviewer: boolean }): Principal => ({
    id: reviewerId,
    email: "x@example.test",
    name: null,
    networks: [],
    memberships: [],
    ...roles,
  });

  it.each([
    { isAdmin: true, isReviewer: false },
    { isAdmin: false, isReviewer: true },
    { isAdmin: true, isReviewer: true },
    { isAdmin: false, isReviewer: false },
  ])("agrees for every assignment and review of %o", async (roles) => {
    const user = principal(roles);
    const rows = (await db.execute(sql`
      select a.id, ${seesReviewScoresSql(user, { assignment: "ra", ownReview: "myr" })} as sees
      from applications a
      left join reviewer_assignments ra on ra.application_id = a.id and ra.reviewer_id = ${reviewerId}
      left join reviews myr on myr.application_id = a.id and myr.reviewer_id = ${reviewerId}
      where a.call_id = ${callId}`)) as unknown as { id: string; sees: boolean | null }[];
    expect(rows).toHaveLength(ASSIGNMENTS.length * REVIEWS.length);
    const bySql = Object.fromEntries(rows.map((r) => [r.id, r.sees]));
    for (const c of cases)
      expect(bySql[c.id], JSON.stringify(c.assignment)).toBe(seesReviewScores(user, c.assignment));
  });

  it("a reviewer sees the scores of exactly one combination: assigned, no conflict, own review submitted", () => {
    const user = principal({ isAdmin: false, isReviewer: true });
    expect(cases.filter((c) => seesReviewScores(user, c.assignment))).toHaveLength(1);
  });
});
