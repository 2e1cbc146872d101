/**
 * The demo data: the nine real 2025 laureate projects of Auvergne-Rhône-Alpes
 * (exactly as in laureates-2025-auvergne-rhone-alpes.json), fictitious national
 * figures that add up to the real 2025 totals (10 calls, 158 applications, 91
 * supported), a few earlier years, a current-year call open for applications
 * and another in review, and one named persona per role.
 *
 * Deterministic: every random choice comes from a seeded PRNG and every date of
 * past years is fixed; only the current-year calls depend on `now`, so the demo
 * never goes stale. Everything is written in one transaction.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { AuditEvent } from "../../lib/audit-events";
import { isoDateInParis } from "../../lib/format";
import { settle } from "../../lib/grants/amounts";
import { agreementReference, grantTerms } from "../../lib/grants/terms";
import { normalizeSearch } from "../../lib/text";
import { endOfParisDay, parisTime, parisYear } from "../../lib/time";
import type { Database } from "../client";
import {
  applications,
  appMeta,
  auditEvents,
  budgetLines,
  calls,
  criteria,
  decisions,
  followupPosts,
  foreignPartners,
  grantInstalments,
  grants,
  memberships,
  messages,
  milestones,
  newsIssues,
  operators,
  organisations,
  pairings,
  participants,
  progressReports,
  regionalNetworks,
  requiredDocuments,
  reviewerAssignments,
  reviews,
  scores,
  userRoles,
  users,
} from "../schema";
import {
  CRITERIA,
  type CriterionSeed,
  FICTITIOUS_OPERATORS,
  FICTITIOUS_PARTNERS,
  makeBudget,
  makeScores,
  qualityFor,
  REJECTION_REASONS,
  REQUIRED_DOCUMENTS,
  REVIEW_COMMENTS,
  requestedAmount,
  roundEuros,
  TOPICS,
  WITHDRAWAL_REASONS,
} from "./content";
import laureatesFile from "./laureates-2025-auvergne-rhone-alpes.json";
import { PERSONAS, type PersonaKey } from "./personas";
import { Random } from "./random";

export const DEMO_DATA_KEY = "demo_data";
export const DEMO_DATA_VERSION = 2;
const DEMO_SEED = 20250715;

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

type Org = {
  id: number;
  name: string;
  kind: string;
  regionCode: string | null;
  departementCode: string | null;
  isLocalAuthority: boolean;
};

type CallPlan = {
  row: typeof calls.$inferInsert & { id: string; code: string; year: number };
  criteria: { id: string; maxScore: number; weight: number }[];
  topics: readonly string[];
  applications: AppPlan[];
};

type AppPlan = {
  row: typeof applications.$inferInsert & { id: string; requestedAmountCents: number };
  call: CallPlan;
  lead: Org;
};

// ---------------------------------------------------------------------------
// The real 2025 data file
// ---------------------------------------------------------------------------

type LaureateOrg = { name: string; kind: string; insee_code?: string; siren?: string; departement?: string };
type LaureateProject = {
  lead: LaureateOrg & { is_local_authority?: boolean };
  on_behalf_of?: string;
  french_co_applicants: LaureateOrg[];
  foreign_partners: { name: string; kind: string; country: string }[];
  pairings?: [string, string][];
  operators: { name: string; kind: string }[];
  project_title?: string;
  subject: string;
};
const LAUREATES = laureatesFile as unknown as {
  national_totals: {
    calls_for_projects: number;
    applications_submitted: number;
    initiatives_supported: number;
  };
  projects: LaureateProject[];
};

const FOREIGN_KINDS = new Set([
  "commune",
  "municipality",
  "city",
  "province",
  "region",
  "federation_of_municipalities",
  "national_park",
  "other",
]);

/**
 * Which 2025 call each real project is filed under (the source does not say;
 * chosen by theme), keyed by the lead's code or, for RESACOOP, the title/subject.
 */
function realProjectCall(project: LaureateProject): string {
  const code = project.lead.insee_code;
  if (code === "38314") return "ALC"; // Pontcharra – Aratoca (Colombia)
  if (code === "63430") return "GEN"; // Thiers – Tandil (cutlery industry)
  if (code === "43051") return "CULT"; // Le Chambon-sur-Lignon – Shkodër, Prizren (bio-cultural heritage)
  if (code === "38185") return "GEN"; // Grenoble for the IRAPA platform (Armenia)
  if (code === "63113") return "UKR"; // Clermont-Ferrand – Krementchouk
  if (code === "69256") return "MED"; // Vaulx-en-Velin – Beit Sahour
  if (code === "73065") return "JEU"; // Chambéry – Bcharré (culture and youth)
  if (project.project_title?.startsWith("Des montagnes et des lacs")) return "CLIM"; // lakes, national park
  if (project.subject.includes("Guinéens")) return "AFR"; // Mamou (Guinea)
  throw new Error(`Demo seed: no 2025 call chosen for the project « ${project.subject} ».`);
}

/**
 * Pairings of the RESACOOP projects, which the source does not detail.
 * RESACOOP coordinates and is paired with nobody; each French co-applicant is
 * paired with the partner closest to it:
 * - « Des montagnes et des lacs »: the Oisans (lakes and mountain resorts) with
 *   Villa La Angostura, the Matheysine (lakes plateau) with Villa Traful, and the
 *   Chamrousse resort with the Nahuel Huapi national park;
 * - Mamou: both the Savoie and the Métropole de Lyon with Mamou, the only partner.
 * Keys are the co-applicant's INSEE code or SIREN.
 */
const RESACOOP_PAIRINGS: Record<string, string> = {
  "243800745": "Villa La Angostura",
  "200040657": "Villa Traful",
  "38567": "Parc national Nahuel Huapi",
  "73": "Mamou",
  "200046977": "Mamou",
};

// ---------------------------------------------------------------------------
// The 2025 calls (fictitious titles and amounts; the totals are the real ones)
// ---------------------------------------------------------------------------

const AFRICA = [
  "BF",
  "BJ",
  "CD",
  "CI",
  "CM",
  "CV",
  "DZ",
  "GA",
  "GN",
  "KM",
  "MA",
  "MG",
  "ML",
  "MR",
  "NE",
  "SN",
  "TG",
  "TN",
];
const MEDITERRANEAN = ["AL", "BA", "DZ", "EG", "JO", "LB", "MA", "ME", "PS", "TN", "TR", "XK"];
const AMERICAS = ["AR", "BO", "BR", "CL", "CO", "CU", "DO", "EC", "HT", "MX", "PE", "UY"];
const FRANCOPHONIE = [
  "AM",
  "BF",
  "BJ",
  "CA",
  "CD",
  "CI",
  "CM",
  "GA",
  "HT",
  "KH",
  "KM",
  "LA",
  "LB",
  "MA",
  "MD",
  "MG",
  "MR",
  "SN",
  "TG",
  "TN",
  "VN",
];

type CallSpec = {
  code: string;
  slug: string;
  title: string;
  themes: string[];
  topics: keyof typeof TOPICS;
  eligible: string[] | null;
  maxGrantEuros: number;
  maxSharePercent: number;
  criteria: CriterionSeed[];
  documents: (keyof typeof REQUIRED_DOCUMENTS)[];
  /** 2025 only: applications submitted and accepted (the real ones included). */
  submitted: number;
  accepted: number;
};

