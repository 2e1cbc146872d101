/**
 * Access for staff, on the real test PostgreSQL through the
 * real server actions and route handlers, as idor.int.test.ts does for
 * applicants and reviewers:
 * - a regional network editor of one région (network 2, région 11) sending the
 *   real ids of another région's laureates, follow-up pages, milestones, news
 *   issues, progress reports and images (network 1, région 84) to every
 *   network action and route that takes one;
 * - admins (and a reviewer) sending ids that do not belong together: another
 *   call's criterion or document in a call's form, another call's assignment
 *   preview, a non-reviewer as reviewer, another call's criterion in a score.
 * Every attempt is refused with a French message, and nothing is written: the
 * fixture's rows are compared in full and every table of the database by
 * content (lib/security/fingerprint.ts) before and after.
 * Only Next's request context is replaced: Auth.js's session (the real
 * getCurrentUser reads the principal from the database) and cache invalidation.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/db/testing/database";
import { ENGLISH } from "./hostile";

const signedIn = vi.hoisted(() => {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  return { current: null as null | { getStore: () => string | undefined } };
});

vi.mock("@/lib/auth/auth", () => ({
  auth: async () => {
    const id = signedIn.current?.getStore();
    return id ? { user: { id } } : null;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const session = new AsyncLocalStorage<string>();
signedIn.current = session;

const followup = await import("@/lib/followup/actions");
const callActions = await import("@/lib/calls/actions");
const assignmentActions = await import("@/lib/assignment/actions");
const reviewActions = await import("@/lib/review/actions");
const imagesRoute = await import("@/app/api/reseaux/images/route");
const imageRoute = await import("@/app/api/reseaux/images/[id]/route");
const { getCall, getGrid, callToForm } = await import("@/lib/calls/queries");
const { loadAssignmentBoard, assignmentInput } = await import("@/lib/assignment/queries");
const { planAssignments, planFingerprint } = await import("@/lib/assignment/round-robin");
const { databaseFingerprint } = await import("./fingerprint");

const { db, close } = testDb();
const TAG = `idor-staff-${Date.now().toString(36)}`;
/** Attempts made and refused, printed at the end (figures for docs/security.md). */
const tally = { attempts: 0, refused: 0 };
afterAll(async () => {
  console.log(`[idor-staff] ${tally.refused} / ${tally.attempts} attempts refused, nothing written`);
  await close();
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

async function one<T>(query: ReturnType<typeof sql>) {
  const row = ((await db.execute(query)) as unknown as T[])[0];
  if (!row) throw new Error("fixture row not created");
  return row;
}
const idOf = async (query: ReturnType<typeof sql>) => (await one<{ id: string }>(query)).id;

const ids = {} as Record<
  | "editor1"
  | "editor2"
  | "admin"
  | "reviewer"
  | "applicant"
  | "network1"
  | "network2"
  | "laureate1"
  | "laureate2"
  | "issue1Draft"
  | "issue1Published"
  | "issue2"
  | "post1"
  | "post1Published"
  | "post1General"
  | "post2"
  | "image1"
  | "milestone1"
  | "report1"
  | "callX"
  | "callY"
  | "criterionX"
  | "criterionY"
  | "documentY"
  | "applicationX",
  string
>;

beforeAll(async () => {
  const user = (label: string) =>
    idOf(
      sql`insert into users (id, email, name) values (gen_random_uuid()::text, ${`${TAG}-${label}@exemple.fr`}, ${`Agent ${label}`}) returning id`,
    );
  ids.editor1 = await user("editeur-84");
  ids.editor2 = await user("editeur-11");
  ids.admin = await user("admin");
  ids.reviewer = await user("instructeur");
  ids.applicant = await user("candidat");
  ids.network1 = await idOf(
    sql`insert into regional_networks (slug, name, region_code) values (${`${TAG}-84`}, 'Réseau 84', '84') returning id`,
  );
  ids.network2 = await idOf(
    sql`insert into regional_networks (slug, name, region_code) values (${`${TAG}-11`}, 'Réseau 11', '11') returning id`,
  );
  await db.execute(sql`
    insert into user_roles (user_id, role, network_id) values
      (${ids.editor1}, 'network_editor', ${ids.network1}), (${ids.editor2}, 'network_editor', ${ids.network2})`);
  await db.execute(
    sql`insert into user_roles (user_id, role) values (${ids.admin}, 'admin'), (${ids.reviewer}, 'reviewer')`,
  );
  const commune = (region: string) =>
    one<{ id: number }>(
      sql`select id from organisations where kind = 'commune' and region_code = ${region} order by id desc limit 1`,
    );
  const lead1 = await commune("84");
  const lead2 = await commune("11");
  const call = (code: string, closes: string, published: boolean) =>
    idOf(sql`
      insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent,
                         envelope_cents, results_published_at, last_receipt_seq)
      values (${`${TAG}-${code.toLowerCase()}`}, ${code}, 2097, ${`Appel ${code}`}, '2020-01-01T00:00:00Z', ${closes}::timestamptz,
              10000000, 50, 100000000, ${published ? sql`now()` : null}, 10)
      returning id`);
  const published = await call("ISP", "2021-01-01T00:00:00Z", true);
  // Receipts in the app's format, below each call's counter (other tests check every receipt).
  const laureate = (lead: number, receipt: string) =>
    idOf(sql`
      insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status,
                                receipt_number, submitted_at, created_by)
      values (${published}, ${lead}, ${`Projet ${TAG} ${receipt}`}, 1000000, 'accepted', ${receipt}, now(), ${ids.applicant})
      returning id`);
  ids.laureate1 = await laureate(lead1.id, "2097-ISP-0001");
  ids.laureate2 = await laureate(lead2.id, "2097-ISP-0002");
  await db.execute(sql`
    insert into decisions (application_id, outcome, granted_amount_cents)
    values (${ids.laureate1}, 'accepted', 500000), (${ids.laureate2}, 'accepted', 500000)`);
  const issue = (network: string, number: number, status: string) =>
    idOf(sql`
      insert into news_issues (network_id, number, title, issue_date, status, published_at)
      values (${network}, ${number}, ${`Numéro ${number}`}, current_date, ${status}::publication_status,
              ${status === "published" ? sql`now()` : null})
      returning id`);
  ids.issue1Draft = await issue(ids.network1, 1, "draft");
  ids.issue1Published = await issue(ids.network1, 2, "published");
  ids.issue2 = await issue(ids.network2, 1, "draft");
  const post = (network: string, application: string | null, issueId: string | null, status: string) =>
    idOf(sql`
      insert into followup_posts (network_id, application_id, news_issue_id, title, body_md, status, published_at)
      values (${network}, ${application}, ${issueId}, 'Page témoin', 'Texte de la page.', ${status}::publication_status,
              ${status === "published" ? sql`now()` : null})
      returning id`);
  ids.post1 = await post(ids.network1, ids.laureate1, null, "draft");
  ids.post1Published = await post(ids.network1, ids.laureate1, null, "published");
  ids.post1General = await post(ids.network1, null, ids.issue1Draft, "draft");
  await post(ids.network1, null, ids.issue1Published, "published");
  ids.post2 = await post(ids.network2, ids.laureate2, null, "draft");
  ids.image1 = await idOf(sql`
    insert into attachments (followup_post_id, original_name, storage_key, content_type, size_bytes, sha256, alt_text, uploaded_by)
    values (${ids.post1}, 'carte.png', 'followup/' || ${ids.post1} || '/' || gen_random_uuid(), 'image/png', 10, 'x', 'Carte du projet', ${ids.editor1})
    returning id`);
  ids.milestone1 = await idOf(sql`
    insert into milestones (application_id, network_id, label) values (${ids.laureate1}, ${ids.network1}, 'Forage du puits')
    returning id`);
  ids.report1 = await idOf(sql`
    insert into progress_reports (application_id, position, kind, body, submitted_by)
    values (${ids.laureate1}, 1, 'intermediate', 'Le puits est foré, la pompe arrive en mars.', ${ids.applicant})
    returning id`);

  // Two calls for the admins' crossings: X is under review, Y is open.
  ids.callX = await call("ISX", "2021-06-01T00:00:00Z", false);
  ids.callY = await call("ISY", "2999-01-01T00:00:00Z", false);
  ids.criterionX = await idOf(
    sql`insert into criteria (call_id, position, label, weight, max_score) values (${ids.callX}, 0, 'Pertinence', 1, 5) returning id`,
  );
  ids.criterionY = await idOf(
    sql`insert into criteria (call_id, position, label, weight, max_score) values (${ids.callY}, 0, 'Impact', 1, 5) returning id`,
  );
  await db.execute(
    sql`insert into required_documents (call_id, position, label, accepted_types) values (${ids.callX}, 0, 'Délibération', array['application/pdf'])`,
  );
  ids.documentY = await idOf(
    sql`insert into required_documents (call_id, position, label, accepted_types) values (${ids.callY}, 0, 'Budget', array['application/pdf']) returning id`,
  );
  ids.applicationX = await idOf(sql`
    insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status, receipt_number, submitted_at, created_by)
    values (${ids.callX}, ${lead1.id}, ${`Projet ${TAG} X`}, 1000000, 'in_review', '2097-ISX-0001', now(), ${ids.applicant})
    returning id`);
  await db.execute(
    sql`insert into reviewer_assignments (application_id, reviewer_id) values (${ids.applicationX}, ${ids.reviewer})`,
  );
  // Y has a submitted application and so an assignment preview of its own.
  await db.execute(sql`
    insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status, receipt_number, submitted_at, created_by)
    values (${ids.callY}, ${lead2.id}, ${`Projet ${TAG} Y`}, 1000000, 'submitted', '2097-ISY-0001', now(), ${ids.applicant})`);
});

/** The fixture's rows in full (network content, calls' grids and documents, reviews), and the whole database. */
async function snapshot() {
  const rows = async (query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as unknown[];
  return {
    posts: await rows(
      sql`select * from followup_posts where network_id in (${ids.network1}, ${ids.network2}) order by id`,
    ),
    issues: await rows(
      sql`select * from news_issues where network_id in (${ids.network1}, ${ids.network2}) order by id`,
    ),
    milestones: await rows(
      sql`select * from milestones where application_id in (${ids.laureate1}, ${ids.laureate2}) order by id`,
    ),
    reports: await rows(sql`select * from progress_reports where application_id = ${ids.laureate1}`),
    images: await rows(sql`select * from attachments where followup_post_id is not null order by id`),
    calls: await rows(sql`select * from calls where id in (${ids.callX}, ${ids.callY}) order by id`),
    criteria: await rows(
      sql`select * from criteria where call_id in (${ids.callX}, ${ids.callY}) order by id`,
    ),
    documents: await rows(
      sql`select * from required_documents where call_id in (${ids.callX}, ${ids.callY}) order by id`,
    ),
    assignments: await rows(
      sql`select * from reviewer_assignments where application_id = ${ids.applicationX}`,
    ),
    reviews: await rows(sql`select * from reviews where application_id = ${ids.applicationX}`),
    database: await databaseFingerprint(db, "content"),
  };
}

type Refusal = { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/** Runs a server action as `userId`; a redirect (NEXT_REDIRECT) would mean it went through. */
async function attempt(userId: string, action: () => Promise<unknown>) {
  try {
    return await session.run(userId, action);
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirect: digest };
    throw error;
  }
}

/** The action is refused with `code` and a French message, and writes nothing. */
async function expectRefused(userId: string, code: string, action: () => Promise<unknown>) {
  tally.attempts++;
  const before = await snapshot();
  const result = (await attempt(userId, action)) as Refusal;
  expect(result).toMatchObject({ ok: false, code });
  const words = [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" | ");
  expect(words).toMatch(/[éèàù’]|vous|introuvable/i);
  expect(words).not.toMatch(ENGLISH);
  expect(await snapshot()).toEqual(before);
  tally.refused++;
  return result;
}

/** A route handler answers `status` with a French message, and writes nothing. */
async function expectRouteRefused(userId: string, status: number, run: () => Promise<Response>) {
  tally.attempts++;
  const before = await snapshot();
  const response = await session.run(userId, run);
  expect(response.status).toBe(status);
  const body = await response.text();
  expect(body).toMatch(/introuvable|Vous ne pouvez pas/);
  expect(await snapshot()).toEqual(before);
  tally.refused++;
}

describe("a network editor of région 11 with région 84's ids", () => {
  const asEditor2 = (code: string, action: () => Promise<unknown>) =>
    expectRefused(ids.editor2, code, action);

  it("createFollowupPost: about 84's laureate, alone or in its own issue; in 84's issue about its own laureate or none", async () => {
    const create = (fields: Record<string, string>) => () =>
      followup.createFollowupPost(null, form({ title: "Page détournée", bodyMd: "Texte.", ...fields }));
    await asEditor2("forbidden", create({ applicationId: ids.laureate1 }));
    await asEditor2("forbidden", create({ applicationId: ids.laureate1, newsIssueId: ids.issue2 }));
    await asEditor2("forbidden", create({ applicationId: ids.laureate2, newsIssueId: ids.issue1Draft }));
    await asEditor2("forbidden", create({ newsIssueId: ids.issue1Draft }));
  });

  it("updateFollowupPost of 84's page about a project and of its general page", async () => {
    for (const postId of [ids.post1, ids.post1General]) {
      await asEditor2("forbidden", () =>
        followup.updateFollowupPost(
          null,
          form({ postId, title: "Titre détourné", bodyMd: "Texte détourné." }),
        ),
      );
    }
  });

  it("updateFollowupPost of its own page showing an image of 84's page", async () => {
    const result = await asEditor2("invalid", () =>
      followup.updateFollowupPost(
        null,
        form({ postId: ids.post2, title: "Page 11", bodyMd: `![Carte](/api/reseaux/images/${ids.image1})` }),
      ),
    );
    expect(result.fieldErrors?.bodyMd?.[0]).toContain("n’appartient pas à cette page");
  });

  it("publishFollowupPost and unpublishFollowupPost of 84's pages", async () => {
    await asEditor2("forbidden", () => followup.publishFollowupPost(null, form({ postId: ids.post1 })));
    await asEditor2("forbidden", () =>
      followup.unpublishFollowupPost(null, form({ postId: ids.post1Published })),
    );
  });

  it("createMilestone, updateMilestone and deleteMilestone on 84's laureate", async () => {
    const milestone = { label: "Étape détournée", status: "done", progressPercent: "100" };
    await asEditor2("forbidden", () =>
      followup.createMilestone(null, form({ applicationId: ids.laureate1, ...milestone })),
    );
    await asEditor2("forbidden", () =>
      followup.updateMilestone(null, form({ milestoneId: ids.milestone1, ...milestone })),
    );
    await asEditor2("forbidden", () => followup.deleteMilestone(null, form({ milestoneId: ids.milestone1 })));
  });

  it("createNewsIssue, publishNewsIssue and unpublishNewsIssue for 84's network", async () => {
    await asEditor2("forbidden", () =>
      followup.createNewsIssue(
        null,
        form({ networkId: ids.network1, title: "Numéro détourné", issueDate: "2026-12-01" }),
      ),
    );
    await asEditor2("forbidden", () => followup.publishNewsIssue(null, form({ issueId: ids.issue1Draft })));
    await asEditor2("forbidden", () =>
      followup.unpublishNewsIssue(null, form({ issueId: ids.issue1Published })),
    );
  });

  it("featureProgressReport of 84's laureate, to feature or to withdraw an excerpt", async () => {
    for (const excerpt of ["Le puits est foré.", ""]) {
      await asEditor2("forbidden", () =>
        followup.featureProgressReport(null, form({ reportId: ids.report1, excerpt })),
      );
    }
  });

  it("uploads an image to 84's page (403) and reads the image of 84's draft page (404)", async () => {
    const upload = new FormData();
    upload.set("postId", ids.post1);
    upload.set("altText", "Carte détournée");
    upload.set("file", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "carte.png"));
    await expectRouteRefused(ids.editor2, 403, () =>
      imagesRoute.POST(new Request("http://localhost/api/reseaux/images", { method: "POST", body: upload })),
    );
    await expectRouteRefused(ids.editor2, 404, () =>
      imageRoute.GET(new Request(`http://localhost/api/reseaux/images/${ids.image1}`), {
        params: Promise.resolve({ id: ids.image1 }),
      }),
    );
  });

  it("the editor of région 84 may do what the other was refused (the refusals are about the région)", async () => {
    const result = await attempt(ids.editor1, () =>
      followup.updateMilestone(
        null,
        form({
          milestoneId: ids.milestone1,
          label: "Forage du puits",
          status: "in_progress",
          progressPercent: "40",
        }),
      ),
    );
    expect(result).toEqual({ ok: true, data: undefined });
  });
});

describe("admins and reviewers with ids that do not belong together", () => {
  /** Call X's own form, as the edit page renders it. */
  async function formOfX() {
    const call = await getCall(db, ids.callX);
    if (!call) throw new Error("call X missing");
    const documents = (await db.execute(
      sql`select id, call_id as "callId", position, label, mandatory, accepted_types as "acceptedTypes" from required_documents where call_id = ${ids.callX} order by position`,
    )) as unknown as Parameters<typeof callToForm>[2];
    return callToForm(call, await getGrid(db, ids.callX), documents);
  }

  it("updateCall of X with Y's criterion or Y's document in the form", async () => {
    const own = await formOfX();
    const withCriterion = {
      ...own,
      criteria: [
        ...own.criteria,
        { id: ids.criterionY, label: "Impact", helpText: "", weight: "1", maxScore: "5" },
      ],
    };
    const crossed = await expectRefused(ids.admin, "foreign_criterion", () =>
      callActions.updateCall(null, form({ id: ids.callX, payload: JSON.stringify(withCriterion) })),
    );
    expect(crossed.fieldErrors?.criteria?.[0]).toContain("d’un autre appel");
    const withDocument = {
      ...own,
      documents: [
        ...own.documents,
        { id: ids.documentY, label: "Budget", mandatory: true, acceptedTypes: ["application/pdf"] },
      ],
    };
    await expectRefused(ids.admin, "foreign_document", () =>
      callActions.updateCall(null, form({ id: ids.callX, payload: JSON.stringify(withDocument) })),
    );
    // The same form without the foreign ids is accepted: the refusal is about them.
    expect(
      await attempt(ids.admin, () =>
        callActions.updateCall(null, form({ id: ids.callX, payload: JSON.stringify(own) })),
      ),
    ).toMatchObject({ ok: true });
  });

  it("applyBulkAssignment on X with the preview computed for Y", async () => {
    const board = await loadAssignmentBoard(db, ids.callY);
    const fingerprint = planFingerprint(planAssignments(assignmentInput(board, 2, false)));
    await expectRefused(ids.admin, "stale_preview", () =>
      assignmentActions.applyBulkAssignment(null, form({ callId: ids.callX, fingerprint })),
    );
  });

  it("assignReviewer with the id of someone who is not a reviewer", async () => {
    await expectRefused(ids.admin, "invalid", () =>
      assignmentActions.assignReviewer(
        null,
        form({ applicationId: ids.applicationX, reviewerId: ids.editor1 }),
      ),
    );
  });

  it("saveReview on X's application scored with Y's criterion", async () => {
    await expectRefused(ids.reviewer, "invalid", () =>
      reviewActions.saveReview(
        null,
        form({
          applicationId: ids.applicationX,
          intent: "submit",
          overallComment: "Très bon dossier.",
          recommendation: "accept",
          [`score.${ids.criterionY}`]: "5",
        }),
      ),
    );
  });
});
