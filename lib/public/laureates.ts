import "server-only";
import { and, asc, desc, eq, exists, inArray, ne, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  applications,
  calls,
  decisions,
  foreignPartners,
  operators,
  organisations,
  pairings,
  participants,
} from "@/db/schema";
import { forPublic, loadApplicationRecord } from "@/lib/applications/read-model";
import { allCountryCodes, countryName, sortByCountryName } from "@/lib/countries";
import { searchQuery } from "@/lib/review/queries";
import { countryCodesNamed, LAUREATES_PAGE_SIZE, type LaureateFilters } from "./laureate-filters";
import {
  callPublishedAs,
  callResultsPublished,
  frenchOrder,
  isPublishedLaureate,
  isPublishedLaureateAs,
  publishedLaureateAs,
} from "./published";

const lead = alias(organisations, "lead");

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  departementCode: organisations.departementCode,
  regionCode: organisations.regionCode,
};
const leadColumns = {
  id: lead.id,
  name: lead.name,
  kind: lead.kind,
  departementCode: lead.departementCode,
  regionCode: lead.regionCode,
};
const partnerColumns = {
  id: foreignPartners.id,
  name: foreignPartners.name,
  kind: foreignPartners.kind,
  countryCode: foreignPartners.countryCode,
};

export type OrganisationRef = {
  id: number;
  name: string;
  kind: "commune" | "epci" | "departement" | "region" | "other";
  departementCode: string | null;
  regionCode: string | null;
};
export type ForeignPartnerRef = {
  id: string;
  name: string;
  kind: (typeof foreignPartners.kind.enumValues)[number];
  countryCode: string;
};

export type LaureateSummary = {
  id: string;
  title: string;
  year: number;
  callSlug: string;
  callTitle: string;
  grantedAmountCents: number;
  onBehalfOf: string | null;
  lead: OrganisationRef;
  coApplicants: OrganisationRef[];
  foreignPartners: ForeignPartnerRef[];
};

/**
 * Applications whose lead or a co-applicant is in a région or a département
 * (`organisations.region_code` / `departement_code`). Two shapes, measured on
 * 100 000 applications: with a year or a call, the candidates are few and a
 * per-row EXISTS is cheapest; without, the set of applications touching the
 * area is built once from the indexes on that column,
 * applications.lead_organisation_id and participants.organisation_id, and
 * joined as a semi-join.
 */
function inArea(column: "region_code" | "departement_code", code: string, narrowed: boolean): SQL {
  const area = sql.raw(column);
  if (narrowed) {
    return sql`(
      exists (select 1 from organisations lead_org
              where lead_org.id = ${applications.leadOrganisationId} and lead_org.${area} = ${code})
      or exists (select 1 from participants co join organisations co_org on co_org.id = co.organisation_id
                 where co.application_id = ${applications.id} and co.role = 'co_applicant'
                   and co_org.${area} = ${code})
    )`;
  }
  return sql`${applications.id} in (
    select led.id from applications led join organisations lead_org on lead_org.id = led.lead_organisation_id
    where lead_org.${area} = ${code}
    union
    select co.application_id from participants co join organisations co_org on co_org.id = co.organisation_id
    where co.role = 'co_applicant' and co_org.${area} = ${code}
  )`;
}

/**
 * WHERE conditions of the laureates list (applications joined with calls and
 * decisions). The country filter is an EXISTS on the participants, indexed by
 * application: no row multiplication. The région and département filters
 * take the lead or a co-applicant (inArea).
 */
function laureateConditions(filters: LaureateFilters): SQL {
  const db = getDb();
  const conditions: (SQL | undefined)[] = [isPublishedLaureate];
  if (filters.year !== undefined) conditions.push(eq(calls.year, filters.year));
  if (filters.call) conditions.push(eq(calls.slug, filters.call));
  const narrowed = filters.year !== undefined || filters.call !== undefined;
  if (filters.region) conditions.push(inArea("region_code", filters.region, narrowed));
  if (filters.departement) {
    conditions.push(
      inArea("departement_code", filters.departement, narrowed || filters.region !== undefined),
    );
  }
  if (filters.country) {
    const partnerInCountry = db
      .select({ one: sql`1` })
      .from(participants)
      .innerJoin(foreignPartners, eq(foreignPartners.id, participants.foreignPartnerId))
      .where(
        and(
          eq(participants.applicationId, applications.id),
          eq(participants.role, "foreign_partner"),
          eq(foreignPartners.countryCode, filters.country),
        ),
      );
    conditions.push(exists(partnerInCountry));
  }
  // The themes the applicant chose (from its call's list); GIN index on applications.themes.
  if (filters.theme) conditions.push(sql`${applications.themes} @> array[${filters.theme}]::text[]`);
  if (filters.query) conditions.push(searchCondition(filters.query));
  return and(...conditions) as SQL;
}