const C = CRITERIA;
const CALLS_2025: CallSpec[] = [
  {
    code: "GEN",
    slug: "generaliste",
    title: "Appel à projets généraliste",
    themes: ["Gouvernance locale", "Développement économique"],
    topics: "general",
    eligible: null,
    maxGrantEuros: 150_000,
    maxSharePercent: 50,
    criteria: [C.relevance, C.partnership, C.impact, C.budget, C.sustainability],
    documents: ["deliberation", "partnerLetter", "budget"],
    submitted: 30,
    accepted: 17,
  },
  {
    code: "JEU",
    slug: "jeunesse-vi",
    title: "Appel à projets « Jeunesse VI »",
    themes: ["Jeunesse", "Citoyenneté"],
    topics: "youth",
    eligible: null,
    maxGrantEuros: 70_000,
    maxSharePercent: 70,
    criteria: [C.relevance, C.youth, C.partnership, C.budget],
    documents: ["deliberation", "partnerLetter"],
    submitted: 18,
    accepted: 10,
  },
  {
    code: "CLIM",
    slug: "climat-biodiversite",
    title: "Appel à projets « Climat et biodiversité »",
    themes: ["Climat", "Biodiversité"],
    topics: "climate",
    eligible: null,
    maxGrantEuros: 120_000,
    maxSharePercent: 50,
    criteria: [C.relevance, C.climate, C.partnership, C.impact, C.budget],
    documents: ["deliberation", "partnerLetter", "budget"],
    submitted: 20,
    accepted: 12,
  },
  {
    code: "ALIM",
    slug: "securite-alimentaire",
    title: "Appel à projets « Sécurité alimentaire et agriculture durable »",
    themes: ["Sécurité alimentaire", "Agriculture"],
    topics: "food",
    eligible: null,
    maxGrantEuros: 100_000,
    maxSharePercent: 50,
    criteria: [C.relevance, C.partnership, C.impact, C.budget],
    documents: ["deliberation", "partnerLetter"],
    submitted: 14,
    accepted: 8,
  },
  {
    code: "FRANCO",
    slug: "francophonie",
    title: "Appel à projets « Francophonie »",
    themes: ["Francophonie", "Éducation"],
    topics: "francophonie",
    eligible: FRANCOPHONIE,
    maxGrantEuros: 50_000,
    maxSharePercent: 70,
    criteria: [C.relevance, C.partnership, C.impact],
    documents: ["deliberation", "partnerLetter"],
    submitted: 12,
    accepted: 7,
  },
  {
    code: "UKR",
    slug: "ukraine",
    title: "Appel à projets « Ukraine : soutien aux collectivités »",
    themes: ["Ukraine", "Reconstruction"],
    topics: "ukraine",
    eligible: ["UA"],
    maxGrantEuros: 150_000,
    maxSharePercent: 70,
    criteria: [C.relevance, C.partnership, C.impact, C.budget],
    documents: ["deliberation", "partnerLetter", "budget"],
    submitted: 14,
    accepted: 8,
  },
  {
    code: "MED",
    slug: "mediterranee",
    title: "Appel à projets « Méditerranée »",
    themes: ["Méditerranée", "Développement durable"],
    topics: "mediterranean",
    eligible: MEDITERRANEAN,
    maxGrantEuros: 100_000,
    maxSharePercent: 50,
    criteria: [C.relevance, C.partnership, C.impact, C.sustainability],
    documents: ["deliberation", "partnerLetter"],
    submitted: 14,
    accepted: 8,
  },
  {
    code: "AFR",
    slug: "afrique",
    title: "Appel à projets « Afrique »",
    themes: ["Afrique", "Services publics locaux"],
    topics: "africa",
    eligible: AFRICA,
    maxGrantEuros: 120_000,
    maxSharePercent: 50,
    criteria: [C.relevance, C.partnership, C.impact, C.budget, C.sustainability],
    documents: ["deliberation", "partnerLetter", "budget"],
    submitted: 16,
    accepted: 9,
  },
  {
    code: "CULT",
    slug: "culture-patrimoine",
    title: "Appel à projets « Culture et patrimoine »",
    themes: ["Culture", "Patrimoine"],
    topics: "culture",
    eligible: null,
    maxGrantEuros: 60_000,
    maxSharePercent: 50,
    criteria: [C.relevance, C.partnership, C.impact],
    documents: ["deliberation", "partnerLetter"],
    submitted: 10,
    accepted: 6,
  },
  {
    code: "ALC",
    slug: "amerique-latine-caraibes",
    title: "Appel à projets « Amérique latine et Caraïbes »",
    themes: ["Amérique latine", "Caraïbes"],
    topics: "americas",
    eligible: AMERICAS,
    maxGrantEuros: 80_000,
    maxSharePercent: 50,
    criteria: [C.relevance, C.partnership, C.impact, C.budget],
    documents: ["deliberation", "partnerLetter"],
    submitted: 10,
    accepted: 6,
  },
];

/** Earlier years, small, results published: so the public site shows several years and a partnership history. */
const HISTORY: { year: number; spec: CallSpec }[] = [
  { year: 2022, spec: { ...(CALLS_2025[0] as CallSpec), submitted: 12, accepted: 7 } },
  { year: 2023, spec: { ...(CALLS_2025[0] as CallSpec), submitted: 15, accepted: 8 } },
  {
    year: 2023,
    spec: {
      ...(CALLS_2025[1] as CallSpec),
      code: "JEU",
      slug: "jeunesse-v",
      title: "Appel à projets « Jeunesse V »",
      submitted: 10,
      accepted: 6,
    },
  },
  { year: 2024, spec: { ...(CALLS_2025[0] as CallSpec), submitted: 18, accepted: 10 } },
  { year: 2024, spec: { ...(CALLS_2025[2] as CallSpec), submitted: 12, accepted: 7 } },
];

// ---------------------------------------------------------------------------

export async function seedDemo(db: Database, options: { now?: Date } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    // Two processes starting at once (app nodes, tests) must not both load the demo.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed:demo_data'))`);
    const [meta] = await tx.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, DEMO_DATA_KEY));
    if (meta) return false;
    const builder = new DemoBuilder(tx, new Random(DEMO_SEED), now);
    await builder.build();
    await builder.write();
    await tx.insert(appMeta).values({
      key: DEMO_DATA_KEY,
      value: { loadedAt: now.toISOString(), version: DEMO_DATA_VERSION },
    });
    return true;
  });
}

class DemoBuilder {
  private readonly users: (typeof users.$inferInsert)[] = [];
  private readonly memberships: (typeof memberships.$inferInsert)[] = [];
  private readonly userRoles: (typeof userRoles.$inferInsert)[] = [];
  private readonly calls: CallPlan[] = [];
  private readonly criteria: (typeof criteria.$inferInsert)[] = [];
  private readonly documents: (typeof requiredDocuments.$inferInsert)[] = [];
  private readonly participants: (typeof participants.$inferInsert)[] = [];
  private readonly pairings: (typeof pairings.$inferInsert)[] = [];
  private readonly budgetLines: (typeof budgetLines.$inferInsert)[] = [];
  private readonly assignments: (typeof reviewerAssignments.$inferInsert)[] = [];
  private readonly reviews: (typeof reviews.$inferInsert)[] = [];
  private readonly scores: (typeof scores.$inferInsert)[] = [];
  private readonly decisions: (typeof decisions.$inferInsert)[] = [];
  private readonly messages: (typeof messages.$inferInsert)[] = [];
  // Typed by the catalogue: each event's details are the fields declared for its action.
  private readonly audit: AuditEvent<Omit<typeof auditEvents.$inferInsert, "action" | "data">>[] = [];
  private readonly newsIssues: (typeof newsIssues.$inferInsert)[] = [];
  private readonly posts: (typeof followupPosts.$inferInsert)[] = [];
  private readonly milestones: (typeof milestones.$inferInsert)[] = [];
  private readonly grants: (typeof grants.$inferInsert)[] = [];
  private readonly instalments: (typeof grantInstalments.$inferInsert)[] = [];
  private readonly reports: (typeof progressReports.$inferInsert)[] = [];

  private persona = new Map<PersonaKey, string>();
  private resacoop!: Org;
  private resacoopNetworkId = "";
  private otherNetworkId = "";
  private partnerIds = new Map<string, string>();
  private operatorIds = new Map<string, string>();
  /** Candidate leads of fictitious projects; `outside84` for 2025, where région 84 has only its real laureates. */
  private pool: Org[] = [];
  private outside84: Org[] = [];
  private byCode = new Map<string, Org>();
  private readonly currentYear: number;

  constructor(
    private readonly tx: Tx,
    private readonly rng: Random,
    private readonly now: Date,
  ) {
    // A year after 2025 even if the clock says otherwise, so the 2025 figures stay exact.
    this.currentYear = Math.max(parisYear(now), 2026);
  }

  private id() {
    return this.rng.uuid();
  }

  private user(key: PersonaKey) {
    const id = this.persona.get(key);
    if (!id) throw new Error(`persona ${key} missing`);
    return id;
  }

  // -------------------------------------------------------------------------

  async build() {
    await this.loadReferences();
    this.buildPersonas();
    this.build2025();
    this.buildHistory();
    this.buildCurrentYear();
    this.finalizeCalls();
    // Last: it draws its ids after everything else, so the rest of the demo stays as it was.
    this.buildFollowup();
    this.buildGrants();
  }

