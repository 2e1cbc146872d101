/**
 * Authorization of every server action, by behaviour, on the real test
 * PostgreSQL. Every export of every "use server" module of lib/ and app/ is a
 * public POST endpoint: the test imports them all and fails when one is
 * neither in CASES (called as each hostile persona) nor in PUBLIC (public on
 * purpose, with the reason, and checked for what it must not do).
 *
 * Each case posts valid-looking input that targets real rows of a victim
 * (organisation A of région 84, its applications, its manager's members, its
 * network's pages, a real e-mail of the outbox) as:
 * - anonymous (no session);
 * - an applicant: the manager of another organisation;
 * - a reviewer not assigned to the victim's applications;
 * - a network editor of another région;
 * - an admin, for actions on someone else's own data (an organisation's
 *   applications and reports, a reviewer's own review, a network's editorial
 *   content), where the ministry's role gives no right.
 * Each call must be refused (the action's `fail(…)` with a French message,
 * or Next's notFound() / forbidden() / a redirect to sign-in) and the whole
 * database must be as before (content fingerprint of every table).
 * Then the membership actions, as the organisation's manager, succeed and
 * write what they should.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/db/testing/database";
import { emptyCallForm } from "@/lib/calls/schema";
import { GENERIC_ERROR } from "@/lib/result";
import { as, authCalls, cookieJar, discoverServerActions, type Outcome, outcomeOf } from "./action-session";
import { databaseFingerprint } from "./fingerprint";
import { ENGLISH } from "./hostile";

const TAG = `authz-${Date.now().toString(36)}`;
const { db, close } = testDb();
afterAll(close);

const actions = await discoverServerActions();
const action = (name: string) => {
  const found = actions.find((a) => a.name === name);
  if (!found) throw new Error(`no server action ${name}`);
  return found.fn as unknown as (...args: unknown[]) => Promise<unknown>;
};

type Persona = "anonymous" | "applicant" | "reviewer" | "editor" | "admin";
/** Who calls every action (the admin is added where the action is about someone else's own data). */
const HOSTILE: Persona[] = ["anonymous", "applicant", "reviewer", "editor"];
const AND_ADMIN: Persona[] = [...HOSTILE, "admin"];

/** Real ids of the victim's rows and of the personas, filled by beforeAll. */
const ids: Record<string, string> = {};
const user: Record<Persona, string | null> = {
  anonymous: null,
  applicant: null,
  reviewer: null,
  editor: null,
  admin: null,
};

async function one<T = { id: string }>(query: ReturnType<typeof sql>) {
  const rows = (await db.execute(query)) as unknown as T[];
  if (!rows[0]) throw new Error("fixture row not created");
  return rows[0];
}

const newUser = async (label: string) =>
  (
    await one(
      sql`insert into users (id, email, name) values (gen_random_uuid()::text, ${`${TAG}-${label}@exemple.fr`}, ${`Agent ${label}`}) returning id`,
    )
  ).id;

/** A commune of the région no other test file picks (they take other offsets). */
const commune = async (region: string) =>
  String(
    (
      await one<{ id: number }>(
        sql`select id from organisations where kind = 'commune' and region_code = ${region} order by id limit 1 offset 17`,
      )
    ).id,
  );