let countryNames: Record<string, string> | undefined;
/** French names of every country code (those of lib/countries.ts, Kosovo included). */
function frenchCountryNames(): Record<string, string> {
  if (countryNames) return countryNames;
  const codes = allCountryCodes();
  countryNames = Object.fromEntries(codes.map((code) => [code, countryName(code)]));
  return countryNames;
}

/**
 * French full-text search (stemming, accents and case ignored: the
 * fr_unaccent / fr_search_document functions and GIN indexes of migration
 * 0004, shared with the review dashboard) over the title, summary and « on
 * behalf of » of the project and the names of its lead, co-applicants,
 * foreign partners and operators; plus, when the search is a country's name,
 * the projects with a partner in that country. Each branch uses its own
 * index; the published rule stays in the outer WHERE, so a search never
 * reaches an unpublished decision.
 */
function searchCondition(text: string): SQL {
  const query = searchQuery(text);
  const codes = countryCodesNamed(text, frenchCountryNames());
  const byCountry =
    codes.length > 0
      ? sql`union
    select p.application_id from participants p join foreign_partners f on f.id = p.foreign_partner_id
      where p.role = 'foreign_partner' and f.country_code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`
      : sql``;
  return sql`${applications.id} in (
    select s.id from applications s
      where fr_search_document(s.title || ' ' || s.summary || ' ' || coalesce(s.on_behalf_of, '')) @@ ${query}
    union
    select s.id from applications s join organisations o on o.id = s.lead_organisation_id
      where fr_search_document(o.name) @@ ${query}
    union
    select p.application_id from participants p join organisations o on o.id = p.organisation_id
      where p.role = 'co_applicant' and fr_search_document(o.name) @@ ${query}
    union
    select p.application_id from participants p join foreign_partners f on f.id = p.foreign_partner_id
      where p.role = 'foreign_partner' and fr_search_document(f.name) @@ ${query}
    union
    select p.application_id from participants p join operators op on op.id = p.operator_id
      where p.role = 'operator' and fr_search_document(op.name) @@ ${query}
    ${byCountry}
  )`;
}

/**
 * One page of published laureates matching the filters, and how many match in
 * all (a separate count). The page is found first as bare ids, so that the
 * sort of every candidate carries only its sort keys (a wide sort spills to
 * disk at 100 000 applications), then the 20 rows are read in full.
 */
export async function listLaureates(
  filters: LaureateFilters,
): Promise<{ total: number; items: LaureateSummary[] }> {
  const db = getDb();
  const where = laureateConditions(filters);

  const [countRow] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(where);
  const total = countRow?.total ?? 0;
  const offset = (filters.page - 1) * LAUREATES_PAGE_SIZE;
  if (total === 0 || offset >= total) return { total, items: [] };

  const pageIds = await db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(where)
    .orderBy(desc(calls.year), frenchOrder(applications.title), asc(applications.id))
    .limit(LAUREATES_PAGE_SIZE)
    .offset(offset);
  const ids = pageIds.map((r) => r.id);
  if (ids.length === 0) return { total, items: [] };

  const [rows, people] = await Promise.all([
    db
      .select({
        id: applications.id,
        title: applications.title,
        onBehalfOf: applications.onBehalfOf,
        year: calls.year,
        callSlug: calls.slug,
        callTitle: calls.title,
        grantedAmountCents: decisions.grantedAmountCents,
        lead: leadColumns,
      })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(decisions, eq(decisions.applicationId, applications.id))
      .innerJoin(lead, eq(lead.id, applications.leadOrganisationId))
      // The published rule again: the ids came from the filtered query, but this read must not depend on it.
      .where(and(inArray(applications.id, ids), isPublishedLaureate)),
    participantsOf(ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total,
    items: ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          ...r,
          grantedAmountCents: r.grantedAmountCents ?? 0,
          coApplicants: people.coApplicants.get(id) ?? [],
          foreignPartners: people.foreignPartners.get(id) ?? [],
        },
      ];
    }),
  };
}