  /**
   * The grants of every published laureate, at the stage its dates put it on
   * the day the demo is loaded (fictitious stages, amounts from the
   * decisions): agreements sent a few weeks after the results and signed
   * within weeks, each instalment paid a month or two after it is released,
   * reports sent around their due date and accepted within weeks. So the
   * 2022–2024 grants are closed or in their last year, and the 2025 ones have
   * their first instalment paid, a report waiting for DCTCIV, a final report
   * or a balance to come. One 2025 laureate outside the personas'
   * organisations has its report overdue. Thiers – Tandil 2025, the applicant
   * persona's project, has its agreement waiting for the signature, its
   * project starting the month the demo is loaded, so the whole cycle can be
   * shown from the start.
   */
  private buildGrants() {
    const rng = this.rng;
    const admin = this.user("admin");
    const day = 86_400_000;
    const at = (iso: string) => new Date(`${iso}T10:00:00+01:00`);
    const plus = (date: Date, days: number) => new Date(date.getTime() + days * day);
    const past = (date: Date) => date.getTime() < this.now.getTime();
    const today = isoDateInParis(this.now);
    const personaOrgs = new Set([
      this.resolve({ name: "Thiers", kind: "commune", insee_code: "63430" }).id,
      this.resolve({ name: "Nantes", kind: "commune", insee_code: "44109" }).id,
      this.resacoop.id,
    ]);
    let overdueLeft = 1;
    let paymentNumber = 0;
    for (const call of this.calls) {
      const publishedAt = call.row.resultsPublishedAt;
      if (!publishedAt) continue;
      for (const app of call.applications) {
        const decision = this.decisions.find(
          (d) => d.applicationId === app.row.id && d.outcome === "accepted",
        );
        if (!decision?.grantedAmountCents || !app.row.receiptNumber) continue;
        const grantedCents = decision.grantedAmountCents;
        const years = call.row.grantYears ?? 1;
        const finalBalancePercent = call.row.finalBalancePercent ?? 20;
        const persona = call.row.year === 2025 && app.lead.name === "Thiers";
        const startsOn = persona
          ? `${today.slice(0, 7)}-01`
          : (app.row.startDate ?? isoDateInParis(publishedAt));
        const durationMonths = Math.max(app.row.durationMonths ?? 12, 12 * (years - 1) + 6);
        const terms = grantTerms({
          grantedCents,
          rule: { years, finalBalancePercent },
          startsOn,
          durationMonths,
        });
        const grantId = this.id();
        const reference = agreementReference(app.row.receiptNumber);
        const sentAt = persona ? plus(this.now, -2) : plus(publishedAt, rng.int(20, 50));
        const grant: typeof grants.$inferInsert = {
          id: grantId,
          applicationId: app.row.id,
          status: "agreement_sent",
          reference,
          beneficiaryName: app.lead.name,
          projectTitle: app.row.title,
          grantedCents,
          years,
          finalBalancePercent,
          maxSharePercent: call.row.maxSharePercent,
          startsOn,
          durationMonths,
          endsOn: terms.endsOn,
          reportDueDates: terms.reportDueDates,
          sentAt,
          sentBy: admin,
        };
        this.grants.push(grant);
        this.audit.push({
          occurredAt: sentAt,
          actorId: admin,
          action: "grant.agreement_sent",
          subjectType: "application",
          subjectId: app.row.id,
          data: { applicationId: app.row.id, reference, grantedCents, years },
        });
        const rows = terms.instalments.map((i) => {
          const row: typeof grantInstalments.$inferInsert = {
            id: this.id(),
            grantId,
            position: i.position,
            year: i.year,
            kind: i.kind,
            plannedCents: i.amountCents,
            releasedByReport: i.releasedBy.kind === "report" ? i.releasedBy.reportPosition : null,
          };
          this.instalments.push(row);
          return row;
        });
        if (persona) continue;

        const signedAt = plus(sentAt, rng.int(7, 40));
        if (!past(signedAt)) continue;
        const signatoryFunction = app.lead.kind === "commune" ? "Maire" : "Président";
        Object.assign(grant, {
          status: "agreement_signed",
          signedAt,
          signatoryName: "Signataire habilité (fictif)",
          signatoryFunction,
        });
        this.audit.push({
          occurredAt: signedAt,
          actorId: null,
          action: "grant.agreement_signed",
          subjectType: "application",
          subjectId: app.row.id,
          data: {
            applicationId: app.row.id,
            signatoryName: "Signataire habilité (fictif)",
            signatoryFunction: "Maire",
          },
        });
        /** Releases the instalments waiting for `report` (null: the signature) and pays them if their day has come. */
        const release = (report: number | null, on: Date) => {
          for (const row of rows.filter((r) => r.releasedByReport === report && r.status !== "cancelled")) {
            row.status = "due";
            row.releasedAt = on;
            const paidAt = plus(on, rng.int(20, 60));
            if (!past(paidAt)) continue;
            paymentNumber++;
            Object.assign(row, {
              status: "paid",
              paidCents: row.plannedCents,
              paidOn: isoDateInParis(paidAt),
              paymentReference: `DEMO-${String(paymentNumber).padStart(5, "0")}`,
              recordedBy: admin,
              recordedAt: paidAt,
            });
            this.audit.push({
              occurredAt: paidAt,
              actorId: admin,
              action: "grant.instalment_paid",
              subjectType: "application",
              subjectId: app.row.id,
              data: {
                applicationId: app.row.id,
                position: row.position as number,
                paidCents: row.plannedCents as number,
                paidOn: row.paidOn as string,
                reference: row.paymentReference as string,
              },
            });
          }
        };
        release(null, signedAt);

        const expenses = this.budgetLines.filter(
          (l) => l.applicationId === app.row.id && l.kind === "expense",
        );
        for (const [index, dueOn] of terms.reportDueDates.entries()) {
          const position = index + 1;
          const kind = position === years ? "final" : "intermediate";
          const due = at(dueOn);
          const overdue =
            overdueLeft > 0 && call.row.year === 2025 && dueOn < today && !personaOrgs.has(app.lead.id);
          if (overdue) {
            overdueLeft--;
            break;
          }
          const submittedAt = plus(due, -rng.int(0, 25));
          if (!past(submittedAt)) break;
          // Actual spending close to the plan; one project in eight spent a fifth less.
          const ratio = rng.chance(0.125) ? 0.8 : rng.float(0.95, 1);
          const lines = expenses.map((l) => ({
            label: l.label,
            plannedCents: l.amountCents,
            actualCents: Math.round((l.amountCents * ratio) / 100) * 100,
          }));
          const actualExpensesCents = lines.reduce((t, l) => t + l.actualCents, 0);
          const reviewedAt = plus(submittedAt, rng.int(15, 40));
          const accepted = past(reviewedAt);
          const reportId = this.id();
          this.reports.push({
            id: reportId,
            applicationId: app.row.id,
            position,
            kind,
            status: accepted ? "accepted" : "submitted",
            body: "Rapport fictif de démonstration : activités menées sur la période avec le partenaire.",
            results: "Résultats fictifs de démonstration.",
            difficulties: "",
            expenses: lines,
            actualExpensesCents,
            submittedAt,
            reviewedBy: accepted ? admin : null,
            reviewedAt: accepted ? reviewedAt : null,
          });
          this.audit.push({
            occurredAt: submittedAt,
            actorId: null,
            action: "progress_report.submitted",
            subjectType: "progress_report",
            subjectId: reportId,
            data: { applicationId: app.row.id, kind, position, actualExpensesCents },
          });
          if (!accepted) break;
          if (kind === "final") {
            const balance = rows.find((r) => r.kind === "balance");
            const paid = rows
              .filter((r) => r !== balance)
              .reduce((t, r) => t + (r.plannedCents as number), 0);
            const settlement = settle({
              grantedCents,
              paidCents: paid,
              plannedBalanceCents: (balance?.plannedCents as number | undefined) ?? 0,
              actualExpensesCents,
              maxSharePercent: call.row.maxSharePercent,
            });
            grant.actualExpensesCents = actualExpensesCents;
            grant.refundOwedCents = settlement.refundCents;
            if (balance) {
              if (settlement.balanceCents === 0)
                Object.assign(balance, { status: "cancelled", plannedCents: 0 });
              else balance.plannedCents = settlement.balanceCents;
            }
          }
          const released = rows
            .filter((r) => r.releasedByReport === position && r.status !== "cancelled")
            .reduce((t, r) => t + (r.plannedCents as number), 0);
          this.audit.push({
            occurredAt: reviewedAt,
            actorId: admin,
            action: "progress_report.accepted",
            subjectType: "progress_report",
            subjectId: reportId,
            data: { applicationId: app.row.id, position, released },
          });
          release(position, reviewedAt);
        }
        const finalAccepted = this.reports.some(
          (r) => r.applicationId === app.row.id && r.position === years && r.status === "accepted",
        );
        if (finalAccepted && rows.every((r) => r.status === "paid" || r.status === "cancelled")) {
          const closedAt = rows.reduce(
            (last, r) =>
              (r.recordedAt as Date | undefined) && (r.recordedAt as Date) > last
                ? (r.recordedAt as Date)
                : last,
            signedAt,
          );
          Object.assign(grant, { status: "closed", closedAt });
          const paidTotal = rows.reduce((t, r) => t + ((r.paidCents as number | undefined) ?? 0), 0);
          this.audit.push({
            occurredAt: closedAt,
            actorId: admin,
            action: "grant.closed",
            subjectType: "application",
            subjectId: app.row.id,
            data: {
              applicationId: app.row.id,
              allowedCents: paidTotal - ((grant.refundOwedCents as number | undefined) ?? 0),
              refundOwedCents: (grant.refundOwedCents as number | undefined) ?? 0,
            },
          });
        }
      }
    }
  }

