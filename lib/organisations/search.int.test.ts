import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/db/testing/database";
import { searchOrganisations } from "./search";

const { db, close } = testDb();
afterAll(close);

describe("searchOrganisations", () => {
  it("finds Chambéry when typing without the accent", async () => {
    const hits = await searchOrganisations(db, "chambery");
    expect(hits[0]).toMatchObject({ name: "Chambéry", kind: "commune", inseeCode: "73065" });
  });
  it("tolerates hyphens and case", async () => {
    const hits = await searchOrganisations(db, "VAULX EN VELIN");
    expect(hits[0]?.name).toBe("Vaulx-en-Velin");
  });
  it("finds by INSEE code, SIREN and postcode", async () => {
    expect((await searchOrganisations(db, "63430"))[0]?.name).toBe("Thiers");
    expect((await searchOrganisations(db, "243800745"))[0]?.name).toBe("CC de l'Oisans");
    expect((await searchOrganisations(db, "63300")).map((h) => h.name)).toContain("Thiers");
  });
  it("finds EPCI, départements and régions", async () => {
    expect((await searchOrganisations(db, "isere")).map((h) => h.kind)).toContain("departement");
    expect((await searchOrganisations(db, "auvergne rhone")).map((h) => h.kind)).toContain("region");
  });
});
