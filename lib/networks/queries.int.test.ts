/**
 * The network space's figures against a real PostgreSQL with the demo data:
 * computed from rows, never typed in.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { regionalNetworks } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { publicProjectFollowup } from "@/lib/followup/queries";
import { projectRegionCodes, regionLaureates, regionYearCounts } from "./queries";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("regional network queries", () => {
  const { db, close } = createDb(url ?? "", { max: 4 });

  beforeAll(async () => {
    await seedDemo(db);
  }, 60_000);
  afterAll(async () => {
    await close();
  });

  it("counts RESACOOP's 2025 laureates: 9 projects, 14 distinct local authorities (RESACOOP is not one)", async () => {
    const [network] = await db.select().from(regionalNetworks).where(eq(regionalNetworks.slug, "resacoop"));
    expect(network?.regionCode).toBe("84");
    const counts = await regionYearCounts(db, "84");
    expect(counts.find((c) => c.year === 2025)).toEqual({ year: 2025, projects: 9, localAuthorities: 14 });
    const laureates = await regionLaureates(db, "84");
    const of2025 = laureates.filter((l) => l.year === 2025);
    expect(of2025).toHaveLength(9);
    expect(of2025.filter((l) => l.leadName === "RESACOOP")).toHaveLength(2);
    const total = counts.find((c) => c.year === null);
    expect(total?.projects).toBe(laureates.length);
  });

  it("gives the régions of a project's lead and co-applicants", async () => {
    const thiers = (await regionLaureates(db, "84")).find((l) => l.leadName === "Thiers" && l.year === 2025);
    expect(thiers).toBeDefined();
    expect(await projectRegionCodes(db, thiers?.id ?? "")).toEqual(["84"]);
    // The demo's follow-up of this project: one page (in the network's first news number), two milestones, no excerpt.
    const followup = await publicProjectFollowup(db, thiers?.id ?? "");
    expect(followup.posts.map((p) => [p.title, p.issueNumber])).toEqual([
      ["Thiers et Tandil préparent la première mission d’apprentis couteliers", 1],
    ]);
    expect(followup.milestones.map((m) => [m.label, m.status, m.progressPercent])).toEqual([
      ["Convention de partenariat signée par Thiers et Tandil", "done", 100],
      ["Première mission d’apprentis couteliers à Tandil", "in_progress", 40],
    ]);
    expect(followup.excerpts).toEqual([]);
  });
});