  /**
   * RESACOOP's follow-up of the real Thiers – Tandil 2025 project: a news
   * issue with a page about the project and a general one, and two
   * milestones, so that the home page, the project page and the network's
   * pages show what a network publishes. The project is real; these texts are
   * not, and say so.
   */
  private buildFollowup() {
    const project = this.calls
      .flatMap((c) => c.applications)
      .find((a) => a.call.row.year === 2025 && a.lead.name === "Thiers");
    if (!project) throw new Error("Demo seed: the Thiers – Tandil 2025 project is missing.");
    const editor = this.user("editor-resacoop");
    const networkId = this.resacoopNetworkId;
    const daysAgo = (days: number) => new Date(this.now.getTime() - days * 86_400_000);
    const notice = "*Texte fictif de démonstration\u00a0: le projet est réel, cette page ne l’est pas.*\n\n";
    const issueId = this.id();
    const published = daysAgo(12);
    this.newsIssues.push({
      id: issueId,
      networkId,
      number: 1,
      title: "Résa’Clic — les lauréats 2025 au travail",
      issueDate: isoDateInParis(published),
      status: "published",
      publishedAt: published,
      createdBy: editor,
      createdAt: daysAgo(15),
    });
    this.posts.push(
      {
        id: this.id(),
        networkId,
        applicationId: project.row.id,
        newsIssueId: issueId,
        title: "Thiers et Tandil préparent la première mission d’apprentis couteliers",
        bodyMd: `${notice}La convention de partenariat est signée. Les deux villes ont choisi ensemble six apprentis, trois de chaque côté, qui passeront trois semaines dans les ateliers de l’autre ville.\n\n## Prochaines étapes\n\n- la mission à Tandil, au printemps\u202f;\n- un salon commun de la coutellerie, à Thiers, à l’automne.`,
        status: "published",
        publishedAt: published,
        authorId: editor,
        createdAt: daysAgo(14),
        updatedAt: published,
      },
      {
        id: this.id(),
        networkId,
        newsIssueId: issueId,
        title: "Rencontre régionale des collectivités engagées à l’international",
        bodyMd: `${notice}RESACOOP réunit les collectivités lauréates d’Auvergne-Rhône-Alpes pour partager leurs premiers résultats et préparer les prochains appels à projets.`,
        status: "published",
        publishedAt: published,
        authorId: editor,
        createdAt: daysAgo(13),
        updatedAt: published,
      },
    );
    this.milestones.push(
      {
        id: this.id(),
        applicationId: project.row.id,
        networkId,
        label: "Convention de partenariat signée par Thiers et Tandil",
        plannedDate: isoDateInParis(daysAgo(40)),
        status: "done",
        progressPercent: 100,
        position: 0,
        createdBy: editor,
      },
      {
        id: this.id(),
        applicationId: project.row.id,
        networkId,
        label: "Première mission d’apprentis couteliers à Tandil",
        plannedDate: isoDateInParis(new Date(this.now.getTime() + 120 * 86_400_000)),
        status: "in_progress",
        progressPercent: 40,
        position: 1,
        createdBy: editor,
      },
    );
  }

  private async loadReferences() {
    const tx = this.tx;
    const projects = LAUREATES.projects;
    const communes = new Set<string>();
    const departements = new Set<string>();
    const sirens = new Set<string>();
    for (const org of projects.flatMap((p) => [p.lead, ...p.french_co_applicants])) {
      if (org.kind === "gip_regional_network") continue;
      if (org.kind === "commune" && org.insee_code) communes.add(org.insee_code);
      else if (org.kind === "departement" && org.insee_code) departements.add(org.insee_code);
      else if (org.siren) sirens.add(org.siren);
      else throw new Error(`Demo seed: « ${org.name} » has neither an INSEE code nor a SIREN.`);
    }
    communes.add("44109"); // Nantes, the organisation of the persona applicant-other
    const columns = {
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      inseeCode: organisations.inseeCode,
      siren: organisations.siren,
      regionCode: organisations.regionCode,
      departementCode: organisations.departementCode,
      isLocalAuthority: organisations.isLocalAuthority,
    };
    const found = await tx
      .select(columns)
      .from(organisations)
      .where(
        sql`(${organisations.kind} = 'commune' and ${inArray(organisations.inseeCode, [...communes])})
         or (${organisations.kind} = 'departement' and ${inArray(organisations.inseeCode, [...departements])})
         or (${organisations.kind} = 'epci' and ${inArray(organisations.siren, [...sirens])})`,
      );
    for (const row of found) {
      const key = row.kind === "epci" ? `siren:${row.siren}` : `${row.kind}:${row.inseeCode}`;
      this.byCode.set(key, row);
    }

    // RESACOOP, a GIP: an organisation of kind "other", not a local authority.
    const [existing] = await tx
      .select(columns)
      .from(organisations)
      .where(and(eq(organisations.kind, "other"), eq(organisations.name, "RESACOOP")));
    const [created] = existing
      ? [existing]
      : await tx
          .insert(organisations)
          .values({
            kind: "other",
            name: "RESACOOP",
            regionCode: "84",
            departementCode: "69",
            isLocalAuthority: false,
            searchName: normalizeSearch("RESACOOP"),
          })
          .returning(columns);
    if (!created) throw new Error("Demo seed: could not create the RESACOOP organisation.");
    this.resacoop = created;

    this.resacoopNetworkId = this.id();
    this.otherNetworkId = this.id();
    await tx.insert(regionalNetworks).values([
      {
        id: this.resacoopNetworkId,
        slug: "resacoop",
        name: "RESACOOP",
        regionCode: "84",
        organisationId: this.resacoop.id,
        description:
          "RESACOOP est le réseau régional multi-acteurs de la coopération et de la solidarité internationale en Auvergne-Rhône-Alpes. Groupement d'intérêt public, il accompagne les collectivités territoriales, les associations et les établissements de la région dans leurs projets, depuis ses sites de Lyon (siège) et de Clermont-Ferrand, et rend compte des projets lauréats de la région.",
      },
      {
        id: this.otherNetworkId,
        slug: "reseau-bretagne-solidaire",
        name: "Réseau Bretagne Solidaire (fictif)",
        regionCode: "53",
        description:
          "Réseau régional fictif, créé pour la démonstration : il suit les projets des collectivités de Bretagne et n'a aucun droit sur ceux des autres régions.",
      },
    ]);

    // Foreign partners and operators: the real ones of 2025, then the fictitious pools.
    const partnerRows = [
      ...projects.flatMap((p) =>
        p.foreign_partners.map((fp) => {
          if (!FOREIGN_KINDS.has(fp.kind)) throw new Error(`Demo seed: unknown partner kind « ${fp.kind} ».`);
          return {
            name: fp.name,
            kind: fp.kind as (typeof foreignPartners.$inferInsert)["kind"],
            countryCode: fp.country,
            isFictitious: false,
          };
        }),
      ),
      ...FICTITIOUS_PARTNERS.map((p) => ({ ...p, isFictitious: true })),
    ];
    await tx
      .insert(foreignPartners)
      .values(partnerRows.map((row) => ({ id: this.id(), ...row })))
      .onConflictDoNothing();
    const partners = await tx
      .select({
        id: foreignPartners.id,
        name: foreignPartners.name,
        countryCode: foreignPartners.countryCode,
      })
      .from(foreignPartners)
      .where(
        inArray(
          foreignPartners.name,
          partnerRows.map((p) => p.name),
        ),
      );
    for (const p of partners) this.partnerIds.set(`${p.name}|${p.countryCode}`, p.id);

    const operatorRows = [
      ...projects.flatMap((p) =>
        p.operators.map((o) => ({ name: o.name, kind: o.kind as "ngo", isFictitious: false })),
      ),
      ...FICTITIOUS_OPERATORS.map((o) => ({ ...o, isFictitious: true })),
    ];
    await tx
      .insert(operators)
      .values(operatorRows.map((row) => ({ id: this.id(), ...row })))
      .onConflictDoNothing();
    const ops = await tx
      .select({ id: operators.id, name: operators.name })
      .from(operators)
      .where(
        inArray(
          operators.name,
          operatorRows.map((o) => o.name),
        ),
      );
    for (const o of ops) this.operatorIds.set(o.name, o.id);

    // Leads of the fictitious projects: real authorities of a decent size, in a stable order.
    this.pool = await tx
      .select(columns)
      .from(organisations)
      .where(
        sql`${organisations.isLocalAuthority} and ${organisations.regionCode} is not null and (
          ${organisations.kind} in ('departement', 'region')
          or (${organisations.kind} = 'commune' and ${organisations.population} >= 20000)
          or (${organisations.kind} = 'epci' and ${organisations.population} >= 100000))`,
      )
      .orderBy(organisations.kind, sql`coalesce(${organisations.inseeCode}, ${organisations.siren})`);
    this.outside84 = this.pool.filter((o) => o.regionCode !== "84");
    if (this.outside84.length < 100) {
      throw new Error("Demo seed: the official organisations are missing; run seedReferential first.");
    }
  }

