/**
 * Races on the real test PostgreSQL, through the real server actions:
 * the deadline second, a double submit, two stale saves, two admins
 * deciding at once, two reviewers scoring at once. Only Next's request context
 * is replaced: who is signed in (a real user, its principal read from the
 * database by the real `getCurrentUser`, one per concurrent call) and the cache
 * invalidation; `redirect` is Next's own (it throws NEXT_REDIRECT).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  applications,
  calls,
  criteria,
  decisions,
  emailOutbox,
  memberships,
  organisations,
  reviewerAssignments,
  reviews,
  scores,
  userRoles,
  users,
} from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { writeApplicationForm } from "@/lib/applications/persist";
import { completeApplicationForm } from "@/lib/applications/sample-form";
import type { ActionResult } from "@/lib/result";

const signedIn = vi.hoisted(() => {
  // The actions' shared client (getDb) must reach the run's database.
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  process.env.DATABASE_POOL_SIZE = "12";
  return { current: null as null | { getStore: () => string | undefined } };
});

// next-auth's session read, replaced by the user this concurrent call runs as; the
// real getCurrentUser then loads the principal from the database.
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => {
    const id = signedIn.current?.getStore();
    return id ? { user: { id } } : null;
  },
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
}));

const session = new AsyncLocalStorage<string>();
signedIn.current = session;
const as = <T>(userId: string, run: () => Promise<T>) => session.run(userId, run);

const { submitApplication, saveApplication } = await import("@/lib/applications/actions");
const { decideApplication } = await import("@/lib/decisions/actions");
const { saveReview } = await import("@/lib/review/actions");

const { db, close } = testDb();
afterAll(close);

const TAG = `races-${Date.now().toString(36)}`;
const PARALLEL = 12;

/** Runs a server action; a redirect (Next's NEXT_REDIRECT) is returned as its target. */
async function call<T>(action: () => Promise<T>): Promise<T | { redirect: string }> {
  try {
    return await action();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return { redirect: digest.split(";")[2] ?? "" };
    }
    throw error;
  }
}

const formData = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

let communes: { id: number; name: string }[] = [];
let userSeq = 0;

async function newUser(label: string) {
  const [user] = await db
    .insert(users)
    .values({ email: `${TAG}-${label}-${userSeq++}@exemple.fr`, name: `Agent ${label}` })
    .returning({ id: users.id });
  return user?.id as string;
}

async function newCall(label: string, closesAt: Date) {
  const [call] = await db
    .insert(calls)
    .values({
      slug: `${TAG}-${label}`,
      code: label.slice(0, 3).toUpperCase(),
      year: 2099,
      title: `Appel ${label}`,
      opensAt: new Date(Date.now() - 7 * 86_400_000),
      closesAt,
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 10_000_000_00,
    })
    .returning({ id: calls.id });
  return call?.id as string;
}

/** A complete draft on `callId`, led by the `index`-th commune, and its member (a manager). */
async function completeDraft(callId: string, index: number) {
  const lead = communes[index] as { id: number; name: string };
  const co = communes[index + 1] as { id: number; name: string };
  const userId = await newUser(`membre${index}`);
  await db
    .insert(memberships)
    .values({ userId, organisationId: lead.id, role: "manager", status: "active", confirmedAt: new Date() });
  const [app] = await db
    .insert(applications)
    .values({
      callId,
      leadOrganisationId: lead.id,
      title: TAG,
      isFictitious: false,
      createdBy: userId,
      updatedBy: userId,
    })
    .returning({ id: applications.id });
  const applicationId = app?.id as string;
  const saved = await db.transaction((tx) =>
    writeApplicationForm(tx, {
      applicationId,
      version: 1,
      leadOrganisationId: lead.id,
      userId,
      form: completeApplicationForm(lead, co, `${TAG} : eau potable ${lead.name}`),
    }),
  );
  if (!saved) throw new Error("draft not saved");
  return { applicationId, userId, lead, co, version: saved.version };
}

beforeAll(async () => {
  communes = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, "commune"))
    .orderBy(organisations.id)
    .limit(4 * PARALLEL + 20);
});

