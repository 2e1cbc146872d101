/**
 * The read model's projections on seeded rows: each audience receives what it
 * may see, and not what it must not (scores, contacts, unpublished decisions,
 * drafts).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, budgetLines, calls, decisions, organisations, participants } from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { getLaureate } from "@/lib/public/laureates";
import { type ApplicationRecord, forNetwork, forPublic, forStaff, loadApplicationRecord } from "./read-model";

const { db, close } = testDb();
afterAll(close);

const stamp = Date.now().toString(36).toUpperCase();
const DAY = 86_400_000;
const CONTACT = `contact-${stamp.toLowerCase()}@example.test`;
const REASON = "Le projet ne relève pas du champ de l’appel.";
let seq = 0;
const ids = { laureate: "", rejected: "", unpublished: "", draft: "" };
const records: Record<keyof typeof ids, ApplicationRecord | null> = {
  laureate: null,
  rejected: null,
  unpublished: null,
  draft: null,
};

async function newCall(key: string, resultsPublishedAt: Date | null) {
  const [call] = await db
    .insert(calls)
    .values({
      slug: `lecture-${key}-${stamp}`.toLowerCase(),
      code: `L${key.slice(0, 2).toUpperCase()}${stamp}`,
      year: 2098,
      title: `Appel de lecture ${key}`,
      opensAt: new Date(Date.now() - 90 * DAY),
      closesAt: new Date(Date.now() - 60 * DAY),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 10_000_000_00,
      resultsPublishedAt,
    })
    .returning({ id: calls.id });
  return call?.id ?? "";
}

beforeAll(async () => {
  const communes = await db.select().from(organisations).where(eq(organisations.kind, "commune")).limit(2);
  const [lead, partner] = communes;
  if (!lead || !partner) throw new Error("the referential has no communes");
  const published = await newCall("publie", new Date(Date.now() - DAY));
  const unpublished = await newCall("attente", null);
  const add = async (
    callId: string,
    status: "draft" | "accepted" | "rejected",
    outcome: "accepted" | "rejected" | null,
  ) => {
    seq += 1;
    const submitted = status !== "draft";
    const [row] = await db
      .insert(applications)
      .values({
        callId,
        leadOrganisationId: lead.id,
        title: `Lecture ${seq}`,
        summary: "Un échange de pratiques.",
        isFictitious: true,
        status,
        requestedAmountCents: 40_000_00,
        reviewCount: submitted ? 2 : 0,
        scoreMean: submitted ? 71.5 : null,
        scoreSpread: submitted ? 4 : null,
        submittedAt: submitted ? new Date(Date.now() - 70 * DAY) : null,
        receiptNumber: submitted ? `2098-L${stamp}-${String(seq).padStart(4, "0")}` : null,
      })
      .returning({ id: applications.id });
    const id = row?.id ?? "";
    await db.insert(participants).values({
      applicationId: id,
      role: "co_applicant",
      organisationId: partner.id,
      contactName: "Jeanne Contact",
      contactEmail: CONTACT,
    });
    await db.insert(budgetLines).values([
      { applicationId: id, kind: "expense", label: "Déplacements", amountCents: 30_000_00 },
      { applicationId: id, kind: "expense", label: "Ateliers", amountCents: 50_000_00, position: 1 },
    ]);
    if (outcome)
      await db.insert(decisions).values({
        applicationId: id,
        outcome,
        grantedAmountCents: outcome === "accepted" ? 35_000_00 : null,
        rejectionReason: outcome === "rejected" ? REASON : null,
      });
    return id;
  };
  ids.laureate = await add(published, "accepted", "accepted");
  ids.rejected = await add(published, "rejected", "rejected");
  ids.unpublished = await add(unpublished, "accepted", "accepted");
  ids.draft = await add(published, "draft", null);
  for (const key of Object.keys(ids) as (keyof typeof ids)[])
    records[key] = await loadApplicationRecord(db, ids[key]);
});

const record = (key: keyof typeof ids) => {
  const r = records[key];
  if (!r) throw new Error(`${key} not loaded`);
  return r;
};
/** Every string and number of a projection, however deep, to look for a value that must not be there. */
const values = (projection: unknown) => JSON.stringify(projection);

describe("the application's read model", () => {
  it("loads the core with typed values: amounts as numbers, dates as dates, the budget total", async () => {
    const r = record("laureate");
    expect(r.application.requestedAmountCents).toBe(40_000_00);
    expect(r.application.submittedAt).toBeInstanceOf(Date);
    expect(r.totalBudgetCents).toBe(80_000_00);
    expect(r.decision?.grantedAmountCents).toBe(35_000_00);
    expect(r.participants).toEqual([
      expect.objectContaining({ role: "co_applicant", contactEmail: CONTACT }),
    ]);
    expect(await loadApplicationRecord(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("staff: the submitted application with its call's rules; never a draft", () => {
    const staff = forStaff(record("laureate"));
    expect(staff).toMatchObject({
      id: ids.laureate,
      status: "accepted",
      requestedCents: 40_000_00,
      totalBudgetCents: 80_000_00,
      resultsPublished: true,
      maxSharePercent: 50,
    });
    expect(forStaff(record("unpublished"))?.resultsPublished).toBe(false);
    expect(forStaff(record("draft"))).toBeNull();
  });

  it("public: a laureate of a published call only, without scores, contacts, request or reasons", () => {
    const shown = forPublic(record("laureate"));
    expect(shown).toMatchObject({ id: ids.laureate, grantedAmountCents: 35_000_00 });
    expect(shown?.participants).toHaveLength(1);
    for (const absent of ["scoreMean", "reviewCount", "requestedAmountCents", "receiptNumber", "status"])
      expect(shown).not.toHaveProperty(absent);
    expect(shown?.participants[0]).not.toHaveProperty("contactEmail");
    expect(shown?.participants[0]).not.toHaveProperty("contactName");
    expect(values(shown)).not.toContain(CONTACT);
    expect(values(shown)).not.toContain("71.5");
    expect(forPublic(record("rejected"))).toBeNull();
    expect(forPublic(record("unpublished"))).toBeNull();
    expect(forPublic(record("draft"))).toBeNull();
    // A publication time still to come is not a publication.
    const early = { ...record("laureate"), call: { ...record("laureate").call } };
    expect(forPublic(early, new Date(Date.now() - 2 * DAY))).toBeNull();
  });

  it("public page: the laureate page reads the public projection, and nothing else is a laureate", async () => {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    const page = await getLaureate(ids.laureate);
    expect(page).toMatchObject({ id: ids.laureate, year: 2098, grantedAmountCents: 35_000_00 });
    expect(page?.lead.kind).toBe("commune");
    expect(values(page)).not.toContain(CONTACT);
    expect(values(page)).not.toContain("71.5");
    for (const other of [ids.rejected, ids.unpublished, ids.draft])
      expect(await getLaureate(other)).toBeNull();
  });

  it("network: the public laureates, with the régions of lead and co-applicants; no contacts or scores", () => {
    const followed = forNetwork(record("laureate"));
    expect(followed).toMatchObject({ id: ids.laureate, year: 2098 });
    expect(followed?.regionCodes.length).toBeGreaterThan(0);
    expect(values(followed)).not.toContain(CONTACT);
    expect(values(followed)).not.toContain("71.5");
    expect(values(followed)).not.toContain(REASON);
    expect(forNetwork(record("rejected"))).toBeNull();
    expect(forNetwork(record("unpublished"))).toBeNull();
  });
});