/** Co-applicants and foreign partners of a page of applications, two queries for the whole page. */
async function participantsOf(ids: string[]) {
  const db = getDb();
  const coApplicants = new Map<string, OrganisationRef[]>();
  const partners = new Map<string, ForeignPartnerRef[]>();
  if (ids.length === 0) return { coApplicants, foreignPartners: partners };
  const [orgRows, partnerRows] = await Promise.all([
    db
      .select({ applicationId: participants.applicationId, org: organisationColumns })
      .from(participants)
      .innerJoin(organisations, eq(organisations.id, participants.organisationId))
      .where(and(inArray(participants.applicationId, ids), eq(participants.role, "co_applicant")))
      .orderBy(asc(participants.position), asc(organisations.name)),
    db
      .select({ applicationId: participants.applicationId, partner: partnerColumns })
      .from(participants)
      .innerJoin(foreignPartners, eq(foreignPartners.id, participants.foreignPartnerId))
      .where(and(inArray(participants.applicationId, ids), eq(participants.role, "foreign_partner")))
      .orderBy(asc(participants.position), asc(foreignPartners.name)),
  ]);
  for (const r of orgRows)
    coApplicants.set(r.applicationId, [...(coApplicants.get(r.applicationId) ?? []), r.org]);
  for (const r of partnerRows)
    partners.set(r.applicationId, [...(partners.get(r.applicationId) ?? []), r.partner]);
  return { coApplicants, foreignPartners: partners };
}

export type FilterOptions = {
  years: number[];
  calls: { slug: string; title: string; year: number }[];
  regions: { code: string; name: string }[];
  departements: { code: string; name: string }[];
  countries: string[];
  themes: string[];
};

/**
 * Régions or départements with a published laureate whose lead or a
 * co-applicant is there (the rule of inArea), plus the one selected: one
 * EXISTS per area, each stopping at its first hit. By name: « Puy-de-Dôme
 * (63) » is chosen by typing its name.
 */
function areasWithLaureate(
  kind: "region" | "departement",
  column: "region_code" | "departement_code",
  selected: string | undefined,
  published: SQL,
) {
  const area = sql.raw(column);
  return getDb().execute<{ code: string; name: string }>(sql`
    select a.insee_code as code, a.name
    from organisations a
    where a.kind = ${kind} and a.insee_code is not null and (
      a.insee_code = ${selected ?? null}
      or exists (
        select 1 from organisations o join applications app on app.lead_organisation_id = o.id
        where o.${area} = a.insee_code and ${published})
      or exists (
        select 1 from organisations o
        join participants p on p.organisation_id = o.id and p.role = 'co_applicant'
        join applications app on app.id = p.application_id
        where o.${area} = a.insee_code and ${published})
    )
    order by a.name collate "fr-x-icu"`);
}

/**
 * Choices of the laureates filters, drawn from published results only (no
 * dead option). A value already selected in the URL is kept even when it
 * matches nothing, so the form shows what the list is filtered by.
 */
export async function laureateFilterOptions(selected: Partial<LaureateFilters> = {}): Promise<FilterOptions> {
  const db = getDb();
  // A published laureate, for the correlated subqueries below (alias: app).
  const published = isPublishedLaureateAs("app");
  const [callRows, regionRows, departementRows, countryRows, themeRows] = await Promise.all([
    db
      .select({ slug: calls.slug, title: calls.title, year: calls.year })
      .from(calls)
      .where(callResultsPublished)
      .orderBy(desc(calls.year), frenchOrder(calls.title)),
    areasWithLaureate("region", "region_code", selected.region, published),
    areasWithLaureate("departement", "departement_code", selected.departement, published),
    // Countries of foreign partners with a laureate: one EXISTS per partner.
    db.execute<{ country_code: string }>(sql`
      select distinct fp.country_code
      from foreign_partners fp
      where exists (
        select 1 from participants p join applications app on app.id = p.application_id
        where p.foreign_partner_id = fp.id and p.role = 'foreign_partner' and ${published})`),
    // Themes a laureate chose, found per published call among its own themes (an applicant picks from its
    // call's list): one EXISTS per (call, theme) over that call's applications, stopping at the first hit.
    // Cheaper at 100 000 applications than an EXISTS per theme on the GIN index, whose bitmap holds every
    // application of a common theme before the first row is checked (measured: 0.44 s against 0.68 s, cold).
    db.execute<{ theme: string }>(sql`
      select distinct t.theme collate "fr-x-icu" as theme
      from calls c cross join lateral unnest(c.themes) as t(theme)
      where ${callPublishedAs("c")}
        and exists (
          select 1 from applications app
          join decisions d on d.application_id = app.id
          where app.call_id = c.id and ${publishedLaureateAs({ call: "c", decision: "d" })} and t.theme = any(app.themes))
      order by 1`),
  ]);

  const years = [...new Set(callRows.map((c) => c.year))];
  if (selected.year !== undefined && !years.includes(selected.year)) {
    years.push(selected.year);
    years.sort((a, b) => b - a);
  }
  const callOptions = [...callRows];
  if (selected.call && !callOptions.some((c) => c.slug === selected.call)) {
    // An unpublished or unknown call: show its slug only, never its title.
    callOptions.push({ slug: selected.call, title: selected.call, year: 0 });
  }
  const countryCodes = countryRows.map((r) => r.country_code);
  if (selected.country && !countryCodes.includes(selected.country)) countryCodes.push(selected.country);

  return {
    years,
    calls: callOptions,
    regions: regionRows.map((r) => ({ code: r.code, name: r.name })),
    departements: departementRows.map((d) => ({ code: d.code, name: d.name })),
    countries: sortByCountryName(countryCodes),
    themes: [
      ...themeRows.map((r) => r.theme),
      ...(selected.theme && !themeRows.some((r) => r.theme === selected.theme) ? [selected.theme] : []),
    ],
  };
}