describe("the deadline second", () => {
  it("accepts every submission before the closing time exactly once, refuses every one after", async () => {
    const open = await newCall("avant", new Date(Date.now() + 3_600_000));
    const closed = await newCall("apres", new Date(Date.now() + 3_600_000));
    const before = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => completeDraft(open, i * 2)));
    const after = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => completeDraft(closed, 2 * PARALLEL + i * 2)),
    );
    // Closing times relative to the database's clock, once the drafts are ready: one
    // call closes at the end of the next half-minute (the last-minute rush), the other
    // closed at the end of the previous second (every submission is one second late).
    await db
      .update(calls)
      .set({ closesAt: sql`date_trunc('second', now()) + interval '30 seconds'` })
      .where(eq(calls.id, open));
    await db
      .update(calls)
      .set({ closesAt: sql`date_trunc('second', now()) - interval '1 millisecond'` })
      .where(eq(calls.id, closed));

    // Everything at once, each submission twice (a double click): 48 calls in parallel.
    const fire = (d: { applicationId: string; userId: string }) =>
      call(() => as(d.userId, () => submitApplication(null, formData({ applicationId: d.applicationId }))));
    const results = await Promise.all([...before, ...after, ...before, ...after].map(fire));

    const beforeResults = results.filter((_, i) => i % (2 * PARALLEL) < PARALLEL);
    const afterResults = results.filter((_, i) => i % (2 * PARALLEL) >= PARALLEL);
    for (const result of beforeResults) {
      expect(result).toMatchObject({ redirect: expect.stringMatching(/\/recepisse$/) });
    }
    for (const result of afterResults) {
      expect(result).toMatchObject({
        ok: false,
        code: "closed",
        message: expect.stringContaining("L’appel à projets est clos"),
      });
    }

    const rows = await db
      .select({
        id: applications.id,
        callId: applications.callId,
        status: applications.status,
        receipt: applications.receiptNumber,
        submittedAt: applications.submittedAt,
      })
      .from(applications)
      .where(inArray(applications.callId, [open, closed]));
    const accepted = rows.filter((r) => r.callId === open);
    const refused = rows.filter((r) => r.callId === closed);
    expect(accepted.every((r) => r.status === "submitted" && r.receipt && r.submittedAt)).toBe(true);
    // One receipt each, numbered 1…N without gap nor duplicate.
    expect(accepted.map((r) => Number(r.receipt?.slice(-4))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: PARALLEL }, (_, i) => i + 1),
    );
    expect(refused.every((r) => r.status === "draft" && r.receipt === null)).toBe(true);
    const [counters] = await db.select({ seq: calls.lastReceiptSeq }).from(calls).where(eq(calls.id, closed));
    expect(counters?.seq).toBe(0);

    // One receipt e-mail per application and recipient, none for the late ones.
    const mails = await db
      .select({ key: emailOutbox.dedupeKey })
      .from(emailOutbox)
      .where(like(emailOutbox.dedupeKey, "receipt:%"));
    const mailed = new Set(mails.map((m) => m.key?.split(":")[1]));
    for (const r of accepted) expect(mailed.has(r.id)).toBe(true);
    for (const r of refused) expect(mailed.has(r.id)).toBe(false);
  });

  it("is decided by the database's clock: app nodes an hour ahead or behind agree", async () => {
    const open = await newCall("horloge-en-avance", new Date(Date.now() + 3_600_000));
    const closed = await newCall("drift-en-retard", new Date(Date.now() + 3_600_000));
    const early = await completeDraft(open, 4 * PARALLEL + 10);
    const late = await completeDraft(closed, 4 * PARALLEL + 12);
    await db
      .update(calls)
      .set({ closesAt: sql`date_trunc('second', now()) + interval '30 seconds'` })
      .where(eq(calls.id, open));
    await db
      .update(calls)
      .set({ closesAt: sql`date_trunc('second', now()) - interval '1 millisecond'` })
      .where(eq(calls.id, closed));
    const submit = (d: { applicationId: string; userId: string }) =>
      call(() => as(d.userId, () => submitApplication(null, formData({ applicationId: d.applicationId }))));
    // Only `Date` is faked: the node's clock is wrong, its timers and the database are not.
    try {
      // A node whose clock runs an hour ahead believes the call closed long ago: still accepted.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 3_600_000 });
      expect(await submit(early)).toMatchObject({ redirect: expect.stringMatching(/\/recepisse$/) });
      // A node an hour behind believes the call is open: still refused.
      vi.setSystemTime(Date.now() - 2 * 3_600_000);
      expect(await submit(late)).toMatchObject({ ok: false, code: "closed" });
    } finally {
      vi.useRealTimers();
    }
    const rows = await db
      .select({
        id: applications.id,
        receipt: applications.receiptNumber,
        // Seconds between the recorded submission time and the database's clock now.
        age: sql<number>`extract(epoch from now() - ${applications.submittedAt})`.mapWith(Number),
      })
      .from(applications)
      .where(inArray(applications.id, [early.applicationId, late.applicationId]));
    const accepted = rows.find((r) => r.id === early.applicationId);
    expect(accepted?.receipt).toBe("2099-HOR-0001");
    // The receipt's time is the database's, not the node's (an hour off).
    expect(Math.abs(accepted?.age ?? 3_600)).toBeLessThan(60);
    expect(rows.find((r) => r.id === late.applicationId)?.receipt).toBeNull();
  });
});