  /** Resolves an organisation of the data file against the official list, or throws. */
  private resolve(org: LaureateOrg): Org {
    if (org.kind === "gip_regional_network") {
      if (org.name !== "RESACOOP") throw new Error(`Demo seed: unknown network « ${org.name} ».`);
      return this.resacoop;
    }
    const key =
      org.kind === "commune" || org.kind === "departement"
        ? `${org.kind}:${org.insee_code}`
        : `siren:${org.siren}`;
    const found = this.byCode.get(key);
    if (!found) {
      throw new Error(
        `Demo seed: « ${org.name} » (${org.kind} ${org.insee_code ?? org.siren}) is not in the official list of organisations; check the code in laureates-2025-auvergne-rhone-alpes.json or load the referential.`,
      );
    }
    return found;
  }

  private partner(name: string, country: string) {
    const id = this.partnerIds.get(`${name}|${country}`);
    if (!id) throw new Error(`Demo seed: foreign partner ${name} (${country}) missing.`);
    return id;
  }

  private buildPersonas() {
    const createdAt = parisTime(2024, 12, 2, 9, 0);
    for (const p of PERSONAS) {
      const id = this.id();
      this.persona.set(p.key, id);
      this.users.push({
        id,
        email: p.email,
        name: p.name,
        givenName: p.givenName,
        usualName: p.usualName,
        personaKey: p.key,
        isFictitious: true,
        emailVerified: createdAt,
        createdAt,
      });
    }
    const admin = this.user("admin");
    const thiers = this.resolve({ name: "Thiers", kind: "commune", insee_code: "63430" });
    const nantes = this.resolve({ name: "Nantes", kind: "commune", insee_code: "44109" });
    const confirmedAt = parisTime(2024, 12, 3, 10, 0);
    for (const [key, org] of [
      ["applicant-thiers", thiers],
      ["applicant-other", nantes],
      ["editor-resacoop", this.resacoop],
    ] as const) {
      this.memberships.push({
        id: this.id(),
        userId: this.user(key),
        organisationId: org.id,
        role: "manager",
        status: "active",
        confirmedBy: admin,
        confirmedAt,
        createdAt,
      });
    }
    const role = (
      key: PersonaKey,
      r: "reviewer" | "admin" | "network_editor",
      networkId: string | null = null,
    ) =>
      this.userRoles.push({
        id: this.id(),
        userId: this.user(key),
        role: r,
        networkId,
        grantedBy: admin,
        grantedAt: createdAt,
      });
    role("admin", "admin");
    role("reviewer", "reviewer");
    role("reviewer-2", "reviewer");
    role("editor-resacoop", "network_editor", this.resacoopNetworkId);
    role("editor-other", "network_editor", this.otherNetworkId);
  }

  // -------------------------------------------------------------------------
  // Calls
  // -------------------------------------------------------------------------

  private addCall(
    spec: CallSpec,
    year: number,
    dates: { opensAt: Date; closesAt: Date; resultsPublishedAt: Date | null },
    overrides: Partial<typeof calls.$inferInsert> = {},
  ): CallPlan {
    const id = this.id();
    const plan: CallPlan = {
      row: {
        id,
        slug: `${spec.slug}-${year}`,
        code: spec.code,
        year,
        title: `${spec.title} ${year}`,
        descriptionMd: `Appel à projets **fictif**, créé pour la démonstration du service.\n\nIl soutient les projets de coopération des collectivités territoriales françaises avec leurs partenaires étrangers sur les thèmes suivants : ${spec.themes.join(", ").toLowerCase()}.`,
        eligibilityMd:
          "- Chef de file : une collectivité territoriale française ou un groupement de collectivités.\n- Au moins une autorité locale étrangère partenaire.\n- Cofinancement : la subvention ne dépasse pas " +
          `${spec.maxSharePercent} % du budget total du projet.`,
        themes: spec.themes,
        eligibleCountries: spec.eligible,
        opensAt: dates.opensAt,
        closesAt: dates.closesAt,
        maxGrantCents: spec.maxGrantEuros * 100,
        maxSharePercent: spec.maxSharePercent,
        envelopeCents: 0,
        reviewersPerApplication: 2,
        resultsPublishedAt: dates.resultsPublishedAt,
        isFictitious: true,
        createdBy: this.user("admin"),
        createdAt: new Date(dates.opensAt.getTime() - 20 * 86_400_000),
        updatedAt: dates.resultsPublishedAt ?? dates.opensAt,
        ...overrides,
      },
      criteria: [],
      topics: TOPICS[spec.topics] ?? TOPICS.general ?? [],
      applications: [],
    };
    spec.criteria.forEach((c, position) => {
      const criterionId = this.id();
      this.criteria.push({ id: criterionId, callId: id, position, ...c });
      plan.criteria.push({ id: criterionId, maxScore: c.maxScore, weight: c.weight });
    });
    spec.documents.forEach((key, position) => {
      const d = REQUIRED_DOCUMENTS[key];
      this.documents.push({
        id: this.id(),
        callId: id,
        position,
        label: d.label,
        mandatory: d.mandatory,
        acceptedTypes: [...d.acceptedTypes],
      });
    });
    this.calls.push(plan);
    return plan;
  }

  /** Envelope and receipt numbers once all applications are known; audit events of submissions. */
  private finalizeCalls() {
    for (const call of this.calls) {
      const submitted = call.applications
        .filter((a) => a.row.submittedAt)
        .sort((a, b) => (a.row.submittedAt as Date).getTime() - (b.row.submittedAt as Date).getTime());
      submitted.forEach((a, i) => {
        a.row.receiptNumber = `${call.row.year}-${call.row.code}-${String(i + 1).padStart(4, "0")}`;
        this.audit.push({
          occurredAt: a.row.submittedAt as Date,
          actorId: a.row.submittedBy ?? null,
          action: "application.submitted",
          subjectType: "application",
          subjectId: a.row.id,
          data: { receiptNumber: a.row.receiptNumber, callId: call.row.id },
        });
      });
      call.row.lastReceiptSeq = submitted.length;
      const granted = this.decisions
        .filter(
          (d) => d.outcome === "accepted" && call.applications.some((a) => a.row.id === d.applicationId),
        )
        .reduce((sum, d) => sum + (d.grantedAmountCents ?? 0), 0);
      if (call.row.envelopeCents) continue; // set by hand (current-year calls)
      // A round envelope a little above what was granted (never below).
      const floor = Math.max(granted, call.applications.length * 20_000 * 100);
      call.row.envelopeCents = Math.ceil((floor * 1.08) / (50_000 * 100)) * 50_000 * 100;
    }
  }

  // -------------------------------------------------------------------------
  // Applications
  // -------------------------------------------------------------------------

