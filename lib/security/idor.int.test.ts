/**
 * Access on the real test PostgreSQL, through the real
 * server actions and the real file route handlers: an applicant of another
 * organisation sending an organisation's ids to every applicant action that
 * takes one (IDOR), and reviewers reaching an application they are conflicted
 * on or not assigned to. Every attempt is refused and writes nothing: the rows
 * the action could touch are compared before and after. Only Next's request
 * context is replaced: Auth.js's session (the real `getCurrentUser` then reads
 * the principal from the database) and cache invalidation.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { eq, inArray, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  applications,
  attachments,
  auditEvents,
  calls,
  emailOutbox,
  memberships,
  messages,
  organisations,
  reviewerAssignments,
  reviews,
  scores,
  userRoles,
  users,
} from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { emptyApplicationForm } from "@/lib/applications/schema";
import type { ActionResult } from "@/lib/result";

const signedIn = vi.hoisted(() => {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  return { current: null as null | { getStore: () => string | undefined } };
});

// Who is signed in: Auth.js's session is replaced; the real getCurrentUser reads the principal from the database.
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => {
    const id = signedIn.current?.getStore();
    return id ? { user: { id } } : null;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const session = new AsyncLocalStorage<string>();
signedIn.current = session;
const as = <T>(userId: string, run: () => Promise<T>) => session.run(userId, run);

const applicationActions = await import("@/lib/applications/actions");
const membershipActions = await import("@/lib/memberships/actions");
const { submitProgressReport } = await import("@/lib/grants/actions");
const reviewActions = await import("@/lib/review/actions");
const informationActions = await import("@/lib/information-requests/actions");
const uploadRoute = await import("@/app/api/files/route");
const fileRoute = await import("@/app/api/files/[id]/route");
const answerRoute = await import("@/app/api/information-requests/[id]/answers/route");

const { db, close } = testDb();
afterAll(close);

const TAG = `idor-${Date.now().toString(36)}`;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

/** Runs a server action; a redirect (Next's NEXT_REDIRECT) would mean it went through. */
async function call(action: () => Promise<unknown>) {
  try {
    return (await action()) as ActionResult;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirect: digest };
    throw error;
  }
}

const ids = {
  orgA: 0,
  orgB: 0,
  applicantA: "",
  pendingA: "",
  applicantB: "",
  reviewerConflicted: "",
  reviewerUnassigned: "",
  openCall: "",
  draft: "",
  requested: "",
  requestId: "",
  inReview: "",
  accepted: "",
  pendingMembership: "",
  managerMembership: "",
  attachment: "",
};

async function newUser(label: string) {
  const [user] = await db
    .insert(users)
    .values({ email: `${TAG}-${label}@exemple.fr`, name: `Agent ${label}` })
    .returning({ id: users.id });
  return user?.id as string;
}

/** Receipt numbers in the app's format (other tests check every receipt of the database). */
let receiptSeq = 0;

async function newApplication(status: "draft" | "information_requested" | "in_review" | "accepted") {
  const [app] = await db
    .insert(applications)
    .values({
      callId: ids.openCall,
      leadOrganisationId: ids.orgA,
      title: `${TAG} ${status}`,
      status,
      isFictitious: false,
      createdBy: ids.applicantA,
      updatedBy: ids.applicantA,
      ...(status === "draft"
        ? {}
        : { submittedAt: new Date(), receiptNumber: `2099-IDR-${String(++receiptSeq).padStart(4, "0")}` }),
    })
    .returning({ id: applications.id });
  return app?.id as string;
}

beforeAll(async () => {
  const communes = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, "commune"))
    .orderBy(sql`${organisations.id} desc`)
    .limit(2);
  ids.orgA = communes[0]?.id as number;
  ids.orgB = communes[1]?.id as number;
  ids.applicantA = await newUser("a");
  ids.pendingA = await newUser("a-pending");
  ids.applicantB = await newUser("b");
  ids.reviewerConflicted = await newUser("reviewer-conflicted");
  ids.reviewerUnassigned = await newUser("reviewer-unassigned");
  await db.insert(userRoles).values([
    { userId: ids.reviewerConflicted, role: "reviewer" },
    { userId: ids.reviewerUnassigned, role: "reviewer" },
  ]);
  const rows = await db
    .insert(memberships)
    .values([
      {
        userId: ids.applicantA,
        organisationId: ids.orgA,
        role: "manager",
        status: "active",
        confirmedAt: new Date(),
      },
      { userId: ids.pendingA, organisationId: ids.orgA, role: "member", status: "pending" },
      {
        userId: ids.applicantB,
        organisationId: ids.orgB,
        role: "manager",
        status: "active",
        confirmedAt: new Date(),
      },
    ])
    .returning({ id: memberships.id });
  ids.managerMembership = rows[0]?.id as string;
  ids.pendingMembership = rows[1]?.id as string;
  const [call] = await db
    .insert(calls)
    .values({
      slug: TAG,
      code: "IDR",
      year: 2099,
      // Above every receipt number drawn below, as the app keeps it.
      lastReceiptSeq: 100,
      title: `Appel ${TAG}`,
      opensAt: new Date(Date.now() - 7 * 86_400_000),
      closesAt: new Date(Date.now() + 7 * 86_400_000),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 10_000_000_00,
    })
    .returning({ id: calls.id });
  ids.openCall = call?.id as string;
  ids.draft = await newApplication("draft");
  ids.requested = await newApplication("information_requested");
  ids.inReview = await newApplication("in_review");
  ids.accepted = await newApplication("accepted");
  const [request] = await db
    .insert(messages)
    .values({ applicationId: ids.requested, kind: "information_request", body: "Précisez le budget." })
    .returning({ id: messages.id });
  ids.requestId = request?.id as string;
  await db.insert(reviewerAssignments).values({
    applicationId: ids.inReview,
    reviewerId: ids.reviewerConflicted,
    conflictDeclaredAt: new Date(),
    conflictReason: "Élu de la commune.",
  });
  const [attachment] = await db
    .insert(attachments)
    .values({
      applicationId: ids.inReview,
      originalName: "budget.pdf",
      storageKey: `applications/${ids.inReview}/${randomUUID()}`,
      contentType: "application/pdf",
      sizeBytes: 10,
      sha256: "x",
      uploadedBy: ids.applicantA,
    })
    .returning({ id: attachments.id });
  ids.attachment = attachment?.id as string;
});

