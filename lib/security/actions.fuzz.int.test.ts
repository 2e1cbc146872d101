/**
 * Hostile input through every server action, on the real
 * test PostgreSQL: random and hostile form fields (10 000-character strings,
 * NUL bytes, right-to-left text, lone surrogates, negative, huge and
 * non-numeric amounts, JSON garbage, missing and extra fields, real ids of the
 * wrong kind) posted by a user who holds the right role, so the action gets
 * past authorization and meets the bad input itself. Every call must end in a
 * result (or Next's redirect after a success), never an exception (a 500);
 * every refusal must be in French and not the generic "unexpected error"; and
 * a refusal must leave the database exactly as it was (no half-written
 * record: row counts and last update of every table are compared).
 * Only Next's request context is replaced, as in races.int.test.ts.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/db/testing/database";
import { emptyApplicationForm } from "@/lib/applications/schema";
import { emptyCallForm } from "@/lib/calls/schema";
import { GENERIC_ERROR } from "@/lib/result";
import { databaseFingerprint } from "./fingerprint";
import { ENGLISH, hostileString } from "./hostile";

const signedIn = vi.hoisted(() => {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  return { current: null as null | { getStore: () => string | undefined } };
});

// The signed-in user: a real user whose principal is read from the database by
// the real loadPrincipal (next-auth itself needs Next's request context).
vi.mock("@/lib/auth/current-user", async () => {
  const { loadPrincipal } = await import("@/lib/auth/principal");
  return {
    loadPrincipal,
    getCurrentUser: async () => {
      const id = signedIn.current?.getStore();
      return id ? loadPrincipal(id) : null;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const session = new AsyncLocalStorage<string>();
signedIn.current = session;

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** What the calls ended in, per action, printed at the end (figures for docs/security.md). */
const outcomes: Record<string, { accepted: number; refused: number; codes: Record<string, number> }> = {};
const TAG = `fuzz-${Date.now().toString(36)}`;
const { db, close } = testDb();
afterAll(async () => {
  const total = Object.values(outcomes).reduce((sum, o) => sum + o.accepted + o.refused, 0);
  console.log(
    `[fuzz] ${total} hostile calls to ${Object.keys(outcomes).length} server actions:`,
    JSON.stringify(outcomes),
  );
  await close();
});

type Action = (prev: null, formData: FormData) => Promise<unknown>;
const modules = {
  applications: await import("@/lib/applications/actions"),
  review: await import("@/lib/review/actions"),
  informationRequests: await import("@/lib/information-requests/actions"),
  decisions: await import("@/lib/decisions/actions"),
  calls: await import("@/lib/calls/actions"),
  assignment: await import("@/lib/assignment/actions"),
  publication: await import("@/lib/publication/actions"),
  memberships: await import("@/lib/memberships/actions"),
  roles: await import("@/lib/roles/actions"),
  followup: await import("@/lib/followup/actions"),
  reports: await import("@/lib/grants/actions"),
  outbox: await import("@/lib/mail/outbox-actions"),
};

/** Real ids of the fixture, so that fields pass their format check and the action reaches the rest. */
const ids: Record<string, string[]> = {};

async function one<T>(query: ReturnType<typeof sql>) {
  const rows = (await db.execute(query)) as unknown as T[];
  const row = rows[0];
  if (!row) throw new Error("fixture row not created");
  return row;
}

