/**
 * Search and theme filter of /laureats on the demo data (a fresh, migrated
 * database given by TEST_DATABASE_URL): French stemming, accents and case
 * ignored, every searched field, and never a decision of an unpublished call.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { type LaureateFilters, parseLaureateFilters } from "./laureate-filters";
import { laureateFilterOptions, listLaureates } from "./laureates";
import { publicStatistics, regionMapFigures } from "./statistics";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("laureates search and theme filter", () => {
  const { db, close } = createDb(url ?? "", { max: 2 });

  beforeAll(async () => {
    await seedDemo(db);
    process.env.DATABASE_URL = url;
  }, 60_000);
  afterAll(async () => {
    await close();
  });

  const search = (params: Record<string, string>) => listLaureates(parseLaureateFilters(params));
  const titles = async (params: Record<string, string>) => (await search(params)).items.map((i) => i.title);

  it("finds a real 2025 project by a stemmed, unaccented word of its summary or title", async () => {
    const [thiers] = (await db.execute(sql`
      select a.id, a.title from applications a join organisations o on o.id = a.lead_organisation_id
      where o.name = 'Thiers' and a.summary ilike '%coutellerie%'`)) as unknown as {
      id: string;
      title: string;
    }[];
    expect(thiers).toBeDefined();
    for (const q of ["coutellerie", "COUTELLERIES", "Thiers", "thiers tandil"]) {
      const { items } = await search({ q, annee: "2025" });
      expect(
        items.map((i) => i.id),
        q,
      ).toContain(thiers?.id);
    }
  });

  it("searches the lead, co-applicants, foreign partners, operators and country names", async () => {
    const irapa = "Plateforme IRAPA";
    const onBehalf = async (q: string) =>
      (await search({ q, annee: "2025" })).items.some((i) => i.onBehalfOf?.startsWith(irapa));
    expect(await onBehalf("Grenoble")).toBe(true); // lead
    expect(await onBehalf("Vienne")).toBe(true); // co-applicant
    expect(await onBehalf("guegharkunik")).toBe(true); // foreign partner, without its accents
    expect(await onBehalf("Arménie")).toBe(true); // country name, not stored in the database
    expect(await onBehalf("armenie")).toBe(true);
    expect(await titles({ q: "Tetraktys", annee: "2025" })).toEqual(
      expect.arrayContaining([expect.stringContaining("montagnes")]),
    ); // operator
    expect(await titles({ q: "chambery", annee: "2025" })).toHaveLength(
      (
        (await db.execute(sql`
        select a.id from applications a join calls c on c.id = a.call_id
        join decisions d on d.application_id = a.id and d.outcome = 'accepted'
        join organisations o on o.id = a.lead_organisation_id
        where c.year = 2025 and c.results_published_at <= now() and o.name = 'Chambéry'`)) as unknown[]
      ).length,
    );
    expect((await search({ q: "zzzquxx" })).total).toBe(0);
  });

  it("combines the search with the other filters", async () => {
    const all = await search({ q: "Thiers" });
    const in2025 = await search({ q: "Thiers", annee: "2025" });
    const argentina = await search({ q: "Thiers", annee: "2025", pays: "AR" });
    expect(all.total).toBeGreaterThanOrEqual(in2025.total);
    expect(argentina.total).toBeGreaterThanOrEqual(1);
    expect(argentina.total).toBeLessThanOrEqual(in2025.total);
    expect((await search({ q: "Thiers", annee: "2025", pays: "JP" })).total).toBe(0);
  });

  it("filters by a theme the applicant chose, counted from the rows", async () => {
    const options = await laureateFilterOptions();
    expect(options.themes.length).toBeGreaterThan(0);
    for (const theme of options.themes.slice(0, 3)) {
      const [{ n }] = (await db.execute(sql`
        select count(*)::int as n from applications a join calls c on c.id = a.call_id
        join decisions d on d.application_id = a.id and d.outcome = 'accepted'
        where c.results_published_at <= now() and ${theme} = any(a.themes)`)) as unknown as [{ n: number }];
      const { total, items } = await search({ theme });
      expect(total, theme).toBe(n);
      expect(total).toBeGreaterThan(0);
      expect(items.length).toBe(Math.min(20, n));
    }
    expect((await search({ theme: "Thème inconnu" })).total).toBe(0);
  });

  it("counts on the région map what the région filter lists", async () => {
    const figures = await regionMapFigures();
    expect(figures.find((f) => f.code === "84")?.projects).toBeGreaterThanOrEqual(9);
    for (const f of figures) {
      expect((await search({ region: f.code })).total, f.name).toBe(f.projects);
    }
    expect((await search({ region: "84", annee: "2025" })).total).toBe(9);
  });

  it("gives the map's table every région the statistics page lists", async () => {
    const onMap = new Set((await regionMapFigures()).map((f) => f.code));
    const stats = await publicStatistics();
    expect(stats.regions.length).toBeGreaterThan(0);
    expect(stats.regions.filter((r) => !onMap.has(r.code)).map((r) => r.name)).toEqual([]);
  });

  it("filters by département, lead or co-applicant, and offers only départements with a laureate", async () => {
    // Counted independently, on the demo year (other test files add laureates to far years meanwhile).
    const expected = (await db.execute(sql`
      with laureate as (
        select a.id, a.lead_organisation_id from applications a join calls c on c.id = a.call_id
        join decisions d on d.application_id = a.id and d.outcome = 'accepted'
        where c.year = 2025 and c.results_published_at <= now()
      ), member as (
        select l.id, l.lead_organisation_id as organisation_id from laureate l
        union
        select l.id, p.organisation_id from laureate l
        join participants p on p.application_id = l.id and p.role = 'co_applicant'
      )
      select o.departement_code as code, count(distinct m.id)::int as n
      from member m join organisations o on o.id = m.organisation_id
      where o.departement_code is not null
      group by o.departement_code`)) as unknown as { code: string; n: number }[];
    expect(expected.find((e) => e.code === "63")?.n).toBeGreaterThanOrEqual(1); // Thiers
    for (const { code, n } of expected) {
      expect((await search({ departement: code, annee: "2025" })).total, code).toBe(n);
    }
    const options = await laureateFilterOptions();
    const offered = new Set(options.departements.map((d) => d.code));
    for (const { code } of expected) expect(offered.has(code), code).toBe(true);
    expect(options.departements.find((d) => d.code === "63")?.name).toBe("Puy-de-Dôme");

    // Without a year or a call, the other query shape: every item is in the département, none missed in 2025.
    const thiersArea = await search({ departement: "63" });
    expect(thiersArea.total).toBeGreaterThanOrEqual(expected.find((e) => e.code === "63")?.n ?? 1);
    for (const item of thiersArea.items) {
      const inside = [item.lead, ...item.coApplicants].some((o) => o.departementCode === "63");
      expect(inside, item.title).toBe(true);
    }
    const n63 = expected.find((e) => e.code === "63")?.n;
    expect((await search({ departement: "63", region: "84", annee: "2025" })).total).toBe(n63);
  });

  it("never reveals a decision of an unpublished call, by search, theme or option", async () => {
    const hidden = (await db.execute(sql`
      select a.id, a.title, a.themes, o.name as lead
      from applications a join calls c on c.id = a.call_id join decisions d on d.application_id = a.id
      join organisations o on o.id = a.lead_organisation_id
      where c.results_published_at is null or c.results_published_at > now()`)) as unknown as {
      id: string;
      title: string;
      themes: string[];
      lead: string;
    }[];
    expect(hidden.length).toBeGreaterThan(0);
    const publishedThemes = new Set(
      (
        (await db.execute(sql`
          select distinct unnest(a.themes) as theme from applications a join calls c on c.id = a.call_id
          join decisions d on d.application_id = a.id and d.outcome = 'accepted'
          where c.results_published_at <= now()`)) as unknown as { theme: string }[]
      ).map((r) => r.theme),
    );
    const options = await laureateFilterOptions();
    expect(new Set(options.themes)).toEqual(publishedThemes);

    for (const h of hidden) {
      const filters: Partial<LaureateFilters>[] = [
        { query: `"${h.title}"` },
        { query: h.lead },
        ...h.themes.map((theme) => ({ theme })),
      ];
      for (const f of filters) {
        let page = 1;
        for (;;) {
          const { items } = await listLaureates({ page, ...f });
          expect(items.map((i) => i.id)).not.toContain(h.id);
          if (items.length < 20 || page >= 10) break;
          page += 1;
        }
      }
    }
  });
});