beforeAll(async () => {
  ids.orgA = await commune("84");
  ids.orgB = await commune("76");
  ids.managerA = await newUser("manager-a");
  ids.memberA = await newUser("member-a");
  ids.pendingA = await newUser("pending-a");
  ids.reviewerA = await newUser("reviewer-assigned");
  ids.editorA = await newUser("editor-84");
  user.applicant = await newUser("manager-b");
  user.reviewer = await newUser("reviewer-unassigned");
  user.editor = await newUser("editor-76");
  user.admin = await newUser("admin");
  const networkA = await one(
    sql`insert into regional_networks (slug, name, region_code) values (${`${TAG}-84`}, 'Réseau victime', '84') returning id`,
  );
  const networkB = await one(
    sql`insert into regional_networks (slug, name, region_code) values (${`${TAG}-76`}, 'Réseau voisin', '76') returning id`,
  );
  ids.networkA = networkA.id;
  await db.execute(
    sql`insert into user_roles (user_id, role) values (${user.reviewer}, 'reviewer'), (${user.admin}, 'admin')`,
  );
  ids.roleA = (
    await one(sql`insert into user_roles (user_id, role) values (${ids.reviewerA}, 'reviewer') returning id`)
  ).id;
  await db.execute(sql`insert into user_roles (user_id, role, network_id) values
    (${ids.editorA}, 'network_editor', ${networkA.id}), (${user.editor}, 'network_editor', ${networkB.id})`);
  await db.execute(sql`insert into memberships (user_id, organisation_id, role, status, confirmed_at) values
    (${ids.managerA}, ${ids.orgA}, 'manager', 'active', now()),
    (${user.applicant}, ${ids.orgB}, 'manager', 'active', now())`);
  ids.memberMembership = (
    await one(
      sql`insert into memberships (user_id, organisation_id, role, status, confirmed_at) values (${ids.memberA}, ${ids.orgA}, 'member', 'active', now()) returning id`,
    )
  ).id;
  ids.pendingMembership = (
    await one(
      sql`insert into memberships (user_id, organisation_id, role, status) values (${ids.pendingA}, ${ids.orgA}, 'member', 'pending') returning id`,
    )
  ).id;
  const call = async (code: string, opens: string, closes: string, published: boolean) =>
    (
      await one(sql`
        insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent,
                           envelope_cents, results_published_at, last_receipt_seq)
        values (${`${TAG}-${code}`}, ${code}, 2097, ${`Appel ${TAG} ${code}`}, ${opens}::timestamptz, ${closes}::timestamptz,
                10000000, 50, 100000000, ${published ? sql`now()` : null}, 10)
        returning id`)
    ).id;
  ids.openCall = await call("AZO", "2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z", false);
  ids.reviewCall = await call("AZI", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", false);
  ids.pastCall = await call("AZP", "2019-01-01T00:00:00Z", "2019-06-01T00:00:00Z", true);
  ids.upcomingCall = await call("AZU", "2998-01-01T00:00:00Z", "2999-01-01T00:00:00Z", false);
  ids.criterion = (
    await one(
      sql`insert into criteria (call_id, position, label, weight, max_score) values (${ids.reviewCall}, 0, 'Pertinence', 1, 5) returning id`,
    )
  ).id;
  // Receipts in the app's format, below each call's counter (other tests check every receipt of the database).
  const application = async (callId: string, status: string, receipt: string | null) =>
    (
      await one(sql`
        insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status,
                                  receipt_number, submitted_at, created_by)
        values (${callId}, ${ids.orgA}, ${`Projet ${TAG} ${status}`}, 1000000, ${status}::application_status,
                ${receipt}, ${receipt ? sql`now()` : null}, ${ids.managerA})
        returning id`)
    ).id;
  ids.draft = await application(ids.openCall, "draft", null);
  ids.inReview = await application(ids.reviewCall, "in_review", "2097-AZI-0001");
  ids.requested = await application(ids.reviewCall, "information_requested", "2097-AZI-0002");
  ids.laureate = await application(ids.pastCall, "accepted", "2097-AZP-0001");
  await db.execute(
    sql`insert into decisions (application_id, outcome, granted_amount_cents) values (${ids.laureate}, 'accepted', 500000)`,
  );
  ids.assignment = (
    await one(
      sql`insert into reviewer_assignments (application_id, reviewer_id) values (${ids.inReview}, ${ids.reviewerA}) returning id`,
    )
  ).id;
  // A submitted review always has its scores (the dashboard's count is of scored reviews, and
  // another file checks it against the reviews): both in one transaction.
  ids.review = await db.transaction(async (tx) => {
    const [review] = (await tx.execute(
      sql`insert into reviews (application_id, reviewer_id, status, submitted_at, overall_comment, recommendation) values (${ids.inReview}, ${ids.reviewerA}, 'submitted', now(), 'Solide.', 'accept') returning id`,
    )) as unknown as { id: string }[];
    if (!review) throw new Error("review not inserted");
    await tx.execute(
      sql`insert into scores (review_id, criterion_id, score, max_score, comment) values (${review.id}, ${ids.criterion}, 4, 5, '')`,
    );
    return review.id;
  });
  ids.thread = (
    await one(
      sql`insert into messages (application_id, kind, body, author_id) values (${ids.requested}, 'information_request', 'Précisez le budget.', ${ids.reviewerA}) returning id`,
    )
  ).id;
  ids.post = (
    await one(
      sql`insert into followup_posts (network_id, application_id, title, body_md, status, published_at) values (${networkA.id}, ${ids.laureate}, 'Page victime', 'Texte', 'published', now()) returning id`,
    )
  ).id;
  ids.milestone = (
    await one(
      sql`insert into milestones (application_id, network_id, label) values (${ids.laureate}, ${networkA.id}, 'Jalon victime') returning id`,
    )
  ).id;
  ids.draftIssue = (
    await one(
      sql`insert into news_issues (network_id, number, title, issue_date) values (${networkA.id}, 1, 'Numéro à paraître', current_date) returning id`,
    )
  ).id;
  await db.execute(
    sql`insert into followup_posts (network_id, news_issue_id, title, body_md) values (${networkA.id}, ${ids.draftIssue}, 'Article', 'Texte')`,
  );
  ids.publishedIssue = (
    await one(
      sql`insert into news_issues (network_id, number, title, issue_date, status, published_at) values (${networkA.id}, 2, 'Numéro paru', current_date, 'published', now()) returning id`,
    )
  ).id;
  ids.report = (
    await one(
      sql`insert into progress_reports (application_id, position, kind, body, submitted_by) values (${ids.laureate}, 1, 'intermediate', 'Avancement.', ${ids.managerA}) returning id`,
    )
  ).id;
  ids.grant = (
    await one(sql`
      insert into grants (application_id, reference, beneficiary_name, project_title, granted_cents, years,
                          final_balance_percent, max_share_percent, starts_on, duration_months, ends_on, report_due_dates)
      values (${ids.laureate}, ${`${TAG}-C`}, 'Commune A', 'Projet A', 500000, 1, 20, 50,
              '2097-01-01', 12, '2098-01-01', '{2098-04-01}')
      returning id`)
  ).id;
  ids.instalment = (
    await one(
      sql`insert into grant_instalments (grant_id, position, year, kind, planned_cents, status) values (${ids.grant}, 1, 1, 'annual', 400000, 'due') returning id`,
    )
  ).id;
  ids.failedEmail = (
    await one(
      sql`insert into email_outbox (to_address, subject, text_body, template, status, attempts) values (${`${TAG}-manager-a@exemple.fr`}, 'Objet', 'Corps', 'receipt', 'failed', 10) returning id::text as id`,
    )
  ).id;
  ids.pendingEmail = (
    await one(
      sql`insert into email_outbox (to_address, subject, text_body, template, status, next_attempt_at) values (${`${TAG}-member-a@exemple.fr`}, 'Objet', 'Corps', 'receipt', 'pending', now() + interval '1 day') returning id::text as id`,
    )
  ).id;
});

/** Every row of every table: any insert, update or delete changes it. */
const fingerprint = () => databaseFingerprint(db, "content");

/**
 * Each action called by hostile personas, with the form a real page would post
 * about the victim's rows (built when the test runs, once the rows exist).
 */
/** A form field; undefined only when a victim row was not created (then the test fails, naming it). */
type Fields = Record<string, string | undefined>;

const CASES: Record<string, { who: Persona[]; form: () => Fields }> = {
  createApplication: {
    who: AND_ADMIN,
    form: () => ({ callId: ids.openCall, organisationId: ids.orgA, title: "Projet usurpé" }),
  },
  saveApplication: {
    who: AND_ADMIN,
    form: () => ({
      payload: JSON.stringify({
        applicationId: ids.draft,
        version: 1,
        changes: { title: "Modifié" },
        base: {},
      }),
    }),
  },
  submitApplication: { who: AND_ADMIN, form: () => ({ applicationId: ids.draft }) },
  withdrawApplication: {
    who: AND_ADMIN,
    form: () => ({ applicationId: ids.inReview, reason: "Retrait malveillant", confirm: "on" }),
  },
  submitProgressReport: {
    who: AND_ADMIN,
    form: () => ({
      applicationId: ids.laureate,
      kind: "final",
      body: "Faux rapport de fin de projet, rédigé par quelqu’un d’autre que le lauréat.",
    }),
  },
  // The ministry is the other party of the agreement: an admin never signs it for the beneficiary.
  signGrantAgreement: {
    who: AND_ADMIN,
    form: () => ({
      applicationId: ids.laureate,
      version: "1",
      signatoryName: "Faux Signataire",
      signatoryFunction: "Maire",
      accept: "yes",
    }),
  },
  sendCallAgreements: { who: HOSTILE, form: () => ({ callId: ids.pastCall }) },
  reviewGrantReport: {
    who: HOSTILE,
    form: () => ({ applicationId: ids.laureate, reportId: ids.report, outcome: "accept", comment: "" }),
  },
  recordGrantPayment: {
    who: HOSTILE,
    form: () => ({
      applicationId: ids.laureate,
      instalmentId: ids.instalment,
      paidOn: "2097-02-01",
      paidAmount: "4000",
      reference: "MANDAT-FAUX",
    }),
  },
  // Admins confirm, invite and remove members of every organisation (`memberships.confirm_any`).
  confirmMembership: { who: HOSTILE, form: () => ({ membershipId: ids.pendingMembership }) },
  inviteMember: {
    who: HOSTILE,
    form: () => ({ organisationId: ids.orgA, email: `${TAG}-intrus@exemple.fr`, role: "manager" }),
  },
  removeMember: { who: HOSTILE, form: () => ({ membershipId: ids.memberMembership }) },
  saveReview: {
    who: AND_ADMIN,
    form: () => ({
      applicationId: ids.inReview,
      intent: "submit",
      overallComment: "Évaluation usurpée",
      recommendation: "reject",
      [`score.${ids.criterion}`]: "1",
    }),
  },
  declareConflict: {
    who: AND_ADMIN,
    form: () => ({ applicationId: ids.inReview, reason: "Conflit inventé" }),
  },
  // Admins may ask for information and close a request themselves.
  requestInformation: {
    who: HOSTILE,
    form: () => ({ applicationId: ids.inReview, message: "Envoyez vos relevés bancaires." }),
  },
  closeInformationRequest: {
    who: HOSTILE,
    form: () => ({ applicationId: ids.requested, threadId: ids.thread }),
  },
  reopenReview: {
    who: HOSTILE,
    form: () => ({ applicationId: ids.inReview, reviewId: ids.review, reason: "Pour la changer" }),
  },
  decideApplication: {
    who: HOSTILE,
    form: () => ({
      applicationId: ids.inReview,
      version: "1",
      outcome: "accepted",
      grantedAmount: "5000",
      confirmed: "yes",
    }),
  },
  createCall: {
    who: HOSTILE,
    form: () => ({ payload: JSON.stringify({ ...emptyCallForm(new Date()), title: "Appel pirate" }) }),
  },
  updateCall: {
    who: HOSTILE,
    form: () => ({
      id: ids.openCall,
      payload: JSON.stringify({ ...emptyCallForm(new Date()), title: "Appel pirate" }),
    }),
  },
  openCallNow: { who: HOSTILE, form: () => ({ id: ids.upcomingCall }) },
  applyBulkAssignment: {
    who: HOSTILE,
    form: () => ({ callId: ids.reviewCall, fingerprint: "aperçu", sameDepartementRule: "on" }),
  },
  assignReviewer: {
    who: HOSTILE,
    form: () => ({ applicationId: ids.inReview, reviewerId: user.reviewer as string }),
  },
  unassignReviewer: { who: HOSTILE, form: () => ({ assignmentId: ids.assignment }) },
  publishResults: { who: HOSTILE, form: () => ({ callId: ids.reviewCall }) },
  unpublishResults: { who: HOSTILE, form: () => ({ callId: ids.pastCall, reason: "Pour nuire" }) },
  grantRole: {
    who: HOSTILE,
    form: () => ({ email: `${TAG}-manager-b@exemple.fr`, role: "admin" }),
  },
  revokeRole: { who: HOSTILE, form: () => ({ roleId: ids.roleA }) },
  resendEmail: { who: HOSTILE, form: () => ({ emailId: ids.failedEmail }) },
  cancelEmail: { who: HOSTILE, form: () => ({ emailId: ids.pendingEmail }) },
  // Any network editor may preview (nothing is read or written): the editor's call is in PUBLIC_CHECKS.
  previewMarkdown: {
    who: ["anonymous", "applicant", "reviewer", "admin"],
    form: () => ({ bodyMd: "# Titre" }),
  },
  createFollowupPost: {
    who: AND_ADMIN,
    form: () => ({ applicationId: ids.laureate, title: "Page usurpée", bodyMd: "Texte" }),
  },
  updateFollowupPost: {
    who: AND_ADMIN,
    form: () => ({ postId: ids.post, title: "Page modifiée", bodyMd: "Texte modifié" }),
  },
  publishFollowupPost: { who: AND_ADMIN, form: () => ({ postId: ids.post }) },
  unpublishFollowupPost: { who: AND_ADMIN, form: () => ({ postId: ids.post }) },
  createMilestone: {
    who: AND_ADMIN,
    form: () => ({
      applicationId: ids.laureate,
      label: "Jalon usurpé",
      status: "done",
      progressPercent: "100",
    }),
  },
  updateMilestone: {
    who: AND_ADMIN,
    form: () => ({
      milestoneId: ids.milestone,
      label: "Jalon modifié",
      status: "cancelled",
      progressPercent: "0",
    }),
  },
  deleteMilestone: { who: AND_ADMIN, form: () => ({ milestoneId: ids.milestone }) },
  createNewsIssue: {
    who: AND_ADMIN,
    form: () => ({ networkId: ids.networkA, title: "Numéro usurpé", issueDate: "2097-01-01" }),
  },
  publishNewsIssue: { who: AND_ADMIN, form: () => ({ issueId: ids.draftIssue }) },
  unpublishNewsIssue: { who: AND_ADMIN, form: () => ({ issueId: ids.publishedIssue }) },
  featureProgressReport: {
    who: AND_ADMIN,
    form: () => ({ reportId: ids.report, excerpt: "Extrait choisi par un autre réseau" }),
  },
};

/** Public on purpose, with the reason; each has its own test below of what it must not do. */
const PUBLIC: Record<string, string> = {
  requestSignInLink: "sign-in itself: anyone asks for a link, sent to the address asked (rate-limited)",
  signInWithProConnect: "sign-in itself: hands over to ProConnect",
  signInAsPersona: "demo mode only: one-click sign-in as a demo persona",
  signOutAction: "ends the caller's own session",
  requestMembership: "any signed-in user asks to join an organisation; the request waits for its manager",
};

const form = (fields: Fields) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) throw new Error(`the victim row for ${key} was not created`);
    data.set(key, value);
  }
  return data;
};