beforeAll(async () => {
  const user = async (label: string) =>
    (
      await one<{ id: string }>(
        sql`insert into users (id, email, name) values (gen_random_uuid()::text, ${`${TAG}-${label}@exemple.fr`}, ${`Agent ${label}`}) returning id`,
      )
    ).id;
  const applicant = await user("candidat");
  const reviewer = await user("instructeur");
  const admin = await user("admin");
  const editor = await user("editeur");
  const lead = await one<{ id: number }>(
    sql`select id from organisations where kind = 'commune' and region_code = '84' order by id limit 1`,
  );
  const network = await one<{ id: string }>(
    sql`insert into regional_networks (slug, name, region_code) values (${TAG}, 'Réseau témoin', '84') returning id`,
  );
  await db.execute(
    sql`insert into user_roles (user_id, role) values (${reviewer}, 'reviewer'), (${admin}, 'admin')`,
  );
  await db.execute(
    sql`insert into user_roles (user_id, role, network_id) values (${editor}, 'network_editor', ${network.id})`,
  );
  const membership = await one<{ id: string }>(
    sql`insert into memberships (user_id, organisation_id, role, status) values (${applicant}, ${lead.id}, 'manager', 'active') returning id`,
  );
  const call = async (label: string, opens: string, closes: string, published: boolean) =>
    (
      await one<{ id: string }>(sql`
        insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent,
                           envelope_cents, results_published_at)
        values (${`${TAG}-${label}`}, ${label.slice(0, 3).toUpperCase()}, 2098, ${`Appel ${label}`}, ${opens}::timestamptz, ${closes}::timestamptz,
                10000000, 50, 100000000, ${published ? sql`now()` : null})
        returning id`)
    ).id;
  const openCall = await call("ouvert", "2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z", false);
  const reviewCall = await call("instruction", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", false);
  const pastCall = await call("publie", "2019-01-01T00:00:00Z", "2019-06-01T00:00:00Z", true);
  const criterion = await one<{ id: string }>(
    sql`insert into criteria (call_id, position, label, weight, max_score) values (${reviewCall}, 0, 'Pertinence', 1, 5) returning id`,
  );
  const application = async (callId: string, status: string, receipt: string | null) =>
    (
      await one<{ id: string }>(sql`
        insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status,
                                  receipt_number, submitted_at, created_by)
        values (${callId}, ${lead.id}, ${`Projet ${TAG} ${status}`}, 1000000, ${status}::application_status,
                ${receipt}, ${receipt ? sql`now()` : null}, ${applicant})
        returning id`)
    ).id;
  const draft = await application(openCall, "draft", null);
  // Receipts in the app's format, below each call's counter (other tests check every receipt of the database).
  const inReview = await application(reviewCall, "in_review", "2098-INS-0001");
  const laureate = await application(pastCall, "accepted", "2098-PUB-0001");
  await db.execute(sql`update calls set last_receipt_seq = 1 where id in (${reviewCall}, ${pastCall})`);
  await db.execute(
    sql`insert into decisions (application_id, outcome, granted_amount_cents) values (${laureate}, 'accepted', 500000)`,
  );
  const assignment = await one<{ id: string }>(
    sql`insert into reviewer_assignments (application_id, reviewer_id) values (${inReview}, ${reviewer}) returning id`,
  );
  const request = await one<{ id: string }>(
    sql`insert into messages (application_id, kind, body, author_id) values (${inReview}, 'information_request', 'Précisez le budget.', ${reviewer}) returning id`,
  );
  const post = await one<{ id: string }>(
    sql`insert into followup_posts (network_id, application_id, title, body_md) values (${network.id}, ${laureate}, 'Page témoin', 'Texte') returning id`,
  );
  const milestone = await one<{ id: string }>(
    sql`insert into milestones (application_id, network_id, label) values (${laureate}, ${network.id}, 'Jalon témoin') returning id`,
  );
  const issue = await one<{ id: string }>(
    sql`insert into news_issues (network_id, number, title, issue_date) values (${network.id}, 1, 'Numéro témoin', current_date) returning id`,
  );
  // The laureate's grant: its agreement to sign, its first instalment, a report waiting for DCTCIV.
  const grant = await one<{ id: string }>(sql`
    insert into grants (application_id, reference, beneficiary_name, project_title, granted_cents, years,
                        final_balance_percent, max_share_percent, starts_on, duration_months, ends_on, report_due_dates)
    values (${laureate}, ${`${TAG}-C`}, 'Commune témoin', 'Projet témoin', 500000, 1, 20, 50,
            '2098-01-01', 12, '2099-01-01', '{2099-04-01}')
    returning id`);
  const instalment = await one<{ id: string }>(
    sql`insert into grant_instalments (grant_id, position, year, kind, planned_cents) values (${grant.id}, 1, 1, 'annual', 400000) returning id`,
  );
  const report = await one<{ id: string }>(
    sql`insert into progress_reports (application_id, position, kind, body, submitted_by) values (${laureate}, 1, 'final', 'Rapport témoin.', ${applicant}) returning id`,
  );
  const role = await one<{ id: string }>(sql`select id from user_roles where user_id = ${reviewer}`);
  const email = await one<{ id: string }>(
    sql`insert into email_outbox (to_address, subject, text_body, template, status, attempts) values ('agent@exemple.fr', 'Objet', 'Corps', 'receipt', 'failed', 10) returning id::text as id`,
  );
  Object.assign(ids, {
    user: [applicant, reviewer, admin, editor],
    applicant: [applicant],
    reviewer: [reviewer],
    admin: [admin],
    editor: [editor],
    organisation: [String(lead.id)],
    membership: [membership.id],
    call: [openCall, reviewCall, pastCall],
    application: [draft, inReview, laureate],
    assignment: [assignment.id],
    request: [request.id],
    criterion: [criterion.id],
    network: [network.id],
    post: [post.id],
    milestone: [milestone.id],
    issue: [issue.id],
    role: [role.id],
    email: [email.id],
    instalment: [instalment.id],
    report: [report.id],
  });
});

/** Row count and last change of every table: equal before and after a refusal, or something was half-written. */
const fingerprint = () => databaseFingerprint(db);

type Result = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** Calls an action as `userId`; a redirect (NEXT_REDIRECT) means it succeeded. */
async function post(action: Action, userId: string, formData: FormData): Promise<Result | "redirect"> {
  try {
    return (await session.run(userId, () => action(null, formData))) as Result;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return "redirect";
    throw error;
  }
}

function idValue(kind: string) {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(ids[kind] ?? ["x"])) }, hostileString);
}

