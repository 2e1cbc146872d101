import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { REVIEWABLE_STATUSES } from "@/lib/applications/lifecycle";
import { staffMaySeeAs } from "@/lib/applications/staff-visibility";
import { statusIn } from "@/lib/applications/transition";
import type { Principal } from "@/lib/authz/principal";
import { DISAGREEMENT_THRESHOLD } from "./aggregate";
import type { ListFilters } from "./filters";
import { seesReviewScoresSql } from "./score-visibility";

/**
 * The dashboard list. Who sees what: an admin sees every submitted
 * application of every call (staff never see drafts,
 * lib/applications/staff-visibility.ts); a reviewer sees the applications
 * assigned to them. Scores are shown to a reviewer only where they submitted
 * their own review and declared no conflict (lib/review/score-visibility.ts,
 * the rule of the application page).
 */

/** Full-text query of a search box: French stemming, accents ignored. */
export const searchQuery = (q: string) => sql`websearch_to_tsquery('french'::regconfig, fr_unaccent(${q}))`;

/**
 * Ids of applications whose title, summary, lead, co-applicants, foreign
 * partners or operators match; each branch uses its own GIN index.
 */
export function searchCondition(q: string): SQL {
  const query = searchQuery(q);
  return sql`a.id in (
    select s.id from applications s
      where fr_search_document(s.title || ' ' || s.summary || ' ' || coalesce(s.on_behalf_of, '')) @@ ${query}
    union
    select s.id from applications s join organisations o on o.id = s.lead_organisation_id
      where fr_search_document(o.name) @@ ${query}
    union
    select p.application_id from participants p join organisations o on o.id = p.organisation_id
      where fr_search_document(o.name) @@ ${query}
    union
    select p.application_id from participants p join foreign_partners f on f.id = p.foreign_partner_id
      where fr_search_document(f.name) @@ ${query}
    union
    select p.application_id from participants p join operators op on op.id = p.operator_id
      where fr_search_document(op.name) @@ ${query}
  )`;
}

export type ListRow = {
  id: string;
  title: string;
  receiptNumber: string | null;
  status: string;
  submittedAt: Date | null;
  requestedAmountCents: number;
  callId: string;
  callTitle: string;
  callYear: number;
  leadName: string;
  regionCode: string | null;
  departementCode: string | null;
  reviewCount: number | null;
  scoreMean: number | null;
  scoreSpread: number | null;
  disagreement: boolean;
  outcome: string | null;
  grantedAmountCents: number | null;
  assigned: boolean;
  conflict: boolean;
  myReviewStatus: string | null;
};

/** FROM … WHERE shared by the page, the counts and the export. */
function baseQuery(
  user: Principal,
  filters: ListFilters,
  options: { withStatus: boolean; forCount?: boolean },
) {
  const admin = user.isAdmin;
  const seesScores = seesReviewScoresSql(user, { assignment: "ra", ownReview: "myr" });
  const visibleScore = sql`case when ${seesScores} then a.score_mean end`;
  const visibleSpread = sql`case when ${seesScores} then a.score_spread end`;
  const scoreFilter =
    filters.scoreMin !== undefined || filters.scoreMax !== undefined || Boolean(filters.disagreement);
  // Counts join only what their filters need: at 100 000 rows every join costs.
  const full = !options.forCount;
  const needOrganisation = full || Boolean(filters.region || filters.departement);
  const needAssignment = full || !admin || Boolean(filters.mine);
  const needOwnReview = full || Boolean(filters.mine) || (!admin && scoreFilter);
  const joins: SQL[] = [];
  if (full) joins.push(sql`join calls c on c.id = a.call_id`);
  if (needOrganisation) joins.push(sql`join organisations o on o.id = a.lead_organisation_id`);
  if (needAssignment) {
    joins.push(
      admin
        ? sql`left join reviewer_assignments ra on ra.application_id = a.id and ra.reviewer_id = ${user.id}`
        : sql`join reviewer_assignments ra on ra.application_id = a.id and ra.reviewer_id = ${user.id}`,
    );
  }
  if (needOwnReview)
    joins.push(sql`left join reviews myr on myr.application_id = a.id and myr.reviewer_id = ${user.id}`);
  if (full) joins.push(sql`left join decisions d on d.application_id = a.id`);
  const where: SQL[] = [staffMaySeeAs("a")];
  if (filters.q) where.push(searchCondition(filters.q));
  if (filters.call) where.push(sql`a.call_id = ${filters.call}`);
  if (options.withStatus && filters.status) where.push(sql`a.status = ${filters.status}`);
  if (filters.region) where.push(sql`o.region_code = ${filters.region}`);
  if (filters.departement) where.push(sql`o.departement_code = ${filters.departement}`);
  if (filters.country) {
    where.push(sql`exists (select 1 from participants p join foreign_partners f on f.id = p.foreign_partner_id
      where p.application_id = a.id and f.country_code = ${filters.country})`);
  }
  if (filters.theme) where.push(sql`a.themes @> array[${filters.theme}]::text[]`);
  if (filters.mine) {
    where.push(sql`ra.reviewer_id is not null and ra.conflict_declared_at is null
      and coalesce(myr.status::text, 'none') <> 'submitted'
      and a.status in ${statusIn(REVIEWABLE_STATUSES)}`);
  }
  if (filters.scoreMin !== undefined) where.push(sql`${visibleScore} >= ${filters.scoreMin}`);
  if (filters.scoreMax !== undefined) where.push(sql`${visibleScore} <= ${filters.scoreMax}`);
  if (filters.disagreement) where.push(sql`${visibleSpread} > ${DISAGREEMENT_THRESHOLD}`);
  const from = sql`from applications a ${sql.join(joins, sql` `)}
    where ${sql.join(where, sql` and `)}`;
  return { from, visibleScore, visibleSpread };
}

