import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { callPublishedAs, publishedLaureateAs } from "./published";

/**
 * Figures of the statistics page, computed from the rows and restricted to
 * calls whose results are published (the rule of lib/public/published.ts): a call in
 * review contributes nothing, not even its number of submitted applications,
 * so that no count can be subtracted from another to reveal a decision.
 */
const PUBLISHED_CALL = callPublishedAs("c");
/** A laureate of such a call (aliases: c its call, d its decision). */
const LAUREATE = publishedLaureateAs({ call: "c", decision: "d" });

export type CallRow = { slug: string; title: string; year: number; submitted: number; accepted: number };
export type YearRow = {
  year: number;
  calls: number;
  submitted: number;
  accepted: number;
  grantedCents: number;
};
export type AreaRow = { code: string; name: string; submitted: number; accepted: number };
export type CountryRow = { code: string; projects: number; partners: number };

export type Statistics = {
  years: YearRow[];
  calls: CallRow[];
  regions: AreaRow[];
  departements: (AreaRow & { regionCode: string | null })[];
  countries: CountryRow[];
};

type Raw<T> = T extends number ? number | string : T;
const num = (v: Raw<number> | null | undefined) => Number(v ?? 0);

/** Every figure of /statistiques, in five queries. */
export async function publicStatistics(): Promise<Statistics> {
  const db = getDb();
  const [years, callRows, regions, departements, countries] = await Promise.all([
    db.execute<{ year: number; calls: number; submitted: number; accepted: number; granted: string }>(sql`
      select c.year,
             count(distinct c.id)::int as calls,
             count(a.id) filter (where a.submitted_at is not null)::int as submitted,
             count(d.id) filter (where ${LAUREATE})::int as accepted,
             coalesce(sum(d.granted_amount_cents) filter (where ${LAUREATE}), 0)::text as granted
      from calls c
      left join applications a on a.call_id = c.id
      left join decisions d on d.application_id = a.id
      where ${PUBLISHED_CALL}
      group by c.year
      order by c.year desc`),
    db.execute<CallRow>(sql`
      select c.slug, c.title, c.year,
             count(a.id) filter (where a.submitted_at is not null)::int as submitted,
             count(d.id) filter (where ${LAUREATE})::int as accepted
      from calls c
      left join applications a on a.call_id = c.id
      left join decisions d on d.application_id = a.id
      where ${PUBLISHED_CALL}
      group by c.id
      order by c.year desc, c.title collate "fr-x-icu"`),
    // By the région of the lead (the accountable organisation), every published year together.
    db.execute<AreaRow>(sql`
      select r.insee_code as code, r.name,
             count(a.id) filter (where a.submitted_at is not null)::int as submitted,
             count(d.id) filter (where ${LAUREATE})::int as accepted
      from applications a
      join calls c on c.id = a.call_id
      join organisations lead on lead.id = a.lead_organisation_id
      join organisations r on r.kind = 'region' and r.insee_code = lead.region_code
      left join decisions d on d.application_id = a.id
      where ${PUBLISHED_CALL} and a.submitted_at is not null
      group by r.insee_code, r.name
      order by r.name collate "fr-x-icu"`),
    db.execute<AreaRow & { regionCode: string | null }>(sql`
      select dep.insee_code as code, dep.name, dep.region_code as "regionCode",
             count(a.id)::int as submitted,
             count(d.id) filter (where ${LAUREATE})::int as accepted
      from applications a
      join calls c on c.id = a.call_id
      join organisations lead on lead.id = a.lead_organisation_id
      join organisations dep on dep.kind = 'departement' and dep.insee_code = lead.departement_code
      left join decisions d on d.application_id = a.id
      where ${PUBLISHED_CALL} and a.submitted_at is not null
      group by dep.insee_code, dep.name, dep.region_code
      order by dep.insee_code`),
    countryFigures(),
  ]);
  return {
    years: years.map((r) => ({
      year: r.year,
      calls: r.calls,
      submitted: r.submitted,
      accepted: r.accepted,
      grantedCents: num(r.granted),
    })),
    calls: [...callRows],
    regions: [...regions],
    departements: [...departements],
    countries,
  };
}

/** Per partner country: laureate projects with a partner there, and distinct partner authorities. */
export async function countryFigures(): Promise<CountryRow[]> {
  const rows = await getDb().execute<CountryRow>(sql`
    select fp.country_code as code,
           count(distinct a.id)::int as projects,
           count(distinct fp.id)::int as partners
    from participants p
    join foreign_partners fp on fp.id = p.foreign_partner_id
    join applications a on a.id = p.application_id
    join calls c on c.id = a.call_id
    join decisions d on d.application_id = a.id
    where p.role = 'foreign_partner' and ${LAUREATE}
    group by fp.country_code
    order by projects desc, fp.country_code`);
  return [...rows];
}

export type HomeReach = { localAuthorities: number; countries: number; year: number };

/**
 * French local authorities (lead or co-applicant) and partner countries of
 * the laureates of one published year, for the home page.
 */
export async function laureateReach(year: number): Promise<HomeReach> {
  const [row] = await getDb().execute<{ authorities: number; countries: number }>(sql`
    with laureates as (
      select a.id, a.lead_organisation_id
      from applications a
      join calls c on c.id = a.call_id
      join decisions d on d.application_id = a.id
      where c.year = ${year} and ${LAUREATE}
    )
    select
      (select count(distinct o.id)::int from organisations o
        where o.is_local_authority and (
          o.id in (select lead_organisation_id from laureates)
          or o.id in (select p.organisation_id from participants p
                      where p.role = 'co_applicant' and p.application_id in (select id from laureates)))) as authorities,
      (select count(distinct fp.country_code)::int from participants p
        join foreign_partners fp on fp.id = p.foreign_partner_id
        where p.role = 'foreign_partner' and p.application_id in (select id from laureates)) as countries`);
  return { year, localAuthorities: row?.authorities ?? 0, countries: row?.countries ?? 0 };
}

export type RegionMapRow = { code: string; name: string; projects: number };

/**
 * Per French région: published laureate projects whose lead or a
 * co-applicant is in the région, every published year together — the same
 * rule as the région filter of /laureats, so the figure on the map is the
 * count of the list it links to.
 */
export async function regionMapFigures(): Promise<RegionMapRow[]> {
  const rows = await getDb().execute<RegionMapRow>(sql`
    with laureate as (
      select a.id, a.lead_organisation_id
      from applications a
      join calls c on c.id = a.call_id
      join decisions d on d.application_id = a.id
      where ${LAUREATE}
    ), touched as (
      select l.id, o.region_code from laureate l join organisations o on o.id = l.lead_organisation_id
      union
      select l.id, o.region_code from laureate l
      join participants p on p.application_id = l.id and p.role = 'co_applicant'
      join organisations o on o.id = p.organisation_id
    )
    -- Every région and overseas collectivity known, with or without laureates: the map's table
    -- lists each of them, as the statistics page may (it counts submissions too).
    select r.insee_code as code, r.name, count(t.id)::int as projects
    from organisations r
    left join touched t on t.region_code = r.insee_code
    where r.kind = 'region'
    group by r.insee_code, r.name
    order by r.name collate "fr-x-icu"`);
  return [...rows];
}