/** Everything an action of this file could write about organisation A and its applications. */
async function snapshot() {
  const appIds = [ids.draft, ids.requested, ids.inReview, ids.accepted];
  const [apps, members, msgs, assignments, revs, scoreRows, files, audit, mail, created] = await Promise.all([
    db
      .select({
        id: applications.id,
        status: applications.status,
        version: applications.version,
        title: applications.title,
        updatedAt: applications.updatedAt,
      })
      .from(applications)
      .where(inArray(applications.id, appIds))
      .orderBy(applications.id),
    db.select().from(memberships).where(eq(memberships.organisationId, ids.orgA)).orderBy(memberships.id),
    db.select().from(messages).where(inArray(messages.applicationId, appIds)).orderBy(messages.id),
    db
      .select()
      .from(reviewerAssignments)
      .where(inArray(reviewerAssignments.applicationId, appIds))
      .orderBy(reviewerAssignments.id),
    db.select().from(reviews).where(inArray(reviews.applicationId, appIds)),
    db.select({ n: sql<number>`count(*)::int` }).from(scores),
    db.select().from(attachments).where(inArray(attachments.applicationId, appIds)).orderBy(attachments.id),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        or(
          inArray(auditEvents.subjectId, appIds),
          inArray(auditEvents.actorId, [ids.applicantB, ids.reviewerConflicted, ids.reviewerUnassigned]),
        ),
      ),
    db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(eq(applications.leadOrganisationId, ids.orgA)),
  ]);
  return { apps, members, msgs, assignments, revs, scoreRows, files, audit, mail, created };
}

/** The attempt is refused (a failed result, never a redirect to a receipt or a new page) and writes nothing. */
async function expectRefusedAndNothingWritten(attempt: () => Promise<unknown>) {
  const before = await snapshot();
  const result = await call(attempt);
  expect(result).toMatchObject({ ok: false });
  expect((result as { code: string }).code).toMatch(/^(forbidden|not_found)$/);
  expect((result as { message: string }).message).toMatch(/vous|introuvable|seul/i);
  expect(await snapshot()).toEqual(before);
}

