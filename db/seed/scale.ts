/**
 * The scale generator (`npm run db:seed -- --scale N`): N fictitious, decided
 * applications spread over new fictitious calls of 2019–2024 whose results are
 * published, to measure pages, statistics and exports on realistic volumes.
 *
 * Rows are generated in JS (ids from crypto.randomUUID, no RETURNING round
 * trips) and streamed with COPY, 5 000 applications at a time, in one
 * transaction: a failure leaves nothing behind. Works with or without the demo
 * data, and may be run several times (new calls each time).
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TransactionSql } from "postgres";
import { parisTime } from "../../lib/time";
import type { Database } from "../client";
import {
  CRITERIA,
  type CriterionSeed,
  makeBudget,
  makeScores,
  qualityFor,
  REJECTION_REASONS,
  REVIEW_COMMENTS,
  requestedAmount,
  roundEuros,
  TOPICS,
} from "./content";
import { DEMO_EMAIL_DOMAIN } from "./personas";
import { Random } from "./random";

type TxSql = TransactionSql<Record<string, unknown>>;

const BATCH = 5_000;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const ACCEPTANCE = 0.575;
const REVIEWER_COUNT = 20;
const FAST_LOAD_THRESHOLD = 5_000;

const THEMES: {
  code: string;
  title: string;
  themes: string[];
  topics: keyof typeof TOPICS;
  criteria: CriterionSeed[];
}[] = [
  {
    code: "GEN",
    title: "Appel à projets généraliste",
    themes: ["Gouvernance locale"],
    topics: "general",
    criteria: [
      CRITERIA.relevance,
      CRITERIA.partnership,
      CRITERIA.impact,
      CRITERIA.budget,
      CRITERIA.sustainability,
    ],
  },
  {
    code: "JEU",
    title: "Appel à projets « Jeunesse »",
    themes: ["Jeunesse"],
    topics: "youth",
    criteria: [CRITERIA.relevance, CRITERIA.youth, CRITERIA.partnership, CRITERIA.budget],
  },
  {
    code: "CLIM",
    title: "Appel à projets « Climat »",
    themes: ["Climat", "Biodiversité"],
    topics: "climate",
    criteria: [CRITERIA.relevance, CRITERIA.climate, CRITERIA.partnership, CRITERIA.impact],
  },
  {
    code: "ALIM",
    title: "Appel à projets « Sécurité alimentaire »",
    themes: ["Sécurité alimentaire"],
    topics: "food",
    criteria: [CRITERIA.relevance, CRITERIA.partnership, CRITERIA.impact],
  },
  {
    code: "MED",
    title: "Appel à projets « Méditerranée »",
    themes: ["Méditerranée"],
    topics: "mediterranean",
    criteria: [CRITERIA.relevance, CRITERIA.partnership, CRITERIA.impact, CRITERIA.sustainability],
  },
  {
    code: "AFR",
    title: "Appel à projets « Afrique »",
    themes: ["Afrique"],
    topics: "africa",
    criteria: [
      CRITERIA.relevance,
      CRITERIA.partnership,
      CRITERIA.impact,
      CRITERIA.budget,
      CRITERIA.sustainability,
    ],
  },
  {
    code: "CULT",
    title: "Appel à projets « Culture et patrimoine »",
    themes: ["Culture", "Patrimoine"],
    topics: "culture",
    criteria: [CRITERIA.relevance, CRITERIA.partnership, CRITERIA.impact],
  },
  {
    code: "ALC",
    title: "Appel à projets « Amérique latine et Caraïbes »",
    themes: ["Amérique latine"],
    topics: "americas",
    criteria: [CRITERIA.relevance, CRITERIA.partnership, CRITERIA.impact, CRITERIA.budget],
  },
];

const COUNTRIES = [
  "AL",
  "AM",
  "AR",
  "BA",
  "BF",
  "BJ",
  "BO",
  "BR",
  "CA",
  "CD",
  "CI",
  "CL",
  "CM",
  "CO",
  "CV",
  "DZ",
  "EC",
  "GA",
  "GE",
  "GN",
  "HT",
  "IN",
  "JO",
  "KH",
  "KM",
  "LA",
  "LB",
  "MA",
  "MD",
  "MG",
  "ML",
  "MR",
  "MX",
  "NE",
  "PE",
  "PS",
  "SN",
  "TG",
  "TN",
  "UA",
  "UY",
  "VN",
  "XK",
  "JP",
  "DE",
  "IT",
  "PL",
  "RO",
];
const SYLLABLES = [
  "ka",
  "lo",
  "ma",
  "ri",
  "ta",
  "be",
  "no",
  "sa",
  "du",
  "mi",
  "ra",
  "go",
  "le",
  "zi",
  "an",
  "ou",
  "ba",
  "ti",
  "vel",
  "dor",
];
const PARTNER_KINDS = [
  ["commune", "Commune de "],
  ["municipality", "Municipalité de "],
  ["city", ""],
  ["province", "Province de "],
  ["region", "Région de "],
] as const;

/** The same pool of fictitious partners on every run (its own seed), reused through (name, country). */
function partnerPool() {
  const rng = new Random(4242);
  const pool = new Map<string, { name: string; kind: string; countryCode: string }>();
  for (const countryCode of COUNTRIES) {
    for (let i = 0; i < 12; i++) {
      const word = Array.from({ length: rng.int(2, 3) }, () => rng.pick(SYLLABLES)).join("");
      const [kind, prefix] = rng.pick(PARTNER_KINDS);
      const name = `${prefix}${word[0]?.toUpperCase()}${word.slice(1)} (fictif)`;
      pool.set(`${name}|${countryCode}`, { name, kind, countryCode });
    }
  }
  return [...pool.values()];
}

