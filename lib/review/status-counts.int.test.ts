import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationStatusCounts, applications, calls, organisations } from "@/db/schema";
import { testDb } from "@/db/testing/database";
import type { Principal } from "@/lib/authz/principal";
import { parseListFilters } from "./filters";
import { statusCountsQuery } from "./queries";

const { db, close } = testDb();
afterAll(close);

const stamp = Date.now().toString(36).toUpperCase();
let callId = "";
let lead = 0;

/** The per-status counts of the call as the trigger keeps them. */
async function kept() {
  const rows = await db
    .select()
    .from(applicationStatusCounts)
    .where(eq(applicationStatusCounts.callId, callId));
  return Object.fromEntries(rows.filter((r) => r.count !== 0).map((r) => [r.status, r.count]));
}

/** The same counts computed from the rows. */
async function counted() {
  const rows = (await db.execute(sql`select status, count(*)::int as n from applications
    where call_id = ${callId} and submitted_at is not null group by status`)) as unknown as {
    status: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

let seq = 0;
const submitted = (status: "submitted" | "in_review" | "accepted") => {
  seq += 1;
  return {
    callId,
    leadOrganisationId: lead,
    title: `Compte ${seq}`,
    isFictitious: true,
    status,
    receiptNumber: `2096-C${stamp}-${String(seq).padStart(4, "0")}`,
    submittedAt: new Date(),
  };
};

beforeAll(async () => {
  const [call] = await db
    .insert(calls)
    .values({
      slug: `counts-${stamp}`,
      code: `C${stamp}`,
      year: 2096,
      title: "Appel des comptes",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 1_000_000_00,
    })
    .returning();
  callId = call?.id ?? "";
  const [org] = await db.select().from(organisations).where(eq(organisations.kind, "commune")).limit(1);
  lead = org?.id ?? 0;
});

describe("per-status counts of submitted applications (application_status_counts)", () => {
  it("follow inserts, status changes, submissions and deletions, drafts excluded", async () => {
    const rows = await db
      .insert(applications)
      .values([
        submitted("submitted"),
        submitted("submitted"),
        submitted("in_review"),
        { callId, leadOrganisationId: lead, title: "Brouillon", isFictitious: true },
      ])
      .returning();
    expect(await kept()).toEqual({ submitted: 2, in_review: 1 });

    const [first, second, , draft] = rows;
    await db
      .update(applications)
      .set({ status: "in_review" })
      .where(eq(applications.id, first?.id ?? ""));
    expect(await kept()).toEqual({ submitted: 1, in_review: 2 });
    await db
      .update(applications)
      .set({ status: "accepted" })
      .where(and(eq(applications.callId, callId), isNotNull(applications.submittedAt)));
    expect(await kept()).toEqual({ accepted: 3 });
    expect(await counted()).toEqual({ accepted: 3 });

    await db.delete(applications).where(eq(applications.id, second?.id ?? ""));
    await db.delete(applications).where(eq(applications.id, draft?.id ?? ""));
    expect(await kept()).toEqual({ accepted: 2 });
    expect(await counted()).toEqual(await kept());
  });

  it("are what the dashboard shows to an admin filtering on the call", async () => {
    const admin: Principal = {
      id: "admin",
      email: "admin@exemple.fr",
      name: null,
      isAdmin: true,
      isReviewer: false,
      networks: [],
      memberships: [],
    };
    const rows = (await db.execute(
      statusCountsQuery(admin, parseListFilters({ call: callId })),
    )) as unknown as { status: string; n: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual(await counted());
  });
});
