/**
 * The demo seed and the scale generator against a real PostgreSQL (a fresh,
 * migrated database with the referential loaded, given by TEST_DATABASE_URL).
 * Figures are asserted from rows, as the statistics pages compute them.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_EVENTS, auditFields, isAuditAction } from "../../lib/audit-events";
import { createDb } from "../client";
import { seedDemo } from "./demo";
import { seedScale } from "./scale";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("demo data", () => {
  const { db, close } = createDb(url ?? "", { max: 4 });
  const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as T[])[0] as T;

  beforeAll(async () => {
    // Loads it unless another test file of this database already did.
    await seedDemo(db);
  }, 60_000);
  afterAll(async () => {
    await close();
  });

  it("has RESACOOP's follow-up of a published laureate: one news issue, two pages, two milestones", async () => {
    // Named by the seed's titles: other test files of this database add follow-up content of their own.
    const followup = await one<{ issues: number; posts: number; about: number; milestones: number }>(sql`
      select
        (select count(*)::int from news_issues i join regional_networks n on n.id = i.network_id
          where n.slug = 'resacoop' and i.number = 1 and i.status = 'published') as issues,
        (select count(*)::int from followup_posts p join news_issues i on i.id = p.news_issue_id
          join regional_networks n on n.id = i.network_id
          where n.slug = 'resacoop' and i.number = 1 and p.status = 'published'
            and p.body_md like '*Texte fictif de démonstration%') as posts,
        (select count(*)::int from followup_posts p join applications a on a.id = p.application_id
          join calls c on c.id = a.call_id join decisions d on d.application_id = a.id
          where p.title like 'Thiers et Tandil préparent%' and d.outcome = 'accepted'
            and c.results_published_at <= now() and c.year = 2025) as about,
        (select count(*)::int from milestones m join applications a on a.id = m.application_id
          join calls c on c.id = a.call_id
          where c.year = 2025 and m.label in ('Convention de partenariat signée par Thiers et Tandil',
            'Première mission d’apprentis couteliers à Tandil')) as milestones`);
    expect(followup).toEqual({ issues: 1, posts: 2, about: 1, milestones: 2 });
  });

  it("has the 2025 national totals: 10 calls, 158 applications, 91 supported", async () => {
    const calls = await one<{ n: number }>(sql`select count(*)::int as n from calls where year = 2025`);
    expect(calls.n).toBe(10);
    const totals = await one<{ submitted: number; accepted: number; rejected: number; rate: string }>(sql`
      select count(*) filter (where a.submitted_at is not null)::int as submitted,
             count(*) filter (where d.outcome = 'accepted')::int as accepted,
             count(*) filter (where d.outcome = 'rejected' and d.rejection_reason <> '')::int as rejected,
             round(100.0 * count(*) filter (where d.outcome = 'accepted')
                   / count(*) filter (where a.submitted_at is not null), 1)::text as rate
      from applications a
      join calls c on c.id = a.call_id and c.year = 2025 and c.results_published_at is not null
      left join decisions d on d.application_id = a.id`);
    expect(totals).toEqual({ submitted: 158, accepted: 91, rejected: 67, rate: "57.6" });
  });

  it("keeps every 2025 decision within the rules and the budgets balanced", async () => {
    const problems = await one<{ n: number }>(sql`
      with b as (
        select application_id,
               sum(amount_cents) filter (where kind = 'expense') as expenses,
               coalesce(sum(amount_cents) filter (where kind <> 'expense'), 0) as resources
        from budget_lines group by application_id)
      select count(*)::int as n
      from applications a
      join calls c on c.id = a.call_id and c.year = 2025
      join decisions d on d.application_id = a.id
      left join b on b.application_id = a.id
      where b.expenses is distinct from b.resources + a.requested_amount_cents
         or a.requested_amount_cents > c.max_grant_cents
         or a.requested_amount_cents * 100 > b.expenses * c.max_share_percent
         or d.granted_amount_cents > a.requested_amount_cents
         or (select count(*) from reviews r where r.application_id = a.id and r.status = 'submitted') <> 2`);
    expect(problems.n).toBe(0);
    const overEnvelope = await one<{ n: number }>(sql`
      select count(*)::int as n from calls c
      where c.envelope_cents < (select coalesce(sum(d.granted_amount_cents), 0) from decisions d
                                join applications a on a.id = d.application_id where a.call_id = c.id)`);
    expect(overEnvelope.n).toBe(0);
  });

  it("has nine 2025 laureate projects in région 84, involving 14 local authorities", async () => {
    const region = await one<{ projects: number; authorities: number }>(sql`
      with laureates as (
        select a.id, a.lead_organisation_id
        from applications a
        join calls c on c.id = a.call_id and c.year = 2025 and c.results_published_at is not null
        join decisions d on d.application_id = a.id and d.outcome = 'accepted'),
      french as (
        select id as application_id, lead_organisation_id as organisation_id from laureates
        union
        select p.application_id, p.organisation_id from participants p
        join laureates l on l.id = p.application_id where p.role = 'co_applicant')
      select count(distinct f.application_id)::int as projects,
             count(distinct f.organisation_id) filter (where o.is_local_authority)::int as authorities
      from french f join organisations o on o.id = f.organisation_id
      where o.region_code = '84'`);
    expect(region).toEqual({ projects: 9, authorities: 14 });
    const real = await one<{ n: number }>(sql`
      select count(*)::int as n from applications a join calls c on c.id = a.call_id
      where c.year = 2025 and not a.is_fictitious and a.status = 'accepted'`);
    expect(real.n).toBe(9);
  });

  it("keeps a Thiers – Tandil partnership across years", async () => {
    const rows = (await db.execute(sql`
      select c.year, fp.country_code
      from pairings pa
      join applications a on a.id = pa.application_id
      join calls c on c.id = a.call_id
      join organisations o on o.id = pa.organisation_id
      join foreign_partners fp on fp.id = pa.foreign_partner_id
      join decisions d on d.application_id = a.id and d.outcome = 'accepted'
      where o.kind = 'commune' and o.insee_code = '63430' and fp.name = 'Tandil'
        and c.results_published_at is not null
      order by c.year`)) as unknown as { year: number; country_code: string }[];
    expect(rows.map((r) => r.year)).toEqual([2022, 2025]);
    expect(rows.every((r) => r.country_code === "AR")).toBe(true);
  });

  it("loads only once: a second run changes nothing", async () => {
    const counts = () =>
      one<Record<string, number>>(sql`
        select (select count(*)::int from users) as users,
               (select count(*)::int from calls) as calls,
               (select count(*)::int from applications) as applications,
               (select count(*)::int from reviews) as reviews,
               (select count(*)::int from decisions) as decisions,
               (select count(*)::int from audit_events) as audit,
               (select count(*)::int from regional_networks) as networks`);
    const before = await counts();
    expect(await seedDemo(db)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("adds scale data: counts add up and receipt numbers stay unique", async () => {
    const count = async () =>
      one<{ applications: number; reviews: number; scores: number }>(sql`
        select (select count(*)::int from applications) as applications,
               (select count(*)::int from reviews) as reviews,
               (select count(*)::int from scores) as scores`);
    const before = await count();
    const result = await seedScale(db, { count: 500, seed: 7 });
    const after = await count();
    expect(result.applications).toBe(500);
    expect(after.applications - before.applications).toBe(500);
    expect(after.reviews - before.reviews).toBe(result.reviews);
    expect(after.scores - before.scores).toBe(result.scores);
    expect(result.reviews / 500).toBeGreaterThan(2.5);
    expect(result.reviews / 500).toBeLessThan(3.5);

    // Demo and generated calls only: other integration files leave fixtures of their own in far years.
    const receipts = await one<{ bad: number; duplicates: number; stale: number }>(sql`
      with demo_calls as (select * from calls where year between 2019 and extract(year from now()) + 1),
           demo_applications as (select a.* from applications a join demo_calls c on c.id = a.call_id)
      select
        (select count(*)::int from demo_applications
          where receipt_number is not null and receipt_number !~ '^[0-9]{4}-[A-Z0-9]{2,12}-[0-9]{4,}$') as bad,
        (select (count(receipt_number) - count(distinct receipt_number))::int from applications) as duplicates,
        (select count(*)::int from demo_calls c
          where c.last_receipt_seq < (select coalesce(max(split_part(a.receipt_number, '-', 3)::int), 0)
                                      from demo_applications a where a.call_id = c.id)) as stale`);
    expect(receipts).toEqual({ bad: 0, duplicates: 0, stale: 0 });

    // Aggregates refreshed once at the end of the load (migration 0006), and the dashboard's counts (0005).
    const aggregates = await one<{ unscored: number; wrongCount: number; countsOff: number }>(sql`
      select
        (select count(*)::int from applications a
          where a.review_count > 0 and a.score_mean is null) as unscored,
        (select count(*)::int from applications a
          where a.review_count <> (select count(*) from reviews r
            where r.application_id = a.id and r.status = 'submitted')) as "wrongCount",
        (select count(*)::int from (
          select call_id, status, count(*)::int as n from applications
            where submitted_at is not null group by 1, 2) real
          full join (select * from application_status_counts where count <> 0) kept
            using (call_id, status)
          where real.n is distinct from kept.count) as "countsOff"`);
    expect(aggregates).toEqual({ unscored: 0, wrongCount: 0, countsOff: 0 });

    // The generator writes the aggregates in its COPY (no refresh at the end): they are
    // those the database's own refresh computes, to the last bits of a float8 (the
    // refresh's own result depends on the order its plan feeds the reviews to avg() and
    // stddev_pop(): a few 1e-14 apart). The refresh runs in a transaction rolled back.
    type Check = { checked: number; changed: number; unscored: number };
    const refreshed = await db.$client
      .begin(async (tx) => {
        await tx`create temp table generated on commit drop as
          select a.id, a.review_count, a.score_mean, a.score_spread from applications a
          join calls c on c.id = a.call_id where c.slug like 'echelle-%'`;
        await tx`select refresh_application_scores(array(select id from generated))`;
        const [row] = await tx`select count(*)::int as checked,
            (count(*) filter (where a.review_count <> g.review_count
              or not abs(a.score_mean - g.score_mean) < 1e-9
              or not abs(a.score_spread - g.score_spread) < 1e-9))::int as changed,
            (count(*) filter (where g.review_count = 0 or g.score_mean is null or g.score_spread is null))::int as unscored
          from generated g join applications a on a.id = g.id`;
        throw Object.assign(new Error("rolled back on purpose"), { row });
      })
      .catch((error: { row?: Check }) => {
        if (!error.row) throw error;
        return error.row;
      });
    expect(refreshed.checked).toBeGreaterThanOrEqual(500);
    expect(refreshed).toMatchObject({ changed: 0, unscored: 0 });

    // A second run with the same seed makes new calls, not duplicates.
    const again = await seedScale(db, { count: 50, seed: 7 });
    expect(again.applications).toBe(50);
    const accepted = await one<{ rate: number }>(sql`
      select avg((d.outcome = 'accepted')::int)::float as rate from decisions d
      join applications a on a.id = d.application_id
      join calls c on c.id = a.call_id where c.slug like 'echelle-%'`);
    expect(accepted.rate).toBeGreaterThan(0.45);
    expect(accepted.rate).toBeLessThan(0.7);
  }, 60_000);
  // After the scale data (the tests of a file run in order): the rows the seed and the generator
  // wrote, read back, carry only the fields the catalogue declares for their action.
  it("writes audit events whose details are the fields the catalogue declares", async () => {
    const rows = (await db.execute(sql`
      select action, array_agg(distinct key order by key) as keys
      from audit_events, jsonb_object_keys(data) as key
      group by action`)) as unknown as { action: string; keys: string[] }[];
    const seen = new Set(rows.map((r) => r.action));
    // The events of the seed and of the generator are there to be read (an empty scan would pass).
    for (const action of ["application.submitted", "decision.recorded", "seed.demo_loaded", "seed.scale"]) {
      expect(seen.has(action), action).toBe(true);
    }
    const undeclared = rows
      .filter((r) => isAuditAction(r.action))
      .flatMap((r) =>
        r.keys
          .filter((key) => isAuditAction(r.action) && !auditFields(r.action).includes(key))
          .map((key) => `${r.action}: ${key}`),
      );
    expect(undeclared).toEqual([]);
    expect(Object.keys(AUDIT_EVENTS).length).toBeGreaterThan(0);
  });
});