const OPERATOR_POOL = Array.from({ length: 24 }, (_, i) => ({
  name: `${["Association", "ONG", "Fondation"][i % 3]} ${["Horizons", "Ponts", "Racines", "Sources", "Passerelles", "Semences", "Rives", "Ateliers"][i % 8]} solidaires ${i + 1} (fictive)`,
  kind: (["association", "ngo", "foundation"] as const)[i % 3],
}));

// -- COPY helpers -------------------------------------------------------------

/** Time spent per phase of the last run (printed with SEED_DEBUG=1). */
const phases = new Map<string, number>();
function phase(name: string, ms: number) {
  phases.set(name, (phases.get(name) ?? 0) + ms);
}

type Cell = string | number | boolean | Date | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  const s = String(value);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : s;
}

/** A PostgreSQL array literal of simple values (no quotes or backslashes in them). */
function arrayLiteral(values: readonly (string | number)[]) {
  return `{${values.map((v) => (typeof v === "number" ? String(v) : `"${v}"`)).join(",")}}`;
}

/**
 * The score aggregates of an application (applications.review_count, score_mean,
 * score_spread) from the weighted scores of its submitted reviews, computed as
 * refresh_application_scores (migration 0004) computes them: each review's
 * sum(weight × score / max) / sum(weight) × 100, then PostgreSQL's avg() and
 * stddev_pop() over the reviews, whose float8 accumulator (N, Sx, Sxx updated
 * by the Youngs–Cramer formula) is reproduced here operation for operation.
 * The generator writes them in its COPY of the applications, so a load needs
 * no refresh (an UPDATE of every loaded application) at the end.
 */
export function scoreAggregates(
  reviews: readonly (readonly { weight: number; maxScore: number; score: number }[])[],
): { reviewCount: number; scoreMean: number | null; scoreSpread: number | null } {
  let n = 0;
  let sx = 0;
  let sxx = 0;
  for (const scores of reviews) {
    let weighted = 0;
    let weights = 0;
    for (const s of scores) {
      weighted += (s.weight * s.score) / s.maxScore;
      weights += s.weight;
    }
    const x = (weighted / weights) * 100;
    const previous = n;
    n += 1;
    sx += x;
    if (previous > 0) {
      const tmp = x * n - sx;
      sxx += (tmp * tmp) / (n * previous);
    }
  }
  if (n === 0) return { reviewCount: 0, scoreMean: null, scoreSpread: null };
  return { reviewCount: n, scoreMean: sx / n, scoreSpread: Math.sqrt(sxx / n) };
}

async function copy(tx: TxSql, table: string, columns: string[], rows: Cell[][]) {
  if (rows.length === 0) return;
  const writable = await tx.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  function* chunks() {
    for (let i = 0; i < rows.length; i += 2_000) {
      let text = "";
      for (const row of rows.slice(i, i + 2_000)) text += `${row.map(cell).join("\t")}\n`;
      yield text;
    }
  }
  const t0 = Date.now();
  await pipeline(Readable.from(chunks()), writable);
  phase(`copy ${table}`, Date.now() - t0);
  if (process.env.SEED_DEBUG) console.log(`copy ${table}: ${rows.length} rows in ${Date.now() - t0} ms`);
}