/** Calls the action as the persona, the way Next calls it for a form post `(previous state, form data)`. */
function post(name: string, persona: Persona | string | null, fields: Fields) {
  const userId = persona && persona in user ? user[persona as Persona] : persona;
  return outcomeOf(() => as(userId, () => action(name)(null, form(fields))));
}

/**
 * A refusal: the action's French refusal, or Next's 401/403/404, or a redirect
 * to sign-in. With `validInput`, a refusal of the form itself (`invalid`) fails
 * too: the case's input must be valid, so that the refusal is the authorization's.
 */
function expectRefused(outcome: Outcome, validInput = false) {
  if (outcome.kind === "http") return expect([401, 403, 404]).toContain(outcome.status);
  if (outcome.kind === "redirect") return expect(outcome.to).toMatch(/^\/connexion(\?|$)/);
  const result = outcome.result as { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]> };
  expect(result.ok, `accepted: ${JSON.stringify(result)}`).toBe(false);
  expect(result.message, "a refusal says why").toBeTruthy();
  expect(result.message).not.toBe(GENERIC_ERROR);
  if (validInput)
    expect((result as { code?: string }).code, "refused for its input, not its caller").not.toBe("invalid");
  const words = [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" | ");
  expect(words).not.toMatch(ENGLISH);
}

