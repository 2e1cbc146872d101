import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  applications,
  calls,
  criteria,
  decisions,
  organisations,
  reviewerAssignments,
  reviews,
  userRoles,
  users,
} from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { assignmentInput, loadAssignmentBoard } from "@/lib/assignment/queries";
import { planAssignments } from "@/lib/assignment/round-robin";
import { callDashboard, countUndecided, isGridLocked } from "@/lib/calls/queries";
import { publicationSummary } from "./queries";

const { db: database, close } = testDb();
afterAll(close);

/** Rows are written in a transaction rolled back at the end: other tests share this database. */
class Rollback extends Error {}
type Tx = Parameters<Parameters<typeof database.transaction>[0]>[0];

async function setup(db: Tx) {
  const [call] = await db
    .insert(calls)
    .values({
      slug: "integration-publication",
      code: "INT",
      year: 2016,
      title: "Appel d’intégration",
      opensAt: new Date("2016-01-15T08:00:00Z"),
      closesAt: new Date("2016-03-31T10:00:00Z"),
      maxGrantCents: 6_000_000,
      maxSharePercent: 50,
      envelopeCents: 10_000_000,
      lastReceiptSeq: 4,
    })
    .returning();
  if (!call) throw new Error("no call");
  await db
    .insert(criteria)
    .values({ callId: call.id, position: 0, label: "Pertinence", weight: 1, maxScore: 5 });
  const leads = await db
    .select({ id: organisations.id, departementCode: organisations.departementCode })
    .from(organisations)
    .where(eq(organisations.kind, "departement"))
    .limit(4);
  const rows = await db
    .insert(applications)
    .values(
      leads.map((lead, i) => ({
        callId: call.id,
        leadOrganisationId: lead.id,
        title: `Dossier ${i + 1}`,
        status: i === 3 ? ("withdrawn" as const) : ("submitted" as const),
        receiptNumber: `2016-INT-000${i + 1}`,
        submittedAt: new Date("2016-03-20T10:00:00Z"),
      })),
    )
    .returning();
  const reviewerRows = await db
    .insert(users)
    .values([
      { email: "r1@integration.example", name: "R1" },
      { email: "r2@integration.example", name: "R2" },
      { email: "r3@integration.example", name: "R3" },
    ])
    .returning();
  await db.insert(userRoles).values(
    reviewerRows.map((r, i) => ({
      userId: r.id,
      role: "reviewer" as const,
      departementCode: i === 2 ? (leads[1]?.departementCode ?? null) : null,
    })),
  );
  return { call, apps: rows, reviewers: reviewerRows };
}

describe("publication and assignment queries", () => {
  it("counts undecided applications (withdrawn ones aside), sums the grants and locks the grid", async () => {
    await database
      .transaction(async (db) => {
        await scenario(db);
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
  });
});

async function scenario(db: Tx) {
  {
    const { call, apps, reviewers } = await setup(db);
    const [a1, a2, a3] = apps;
    if (!a1 || !a2 || !a3) throw new Error("no applications");

    expect(await countUndecided(db, call.id)).toBe(3);
    await db.insert(decisions).values([
      { applicationId: a1.id, outcome: "accepted", grantedAmountCents: 4_000_000 },
      { applicationId: a2.id, outcome: "rejected", rejectionReason: "Hors priorités." },
    ]);
    expect(await publicationSummary(db, call)).toEqual({
      accepted: 1,
      rejected: 1,
      undecided: 1,
      grantedCents: 4_000_000,
      envelopeCents: 10_000_000,
    });

    // Assignment: a conflict and the département rule are read from the database.
    const [r1, , r3] = reviewers;
    if (!r1 || !r3) throw new Error("no reviewers");
    await db.insert(reviewerAssignments).values({
      applicationId: a3.id,
      reviewerId: r1.id,
      conflictDeclaredAt: new Date(),
      conflictReason: "Ancien agent.",
    });
    const board = await loadAssignmentBoard(db, call.id);
    // Decided and withdrawn applications take no reviewer.
    expect(board.applications.map((a) => a.id)).toEqual([a3.id]);
    const plan = planAssignments(assignmentInput(board, 2, true));
    expect(plan.proposals.map((p) => p.reviewerId)).not.toContain(r1.id);
    expect(plan.proposals).toHaveLength(2);

    expect(await isGridLocked(db, call.id)).toBe(false);
    await db.insert(reviews).values({ applicationId: a1.id, reviewerId: r3.id, status: "draft" });
    expect(await isGridLocked(db, call.id)).toBe(false);
    await db
      .update(reviews)
      .set({ status: "submitted", submittedAt: new Date(), recommendation: "accept" })
      .where(eq(reviews.applicationId, a1.id));
    expect(await isGridLocked(db, call.id)).toBe(true);

    const dashboard = await callDashboard(db, call, new Date("2016-04-01T00:00:00Z"));
    expect(dashboard).toMatchObject({
      active: 3,
      reviewsSubmitted: 1,
      reviewsExpected: 6,
      grantedCents: 4_000_000,
      undecided: 1,
      daysLeft: null,
    });
    expect(dashboard.byStatus.withdrawn).toBe(1);
  }
}
