import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, budgetLines, calls, organisations, users } from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { saveFormChanges } from "./persist";
import { loadApplicationForm } from "./queries";

const { db, close } = testDb();
afterAll(close);

let applicationId = "";
let userId = "";

beforeAll(async () => {
  const [user] = await db
    .insert(users)
    .values({ email: `save-changes-${Date.now()}@exemple.fr` })
    .returning();
  userId = user?.id ?? "";
  const [thiers] = await db.select().from(organisations).where(eq(organisations.inseeCode, "63430"));
  const [call] = await db
    .insert(calls)
    .values({
      slug: `test-save-changes-${Date.now()}`,
      code: "TSC",
      year: 2099,
      title: "Appel de test (enregistrement par champ)",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 1_000_000_00,
    })
    .returning();
  const [app] = await db
    .insert(applications)
    .values({
      callId: call?.id ?? "",
      leadOrganisationId: thiers?.id ?? 0,
      title: "Titre de départ",
      objectives: "Objectifs de départ",
      isFictitious: false,
    })
    .returning();
  applicationId = app?.id ?? "";
});

const save = (baseVersion: number, changes: Record<string, unknown>, base: Record<string, unknown>) =>
  db.transaction((tx) => saveFormChanges(tx, { applicationId, baseVersion, userId, changes, base }));

async function saved() {
  const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!row) throw new Error("application missing");
  return { row, form: await loadApplicationForm(db, row) };
}

describe("saveFormChanges", () => {
  it("saves an added expense while « Objectifs » is too long, and keeps the saved objectives", async () => {
    const expense = { category: "travel", label: "Missions à Pristina", amount: "2 000" };
    const result = await save(
      1,
      { objectives: "x".repeat(6000), expenses: [expense] },
      { objectives: "Objectifs de départ", expenses: [] },
    );
    expect(result).toMatchObject({ kind: "saved", version: 2, written: ["expenses"], conflicts: [] });
    expect(result.kind === "saved" && Object.keys(result.errors)).toEqual(["objectives"]);
    const { row, form } = await saved();
    expect(row.objectives).toBe("Objectifs de départ");
    expect(form.expenses).toEqual([{ ...expense, amount: "2\u202f000" }]);
    const lines = await db.select().from(budgetLines).where(eq(budgetLines.applicationId, applicationId));
    expect(lines.map((l) => l.amountCents)).toEqual([200_000]);
  });

  it("merges two members' saves of different fields, both based on the same version", async () => {
    const first = await save(2, { title: "Titre de la responsable" }, { title: "Titre de départ" });
    expect(first).toMatchObject({ kind: "saved", version: 3, merged: false });
    // The colleague read version 2 too, and changed the duration only.
    const second = await save(2, { durationMonths: "18" }, { durationMonths: "" });
    expect(second).toMatchObject({ kind: "saved", version: 4, merged: true, conflicts: [] });
    const { row } = await saved();
    expect(row).toMatchObject({ title: "Titre de la responsable", durationMonths: 18, version: 4 });
  });

  it("leaves a field both changed to the user's choice, and writes the rest", async () => {
    const result = await save(
      3,
      { title: "Titre du collègue", summary: "Résumé du collègue" },
      { title: "Titre de la responsable", summary: "" },
    );
    // Version 4 changed the duration only: the title is the responsable's since version 3, so no conflict.
    expect(result).toMatchObject({ kind: "saved", conflicts: [], written: ["title", "summary"] });
    const conflict = await save(
      4,
      { title: "Autre titre", summary: "Résumé du collègue" },
      { title: "Titre de la responsable", summary: "" },
    );
    expect(conflict).toMatchObject({
      kind: "saved",
      conflicts: [{ field: "title", mine: "Autre titre", theirs: "Titre du collègue" }],
      written: [],
    });
    const { row } = await saved();
    expect(row).toMatchObject({ title: "Titre du collègue", summary: "Résumé du collègue", version: 5 });
  });

  it("refuses any change once the application is submitted", async () => {
    await db
      .update(applications)
      .set({ status: "submitted", receiptNumber: "2099-TSC-0001", submittedAt: new Date() })
      .where(eq(applications.id, applicationId));
    expect(await save(5, { title: "Après dépôt" }, { title: "Titre du collègue" })).toEqual({
      kind: "not_editable",
    });
    const { row } = await saved();
    expect(row.title).toBe("Titre du collègue");
  });
});