describe("every server action refuses hostile callers and writes nothing", () => {
  it("covers every exported server action", () => {
    const covered = new Set([...Object.keys(CASES), ...Object.keys(PUBLIC)]);
    expect(actions.length).toBeGreaterThanOrEqual(40);
    expect(actions.filter((a) => !covered.has(a.name)).map((a) => `${a.file}: ${a.name}`)).toEqual([]);
    expect([...covered].filter((name) => !actions.some((a) => a.name === name))).toEqual([]);
  });

  for (const [name, entry] of Object.entries(CASES)) {
    for (const persona of entry.who) {
      it(`${name} as ${persona}: refused, in French, nothing written`, async () => {
        const before = await fingerprint();
        expectRefused(await post(name, persona, entry.form()), true);
        expect(await fingerprint(), "a refused action changed the database").toBe(before);
      });
    }
  }
});

describe("actions public on purpose do only what they are for", () => {
  it.each(Object.entries(PUBLIC))("%s is listed with its reason", (_name, reason) => {
    expect(reason.length).toBeGreaterThan(10);
  });

  it("requestSignInLink answers a known and an unknown address alike, with an on-site callback", async () => {
    const before = await fingerprint();
    authCalls.length = 0;
    const known = await post("requestSignInLink", null, {
      email: `${TAG}-manager-a@exemple.fr`,
      callbackUrl: "https://evil.example/espace",
    });
    const unknown = await post("requestSignInLink", null, {
      email: `${TAG}-personne@exemple.fr`,
      callbackUrl: "https://evil.example/espace",
    });
    // No user enumeration: the same answer whether the address has an account or not.
    expect(unknown).toEqual(known);
    expect(authCalls.map((c) => c.fn)).toEqual(["signIn", "signIn"]);
    for (const { args } of authCalls) {
      expect(args[0]).toBe("nodemailer");
      expect(String((args[1] as { redirectTo: string }).redirectTo)).not.toContain("evil.example");
    }
    // The link goes to the outbox through Auth.js (replaced here): the action itself writes nothing.
    expect(await fingerprint()).toBe(before);
  });

  it("signInWithProConnect sends nobody off-site and writes nothing", async () => {
    const before = await fingerprint();
    authCalls.length = 0;
    const outcome = await post("signInWithProConnect", null, { callbackUrl: "https://evil.example/" });
    // The action's signature is (formData): `post` passes the state first, as a form would not.
    const direct = await outcomeOf(() =>
      as(null, () => action("signInWithProConnect")(form({ callbackUrl: "https://evil.example/" }))),
    );
    for (const o of [outcome, direct]) {
      if (o.kind === "redirect") expect(o.to).toBe("/connexion");
      else expect(o.kind).toBe("result");
    }
    for (const { args } of authCalls) {
      expect(args[0]).toBe("proconnect");
      expect(String((args[1] as { redirectTo: string }).redirectTo)).not.toContain("evil.example");
    }
    expect(await fingerprint()).toBe(before);
  });

  it("signInAsPersona does not exist outside demo mode: 404, no session, no cookie", async () => {
    const before = await fingerprint();
    const saved = process.env.DEMO_MODE;
    process.env.DEMO_MODE = "false";
    cookieJar.clear();
    try {
      const outcome = await outcomeOf(() =>
        as(null, () => action("signInAsPersona")(form({ persona: "admin" }))),
      );
      expect(outcome).toEqual({ kind: "http", status: 404 });
    } finally {
      if (saved === undefined) delete process.env.DEMO_MODE;
      else process.env.DEMO_MODE = saved;
    }
    expect(cookieJar.size).toBe(0);
    expect(await fingerprint()).toBe(before);
  });

  it("signOutAction ends the caller's session only and goes home, whatever the form says", async () => {
    const before = await fingerprint();
    authCalls.length = 0;
    const outcome = await outcomeOf(() =>
      as(user.applicant, () => action("signOutAction")(form({ callbackUrl: "https://evil.example/" }))),
    );
    expect(outcome).toEqual({ kind: "redirect", to: "/" });
    // Auth.js's signOut ends the session of the request's own cookie; it is given no one else's.
    expect(authCalls).toEqual([{ fn: "signOut", args: [{ redirect: false }] }]);
    expect(await fingerprint()).toBe(before);
  });

  it("requestMembership refuses anonymous callers and writes nothing", async () => {
    const before = await fingerprint();
    expectRefused(await post("requestMembership", "anonymous", { organisationId: ids.orgA }));
    expect(await fingerprint()).toBe(before);
  });

  it("requestMembership only asks: a pending member, whatever role the form claims, with no rights yet", async () => {
    const outcome = await post("requestMembership", "applicant", {
      organisationId: ids.orgA,
      role: "manager",
      status: "active",
    });
    expect(outcome).toEqual({ kind: "result", result: { ok: true, data: undefined } });
    const rows = (await db.execute(
      sql`select role, status, confirmed_at from memberships where user_id = ${user.applicant} and organisation_id = ${ids.orgA}`,
    )) as unknown as { role: string; status: string; confirmed_at: Date | null }[];
    expect(rows).toEqual([{ role: "member", status: "pending", confirmed_at: null }]);
    // A pending request grants nothing: the requester can neither act for the organisation nor confirm himself.
    const mine = await one(
      sql`select id from memberships where user_id = ${user.applicant} and organisation_id = ${ids.orgA}`,
    );
    for (const [name, fields] of [
      ["createApplication", CASES.createApplication?.form() ?? {}],
      ["withdrawApplication", CASES.withdrawApplication?.form() ?? {}],
      ["confirmMembership", { membershipId: mine.id }],
    ] as const) {
      const before = await fingerprint();
      expectRefused(await post(name, "applicant", fields));
      expect(await fingerprint(), name).toBe(before);
    }
  });

  it("previewMarkdown, for any network editor, renders sanitised HTML and writes nothing", async () => {
    const before = await fingerprint();
    const outcome = await post("previewMarkdown", "editor", {
      bodyMd: '# Titre\n\n<script>alert(1)</script><img src=x onerror="alert(2)">',
    });
    const result = (outcome as { result: { ok: boolean; data: { html: string } } }).result;
    expect(result.ok).toBe(true);
    expect(result.data.html).toContain("Titre");
    expect(result.data.html).not.toMatch(/<script|onerror/i);
    expect(await fingerprint()).toBe(before);
  });
});

