/**
 * The open-data export and the public statistics on the demo data (a fresh,
 * migrated database given by TEST_DATABASE_URL): every row is valid against
 * the SCDL schema, and nothing of the current-year call in review appears.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { sitemapEntries } from "@/lib/public/sitemap";
import { countryFigures, laureateReach, publicStatistics } from "@/lib/public/statistics";
import { parseCsv, toCsv } from "./csv";
import { scdlSubventionRow } from "./scdl-schema";
import { openDataGrants } from "./subventions";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("open data and statistics", () => {
  const { db, close } = createDb(url ?? "", { max: 2 });
  let unpublished: { id: string; title: string; receipt: string | null; outcome: string }[] = [];

  beforeAll(async () => {
    await seedDemo(db);
    // The queries under test use the app's shared client.
    process.env.DATABASE_URL = url;
    unpublished = (await db.execute(sql`
      select a.id, a.title, a.receipt_number as receipt, d.outcome
      from applications a join calls c on c.id = a.call_id join decisions d on d.application_id = a.id
      where (c.results_published_at is null or c.results_published_at > now())
        -- The demo's years: other integration files leave their own calls in far years (2096–2099).
        and c.year <= extract(year from now()) + 1`)) as unknown as typeof unpublished;
  }, 60_000);
  afterAll(async () => {
    await close();
  });

  it("the demo has decided applications of a call whose results are not published", () => {
    expect(unpublished.map((u) => u.outcome).sort()).toEqual(["accepted", "rejected"]);
  });

  it("exports one valid SCDL row per published laureate, and none of an unpublished call", async () => {
    const { grants } = await openDataGrants();
    const [{ n }] = (await db.execute(sql`
      select count(*)::int as n from decisions d join applications a on a.id = d.application_id
      join calls c on c.id = a.call_id
      where d.outcome = 'accepted' and c.results_published_at <= now()`)) as unknown as [{ n: number }];
    // Every laureate grant is in the file, whether or not its beneficiary's identifier is known.
    expect(grants.length).toBe(n);
    expect(grants.length).toBeGreaterThanOrEqual(91);
    for (const grant of grants) {
      const parsed = scdlSubventionRow.safeParse(grant.row);
      expect(parsed.success, `${grant.applicationId}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    const csvRows = parseCsv(toCsv(grants.map((g) => g.row)));
    expect(csvRows).toHaveLength(grants.length);
    for (const row of csvRows) expect(scdlSubventionRow.safeParse(row).success).toBe(true);

    const ids = new Set(grants.map((g) => g.applicationId));
    const receipts = new Set(grants.map((g) => g.row.referenceDecision));
    for (const u of unpublished) {
      expect(ids.has(u.id)).toBe(false);
      expect(receipts.has(u.receipt ?? "")).toBe(false);
    }
    const thiers = grants.find((g) => g.row.objet.includes("coutellerie"));
    expect(thiers?.row.nomBeneficiaire).toContain("Thiers");
    // No made-up identifier: a SIREN padded with « 00000 » is not a SIRET.
    expect(grants.filter((g) => g.row.idBeneficiaire !== "")).toEqual([]);
    // A signed multi-year agreement is paid in instalments over its schedule.
    const staggered = grants.filter((g) => g.row.conditionsVersement === "échelonné");
    expect(staggered.length).toBeGreaterThan(0);
    for (const g of staggered) {
      const [from, to] = g.row.datesPeriodeVersement.split("/");
      expect(from).toBe(g.row.dateConvention);
      expect(to && from && to > from).toBe(true);
    }
  });

  it("computes 158 / 91 for 2025 and counts no unpublished call", async () => {
    const stats = await publicStatistics();
    const y2025 = stats.years.find((y) => y.year === 2025);
    expect(y2025).toMatchObject({ calls: 10, submitted: 158, accepted: 91 });
    expect(stats.years.some((y) => y.year === new Date().getFullYear())).toBe(false);
    expect(stats.calls.every((c) => c.year !== new Date().getFullYear())).toBe(true);
    const sum = (k: "submitted" | "accepted") => stats.years.reduce((s, y) => s + y[k], 0);
    expect(stats.regions.reduce((s, r) => s + r.accepted, 0)).toBeLessThanOrEqual(sum("accepted"));
    expect(stats.regions.find((r) => r.code === "84")?.accepted).toBeGreaterThanOrEqual(9);
  });

  it("counts partner countries of published laureates only (Argentina has Tandil)", async () => {
    const countries = await countryFigures();
    expect(countries.find((c) => c.code === "AR")?.projects).toBeGreaterThanOrEqual(1);
    const reach = await laureateReach(2025);
    expect(reach.localAuthorities).toBeGreaterThanOrEqual(14);
    expect(reach.countries).toBeGreaterThan(0);
    expect((await laureateReach(new Date().getFullYear())).localAuthorities).toBe(0);
  });

  it("leaves unpublished decisions out of the sitemap", async () => {
    const paths = (await sitemapEntries()).map((e) => e.path);
    for (const u of unpublished) expect(paths).not.toContain(`/laureats/${u.id}`);
    expect(paths.filter((p) => p.startsWith("/laureats/")).length).toBeGreaterThanOrEqual(91);
  });
});