// -----------------------------------------------------------------------------

type OrgRow = { id: number; name: string; kind: string; departement_code: string | null };
type CallPlan = {
  id: string;
  year: number;
  code: string;
  maxGrantCents: number;
  maxSharePercent: number;
  opensAt: Date;
  closesAt: Date;
  publishedAt: Date;
  themes: string[];
  topics: readonly string[];
  criteria: { id: string; maxScore: number; weight: number }[];
  seq: number;
  granted: number;
};

export async function seedScale(
  db: Database,
  options: { count: number; seed?: number },
): Promise<{ applications: number; reviews: number; scores: number; ms: number }> {
  const started = Date.now();
  phases.clear();
  const count = options.count;
  if (!Number.isInteger(count) || count <= 0) throw new Error("seedScale: count must be a positive integer.");
  const rng = new Random(options.seed ?? 1);

  const totals = await db.$client.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('seed:scale'))`;
    // The score triggers skip the load (migration 0006): the generator writes the
    // aggregates itself, in the applications COPY (scoreAggregates).
    await tx`select set_config('app.bulk_load', 'on', true)`;
    // Big loads skip the per-row foreign-key triggers, as pg_restore --disable-triggers
    // does: every reference is built from rows read or written in this transaction,
    // and small loads (the tests) keep the checks. Needs a superuser (the embedded
    // PostgreSQL is one); elsewhere the checks simply stay on.
    if (count >= FAST_LOAD_THRESHOLD) {
      await tx.savepoint((sp) => sp`set local session_replication_role = replica`).catch(() => undefined);
    }

    // Leads: real French authorities (communes of some size, EPCI, départements, régions), in a stable order.
    const orgs = (await tx`
      select id, name, kind, departement_code from organisations
      where is_local_authority and region_code is not null
        and (kind in ('epci', 'departement', 'region') or (kind = 'commune' and population >= 2000))
      order by kind, coalesce(insee_code, siren)`) as unknown as OrgRow[];
    if (orgs.length < 100)
      throw new Error("seedScale: the official organisations are missing; run seedReferential first.");
    const byKind = new Map<string, OrgRow[]>();
    const byDepartement = new Map<string, OrgRow[]>();
    for (const o of orgs) {
      byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
      if (o.departement_code) {
        const list = byDepartement.get(o.departement_code) ?? [];
        list.push(o);
        byDepartement.set(o.departement_code, list);
      }
    }
    const pickLead = () => {
      const roll = rng.next();
      const kind = roll < 0.7 ? "commune" : roll < 0.88 ? "epci" : roll < 0.97 ? "departement" : "region";
      return rng.pick(byKind.get(kind) ?? orgs);
    };

    // Reviewers and the admin who decides: fictitious staff accounts, reused across runs.
    const staff = [
      ...Array.from({ length: REVIEWER_COUNT }, (_, i) => ({
        email: `instructeur-echelle-${String(i + 1).padStart(2, "0")}@${DEMO_EMAIL_DOMAIN}`,
        name: `Instructeur fictif ${i + 1}`,
      })),
      { email: `admin-echelle@${DEMO_EMAIL_DOMAIN}`, name: "Administratrice fictive (échelle)" },
    ];
    await tx`insert into users ${tx(
      staff.map((s) => ({ id: randomUUID(), ...s, is_fictitious: true })),
      "id",
      "email",
      "name",
      "is_fictitious",
    )} on conflict (email) do nothing`;
    const staffRows =
      (await tx`select id, email from users where email in ${tx(staff.map((s) => s.email))} order by email`) as unknown as {
        id: string;
        email: string;
      }[];
    const adminId = staffRows.find((s) => s.email.startsWith("admin-echelle"))?.id ?? null;
    const reviewerIds = staffRows.filter((s) => s.email.startsWith("instructeur-echelle")).map((s) => s.id);
    await tx`insert into user_roles ${tx(
      reviewerIds.map((id) => ({ id: randomUUID(), user_id: id, role: "reviewer" })),
      "id",
      "user_id",
      "role",
    )} on conflict do nothing`;
    if (adminId)
      await tx`insert into user_roles (id, user_id, role) values (${randomUUID()}, ${adminId}, 'admin') on conflict do nothing`;

    // Fictitious foreign partners and operators.
    const pool = partnerPool();
    await tx`insert into foreign_partners ${tx(
      pool.map((p) => ({
        id: randomUUID(),
        name: p.name,
        kind: p.kind,
        country_code: p.countryCode,
        is_fictitious: true,
      })),
      "id",
      "name",
      "kind",
      "country_code",
      "is_fictitious",
    )} on conflict do nothing`;
    const partners =
      (await tx`select id from foreign_partners where is_fictitious and name like '% (fictif)' order by name, country_code`) as unknown as {
        id: string;
      }[];
    await tx`insert into operators ${tx(
      OPERATOR_POOL.map((o) => ({ id: randomUUID(), ...o, is_fictitious: true })),
      "id",
      "name",
      "kind",
      "is_fictitious",
    )} on conflict do nothing`;
    const operatorIds = (
      (await tx`select id from operators where name in ${tx(OPERATOR_POOL.map((o) => o.name))} order by name`) as unknown as {
        id: string;
      }[]
    ).map((o) => o.id);

    // Calls: about 2 000 applications each, spread over 2019–2024, with codes free in their year.
    const perYear = Math.min(20, Math.max(1, Math.ceil(count / YEARS.length / 2_000)));
    const taken = new Set(
      ((await tx`select year, code from calls`) as unknown as { year: number; code: string }[]).map(
        (c) => `${c.year}-${c.code}`,
      ),
    );
    const plans: CallPlan[] = [];
    const callRows: Cell[][] = [];
    const criterionRows: Cell[][] = [];
    for (const year of YEARS) {
      for (let k = 0; k < perYear; k++) {
        const theme = THEMES[k % THEMES.length] as (typeof THEMES)[number];
        let code = theme.code;
        for (let n = 2; taken.has(`${year}-${code}`); n++) code = `${theme.code}${n}`;
        taken.add(`${year}-${code}`);
        const id = randomUUID();
        const maxGrantCents = rng.pick([50_000, 80_000, 100_000, 150_000]) * 100;
        const maxSharePercent = rng.pick([50, 70]);
        const plan: CallPlan = {
          id,
          year,
          code,
          maxGrantCents,
          maxSharePercent,
          opensAt: parisTime(year, 1, 6 + k, 10, 0),
          closesAt: parisTime(year, 3, 15 + k, 23, 59, 59),
          publishedAt: parisTime(year, 7, 10 + (k % 10), 10, 0),
          themes: theme.themes,
          topics: TOPICS[theme.topics] ?? [],
          criteria: theme.criteria.map((c) => ({ id: randomUUID(), maxScore: c.maxScore, weight: c.weight })),
          seq: 0,
          granted: 0,
        };
        plans.push(plan);
        callRows.push([
          id,
          `echelle-${year}-${code.toLowerCase()}`,
          code,
          year,
          `${theme.title} ${year} (jeu de données de charge)`,
          "Appel à projets **fictif**, généré pour mesurer les performances du service.",
          arrayLiteral(theme.themes),
          plan.opensAt,
          plan.closesAt,
          maxGrantCents,
          maxSharePercent,
          0,
          2,
          plan.publishedAt,
          true,
          adminId,
          plan.opensAt,
          plan.publishedAt,
        ]);
        theme.criteria.forEach((c, position) => {
          criterionRows.push([
            plan.criteria[position]?.id,
            id,
            position,
            c.label,
            c.helpText,
            c.weight,
            c.maxScore,
          ]);
        });
      }
    }
    await copy(
      tx,
      "calls",
      [
        "id",
        "slug",
        "code",
        "year",
        "title",
        "description_md",
        "themes",
        "opens_at",
        "closes_at",
        "max_grant_cents",
        "max_share_percent",
        "envelope_cents",
        "reviewers_per_application",
        "results_published_at",
        "is_fictitious",
        "created_by",
        "created_at",
        "updated_at",
      ],
      callRows,
    );
    await copy(
      tx,
      "criteria",
      ["id", "call_id", "position", "label", "help_text", "weight", "max_score"],
      criterionRows,
    );

    let reviewCount = 0;
    let scoreCount = 0;
    // The next batch is generated while PostgreSQL stores the previous one (two
    // cores: this process and the server work at the same time).
    let writing: Promise<void> = Promise.resolve();
    for (let start = 0; start < count; start += BATCH) {
      const end = Math.min(count, start + BATCH);
      const apps: Cell[][] = [];
      const parts: Cell[][] = [];
      const pairs: Cell[][] = [];
      const budget: Cell[][] = [];
      const assignments: Cell[][] = [];
      const reviewRows: Cell[][] = [];
      const scoreRows: Cell[][] = [];
      const decisionRows: Cell[][] = [];
      const generationStarted = Date.now();
      for (let i = start; i < end; i++) {
        // Let the pending COPY stream its data.
        if (i % 250 === 0) await new Promise((resolve) => setImmediate(resolve));
        const call = plans[i % plans.length] as CallPlan;
        const id = randomUUID();
        const lead = pickLead();
        const neighbours = lead.departement_code ? (byDepartement.get(lead.departement_code) ?? []) : [];
        const co = rng.chance(0.15)
          ? rng.sample(
              neighbours.filter((o) => o.id !== lead.id),
              rng.int(1, 2),
            )
          : [];
        const foreign = rng.sample(partners, rng.chance(0.6) ? 1 : rng.chance(0.6) ? 2 : 3).map((p) => p.id);
        const ops = rng.chance(0.2) ? [rng.pick(operatorIds)] : [];
        const requested = requestedAmount(rng, call.maxGrantCents, 10_000);
        const accepted = rng.chance(ACCEPTANCE);
        const submittedAt = rng.date(
          new Date(call.opensAt.getTime() + 7 * 86_400_000),
          new Date(call.closesAt.getTime() - 3_600_000),
        );
        const createdAt = rng.date(call.opensAt, submittedAt);
        const decidedAt = new Date(call.publishedAt.getTime() - rng.int(5, 20) * 86_400_000);
        call.seq += 1;
        const topic = rng.pick(call.topics);
        const appRow: Cell[] = [
          id,
          call.id,
          lead.id,
          `${topic} : ${lead.name}`,
          "Projet fictif généré pour les tests de charge.",
          arrayLiteral(call.themes),
          arrayLiteral(rng.sample([1, 4, 5, 6, 11, 13, 16, 17], rng.int(1, 3)).sort((a, b) => a - b)),
          `${call.year}-09-01`,
          rng.pick([12, 18, 24, 36]),
          requested,
          accepted ? "accepted" : "rejected",
          `${call.year}-${call.code}-${String(call.seq).padStart(4, "0")}`,
          submittedAt,
          true,
          createdAt,
          decidedAt,
        ];
        apps.push(appRow);
        let position = 0;
        for (const o of co) parts.push([randomUUID(), id, "co_applicant", o.id, null, null, position++]);
        for (const p of foreign) parts.push([randomUUID(), id, "foreign_partner", null, p, null, position++]);
        for (const o of ops) parts.push([randomUUID(), id, "operator", null, null, o, position++]);
        for (const p of foreign) pairs.push([randomUUID(), id, lead.id, p]);
        co.forEach((o, k) => {
          pairs.push([randomUUID(), id, o.id, foreign[k % foreign.length]]);
        });

        const { lines } = makeBudget(rng, {
          applicationId: id,
          requestedCents: requested,
          maxSharePercent: call.maxSharePercent,
          contributors: [lead, ...co],
          newId: randomUUID,
          expenseLines: [3, 6],
        });
        for (const l of lines) {
          budget.push([
            l.id,
            id,
            l.kind,
            l.category ?? null,
            l.label,
            l.amountCents,
            l.organisationId ?? null,
            l.funderName ?? null,
            l.position ?? 0,
          ]);
        }

        // 2 to 4 reviews (3 on average), each scoring every criterion.
        const roll = rng.next();
        const reviewers = rng.sample(reviewerIds, roll < 0.25 ? 2 : roll < 0.75 ? 3 : 4);
        const quality = qualityFor(rng, accepted);
        const assignedAt = new Date(call.closesAt.getTime() + 2 * 86_400_000);
        const reviewed: { weight: number; maxScore: number; score: number }[][] = [];
        for (const reviewerId of reviewers) {
          const reviewId = randomUUID();
          const { scores, recommendation } = makeScores(rng, call.criteria, quality);
          const at = rng.date(assignedAt, decidedAt);
          assignments.push([randomUUID(), id, reviewerId, adminId, assignedAt]);
          reviewRows.push([
            reviewId,
            id,
            reviewerId,
            "submitted",
            rng.pick(REVIEW_COMMENTS[recommendation]),
            recommendation,
            at,
            assignedAt,
            at,
          ]);
          call.criteria.forEach((c, k) => {
            scoreRows.push([reviewId, c.id, c.maxScore, scores[k] ?? 0]);
          });
          reviewed.push(
            call.criteria.map((c, k) => ({ weight: c.weight, maxScore: c.maxScore, score: scores[k] ?? 0 })),
          );
        }
        // Every generated review is submitted: the aggregates go in the applications COPY.
        const aggregates = scoreAggregates(reviewed);
        appRow.push(aggregates.reviewCount, aggregates.scoreMean, aggregates.scoreSpread);
        reviewCount += reviewers.length;
        scoreCount += reviewers.length * call.criteria.length;

        if (accepted) {
          const granted = Math.min(
            requested,
            rng.chance(0.6) ? requested : Math.max(100 * 100, roundEuros(requested * rng.float(0.7, 1), 500)),
          );
          call.granted += granted;
          decisionRows.push([randomUUID(), id, "accepted", granted, null, adminId, decidedAt]);
        } else {
          decisionRows.push([
            randomUUID(),
            id,
            "rejected",
            null,
            rng.pick(REJECTION_REASONS),
            adminId,
            decidedAt,
          ]);
        }
      }
      phase("generation (JS)", Date.now() - generationStarted);
      if (process.env.SEED_DEBUG)
        console.log(`generated ${end - start} applications in ${Date.now() - generationStarted} ms`);
      await writing;
      writing = (async () => {
        await copy(
          tx,
          "applications",
          [
            "id",
            "call_id",
            "lead_organisation_id",
            "title",
            "summary",
            "themes",
            "sdgs",
            "start_date",
            "duration_months",
            "requested_amount_cents",
            "status",
            "receipt_number",
            "submitted_at",
            "is_fictitious",
            "created_at",
            "updated_at",
            "review_count",
            "score_mean",
            "score_spread",
          ],
          apps,
        );
        await copy(
          tx,
          "participants",
          [
            "id",
            "application_id",
            "role",
            "organisation_id",
            "foreign_partner_id",
            "operator_id",
            "position",
          ],
          parts,
        );
        await copy(tx, "pairings", ["id", "application_id", "organisation_id", "foreign_partner_id"], pairs);
        await copy(
          tx,
          "budget_lines",
          [
            "id",
            "application_id",
            "kind",
            "category",
            "label",
            "amount_cents",
            "organisation_id",
            "funder_name",
            "position",
          ],
          budget,
        );
        await copy(
          tx,
          "reviewer_assignments",
          ["id", "application_id", "reviewer_id", "assigned_by", "assigned_at"],
          assignments,
        );
        await copy(
          tx,
          "reviews",
          [
            "id",
            "application_id",
            "reviewer_id",
            "status",
            "overall_comment",
            "recommendation",
            "submitted_at",
            "created_at",
            "updated_at",
          ],
          reviewRows,
        );
        await copy(tx, "scores", ["review_id", "criterion_id", "max_score", "score"], scoreRows);
        await copy(
          tx,
          "decisions",
          [
            "id",
            "application_id",
            "outcome",
            "granted_amount_cents",
            "rejection_reason",
            "decided_by",
            "decided_at",
          ],
          decisionRows,
        );
      })();
      // Keep a failure from being reported as unhandled before it is awaited.
      writing.catch(() => undefined);
    }
    await writing;
    await tx`select set_config('app.bulk_load', '', true)`;
    if (process.env.SEED_DEBUG) {
      for (const [name, ms] of phases) console.log(`phase ${name}: ${ms} ms`);
    }

    // Envelopes a little above what was granted; receipt counters where the numbering stopped.
    for (const call of plans) {
      const envelope = Math.ceil((call.granted * 1.05 + 1) / (100_000 * 100)) * 100_000 * 100;
      await tx`update calls set envelope_cents = ${envelope}, last_receipt_seq = ${call.seq} where id = ${call.id}`;
    }
    await tx`insert into audit_events (actor_id, action, subject_type, subject_id, data)
      values (null, 'seed.scale', 'calls', ${plans.map((p) => `${p.year}-${p.code}`).join(",")}, ${JSON.stringify({ count, calls: plans.length, reviews: reviewCount })}::jsonb)`;
    return { reviews: reviewCount, scores: scoreCount };
  });

  return { applications: count, reviews: totals.reviews, scores: totals.scores, ms: Date.now() - started };
}