describe("double submit of one draft", () => {
  it("gives one receipt, one e-mail per recipient, whatever the number of clicks", async () => {
    const callId = await newCall("double", new Date(Date.now() + 3_600_000));
    const draft = await completeDraft(callId, 4 * PARALLEL + 2);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(() =>
          as(draft.userId, () => submitApplication(null, formData({ applicationId: draft.applicationId }))),
        ),
      ),
    );
    for (const result of results) {
      expect(result).toEqual({ redirect: `/espace/dossiers/${draft.applicationId}/recepisse` });
    }
    const [row] = await db.select().from(applications).where(eq(applications.id, draft.applicationId));
    expect(row?.receiptNumber).toBe("2099-DOU-0001");
    const mails = await db
      .select({ to: emailOutbox.toAddress })
      .from(emailOutbox)
      .where(like(emailOutbox.dedupeKey, `receipt:${draft.applicationId}:%`));
    expect(mails).toHaveLength(1);
  });
});

describe("concurrent edits of one application", () => {
  it("keeps the first save of a field; the others get a conflict on it, and their other fields merge", async () => {
    const callId = await newCall("edition", new Date(Date.now() + 3_600_000));
    const draft = await completeDraft(callId, 4 * PARALLEL + 4);
    const colleague = await newUser("collegue");
    await db.insert(memberships).values({
      userId: colleague,
      organisationId: draft.lead.id,
      role: "member",
      status: "active",
      confirmedAt: new Date(),
    });
    const base = completeApplicationForm(draft.lead, draft.co, `${TAG} : eau potable ${draft.lead.name}`);
    // All read version N; all save at once a new title, and each another field of its own.
    const save = (userId: string, title: string, other: Record<string, string>) =>
      as(userId, () =>
        saveApplication(
          null,
          formData({
            payload: JSON.stringify({
              applicationId: draft.applicationId,
              version: draft.version,
              changes: { title, ...other },
              base: {
                title: base.title,
                ...Object.fromEntries(Object.keys(other).map((k) => [k, base[k as "summary"]])),
              },
            }),
          }),
        ),
      );
    const titles = ["Titre de la responsable", "Titre du collègue", "Titre du collègue, autre onglet"];
    const results = await Promise.all([
      save(draft.userId, titles[0] as string, { summary: "Résumé de la responsable" }),
      save(colleague, titles[1] as string, { objectives: "Objectifs du collègue" }),
      save(colleague, titles[2] as string, { beneficiaries: "Bénéficiaires de l’autre onglet" }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const data = results.map((r) => (r.ok ? r.data : null));
    const won = data.filter((d) => d && d.conflicts.length === 0);
    const lost = data.filter((d) => d && d.conflicts.length > 0);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    const winner = data.findIndex((d) => d?.conflicts.length === 0);
    const [row] = await db.select().from(applications).where(eq(applications.id, draft.applicationId));
    // The first title saved stays; the later ones are offered, never written over it.
    expect(row?.title).toBe(titles[winner]);
    for (const d of lost) {
      expect(d?.conflicts).toEqual([
        { field: "title", mine: expect.not.stringMatching(`^${titles[winner]}$`), theirs: titles[winner] },
      ]);
      expect(d?.mergedWith).toEqual(expect.any(String));
    }
    // Every other field of every save is there.
    expect(row).toMatchObject({
      summary: "Résumé de la responsable",
      objectives: "Objectifs du collègue",
      beneficiaries: "Bénéficiaires de l’autre onglet",
      version: draft.version + 3,
    });
  });
});

/** A submitted application (with its receipt) and a grid of two criteria. */
async function submitted(label: string, index: number) {
  const callId = await newCall(label, new Date(Date.now() + 3_600_000));
  const draft = await completeDraft(callId, index);
  const result = await call(() =>
    as(draft.userId, () => submitApplication(null, formData({ applicationId: draft.applicationId }))),
  );
  expect(result).toMatchObject({ redirect: expect.stringMatching(/recepisse$/) });
  const grid = await db
    .insert(criteria)
    .values([
      { callId, position: 1, label: "Pertinence", weight: 1, maxScore: 5 },
      { callId, position: 2, label: "Faisabilité", weight: 1, maxScore: 5 },
    ])
    .returning({ id: criteria.id });
  const [row] = await db
    .select({ version: applications.version })
    .from(applications)
    .where(eq(applications.id, draft.applicationId));
  return { ...draft, callId, grid: grid.map((c) => c.id), version: row?.version as number };
}

describe("concurrent decisions", () => {
  it("records one decision when two admins decide at once; the other is told", async () => {
    const app = await submitted("decision", 4 * PARALLEL + 6);
    const admins = [await newUser("admin-a"), await newUser("admin-b"), await newUser("admin-c")];
    await db.insert(userRoles).values(admins.map((userId) => ({ userId, role: "admin" as const })));
    const results = await Promise.all([
      as(admins[0] as string, () =>
        decideApplication(
          null,
          formData({
            applicationId: app.applicationId,
            version: String(app.version),
            outcome: "accepted",
            grantedAmount: "8 000",
            confirmed: "yes",
          }),
        ),
      ),
      ...admins.slice(1).map((admin) =>
        as(admin, () =>
          decideApplication(
            null,
            formData({
              applicationId: app.applicationId,
              version: String(app.version),
              outcome: "rejected",
              rejectionReason: "Le projet ne relève pas de l’appel.",
              confirmed: "yes",
            }),
          ),
        ),
      ),
    ]);
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    for (const result of results.filter((r) => !r.ok)) {
      expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.any(String) });
      expect((result as { message: string }).message).toMatch(/décid/);
    }
    const rows = await db.select().from(decisions).where(eq(decisions.applicationId, app.applicationId));
    expect(rows).toHaveLength(1);
    const [row] = await db.select().from(applications).where(eq(applications.id, app.applicationId));
    const winner = results.findIndex((r) => r.ok);
    expect(row?.status).toBe(winner === 0 ? "accepted" : "rejected");
    expect(rows[0]?.outcome).toBe(row?.status);
    expect(rows[0]?.decidedBy).toBe(admins[winner]);
    expect(row?.version).toBe(app.version + 1);
  });
});

describe("the envelope under concurrent decisions", () => {
  it("grants two applications at once only as far as the envelope goes; the other is told what is left", async () => {
    const callId = await newCall("enveloppe", new Date(Date.now() + 3_600_000));
    await db.update(calls).set({ envelopeCents: 10_000_00 }).where(eq(calls.id, callId));
    const drafts = [
      await completeDraft(callId, 4 * PARALLEL + 14),
      await completeDraft(callId, 4 * PARALLEL + 16),
    ];
    for (const draft of drafts) {
      await call(() =>
        as(draft.userId, () => submitApplication(null, formData({ applicationId: draft.applicationId }))),
      );
    }
    const admins = [await newUser("admin-env-a"), await newUser("admin-env-b")];
    await db.insert(userRoles).values(admins.map((userId) => ({ userId, role: "admin" as const })));
    const versions = await db
      .select({ id: applications.id, version: applications.version })
      .from(applications)
      .where(
        inArray(
          applications.id,
          drafts.map((d) => d.applicationId),
        ),
      );
    const decide = (admin: string, applicationId: string, confirmed: boolean) =>
      as(admin, () =>
        decideApplication(
          null,
          formData({
            applicationId,
            version: String(versions.find((v) => v.id === applicationId)?.version),
            outcome: "accepted",
            grantedAmount: "8 000",
            ...(confirmed ? { confirmed: "yes" } : {}),
          }),
        ),
      );
    // The first step records nothing: it restates the decision.
    const asked = await decide(admins[0] as string, drafts[0]?.applicationId as string, false);
    expect(asked).toEqual({
      ok: true,
      data: { confirm: "Vous allez accepter ce dossier pour 8\u202f000\u00a0€." },
    });
    expect(
      await db
        .select()
        .from(decisions)
        .where(eq(decisions.applicationId, drafts[0]?.applicationId as string)),
    ).toHaveLength(0);

    const results = await Promise.all(
      drafts.map((d, i) => decide(admins[i] as string, d.applicationId, true)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        grantedAmount: [
          expect.stringContaining("il reste 2\u202f000\u00a0€ à accorder sur 10\u202f000\u00a0€"),
        ],
      },
    });
    const granted = await db
      .select({ cents: decisions.grantedAmountCents })
      .from(decisions)
      .where(
        inArray(
          decisions.applicationId,
          drafts.map((d) => d.applicationId),
        ),
      );
    expect(granted.map((g) => g.cents)).toEqual([8_000_00]);
  });
});