  private addApplication(input: {
    call: CallPlan;
    lead: Org;
    coApplicants?: Org[];
    partners: string[];
    operators?: string[];
    pairs?: [number, string][];
    title: string;
    summary: string;
    onBehalfOf?: string;
    status: (typeof applications.$inferInsert)["status"];
    createdAt: Date;
    submittedAt?: Date | null;
    createdBy?: string | null;
    isFictitious: boolean;
    requestedCents?: number;
    /** Drafts may have no budget yet. */
    withBudget?: boolean;
  }): AppPlan {
    const { call, lead } = input;
    const id = this.id();
    const co = input.coApplicants ?? [];
    const requested = input.requestedCents ?? requestedAmount(this.rng, call.row.maxGrantCents);
    const startYear = call.row.year;
    const row: AppPlan["row"] = {
      id,
      callId: call.row.id,
      leadOrganisationId: lead.id,
      onBehalfOf: input.onBehalfOf ?? null,
      title: input.title,
      summary: input.summary,
      objectives:
        "Renforcer les capacités des services des collectivités partenaires, partager les savoir-faire et associer les habitants aux actions.",
      expectedResults:
        "Des actions concrètes et mesurables, des agents formés et un partenariat durable entre les territoires.",
      beneficiaries: "Habitants, agents territoriaux et acteurs associatifs des territoires partenaires.",
      themes: call.row.themes ?? [],
      sdgs: this.rng.sample([1, 4, 5, 6, 8, 11, 13, 15, 16, 17], this.rng.int(1, 3)).sort((a, b) => a - b),
      startDate: `${startYear}-${this.rng.pick(["09", "10", "11"])}-01`,
      durationMonths: this.rng.pick([12, 18, 24, 24, 36]),
      requestedAmountCents: requested,
      status: input.status,
      submittedAt: input.submittedAt ?? null,
      submittedBy: input.submittedAt ? (input.createdBy ?? null) : null,
      isFictitious: input.isFictitious,
      createdBy: input.createdBy ?? null,
      createdAt: input.createdAt,
      updatedBy: input.createdBy ?? null,
      updatedAt: input.submittedAt ?? input.createdAt,
    };
    const plan: AppPlan = { row, call, lead };
    call.applications.push(plan);

    let position = 0;
    for (const org of co) {
      this.participants.push({
        id: this.id(),
        applicationId: id,
        role: "co_applicant",
        organisationId: org.id,
        position: position++,
      });
    }
    for (const partnerId of input.partners) {
      this.participants.push({
        id: this.id(),
        applicationId: id,
        role: "foreign_partner",
        foreignPartnerId: partnerId,
        position: position++,
      });
    }
    for (const operatorId of input.operators ?? []) {
      this.participants.push({
        id: this.id(),
        applicationId: id,
        role: "operator",
        operatorId,
        position: position++,
      });
    }
    const pairs = input.pairs ?? input.partners.map((p) => [lead.id, p] as [number, string]);
    for (const [organisationId, foreignPartnerId] of pairs) {
      this.pairings.push({ id: this.id(), applicationId: id, organisationId, foreignPartnerId });
    }
    if (input.withBudget !== false) {
      const { lines } = makeBudget(this.rng, {
        applicationId: id,
        requestedCents: requested,
        maxSharePercent: call.row.maxSharePercent,
        contributors: [lead, ...co],
        newId: () => this.id(),
      });
      this.budgetLines.push(...lines);
    }
    return plan;
  }

  /** Two reviews, one per reviewer persona, whose scores match the project's quality. */
  private addReviews(
    app: AppPlan,
    quality: number,
    from: Date,
    to: Date,
    states: Partial<Record<"reviewer" | "reviewer-2", "draft" | "submitted" | "none">> = {},
  ) {
    for (const key of ["reviewer", "reviewer-2"] as const) {
      const state = states[key] ?? "submitted";
      const reviewerId = this.user(key);
      this.assignments.push({
        id: this.id(),
        applicationId: app.row.id,
        reviewerId,
        assignedBy: this.user("admin"),
        assignedAt: from,
      });
      if (state === "none") continue;
      const reviewId = this.id();
      const { scores: values, recommendation } = makeScores(this.rng, app.call.criteria, quality);
      const at = this.rng.date(from, to);
      const submitted = state === "submitted";
      this.reviews.push({
        id: reviewId,
        applicationId: app.row.id,
        reviewerId,
        status: state,
        overallComment: submitted ? this.rng.pick(REVIEW_COMMENTS[recommendation]) : "",
        recommendation: submitted ? recommendation : null,
        submittedAt: submitted ? at : null,
        createdAt: from,
        updatedAt: at,
      });
      // A draft has only its first scores.
      const scored = submitted ? app.call.criteria : app.call.criteria.slice(0, 2);
      scored.forEach((c, i) => {
        this.scores.push({ reviewId, criterionId: c.id, maxScore: c.maxScore, score: values[i] ?? 0 });
      });
    }
  }

  private addDecision(app: AppPlan, outcome: "accepted" | "rejected", decidedAt: Date) {
    const requested = app.row.requestedAmountCents;
    const granted =
      outcome === "accepted"
        ? Math.max(
            100 * 100,
            this.rng.chance(0.6) ? requested : roundEuros(requested * this.rng.float(0.7, 1), 500),
          )
        : null;
    const grantedAmountCents = granted === null ? null : Math.min(granted, requested);
    const rejectionReason = outcome === "rejected" ? this.rng.pick(REJECTION_REASONS) : null;
    this.decisions.push({
      id: this.id(),
      applicationId: app.row.id,
      outcome,
      grantedAmountCents,
      rejectionReason,
      decidedBy: this.user("admin"),
      decidedAt,
    });
    app.row.status = outcome;
    app.row.updatedAt = decidedAt;
    this.audit.push({
      occurredAt: decidedAt,
      actorId: this.user("admin"),
      action: "decision.recorded",
      subjectType: "application",
      subjectId: app.row.id,
      data: { outcome, grantedAmountCents, rejectionReason },
    });
  }

  private publish(call: CallPlan) {
    const at = call.row.resultsPublishedAt as Date;
    const accepted = this.decisions.filter(
      (d) => d.outcome === "accepted" && call.applications.some((a) => a.row.id === d.applicationId),
    ).length;
    this.audit.push({
      occurredAt: at,
      actorId: this.user("admin"),
      action: "call.results_published",
      subjectType: "call",
      subjectId: call.row.id,
      data: { accepted, rejected: call.applications.length - accepted },
    });
  }

  /** A fictitious project: lead from the pool, 1–2 partners eligible for the call, sometimes co-applicants and an operator. */
  private fictitiousProject(call: CallPlan, pool: Org[], lead?: Org) {
    const rng = this.rng;
    const chosenLead = lead ?? this.pickLead(pool);
    const eligible = FICTITIOUS_PARTNERS.filter(
      (p) => !call.row.eligibleCountries || call.row.eligibleCountries.includes(p.countryCode),
    );
    const partners = rng.sample(eligible, rng.chance(0.25) ? 2 : 1);
    const co = rng.chance(0.2)
      ? rng.sample(
          pool.filter((o) => o.regionCode === chosenLead.regionCode && o.id !== chosenLead.id),
          rng.int(1, 2),
        )
      : [];
    const operators = rng.chance(0.25)
      ? [this.operatorIds.get(rng.pick(FICTITIOUS_OPERATORS).name) as string]
      : [];
    const partnerIds = partners.map((p) => this.partner(p.name, p.countryCode));
    const pairs: [number, string][] = partnerIds.map((p) => [chosenLead.id, p]);
    co.forEach((org, i) => {
      pairs.push([org.id, partnerIds[i % partnerIds.length] as string]);
    });
    const topic = rng.pick(call.topics);
    const partnerNames = partners.map((p) => p.name).join(" et ");
    return {
      lead: chosenLead,
      coApplicants: co,
      partners: partnerIds,
      operators,
      pairs,
      title: `${topic} : ${chosenLead.name} – ${partnerNames}`,
      summary: `Projet fictif de démonstration. ${topic} : coopération entre ${[chosenLead, ...co].map((o) => o.name).join(", ")} et ${partnerNames}.`,
    };
  }

  private pickLead(pool: Org[]) {
    const rng = this.rng;
    const roll = rng.next();
    const kind = roll < 0.62 ? "commune" : roll < 0.82 ? "epci" : roll < 0.96 ? "departement" : "region";
    const candidates = pool.filter((o) => o.kind === kind);
    return rng.pick(candidates.length ? candidates : pool);
  }

  // -------------------------------------------------------------------------
  // 2025: 10 calls, 158 applications, 91 accepted — the nine real projects among them
  // -------------------------------------------------------------------------