export type LaureateDetail = LaureateSummary & {
  summary: string;
  objectives: string;
  expectedResults: string;
  durationMonths: number | null;
  startDate: string | null;
  operators: { id: string; name: string; kind: (typeof operators.kind.enumValues)[number] }[];
  pairings: { organisation: OrganisationRef; partner: ForeignPartnerRef }[];
};

/**
 * A published laureate by id, or null when there is none (or its call's
 * results are not public): the application's read model, through its public
 * projection, with what only the public page shows (operators, pairings).
 */
export async function getLaureate(id: string): Promise<LaureateDetail | null> {
  const db = getDb();
  const record = await loadApplicationRecord(db, id);
  const laureate = record ? forPublic(record) : null;
  if (!laureate) return null;

  const [people, operatorRows, pairingRows] = await Promise.all([
    participantsOf([id]),
    db
      .select({ id: operators.id, name: operators.name, kind: operators.kind })
      .from(participants)
      .innerJoin(operators, eq(operators.id, participants.operatorId))
      .where(and(eq(participants.applicationId, id), eq(participants.role, "operator")))
      .orderBy(asc(participants.position), asc(operators.name)),
    db
      .select({ organisation: organisationColumns, partner: partnerColumns })
      .from(pairings)
      .innerJoin(organisations, eq(organisations.id, pairings.organisationId))
      .innerJoin(foreignPartners, eq(foreignPartners.id, pairings.foreignPartnerId))
      .where(eq(pairings.applicationId, id))
      .orderBy(asc(organisations.name), asc(foreignPartners.name)),
  ]);
  return {
    id: laureate.id,
    title: laureate.title,
    summary: laureate.summary,
    objectives: laureate.objectives,
    expectedResults: laureate.expectedResults,
    durationMonths: laureate.durationMonths,
    startDate: laureate.startDate,
    onBehalfOf: laureate.onBehalfOf,
    year: laureate.call.year,
    callSlug: laureate.call.slug,
    callTitle: laureate.call.title,
    grantedAmountCents: laureate.grantedAmountCents ?? 0,
    lead: {
      id: laureate.lead.id,
      name: laureate.lead.name,
      kind: laureate.lead.kind,
      departementCode: laureate.lead.departementCode,
      regionCode: laureate.lead.regionCode,
    },
    coApplicants: people.coApplicants.get(id) ?? [],
    foreignPartners: people.foreignPartners.get(id) ?? [],
    operators: operatorRows,
    pairings: pairingRows,
  };
}

export type PartnershipHistoryItem = {
  id: string;
  title: string;
  year: number;
  callTitle: string;
  lead: OrganisationRef;
  grantedAmountCents: number;
  /** The foreign partners this project shares with the one being read. */
  sharedPartners: ForeignPartnerRef[];
};

/** Other published laureate projects with any of these foreign partners, newest first. */
export async function partnershipHistory(
  partnerIds: string[],
  excludeApplicationId: string,
): Promise<PartnershipHistoryItem[]> {
  if (partnerIds.length === 0) return [];
  const rows = await getDb()
    .select({
      id: applications.id,
      title: applications.title,
      year: calls.year,
      callTitle: calls.title,
      grantedAmountCents: decisions.grantedAmountCents,
      lead: leadColumns,
      partner: partnerColumns,
    })
    .from(participants)
    .innerJoin(foreignPartners, eq(foreignPartners.id, participants.foreignPartnerId))
    .innerJoin(applications, eq(applications.id, participants.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .innerJoin(lead, eq(lead.id, applications.leadOrganisationId))
    .where(
      and(
        inArray(participants.foreignPartnerId, partnerIds),
        ne(applications.id, excludeApplicationId),
        isPublishedLaureate,
      ),
    )
    .orderBy(desc(calls.year), frenchOrder(applications.title), asc(foreignPartners.name))
    .limit(200);

  const byId = new Map<string, PartnershipHistoryItem>();
  for (const { partner, grantedAmountCents, ...r } of rows) {
    const item = byId.get(r.id) ?? { ...r, grantedAmountCents: grantedAmountCents ?? 0, sharedPartners: [] };
    item.sharedPartners.push(partner);
    byId.set(r.id, item);
  }
  return [...byId.values()];
}
