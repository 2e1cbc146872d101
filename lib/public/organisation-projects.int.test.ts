/**
 * The other projects a project page links its French organisations to, on
 * the demo data (a fresh, migrated database given by TEST_DATABASE_URL):
 * published laureates only, as lead or co-applicant, never the page's own.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { seedDemo } from "@/db/seed/demo";
import { otherProjectsOfOrganisations } from "./organisation-projects";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("other projects of a project's French organisations", () => {
  const { db, close } = createDb(url ?? "", { max: 2 });

  beforeAll(async () => {
    await seedDemo(db);
    process.env.DATABASE_URL = url;
  }, 60_000);
  afterAll(async () => {
    await close();
  });

  const ledBy = async (name: string) =>
    (await db.execute(sql`
      select a.id, a.title, a.status, o.id as organisation_id
      from applications a join organisations o on o.id = a.lead_organisation_id
      where o.name = ${name} order by a.title`)) as unknown as {
      id: string;
      title: string;
      status: string;
      organisation_id: number;
    }[];

  it("lists the lead's other published laureates, not its drafts nor applications still in review", async () => {
    const thiers = await ledBy("Thiers");
    const current = thiers.find(
      (a) => a.title === "Soutien et développement de l'industrie de la coutellerie",
    );
    expect(current).toBeDefined();
    // The demo has Thiers applications of the current year that are not decided (draft, in review).
    expect(thiers.some((a) => a.status === "draft")).toBe(true);
    const organisationId = current?.organisation_id ?? 0;

    const others = await otherProjectsOfOrganisations([organisationId], current?.id ?? "");
    const list = others.get(organisationId) ?? [];
    expect(list).toContainEqual(
      expect.objectContaining({
        title: "Coutellerie : échanges de savoir-faire entre Thiers et Tandil",
        year: 2022,
        role: "lead",
      }),
    );
    expect(list.every((p) => p.grantedAmountCents > 0)).toBe(true);
    // Every one a published laureate of Thiers, never the page's own (the scale generator, run by another
    // test file on this database, may add some of its own to Thiers).
    const published = new Set(
      (
        (await db.execute(sql`
          select a.id from applications a join calls c on c.id = a.call_id
          join decisions d on d.application_id = a.id and d.outcome = 'accepted'
          where c.results_published_at <= now() and (a.lead_organisation_id = ${organisationId}
            or exists (select 1 from participants p where p.application_id = a.id
                       and p.role = 'co_applicant' and p.organisation_id = ${organisationId}))`)) as unknown as {
          id: string;
        }[]
      ).map((r) => r.id),
    );
    expect(list.filter((p) => !published.has(p.id))).toEqual([]);
    expect(list.map((p) => p.id)).not.toContain(current?.id);
  });

  it("lists the projects an organisation joined as co-applicant, and leaves out the page's own project", async () => {
    const [row] = (await db.execute(sql`
      select p.organisation_id, p.application_id from participants p
      join applications a on a.id = p.application_id join organisations o on o.id = p.organisation_id
      where p.role = 'co_applicant' and o.name = 'Vienne' and a.on_behalf_of like 'Plateforme IRAPA%'`)) as unknown as {
      organisation_id: number;
      application_id: string;
    }[];
    expect(row).toBeDefined();
    const organisationId = row?.organisation_id ?? 0;
    const fromElsewhere = await otherProjectsOfOrganisations(
      [organisationId],
      "00000000-0000-4000-8000-000000000000",
    );
    expect(fromElsewhere.get(organisationId)).toContainEqual(
      expect.objectContaining({ id: row?.application_id, role: "co_applicant" }),
    );
    const fromItsOwnPage = await otherProjectsOfOrganisations([organisationId], row?.application_id ?? "");
    expect((fromItsOwnPage.get(organisationId) ?? []).map((p) => p.id)).not.toContain(row?.application_id);
  });

  it("answers an empty map for no organisation", async () => {
    expect((await otherProjectsOfOrganisations([], "00000000-0000-4000-8000-000000000000")).size).toBe(0);
  });
});