const ORDER: Record<ListFilters["sort"], (score: SQL) => SQL> = {
  submitted_desc: () => sql`a.submitted_at desc, a.id desc`,
  submitted_asc: () => sql`a.submitted_at asc, a.id asc`,
  score_desc: (s) => sql`${s} desc nulls last, a.id`,
  score_asc: (s) => sql`${s} asc nulls last, a.id`,
  amount_desc: () => sql`a.requested_amount_cents desc, a.id`,
  amount_asc: () => sql`a.requested_amount_cents asc, a.id`,
};

export function selectList(user: Principal, filters: ListFilters) {
  const { from, visibleScore, visibleSpread } = baseQuery(user, filters, { withStatus: true });
  return {
    from,
    columns: sql`a.id, a.title, a.receipt_number as "receiptNumber", a.status, a.submitted_at as "submittedAt",
      a.requested_amount_cents as "requestedAmountCents", c.id as "callId", c.title as "callTitle", c.year as "callYear",
      o.name as "leadName", o.region_code as "regionCode", o.departement_code as "departementCode",
      case when ${visibleScore} is null then null else a.review_count end as "reviewCount",
      ${visibleScore} as "scoreMean", ${visibleSpread} as "scoreSpread",
      coalesce(${visibleSpread} > ${DISAGREEMENT_THRESHOLD}, false) as disagreement,
      d.outcome, d.granted_amount_cents as "grantedAmountCents",
      ra.reviewer_id is not null as assigned, ra.conflict_declared_at is not null as conflict,
      myr.status as "myReviewStatus"`,
    order: ORDER[filters.sort](visibleScore),
  };
}

export function toRow(r: Record<string, unknown>): ListRow {
  return {
    ...(r as ListRow),
    submittedAt: r.submittedAt ? new Date(r.submittedAt as string) : null,
    requestedAmountCents: Number(r.requestedAmountCents),
    grantedAmountCents: r.grantedAmountCents === null ? null : Number(r.grantedAmountCents),
    reviewCount: r.reviewCount === null ? null : Number(r.reviewCount),
    scoreMean: r.scoreMean === null ? null : Number(r.scoreMean),
    scoreSpread: r.scoreSpread === null ? null : Number(r.scoreSpread),
  };
}

export async function listApplications(user: Principal, filters: ListFilters) {
  const db = getDb();
  const { from, columns, order } = selectList(user, filters);
  const [rows, countRows] = await Promise.all([
    db.execute(sql`select ${columns} ${from}
      order by ${order} limit ${filters.perPage} offset ${(filters.page - 1) * filters.perPage}`),
    db.execute(statusCountsQuery(user, filters)),
  ]);
  const byStatus = Object.fromEntries(
    (countRows as unknown as { status: string; n: number }[]).map((r) => [r.status, Number(r.n)]),
  );
  const total = filters.status
    ? (byStatus[filters.status] ?? 0)
    : Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    rows: (rows as unknown as Record<string, unknown>[]).map(toRow),
    byStatus,
    total,
    pageCount: Math.max(1, Math.ceil(total / filters.perPage)),
  };
}

/**
 * Per-status counts of the list. The admin's views filtered at most by call
 * read `application_status_counts` (a few rows kept exact by triggers, see
 * migration 0005) instead of counting every submitted application; other
 * filters count the matching rows.
 */
export function statusCountsQuery(user: Principal, filters: ListFilters): SQL {
  const onlyCall =
    !filters.q &&
    !filters.region &&
    !filters.departement &&
    !filters.country &&
    !filters.theme &&
    !filters.mine &&
    !filters.disagreement &&
    filters.scoreMin === undefined &&
    filters.scoreMax === undefined;
  if (user.isAdmin && onlyCall) {
    const where = filters.call ? sql`where call_id = ${filters.call}` : sql``;
    return sql`select status, sum(count)::int as n from application_status_counts ${where}
      group by status having sum(count) > 0`;
  }
  return sql`select a.status, count(*)::int as n ${countFrom(user, filters)} group by a.status`;
}

/** Options of the filter form: calls with submitted applications, régions, départements, countries, themes. */
export async function listFilterOptions(user: Principal) {
  const db = getDb();
  const callsVisible = user.isAdmin
    ? sql`select c.id, c.title, c.year from calls c where exists (select 1 from application_status_counts n where n.call_id = c.id and n.count > 0)`
    : sql`select c.id, c.title, c.year from calls c where exists (select 1 from applications a join reviewer_assignments ra on ra.application_id = a.id where a.call_id = c.id and ra.reviewer_id = ${user.id})`;
  const [calls, regions, departements, countries, themes] = await Promise.all([
    db.execute(sql`${callsVisible} order by c.year desc, c.title`),
    db.execute(
      sql`select insee_code as code, name from organisations where kind = 'region' order by name collate "fr-x-icu"`,
    ),
    db.execute(
      sql`select insee_code as code, name from organisations where kind = 'departement' order by insee_code`,
    ),
    db.execute(sql`select distinct country_code as code from foreign_partners order by 1`),
    db.execute(sql`select distinct unnest(themes) as theme from calls order by 1`),
  ]);
  return {
    calls: calls as unknown as { id: string; title: string; year: number }[],
    regions: regions as unknown as { code: string; name: string }[],
    departements: departements as unknown as { code: string; name: string }[],
    countries: (countries as unknown as { code: string }[]).map((c) => c.code),
    themes: (themes as unknown as { theme: string }[]).map((t) => t.theme),
  };
}

/** FROM … WHERE of the per-status counts (no status filter, only the joins the filters need). */
export function countFrom(user: Principal, filters: ListFilters) {
  return baseQuery(user, filters, { withStatus: false, forCount: true }).from;
}
