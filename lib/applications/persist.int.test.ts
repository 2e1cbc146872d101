import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, calls, organisations, requiredDocuments, users } from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { storeRequiredDocument } from "@/lib/files/uploads";
import { writeApplicationForm } from "./persist";
import { documentStates, documentsOf, loadApplicationForm } from "./queries";
import { missingItems } from "./rules";
import { type ApplicationForm, emptyApplicationForm } from "./schema";

const { db, close } = testDb();
afterAll(close);

let callId = "";
let applicationId = "";
let thiers = 0;
let chambery = 0;
let documentId = "";
let userId = "";

beforeAll(async () => {
  process.env.FILE_STORE_DIR = await mkdtemp(path.join(tmpdir(), "uploads-"));
  const [user] = await db
    .insert(users)
    .values({ email: `persist-${Date.now()}@exemple.fr` })
    .returning();
  userId = user?.id ?? "";
  const orgs = await db.select().from(organisations).where(eq(organisations.kind, "commune"));
  thiers = orgs.find((o) => o.inseeCode === "63430")?.id ?? 0;
  chambery = orgs.find((o) => o.inseeCode === "73065")?.id ?? 0;
  const [call] = await db
    .insert(calls)
    .values({
      slug: "test-persist",
      code: "TST",
      year: 2099,
      title: "Appel de test",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 1_000_000_00,
    })
    .returning();
  callId = call?.id ?? "";
  const [doc] = await db
    .insert(requiredDocuments)
    .values({ callId, position: 1, label: "Délibération", acceptedTypes: ["application/pdf"] })
    .returning();
  documentId = doc?.id ?? "";
  const [app] = await db
    .insert(applications)
    .values({ callId, leadOrganisationId: thiers, title: "Brouillon", isFictitious: false })
    .returning();
  applicationId = app?.id ?? "";
});

const form = (): ApplicationForm => ({
  ...emptyApplicationForm,
  title: "Eau potable Thiers – Chambéry – Pristina",
  startDate: "2027-01-01",
  durationMonths: "24",
  summary: "Résumé",
  objectives: "Objectifs",
  expectedResults: "Résultats",
  beneficiaries: "Habitants",
  themes: ["Eau"],
  sdgs: [6],
  // The name the form shows and reads back: the organisation with its kind and département.
  coApplicants: [{ organisationId: chambery, name: "Chambéry (commune, 73)" }],
  partners: [
    { name: "Pristina", kind: "municipality", countryCode: "XK", contactName: "", contactEmail: "" },
  ],
  pairings: [{ organisationId: chambery, partnerKey: "XK:Pristina" }],
  expenses: [{ category: "travel", label: "Missions", amount: "20\u202f000,50" }],
  ownContributions: [{ organisationId: thiers, amount: "10\u202f000,50" }],
  requestedAmount: "10\u202f000",
});

describe("saving an application", () => {
  it("writes the form and reads it back the same", async () => {
    const saved = await db.transaction((tx) =>
      writeApplicationForm(tx, {
        applicationId,
        version: 1,
        leadOrganisationId: thiers,
        userId,
        form: form(),
      }),
    );
    expect(saved?.version).toBe(2);
    const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row?.requestedAmountCents).toBe(1_000_000);
    expect(await loadApplicationForm(db, row as typeof applications.$inferSelect)).toEqual(form());
  });

  it("refuses a save based on a stale version, and changes nothing", async () => {
    const stale = await db.transaction((tx) =>
      writeApplicationForm(tx, {
        applicationId,
        version: 1,
        leadOrganisationId: thiers,
        userId,
        form: { ...form(), title: "Écrasé ?" },
      }),
    );
    expect(stale).toBeNull();
    const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row?.title).toBe("Eau potable Thiers – Chambéry – Pristina");
    expect(row?.version).toBe(2);
  });
});

describe("documents and completeness", () => {
  it("refuses a file whose content is not of an accepted type, accepts a real PDF", async () => {
    const input = { applicationId, callId, requiredDocumentId: documentId, userId };
    const refused = await storeRequiredDocument(db, {
      ...input,
      fileName: "faux.pdf",
      bytes: new TextEncoder().encode("pas un PDF"),
    });
    expect(refused).toMatchObject({ ok: false, status: 415 });
    const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
    const before = missingItems(
      await loadApplicationForm(db, row as typeof applications.$inferSelect),
      {
        maxGrantCents: 100_000_00,
        maxSharePercent: 50,
        opensAt: new Date("2026-09-01T08:00:00Z"),
        closesAt: new Date("2026-12-15T22:59:59Z"),
      },
      documentStates(await documentsOf(db, callId, applicationId)),
    );
    expect(before.map((i) => i.field)).toEqual([`document-${documentId}`]);

    const accepted = await storeRequiredDocument(db, {
      ...input,
      fileName: "../délibération.pdf",
      bytes: new TextEncoder().encode("%PDF-1.7\n"),
    });
    expect(accepted).toMatchObject({
      ok: true,
      attachment: { originalName: "délibération.pdf", contentType: "application/pdf" },
    });
    const after = missingItems(
      await loadApplicationForm(db, row as typeof applications.$inferSelect),
      {
        maxGrantCents: 100_000_00,
        maxSharePercent: 50,
        opensAt: new Date("2026-09-01T08:00:00Z"),
        closesAt: new Date("2026-12-15T22:59:59Z"),
      },
      documentStates(await documentsOf(db, callId, applicationId)),
    );
    expect(after).toEqual([]);
  });
});