  private build2025() {
    const rng = this.rng;
    const plans = new Map<string, CallPlan>();
    const specs = new Map<CallPlan, CallSpec>();
    CALLS_2025.forEach((spec, i) => {
      const plan = this.addCall(
        spec,
        2025,
        {
          opensAt: parisTime(2025, 1, 6 + 3 * i, 10, 0),
          closesAt: parisTime(2025, 3, 14 + 3 * i, 23, 59, 59),
          resultsPublishedAt: parisTime(2025, 7, 15, 10, i),
        },
        // The généraliste call is the multi-year one (its 2024–2026 edition is triennial): here its grants run two years.
        spec.code === "GEN" ? { grantYears: 2 } : {},
      );
      plans.set(spec.code, plan);
      specs.set(plan, spec);
    });
    const totals = CALLS_2025.reduce(
      (t, s) => ({ submitted: t.submitted + s.submitted, accepted: t.accepted + s.accepted }),
      {
        submitted: 0,
        accepted: 0,
      },
    );
    const expected = LAUREATES.national_totals;
    if (
      CALLS_2025.length !== expected.calls_for_projects ||
      totals.submitted !== expected.applications_submitted ||
      totals.accepted !== expected.initiatives_supported
    ) {
      throw new Error("Demo seed: the 2025 calls do not add up to the national totals of the data file.");
    }

    const submitWindow = (call: CallPlan) => {
      const opens = call.row.opensAt as Date;
      const closes = call.row.closesAt as Date;
      const submittedAt = rng.date(
        new Date(opens.getTime() + 15 * 86_400_000),
        new Date(closes.getTime() - 3_600_000),
      );
      const createdAt = rng.date(opens, submittedAt);
      return { submittedAt, createdAt };
    };
    const outcomes: { app: AppPlan; accepted: boolean }[] = [];

    // The nine real projects, all accepted.
    for (const project of LAUREATES.projects) {
      const call = plans.get(realProjectCall(project)) as CallPlan;
      const lead = this.resolve(project.lead);
      const co = project.french_co_applicants.map((o) => this.resolve(o));
      const partnerIds = new Map(
        project.foreign_partners.map((p) => [p.name, this.partner(p.name, p.country)]),
      );
      const byName = new Map([
        [project.lead.name, lead],
        ...project.french_co_applicants.map((o, i) => [o.name, co[i] as Org] as const),
      ]);
      let pairs: [number, string][];
      if (project.pairings) {
        pairs = project.pairings.map(([french, foreign]) => {
          const org = byName.get(french);
          const partner = partnerIds.get(foreign);
          if (!org || !partner)
            throw new Error(`Demo seed: pairing ${french} – ${foreign} does not match the project.`);
          return [org.id, partner];
        });
      } else if (co.length === 0) {
        pairs = [...partnerIds.values()].map((p) => [lead.id, p]);
      } else {
        pairs = project.french_co_applicants.map((o, i) => {
          const partnerName = RESACOOP_PAIRINGS[o.siren ?? o.insee_code ?? ""];
          const partner = partnerName ? partnerIds.get(partnerName) : undefined;
          if (!partner) throw new Error(`Demo seed: no pairing chosen for ${o.name}.`);
          return [(co[i] as Org).id, partner];
        });
      }
      const frenchNames = [lead, ...co].map((o) => o.name);
      const createdBy =
        project.lead.insee_code === "63430"
          ? this.user("applicant-thiers")
          : lead.id === this.resacoop.id
            ? this.user("editor-resacoop")
            : null;
      const { submittedAt, createdAt } = submitWindow(call);
      const app = this.addApplication({
        call,
        lead,
        coApplicants: co,
        partners: [...partnerIds.values()],
        operators: project.operators.map((o) => this.operatorIds.get(o.name) as string),
        pairs,
        title: project.project_title ?? project.subject,
        summary: `${project.subject}. Projet de coopération entre ${frenchNames.join(", ")} et ${project.foreign_partners.map((p) => p.name).join(", ")}, lauréat des appels à projets 2025.`,
        onBehalfOf: project.on_behalf_of,
        status: "submitted",
        createdAt,
        submittedAt,
        createdBy,
        isFictitious: false,
      });
      outcomes.push({ app, accepted: true });
    }

    // Fictitious projects, led from outside région 84 so that the region has exactly its nine laureates.
    const nantes = this.resolve({ name: "Nantes", kind: "commune", insee_code: "44109" });
    for (const spec of CALLS_2025) {
      const call = plans.get(spec.code) as CallPlan;
      const real = outcomes.filter((o) => o.app.call === call).length;
      const accepted = spec.accepted - real;
      const count = spec.submitted - real;
      for (let i = 0; i < count; i++) {
        // The persona applicant-other (Nantes) has an accepted project on the Africa call.
        const isNantes = spec.code === "AFR" && i === 0;
        const project = this.fictitiousProject(call, this.outside84, isNantes ? nantes : undefined);
        const { submittedAt, createdAt } = submitWindow(call);
        const app = this.addApplication({
          call,
          ...project,
          status: "submitted",
          createdAt,
          submittedAt,
          createdBy: isNantes ? this.user("applicant-other") : null,
          isFictitious: true,
        });
        outcomes.push({ app, accepted: i < accepted });
      }
    }

    // Reviews after the closing date, decisions in June, publication on 15 July.
    for (const { app, accepted } of outcomes) {
      const closes = app.call.row.closesAt as Date;
      app.row.status = "in_review";
      this.addReviews(
        app,
        qualityFor(rng, accepted),
        new Date(closes.getTime() + 3 * 86_400_000),
        new Date(closes.getTime() + 45 * 86_400_000),
      );
      const index = CALLS_2025.indexOf(specs.get(app.call) as CallSpec);
      this.addDecision(
        app,
        accepted ? "accepted" : "rejected",
        parisTime(2025, 6, 20 + (index % 8), 9 + rng.int(0, 8), rng.int(0, 59)),
      );
    }
    for (const plan of plans.values()) this.publish(plan);
  }

  // -------------------------------------------------------------------------
  // 2022–2024: a few small published calls, including an earlier Thiers – Tandil project
  // -------------------------------------------------------------------------

  private buildHistory() {
    const rng = this.rng;
    const thiers = this.resolve({ name: "Thiers", kind: "commune", insee_code: "63430" });
    for (const { year, spec } of HISTORY) {
      const call = this.addCall(spec, year, {
        opensAt: parisTime(year, 1, 10, 10, 0),
        closesAt: parisTime(year, 3, 31, 23, 59, 59),
        resultsPublishedAt: parisTime(year, 7, 10, 10, 0),
      });
      for (let i = 0; i < spec.submitted; i++) {
        const accepted = i < spec.accepted;
        const submittedAt = rng.date(parisTime(year, 2, 1), parisTime(year, 3, 31, 22, 0));
        const createdAt = rng.date(parisTime(year, 1, 10, 10), submittedAt);
        let app: AppPlan;
        if (year === 2022 && i === 0) {
          // The first Thiers – Tandil project (fictitious), so the partnership has a history across years.
          app = this.addApplication({
            call,
            lead: thiers,
            partners: [this.partner("Tandil", "AR")],
            title: "Coutellerie : échanges de savoir-faire entre Thiers et Tandil",
            summary:
              "Projet fictif de démonstration. Premiers échanges entre les couteliers de Thiers et de Tandil : missions croisées, formation d'apprentis et salon commun.",
            status: "submitted",
            createdAt,
            submittedAt,
            createdBy: this.user("applicant-thiers"),
            isFictitious: true,
          });
        } else {
          app = this.addApplication({
            call,
            ...this.fictitiousProject(call, this.pool),
            status: "submitted",
            createdAt,
            submittedAt,
            isFictitious: true,
          });
        }
        this.addReviews(app, qualityFor(rng, accepted), parisTime(year, 4, 5), parisTime(year, 5, 30));
        this.addDecision(app, accepted ? "accepted" : "rejected", parisTime(year, 6, 25, 11, i));
      }
      this.publish(call);
    }
  }

  // -------------------------------------------------------------------------
  // The current year: one call open for applications, one closed and in review
  // -------------------------------------------------------------------------