describe("concurrent scoring", () => {
  it("keeps each reviewer's scores, and one set per reviewer when one submits twice at once", async () => {
    const app = await submitted("notation", 4 * PARALLEL + 8);
    const reviewers = [await newUser("evaluatrice"), await newUser("evaluateur")];
    await db.insert(userRoles).values(reviewers.map((userId) => ({ userId, role: "reviewer" as const })));
    await db
      .insert(reviewerAssignments)
      .values(reviewers.map((reviewerId) => ({ applicationId: app.applicationId, reviewerId })));
    const review = (reviewerId: string, a: number, b: number) =>
      as(reviewerId, () =>
        saveReview(
          null,
          formData({
            intent: "submit",
            applicationId: app.applicationId,
            [`score.${app.grid[0]}`]: String(a),
            [`score.${app.grid[1]}`]: String(b),
            overallComment: "Avis motivé.",
            recommendation: "accept",
          }),
        ),
      );
    // Each reviewer submits twice (two tabs), both reviewers at once.
    const results: ActionResult[] = await Promise.all([
      review(reviewers[0] as string, 4, 3),
      review(reviewers[1] as string, 2, 5),
      review(reviewers[0] as string, 4, 3),
      review(reviewers[1] as string, 2, 5),
    ]);
    // Per reviewer: one submission recorded; a second one is either refused as already
    // submitted or was serialised before the first committed (same values, same rows).
    for (const result of results) {
      if (!result.ok) expect(result).toMatchObject({ code: "already_submitted" });
    }
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(2);
    const stored = await db
      .select({ reviewer: reviews.reviewerId, status: reviews.status, score: scores.score })
      .from(reviews)
      .innerJoin(scores, eq(scores.reviewId, reviews.id))
      .where(eq(reviews.applicationId, app.applicationId));
    const of = (id: string) =>
      stored
        .filter((s) => s.reviewer === id)
        .map((s) => s.score)
        .sort();
    expect(of(reviewers[0] as string)).toEqual([3, 4]);
    expect(of(reviewers[1] as string)).toEqual([2, 5]);
    expect(stored.every((s) => s.status === "submitted")).toBe(true);
    const aggregates = () =>
      db
        .select({
          status: applications.status,
          version: applications.version,
          reviewCount: applications.reviewCount,
          scoreMean: applications.scoreMean,
        })
        .from(applications)
        .where(and(eq(applications.id, app.applicationId)));
    const [row] = await aggregates();
    expect(row?.status).toBe("in_review");
    // Moved into review once, whatever the number of reviews.
    expect(row?.version).toBe(app.version + 1);
    // The dashboard's aggregates count both reviews, though each transaction wrote without
    // seeing the other's uncommitted one: recomputing them from the rows changes nothing.
    expect(row?.reviewCount).toBe(2);
    await db.execute(sql`select refresh_application_scores(array[${app.applicationId}::uuid])`);
    expect(await aggregates()).toEqual([row]);
  });
});