describe("memberships, as the organisation's manager", () => {
  const count = async (query: ReturnType<typeof sql>) => (await one<{ n: number }>(query)).n;

  it("a request, then its confirmation by the manager: active, confirmed by him, both audited", async () => {
    const newcomer = await newUser("newcomer");
    expect(await post("requestMembership", newcomer, { organisationId: ids.orgA })).toEqual({
      kind: "result",
      result: { ok: true, data: undefined },
    });
    const requested = await one<{ id: string; status: string }>(
      sql`select id, status from memberships where user_id = ${newcomer} and organisation_id = ${ids.orgA}`,
    );
    expect(requested.status).toBe("pending");
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where action = 'membership.requested' and subject_id = ${requested.id} and actor_id = ${newcomer}`,
      ),
    ).toBe(1);
    expect(await post("confirmMembership", ids.managerA ?? "", { membershipId: requested.id })).toEqual({
      kind: "result",
      result: { ok: true, data: undefined },
    });
    const confirmed = await one<{ status: string; confirmed_by: string; confirmed: boolean }>(
      sql`select status, confirmed_by, confirmed_at is not null as confirmed from memberships where id = ${requested.id}`,
    );
    expect(confirmed).toEqual({ status: "active", confirmed_by: ids.managerA, confirmed: true });
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where action = 'membership.confirmed' and subject_id = ${requested.id} and actor_id = ${ids.managerA}`,
      ),
    ).toBe(1);
    // Confirmed, the newcomer now acts for the organisation: he starts an application (Next redirects to it).
    const created = await post("createApplication", newcomer, {
      callId: ids.openCall,
      organisationId: ids.orgA,
      title: `Projet ${TAG} du nouveau membre`,
    });
    expect(created.kind).toBe("redirect");
    expect((created as { to: string }).to).toMatch(/^\/espace\/dossiers\/[0-9a-f-]{36}$/);
  });

  it("an invitation by the manager: the account, an active membership, the e-mail, the audit", async () => {
    const email = `${TAG}-invitee@exemple.fr`;
    expect(
      await post("inviteMember", ids.managerA ?? "", { organisationId: ids.orgA, email, role: "member" }),
    ).toEqual({ kind: "result", result: { ok: true, data: undefined } });
    const member = await one<{ id: string; status: string; role: string; invited_by: string }>(sql`
      select m.id, m.status, m.role, m.invited_by from memberships m join users u on u.id = m.user_id
      where u.email = ${email} and m.organisation_id = ${ids.orgA}`);
    expect(member).toMatchObject({ status: "active", role: "member", invited_by: ids.managerA });
    expect(
      await count(
        sql`select count(*)::int as n from email_outbox where to_address = ${email} and template = 'invitation'`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where action = 'membership.invited' and subject_id = ${member.id}`,
      ),
    ).toBe(1);
    // Invited twice: refused at the address, nothing written the second time.
    const before = await fingerprint();
    expectRefused(
      await post("inviteMember", ids.managerA ?? "", { organisationId: ids.orgA, email, role: "member" }),
    );
    expect(await fingerprint()).toBe(before);
  });

  it("a removal by the manager deletes the membership and audits it; he cannot remove himself", async () => {
    const leaving = await newUser("leaving");
    const membership = await one(
      sql`insert into memberships (user_id, organisation_id, role, status, confirmed_at) values (${leaving}, ${ids.orgA}, 'member', 'active', now()) returning id`,
    );
    expect(await post("removeMember", ids.managerA ?? "", { membershipId: membership.id })).toEqual({
      kind: "result",
      result: { ok: true, data: undefined },
    });
    expect(await count(sql`select count(*)::int as n from memberships where id = ${membership.id}`)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where action = 'membership.removed' and subject_id = ${membership.id} and actor_id = ${ids.managerA}`,
      ),
    ).toBe(1);
    const own = await one(
      sql`select id from memberships where user_id = ${ids.managerA} and organisation_id = ${ids.orgA}`,
    );
    const before = await fingerprint();
    expectRefused(await post("removeMember", ids.managerA ?? "", { membershipId: own.id }));
    expect(await fingerprint()).toBe(before);
  });
});
