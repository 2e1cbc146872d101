import "server-only";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, calls, decisions, organisations, regionalNetworks } from "@/db/schema";
import { forNetwork, loadApplicationRecord } from "@/lib/applications/read-model";
import { frenchOrder, isPublishedLaureate } from "@/lib/public/published";

export type Network = {
  id: string;
  slug: string;
  name: string;
  regionCode: string;
  description: string;
  organisationId: number | null;
};

const networkColumns = {
  id: regionalNetworks.id,
  slug: regionalNetworks.slug,
  name: regionalNetworks.name,
  regionCode: regionalNetworks.regionCode,
  description: regionalNetworks.description,
  organisationId: regionalNetworks.organisationId,
};

export async function getNetworkBySlug(db: Database, slug: string): Promise<Network | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const [row] = await db.select(networkColumns).from(regionalNetworks).where(eq(regionalNetworks.slug, slug));
  return row ?? null;
}

export async function getNetworkById(db: Database, id: string): Promise<Network | null> {
  const [row] = await db.select(networkColumns).from(regionalNetworks).where(eq(regionalNetworks.id, id));
  return row ?? null;
}

export async function listNetworks(db: Database): Promise<Network[]> {
  return db.select(networkColumns).from(regionalNetworks).orderBy(frenchOrder(regionalNetworks.name));
}

/**
 * An application "of the région": its lead or one of its co-applicants is an
 * organisation of that région. Expects `applications` in the query.
 */
export function inRegion(regionCode: string): SQL {
  return sql`(exists (select 1 from ${organisations} o where o.id = ${applications.leadOrganisationId} and o.region_code = ${regionCode})
    or exists (select 1 from participants p join ${organisations} o on o.id = p.organisation_id
      where p.application_id = ${applications.id} and p.role = 'co_applicant' and o.region_code = ${regionCode}))`;
}

export type RegionLaureate = {
  id: string;
  title: string;
  year: number;
  callTitle: string;
  grantedAmountCents: number;
  leadName: string;
  onBehalfOf: string | null;
  /** Published follow-up pages and milestones about it, whoever wrote them. */
  publishedPosts: number;
  milestones: number;
};

/** The published laureates of a région (lead or co-applicant there), newest year first, then by title. */
export async function regionLaureates(db: Database, regionCode: string): Promise<RegionLaureate[]> {
  const rows = await db
    .select({
      id: applications.id,
      title: applications.title,
      year: calls.year,
      callTitle: calls.title,
      grantedAmountCents: decisions.grantedAmountCents,
      leadName: organisations.name,
      onBehalfOf: applications.onBehalfOf,
      publishedPosts: sql<number>`(select count(*)::int from followup_posts f where f.application_id = ${applications.id}
        and (f.status = 'published' or (f.status = 'scheduled' and f.publish_at <= now())))`,
      milestones: sql<number>`(select count(*)::int from milestones m where m.application_id = ${applications.id})`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .where(and(isPublishedLaureate, inRegion(regionCode)))
    .orderBy(desc(calls.year), asc(frenchOrder(applications.title)));
  return rows.map((r) => ({ ...r, grantedAmountCents: r.grantedAmountCents ?? 0 }));
}

export type RegionYearCount = {
  /** null: every year together. */
  year: number | null;
  projects: number;
  /** Distinct French local authorities (lead or co-applicant; a GIP such as RESACOOP is not one). */
  localAuthorities: number;
};

/**
 * Per year and in total, computed from the rows: the région's published
 * laureates, and the distinct French local authorities taking part in them
 * (leads and co-applicants whose `is_local_authority` is true — not the
 * network itself, a GIP).
 */
export async function regionYearCounts(db: Database, regionCode: string): Promise<RegionYearCount[]> {
  const rows = await db.execute<{ year: number | null; projects: number; local_authorities: number }>(sql`
    select ${calls.year} as year,
      count(distinct ${applications.id})::int as projects,
      (count(distinct o.id) filter (where o.is_local_authority))::int as local_authorities
    from ${applications}
    join ${calls} on ${calls.id} = ${applications.callId}
    join ${decisions} on ${decisions.applicationId} = ${applications.id}
    cross join lateral (
      select ${applications.leadOrganisationId} as organisation_id
      union select p.organisation_id from participants p
        where p.application_id = ${applications.id} and p.role = 'co_applicant'
    ) involved
    join ${organisations} o on o.id = involved.organisation_id
    where ${isPublishedLaureate} and ${inRegion(regionCode)}
    group by grouping sets ((${calls.year}), ())
    order by ${calls.year} desc nulls first`);
  return rows.map((r) => ({
    year: r.year ?? null,
    projects: r.projects,
    localAuthorities: r.local_authorities,
  }));
}

/** The régions of a project's lead and co-applicants (what the follow-up scope rules need). */
export async function projectRegionCodes(db: Database, applicationId: string): Promise<string[]> {
  const rows = await db.execute<{ region_code: string }>(sql`
    select distinct o.region_code from ${organisations} o
    where o.region_code is not null and (
      o.id = (select lead_organisation_id from applications where id = ${applicationId})
      or o.id in (select organisation_id from participants where application_id = ${applicationId} and role = 'co_applicant'))`);
  return rows.map((r) => r.region_code);
}

export type LaureateRef = { id: string; title: string; year: number; leadName: string };

/** A published laureate (or null), with what the network pages show of it (the read model's network view). */
export async function findPublishedLaureate(
  db: Database,
  applicationId: string,
): Promise<LaureateRef | null> {
  const record = await loadApplicationRecord(db, applicationId);
  const laureate = record ? forNetwork(record) : null;
  return (
    laureate && { id: laureate.id, title: laureate.title, year: laureate.year, leadName: laureate.leadName }
  );
}

/** Published laureates led by one of these organisations (the applicant's progress reports). */
export async function laureatesLedBy(db: Database, organisationIds: number[]): Promise<LaureateRef[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: applications.id,
      title: applications.title,
      year: calls.year,
      leadName: organisations.name,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .where(and(inArray(applications.leadOrganisationId, organisationIds), isPublishedLaureate))
    .orderBy(desc(calls.year), asc(frenchOrder(applications.title)));
}