/** JSON payloads of the big forms: a real form with hostile leaves, or garbage. */
function payload(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  const leaf = fc.oneof(
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, [], {}, [null], { __proto__: { admin: true } }),
    fc.array(
      fc.dictionary(
        fc.constantFrom("name", "amount", "label", "organisationId", "countryCode", "weight", "maxScore"),
        hostileString,
      ),
      { maxLength: 3 },
    ),
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .dictionary(fc.constantFrom(...keys), leaf, { maxKeys: 6 })
        .map((changes) => JSON.stringify({ ...base, ...changes })),
    },
    hostileString,
    fc.jsonValue().map((v) => JSON.stringify(v)),
  );
}

/** A field and its values, built when the test runs (after the fixture exists). */
type Field = { name: string; value: () => fc.Arbitrary<string | undefined> };
const text = (name: string): Field => ({ name, value: () => fc.option(hostileString, { nil: undefined }) });
const id = (name: string, kind: string): Field => ({
  name,
  value: () => fc.option(idValue(kind), { nil: undefined }),
});
const json = (name: string, base: Record<string, unknown>): Field => ({ name, value: () => payload(base) });

/** Every server action except sign-in ones (tested by the auth e2e), who may call it, and its fields. */
const ACTIONS: { name: string; action: () => Action; as: string; fields: Field[] }[] = [
  {
    name: "createApplication",
    action: () => modules.applications.createApplication,
    as: "applicant",
    fields: [id("callId", "call"), id("organisationId", "organisation"), text("title")],
  },
  {
    name: "saveApplication",
    action: () => modules.applications.saveApplication,
    as: "applicant",
    fields: [id("applicationId", "application"), text("version"), json("payload", emptyApplicationForm)],
  },
  {
    name: "submitApplication",
    action: () => modules.applications.submitApplication,
    as: "applicant",
    fields: [id("applicationId", "application"), text("confirm"), text("version")],
  },
  {
    name: "withdrawApplication",
    action: () => modules.applications.withdrawApplication,
    as: "applicant",
    fields: [id("applicationId", "application"), text("reason")],
  },
  {
    name: "requestMembership",
    action: () => modules.memberships.requestMembership,
    as: "applicant",
    fields: [id("organisationId", "organisation")],
  },
  {
    name: "confirmMembership",
    action: () => modules.memberships.confirmMembership,
    as: "applicant",
    fields: [id("membershipId", "membership")],
  },
  {
    name: "inviteMember",
    action: () => modules.memberships.inviteMember,
    as: "applicant",
    fields: [id("organisationId", "organisation"), text("email"), text("role")],
  },
  {
    name: "removeMember",
    action: () => modules.memberships.removeMember,
    as: "admin",
    fields: [id("membershipId", "membership")],
  },
  {
    name: "submitProgressReport",
    action: () => modules.reports.submitProgressReport,
    as: "applicant",
    fields: [
      id("applicationId", "application"),
      text("position"),
      text("body"),
      text("results"),
      text("difficulties"),
      text("actual"),
    ],
  },
  {
    name: "signGrantAgreement",
    action: () => modules.reports.signGrantAgreement,
    as: "applicant",
    fields: [
      id("applicationId", "application"),
      text("version"),
      text("signatoryName"),
      text("signatoryFunction"),
      text("accept"),
    ],
  },
  {
    name: "sendCallAgreements",
    action: () => modules.reports.sendCallAgreements,
    as: "admin",
    fields: [id("callId", "call")],
  },
  {
    name: "reviewGrantReport",
    action: () => modules.reports.reviewGrantReport,
    as: "admin",
    fields: [id("applicationId", "application"), id("reportId", "report"), text("outcome"), text("comment")],
  },
  {
    name: "recordGrantPayment",
    action: () => modules.reports.recordGrantPayment,
    as: "admin",
    fields: [
      id("applicationId", "application"),
      id("instalmentId", "instalment"),
      text("paidOn"),
      text("paidAmount"),
      text("reference"),
    ],
  },
  {
    name: "saveReview",
    action: () => modules.review.saveReview,
    as: "reviewer",
    fields: [
      id("applicationId", "application"),
      text("intent"),
      text("overallComment"),
      text("recommendation"),
      text("score.criterion"),
    ],
  },
  {
    name: "declareConflict",
    action: () => modules.review.declareConflict,
    as: "reviewer",
    fields: [id("applicationId", "application"), text("reason")],
  },
  {
    name: "requestInformation",
    action: () => modules.informationRequests.requestInformation,
    as: "reviewer",
    fields: [id("applicationId", "application"), id("threadId", "request"), text("message")],
  },
  {
    name: "closeInformationRequest",
    action: () => modules.informationRequests.closeInformationRequest,
    as: "reviewer",
    fields: [id("applicationId", "application"), id("threadId", "request")],
  },
  {
    name: "decideApplication",
    action: () => modules.decisions.decideApplication,
    as: "admin",
    fields: [
      id("applicationId", "application"),
      text("outcome"),
      text("grantedAmount"),
      text("rejectionReason"),
      text("version"),
      text("mode"),
      text("reason"),
      text("confirmed"),
    ],
  },
  {
    name: "reopenReview",
    action: () => modules.review.reopenReview,
    as: "admin",
    fields: [id("applicationId", "application"), text("reviewId"), text("reason")],
  },
  {
    name: "createCall",
    action: () => modules.calls.createCall,
    as: "admin",
    fields: [
      json("payload", emptyCallForm(new Date()) as unknown as Record<string, unknown>),
      id("duplicateOf", "call"),
    ],
  },
  {
    name: "updateCall",
    action: () => modules.calls.updateCall,
    as: "admin",
    fields: [
      id("id", "call"),
      json("payload", emptyCallForm(new Date()) as unknown as Record<string, unknown>),
    ],
  },
  { name: "openCallNow", action: () => modules.calls.openCallNow, as: "admin", fields: [id("id", "call")] },
  {
    name: "applyBulkAssignment",
    action: () => modules.assignment.applyBulkAssignment,
    as: "admin",
    fields: [id("callId", "call"), text("fingerprint"), text("sameDepartementRule")],
  },
  {
    name: "assignReviewer",
    action: () => modules.assignment.assignReviewer,
    as: "admin",
    fields: [id("applicationId", "application"), id("reviewerId", "user")],
  },
  {
    name: "unassignReviewer",
    action: () => modules.assignment.unassignReviewer,
    as: "admin",
    fields: [id("assignmentId", "assignment")],
  },
  {
    name: "publishResults",
    action: () => modules.publication.publishResults,
    as: "admin",
    fields: [id("callId", "call")],
  },
  {
    name: "unpublishResults",
    action: () => modules.publication.unpublishResults,
    as: "admin",
    fields: [id("callId", "call"), text("reason")],
  },
  {
    name: "grantRole",
    action: () => modules.roles.grantRole,
    as: "admin",
    fields: [text("email"), text("role"), id("networkId", "network")],
  },
  { name: "revokeRole", action: () => modules.roles.revokeRole, as: "admin", fields: [id("roleId", "role")] },
  {
    name: "resendEmail",
    action: () => modules.outbox.resendEmail,
    as: "admin",
    fields: [id("emailId", "email")],
  },
  {
    name: "cancelEmail",
    action: () => modules.outbox.cancelEmail,
    as: "admin",
    fields: [id("emailId", "email")],
  },
  {
    name: "previewMarkdown",
    action: () => modules.followup.previewMarkdown,
    as: "editor",
    fields: [text("bodyMd")],
  },
  {
    name: "createFollowupPost",
    action: () => modules.followup.createFollowupPost,
    as: "editor",
    fields: [id("applicationId", "application"), id("newsIssueId", "issue"), text("title"), text("bodyMd")],
  },
  {
    name: "updateFollowupPost",
    action: () => modules.followup.updateFollowupPost,
    as: "editor",
    fields: [id("postId", "post"), text("title"), text("bodyMd")],
  },
  {
    name: "publishFollowupPost",
    action: () => modules.followup.publishFollowupPost,
    as: "editor",
    fields: [id("postId", "post"), text("publishAt")],
  },
  {
    name: "unpublishFollowupPost",
    action: () => modules.followup.unpublishFollowupPost,
    as: "editor",
    fields: [id("postId", "post")],
  },
  {
    name: "createMilestone",
    action: () => modules.followup.createMilestone,
    as: "editor",
    fields: [
      id("applicationId", "application"),
      text("label"),
      text("plannedDate"),
      text("status"),
      text("progressPercent"),
    ],
  },
  {
    name: "updateMilestone",
    action: () => modules.followup.updateMilestone,
    as: "editor",
    fields: [
      id("milestoneId", "milestone"),
      text("label"),
      text("plannedDate"),
      text("status"),
      text("progressPercent"),
    ],
  },
  {
    name: "deleteMilestone",
    action: () => modules.followup.deleteMilestone,
    as: "editor",
    fields: [id("milestoneId", "milestone")],
  },
  {
    name: "createNewsIssue",
    action: () => modules.followup.createNewsIssue,
    as: "editor",
    fields: [id("networkId", "network"), text("title"), text("issueDate")],
  },
  {
    name: "publishNewsIssue",
    action: () => modules.followup.publishNewsIssue,
    as: "editor",
    fields: [id("issueId", "issue")],
  },
  {
    name: "unpublishNewsIssue",
    action: () => modules.followup.unpublishNewsIssue,
    as: "editor",
    fields: [id("issueId", "issue")],
  },
  {
    name: "featureProgressReport",
    action: () => modules.followup.featureProgressReport,
    as: "editor",
    fields: [text("reportId"), text("excerpt")],
  },
];