  private buildCurrentYear() {
    const rng = this.rng;
    const now = this.now;
    const day = 86_400_000;
    const ago = (days: number) => new Date(now.getTime() - days * day);
    const year = this.currentYear;
    const thiers = this.resolve({ name: "Thiers", kind: "commune", insee_code: "63430" });
    const nantes = this.resolve({ name: "Nantes", kind: "commune", insee_code: "44109" });
    const tandil = this.partner("Tandil", "AR");

    // Open call: closes 45 days from now at 23:59:59 Paris time.
    const open = this.addCall(
      { ...(CALLS_2025[0] as CallSpec), criteria: [C.relevance, C.partnership, C.impact, C.budget] },
      year,
      { opensAt: ago(30), closesAt: endOfParisDay(now, 45), resultsPublishedAt: null },
      { envelopeCents: 3_000_000 * 100, updatedAt: ago(30) },
    );
    // Drafts: Thiers's (so the persona has work in progress), Nantes's, two others; one withdrawn; one already submitted.
    this.addApplication({
      call: open,
      lead: thiers,
      partners: [tandil],
      title: "Coutellerie : une filière d'apprentissage partagée entre Thiers et Tandil",
      summary:
        "Troisième étape du partenariat entre Thiers et Tandil : créer un parcours d'apprentissage commun aux deux bassins couteliers.",
      status: "draft",
      createdAt: ago(12),
      createdBy: this.user("applicant-thiers"),
      isFictitious: true,
    });
    const nantesDraft = this.fictitiousProject(open, this.outside84, nantes);
    this.addApplication({
      call: open,
      ...nantesDraft,
      status: "draft",
      createdAt: ago(8),
      createdBy: this.user("applicant-other"),
      isFictitious: true,
      withBudget: false,
    });
    for (let i = 0; i < 2; i++) {
      this.addApplication({
        call: open,
        ...this.fictitiousProject(open, this.outside84),
        status: "draft",
        createdAt: ago(20 - i * 5),
        isFictitious: true,
      });
    }
    const withdrawn = this.addApplication({
      call: open,
      ...this.fictitiousProject(open, this.outside84),
      status: "withdrawn",
      createdAt: ago(25),
      isFictitious: true,
    });
    withdrawn.row.withdrawnAt = ago(4);
    withdrawn.row.withdrawalReason = WITHDRAWAL_REASONS[0] ?? null;
    this.audit.push({
      occurredAt: ago(4),
      actorId: null,
      action: "application.withdrawn",
      subjectType: "application",
      subjectId: withdrawn.row.id,
      data: { reason: withdrawn.row.withdrawalReason },
    });
    this.addApplication({
      call: open,
      ...this.fictitiousProject(open, this.outside84),
      status: "submitted",
      createdAt: ago(18),
      submittedAt: ago(5),
      isFictitious: true,
    });

    // Call in review: closed 40 days ago, results not published.
    const review = this.addCall(
      CALLS_2025[2] as CallSpec,
      year,
      { opensAt: ago(150), closesAt: endOfParisDay(now, -40), resultsPublishedAt: null },
      { envelopeCents: 2_000_000 * 100, updatedAt: ago(40) },
    );
    const closes = review.row.closesAt as Date;
    const submitted = () => rng.date(ago(120), new Date(closes.getTime() - 3_600_000));
    const reviewFrom = new Date(closes.getTime() + 3 * day);
    const reviewTo = ago(2);
    const add = (
      lead: Org | undefined,
      createdBy: string | null,
      status: (typeof applications.$inferInsert)["status"],
    ) => {
      const submittedAt = submitted();
      return this.addApplication({
        call: review,
        ...this.fictitiousProject(review, this.outside84, lead),
        status,
        createdAt: new Date(submittedAt.getTime() - 10 * day),
        submittedAt,
        createdBy,
        isFictitious: true,
      });
    };
    // Thiers: a pending information request, for the applicant's answer.
    const thiersApp = this.addApplication({
      call: review,
      lead: thiers,
      partners: [tandil],
      title: "Forêts et couteaux : une filière bois durable pour les manches, Thiers – Tandil",
      summary:
        "Projet fictif de démonstration. Structurer une filière de bois local et durable pour les manches de couteaux, à Thiers comme à Tandil.",
      status: "information_requested",
      createdAt: ago(100),
      submittedAt: ago(90),
      createdBy: this.user("applicant-thiers"),
      isFictitious: true,
    });
    this.addReviews(thiersApp, 0.7, reviewFrom, reviewTo, { reviewer: "draft", "reviewer-2": "none" });
    const pendingRequest = this.id();
    this.messages.push({
      id: pendingRequest,
      applicationId: thiersApp.row.id,
      kind: "information_request",
      authorId: this.user("reviewer"),
      createdAt: ago(6),
      body: "Pourriez-vous joindre la lettre d'engagement signée par la municipalité de Tandil et préciser le calendrier des missions ?",
    });
    this.audit.push({
      occurredAt: ago(6),
      actorId: this.user("reviewer"),
      action: "application.information_requested",
      subjectType: "application",
      subjectId: thiersApp.row.id,
      data: { messageId: pendingRequest },
    });

    // Nantes: a request already answered, back in review.
    const nantesApp = add(nantes, this.user("applicant-other"), "in_review");
    this.addReviews(nantesApp, 0.75, reviewFrom, reviewTo, { "reviewer-2": "draft" });
    const request = this.id();
    const answer = this.id();
    this.messages.push(
      {
        id: request,
        applicationId: nantesApp.row.id,
        kind: "information_request",
        authorId: this.user("reviewer"),
        createdAt: ago(15),
        body: "Le plan de financement mentionne un cofinancement : est-il confirmé ? Merci de joindre le courrier du financeur.",
      },
      {
        id: answer,
        applicationId: nantesApp.row.id,
        kind: "answer",
        authorId: this.user("applicant-other"),
        inReplyTo: request,
        createdAt: ago(11),
        body: "Le cofinancement est confirmé par courrier du 3 du mois dernier, que nous joignons. Le calendrier reste inchangé.",
      },
    );
    this.audit.push(
      {
        occurredAt: ago(15),
        actorId: this.user("reviewer"),
        action: "application.information_requested",
        subjectType: "application",
        subjectId: nantesApp.row.id,
        data: { messageId: request },
      },
      {
        occurredAt: ago(11),
        actorId: this.user("applicant-other"),
        action: "application.information_answered",
        subjectType: "application",
        subjectId: nantesApp.row.id,
        data: { messageId: answer },
      },
    );
    // In review with both reviews done, or one draft; submitted and not assigned yet.
    this.addReviews(add(undefined, null, "in_review"), 0.6, reviewFrom, reviewTo);
    this.addReviews(add(undefined, null, "in_review"), 0.45, reviewFrom, reviewTo, {
      reviewer: "draft",
      "reviewer-2": "none",
    });
    add(undefined, null, "submitted");
    add(undefined, null, "submitted");
    // Decided but not published: nothing of these may leak to public pages, exports or counts.
    const decidedYes = add(undefined, null, "in_review");
    this.addReviews(decidedYes, 0.85, reviewFrom, reviewTo);
    this.addDecision(decidedYes, "accepted", ago(3));
    const decidedNo = add(undefined, null, "in_review");
    this.addReviews(decidedNo, 0.3, reviewFrom, reviewTo);
    this.addDecision(decidedNo, "rejected", ago(3));
    // Withdrawn after submission: keeps its receipt number.
    const gone = add(undefined, null, "withdrawn");
    gone.row.withdrawnAt = ago(30);
    gone.row.withdrawalReason = WITHDRAWAL_REASONS[1] ?? null;
    this.audit.push({
      occurredAt: ago(30),
      actorId: null,
      action: "application.withdrawn",
      subjectType: "application",
      subjectId: gone.row.id,
      data: { reason: gone.row.withdrawalReason },
    });
  }

  // -------------------------------------------------------------------------

  async write() {
    const tx = this.tx;
    const insert = async <T extends PgTable>(table: T, rows: T["$inferInsert"][]) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx.insert(table).values(rows.slice(i, i + 1000) as never);
      }
    };
    await insert(users, this.users);
    await insert(memberships, this.memberships);
    await insert(userRoles, this.userRoles);
    await insert(
      calls,
      this.calls.map((c) => c.row),
    );
    await insert(criteria, this.criteria);
    await insert(requiredDocuments, this.documents);
    await insert(
      applications,
      this.calls.flatMap((c) => c.applications.map((a) => a.row)),
    );
    await insert(participants, this.participants);
    await insert(pairings, this.pairings);
    await insert(budgetLines, this.budgetLines);
    await insert(reviewerAssignments, this.assignments);
    await insert(reviews, this.reviews);
    await insert(scores, this.scores);
    await insert(decisions, this.decisions);
    // Requests before their answers (self-referencing foreign key).
    await insert(
      messages,
      this.messages.filter((m) => !m.inReplyTo),
    );
    await insert(
      messages,
      this.messages.filter((m) => m.inReplyTo),
    );
    await insert(newsIssues, this.newsIssues);
    await insert(followupPosts, this.posts);
    await insert(milestones, this.milestones);
    await insert(grants, this.grants);
    await insert(grantInstalments, this.instalments);
    await insert(progressReports, this.reports);
    this.audit.push({
      occurredAt: this.now,
      actorId: null,
      action: "seed.demo_loaded",
      subjectType: "app_meta",
      subjectId: DEMO_DATA_KEY,
      data: { version: DEMO_DATA_VERSION },
    });
    await insert(
      auditEvents,
      [...this.audit].sort((a, b) => (a.occurredAt as Date).getTime() - (b.occurredAt as Date).getTime()),
    );
  }
}