describe("an applicant of organisation B with organisation A's ids", () => {
  const asB =
    <T>(run: () => Promise<T>) =>
    () =>
      as(ids.applicantB, run);

  it("saveApplication on A's draft", async () => {
    const payload = JSON.stringify({
      applicationId: ids.draft,
      version: 1,
      changes: { title: "Détourné par B" },
      base: { title: emptyApplicationForm.title },
    });
    await expectRefusedAndNothingWritten(
      asB(() => applicationActions.saveApplication(null, form({ payload }))),
    );
  });

  it("submitApplication on A's draft", async () => {
    await expectRefusedAndNothingWritten(
      asB(() => applicationActions.submitApplication(null, form({ applicationId: ids.draft }))),
    );
  });

  it("withdrawApplication on A's application in review", async () => {
    await expectRefusedAndNothingWritten(
      asB(() =>
        applicationActions.withdrawApplication(
          null,
          form({ applicationId: ids.inReview, reason: "Retrait par un tiers.", confirm: "on" }),
        ),
      ),
    );
  });

  it("answers A's pending request through the route handler: 404, nothing written", async () => {
    const before = await snapshot();
    const body = new FormData();
    body.set("body", "Réponse d’un tiers.");
    body.append("file", new File([new TextEncoder().encode("%PDF-1.4\n")], "lettre.pdf"));
    const posted = await as(ids.applicantB, () =>
      answerRoute.POST(
        new Request(`http://localhost/api/information-requests/${ids.requestId}/answers`, {
          method: "POST",
          body,
        }),
        { params: Promise.resolve({ id: ids.requestId }) },
      ),
    );
    expect(posted.status).toBe(404);
    expect(((await posted.json()) as { message: string }).message).toBe("Demande introuvable.");
    expect(await snapshot()).toEqual(before);
  });

  it("createApplication for organisation A", async () => {
    await expectRefusedAndNothingWritten(
      asB(() =>
        applicationActions.createApplication(
          null,
          form({ callId: ids.openCall, organisationId: String(ids.orgA), title: "Dossier au nom de A" }),
        ),
      ),
    );
  });

  it("inviteMember into organisation A", async () => {
    await expectRefusedAndNothingWritten(
      asB(() =>
        membershipActions.inviteMember(
          null,
          form({ organisationId: String(ids.orgA), email: `${TAG}-intrus@exemple.fr`, role: "manager" }),
        ),
      ),
    );
  });

  it("confirmMembership of A's pending member", async () => {
    await expectRefusedAndNothingWritten(
      asB(() => membershipActions.confirmMembership(null, form({ membershipId: ids.pendingMembership }))),
    );
  });

  it("removeMember of A's manager", async () => {
    await expectRefusedAndNothingWritten(
      asB(() => membershipActions.removeMember(null, form({ membershipId: ids.managerMembership }))),
    );
  });

  it("submitProgressReport on A's accepted project", async () => {
    await expectRefusedAndNothingWritten(
      asB(() =>
        submitProgressReport(
          null,
          form({
            applicationId: ids.accepted,
            kind: "intermediate",
            body: "Rapport rédigé par un tiers qui voudrait parler au nom de la collectivité A.",
          }),
        ),
      ),
    );
  });

  it("uploads to A's draft and downloads or removes A's file through the route handlers: 404", async () => {
    const before = await snapshot();
    const upload = new FormData();
    upload.set("applicationId", ids.draft);
    upload.set("requiredDocumentId", randomUUID());
    upload.set("file", new File([new TextEncoder().encode("%PDF-1.4\n")], "piece.pdf"));
    const posted = await as(ids.applicantB, () =>
      uploadRoute.POST(new Request("http://localhost/api/files", { method: "POST", body: upload })),
    );
    expect(posted.status).toBe(404);
    const params = { params: Promise.resolve({ id: ids.attachment }) };
    const got = await as(ids.applicantB, () =>
      fileRoute.GET(new Request(`http://localhost/api/files/${ids.attachment}`), params),
    );
    expect(got.status).toBe(404);
    const deleted = await as(ids.applicantB, () =>
      fileRoute.DELETE(new Request(`http://localhost/api/files/${ids.attachment}`, { method: "DELETE" }), {
        params: Promise.resolve({ id: ids.attachment }),
      }),
    );
    expect(deleted.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe("reviewers outside their assignments", () => {
  const scoresForm = (applicationId: string) =>
    form({ applicationId, intent: "submit", overallComment: "Très bon dossier.", recommendation: "accept" });

  it("a conflicted reviewer cannot score, declare again or request information", async () => {
    const asConflicted =
      <T>(run: () => Promise<T>) =>
      () =>
        as(ids.reviewerConflicted, run);
    await expectRefusedAndNothingWritten(
      asConflicted(() => reviewActions.saveReview(null, scoresForm(ids.inReview))),
    );
    await expectRefusedAndNothingWritten(
      asConflicted(() =>
        reviewActions.declareConflict(null, form({ applicationId: ids.inReview, reason: "Encore un lien." })),
      ),
    );
    await expectRefusedAndNothingWritten(
      asConflicted(() =>
        informationActions.requestInformation(
          null,
          form({ applicationId: ids.inReview, message: "Envoyez le budget détaillé." }),
        ),
      ),
    );
  });

  it("an unassigned reviewer cannot score or request information", async () => {
    const asUnassigned =
      <T>(run: () => Promise<T>) =>
      () =>
        as(ids.reviewerUnassigned, run);
    await expectRefusedAndNothingWritten(
      asUnassigned(() => reviewActions.saveReview(null, scoresForm(ids.inReview))),
    );
    await expectRefusedAndNothingWritten(
      asUnassigned(() =>
        informationActions.requestInformation(
          null,
          form({ applicationId: ids.inReview, message: "Envoyez le budget détaillé." }),
        ),
      ),
    );
  });

  it("a conflicted reviewer gets 403 on the application's file, an unassigned one 404", async () => {
    const params = () => ({ params: Promise.resolve({ id: ids.attachment }) });
    const request = () => new Request(`http://localhost/api/files/${ids.attachment}`);
    const conflicted = await as(ids.reviewerConflicted, () => fileRoute.GET(request(), params()));
    expect(conflicted.status).toBe(403);
    expect(await conflicted.text()).toContain("conflit d’intérêts");
    const unassigned = await as(ids.reviewerUnassigned, () => fileRoute.GET(request(), params()));
    expect(unassigned.status).toBe(404);
  });
});
