import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/db/testing/database";
import { searchOrganisations, searchOrganisationsCached } from "./search";

const { db, close } = testDb();
afterAll(close);

describe("searchOrganisationsCached", () => {
  it("answers as the query does, and a repeated query (same letters, other case or accents) from the cache", async () => {
    const first = await searchOrganisationsCached(db, "chambery");
    expect(first).toEqual(await searchOrganisations(db, "chambery"));
    expect(first[0]?.name).toBe("Chambéry");
    // Served from the cache: the very same result object.
    expect(await searchOrganisationsCached(db, "Chambéry")).toBe(first);
    // A code is not confused with a name.
    expect((await searchOrganisationsCached(db, "63430"))[0]?.name).toBe("Thiers");
  });
});