/** Extra fields an attacker adds: prototype keys, Next's own names, repeated names. */
const extraFields = fc.array(
  fc.tuple(
    fc.constantFrom(
      "__proto__",
      "constructor",
      "$ACTION_ID_x",
      "role",
      "status",
      "userId",
      "isFictitious",
      "id",
    ),
    hostileString,
  ),
  { maxLength: 3 },
);

describe("server actions under hostile input", () => {
  it("covers every server action of the code (except sign-in)", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const exported: string[] = [];
    for (const dir of ["lib", "app"]) {
      for (const entry of readdirSync(dir, { recursive: true }).map(String)) {
        if (!/\.(ts|tsx)$/.test(entry) || entry.includes(".test.")) continue;
        const file = path.resolve(dir, entry);
        if (!/^\s*["']use server["']/.test(readFileSync(file, "utf8"))) continue;
        // Read, not imported: the sign-in module needs Next's server (actions-authz.int.test.ts
        // imports them all with the stand-ins it needs).
        const source = readFileSync(file, "utf8");
        exported.push(
          ...[...source.matchAll(/^export (?:async function|const) (\w+)/gm)].map((m) => m[1] as string),
        );
      }
    }
    const signIn = ["requestSignInLink", "signInWithProConnect", "signInAsPersona", "signOutAction"];
    expect(ACTIONS.map((a) => a.name).sort()).toEqual(exported.filter((n) => !signIn.includes(n)).sort());
  });

  it("drops a NUL character from text instead of failing (PostgreSQL refuses it)", async () => {
    const rows = (await db.execute(sql`select ${"abc\u0000def"}::text as v`)) as unknown as { v: string }[];
    expect(rows[0]?.v).toBe("abcdef");
  });

  for (const entry of ACTIONS) {
    it(`${entry.name}: a result in French, never a crash, nothing half-written`, async () => {
      const userId = ids[entry.as]?.[0];
      if (!userId) throw new Error(`no ${entry.as} in the fixture`);
      const values = fc.record(Object.fromEntries(entry.fields.map((f) => [f.name, f.value()])));
      await fc.assert(
        fc.asyncProperty(values, extraFields, async (fields, extras) => {
          const formData = new FormData();
          for (const [name, value] of Object.entries(fields)) {
            if (value !== undefined)
              formData.append(name.replace("score.criterion", `score.${ids.criterion?.[0]}`), value);
          }
          for (const [name, value] of extras) formData.append(name, value);
          const before = await fingerprint();
          const result = await post(entry.action(), userId, formData);
          const tally = outcomes[entry.name] ?? { accepted: 0, refused: 0, codes: {} };
          outcomes[entry.name] = tally;
          if (result === "redirect" || result.ok) {
            tally.accepted++;
            return;
          }
          tally.refused++;
          const code = (result as { code?: string }).code ?? "?";
          tally.codes[code] = (tally.codes[code] ?? 0) + 1;
          expect(result.message, "a refusal says why").toBeTruthy();
          expect(result.message).not.toBe(GENERIC_ERROR);
          const words = [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" | ");
          expect(words).not.toMatch(ENGLISH);
          expect(await fingerprint(), "a refused action changed the database").toBe(before);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
