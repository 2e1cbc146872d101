/**
 * An information request's thread on the real test PostgreSQL, through the
 * real server actions and the real answer route: asked, answered with a PDF,
 * asked again in the same thread, answered again, closed; the status, the
 * audit trail and the outbox at each step, and bad input refused in French
 * with nothing written. Only Next's request context is replaced (Auth.js's
 * session, cache invalidation).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
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
  userRoles,
  users,
} from "@/db/schema";
import { testDb } from "@/db/testing/database";
import type { ActionResult } from "@/lib/result";

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
const as = <T>(userId: string, run: () => Promise<T>) => session.run(userId, run);

const actions = await import("./actions");
const answerRoute = await import("@/app/api/information-requests/[id]/answers/route");
const { threadsOf } = await import("./queries");
const { answerDocuments } = await import("./rules");

const { db, close } = testDb();
afterAll(close);

const TAG = `thread-${Date.now().toString(36)}`;
const ids = { org: 0, applicant: "", reviewer: "", conflicted: "", call: "", application: "", thread: "" };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const pdf = (text: string) =>
  new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`);

async function newUser(label: string) {
  const [user] = await db
    .insert(users)
    .values({ email: `${TAG}-${label}@exemple.fr`, name: `Agent ${label}` })
    .returning({ id: users.id });
  return user?.id as string;
}

function answer(
  userId: string,
  threadId: string,
  body: string,
  files: { name: string; bytes: Uint8Array }[],
) {
  const data = new FormData();
  data.set("body", body);
  for (const f of files) data.append("file", new File([Buffer.from(f.bytes)], f.name));
  return as(userId, () =>
    answerRoute.POST(
      new Request(`http://localhost/api/information-requests/${threadId}/answers`, {
        method: "POST",
        body: data,
      }),
      { params: Promise.resolve({ id: threadId }) },
    ),
  );
}

const status = async () =>
  (
    await db.select({ s: applications.status }).from(applications).where(eq(applications.id, ids.application))
  )[0]?.s;
const auditActions = async () =>
  (
    await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, ids.application))
      .orderBy(auditEvents.occurredAt)
  ).map((r) => r.action);
const mails = async () =>
  db
    .select({ to: emailOutbox.toAddress, template: emailOutbox.template, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(like(emailOutbox.toAddress, `${TAG}-%`))
    .orderBy(emailOutbox.createdAt);

beforeAll(async () => {
  process.env.FILE_STORE_DIR = await mkdtemp(path.join(tmpdir(), "answers-"));
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, "commune"))
    .limit(1);
  ids.org = org?.id as number;
  ids.applicant = await newUser("porteur");
  ids.reviewer = await newUser("instructeur");
  ids.conflicted = await newUser("instructeur-conflit");
  await db.insert(userRoles).values([
    { userId: ids.reviewer, role: "reviewer" },
    { userId: ids.conflicted, role: "reviewer" },
  ]);
  await db.insert(memberships).values({
    userId: ids.applicant,
    organisationId: ids.org,
    role: "manager",
    status: "active",
    confirmedAt: new Date(),
  });
  const [call] = await db
    .insert(calls)
    .values({
      slug: TAG,
      code: "THR",
      year: 2098,
      lastReceiptSeq: 10,
      title: `Appel ${TAG}`,
      opensAt: new Date(Date.now() - 30 * 86_400_000),
      closesAt: new Date(Date.now() - 86_400_000),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 10_000_000_00,
    })
    .returning({ id: calls.id });
  ids.call = call?.id as string;
  const [app] = await db
    .insert(applications)
    .values({
      callId: ids.call,
      leadOrganisationId: ids.org,
      title: `${TAG} dossier`,
      status: "in_review",
      isFictitious: false,
      submittedAt: new Date(),
      receiptNumber: "2098-THR-0001",
    })
    .returning({ id: applications.id });
  ids.application = app?.id as string;
  await db.insert(reviewerAssignments).values([
    { applicationId: ids.application, reviewerId: ids.reviewer },
    {
      applicationId: ids.application,
      reviewerId: ids.conflicted,
      conflictDeclaredAt: new Date(),
      conflictReason: "Élu de la commune.",
    },
  ]);
});

describe("an information request answered twice with a PDF", () => {
  it("asks: the application waits for the applicant, who gets an e-mail", async () => {
    const result = (await as(ids.reviewer, () =>
      actions.requestInformation(
        null,
        form({ applicationId: ids.application, message: "Joignez la lettre d’engagement signée." }),
      ),
    )) as ActionResult;
    expect(result).toMatchObject({ ok: true });
    expect(await status()).toBe("information_requested");
    const [root] = await db
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.applicationId, ids.application));
    ids.thread = root?.id as string;
    expect((await mails()).map((m) => [m.to, m.template])).toEqual([
      [`${TAG}-porteur@exemple.fr`, "information-request"],
    ]);
  });

  it("refuses an answer too long or a file that is not what it says, in French, writing nothing", async () => {
    const before = await db.select().from(messages).where(eq(messages.applicationId, ids.application));
    const long = await answer(ids.applicant, ids.thread, "x".repeat(10_001), []);
    expect(long.status).toBe(422);
    expect(((await long.json()) as { fieldErrors: { body: string[] } }).fieldErrors.body[0]).toContain(
      "10\u00a0000 caractères",
    );
    const fake = await answer(ids.applicant, ids.thread, "Voici la lettre.", [
      { name: "lettre.pdf", bytes: new TextEncoder().encode("MZ\x90\x00 not a pdf") },
    ]);
    expect(fake.status).toBe(415);
    expect(((await fake.json()) as { fieldErrors: { files: string[] } }).fieldErrors.files[0]).toContain(
      "«\u00a0lettre.pdf\u00a0»",
    );
    expect(await db.select().from(messages).where(eq(messages.applicationId, ids.application))).toEqual(
      before,
    );
    expect(await db.select().from(attachments).where(eq(attachments.applicationId, ids.application))).toEqual(
      [],
    );
    expect(await status()).toBe("information_requested");
  });

  it("answers with a PDF: back in review, audited with the file's hash, the reviewer e-mailed", async () => {
    const response = await answer(ids.applicant, ids.thread, "Voici la lettre signée.", [
      { name: "lettre-signee.pdf", bytes: pdf("première") },
    ]);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { attachments: { name: string; sha256: string }[] };
    expect(body.attachments.map((a) => a.name)).toEqual(["lettre-signee.pdf"]);
    expect(body.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await status()).toBe("in_review");
    const [event] = await db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.subjectId, ids.application),
          eq(auditEvents.action, "application.information_provided"),
        ),
      );
    expect(JSON.stringify(event?.data)).toContain(body.attachments[0]?.sha256 as string);
    const reviewerMail = (await mails()).find((m) => m.template === "information-answered");
    expect(reviewerMail?.to).toBe(`${TAG}-instructeur@exemple.fr`);
    expect(reviewerMail?.text).toContain("lettre-signee.pdf");
  });

  it("asks again in the same thread, and the applicant answers again with another PDF", async () => {
    const again = (await as(ids.reviewer, () =>
      actions.requestInformation(
        null,
        form({
          applicationId: ids.application,
          threadId: ids.thread,
          message: "La lettre n’est pas signée : renvoyez-la signée.",
        }),
      ),
    )) as ActionResult;
    expect(again).toMatchObject({ ok: true });
    expect(await status()).toBe("information_requested");
    const second = await answer(ids.applicant, ids.thread, "La voici signée.", [
      { name: "lettre-signee-v2.pdf", bytes: pdf("seconde") },
    ]);
    expect(second.status).toBe(201);
    expect(await status()).toBe("in_review");
    const threads = await threadsOf(db, ids.application);
    expect(threads).toHaveLength(1);
    expect(threads[0]?.messages.map((m) => m.kind)).toEqual([
      "information_request",
      "answer",
      "information_request",
      "answer",
    ]);
    expect(answerDocuments(threads).map((d) => d.name)).toEqual([
      "lettre-signee.pdf",
      "lettre-signee-v2.pdf",
    ]);
  });

  it("closes the thread: a conflicted reviewer may not, the applicant can no longer answer", async () => {
    const refused = (await as(ids.conflicted, () =>
      actions.closeInformationRequest(null, form({ applicationId: ids.application, threadId: ids.thread })),
    )) as ActionResult;
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    const closed = (await as(ids.reviewer, () =>
      actions.closeInformationRequest(null, form({ applicationId: ids.application, threadId: ids.thread })),
    )) as ActionResult;
    expect(closed).toMatchObject({ ok: true });
    const late = await answer(ids.applicant, ids.thread, "Un dernier mot.", []);
    expect(late.status).toBe(403);
    expect(((await late.json()) as { message: string }).message).toContain("close");
    const followUp = (await as(ids.reviewer, () =>
      actions.requestInformation(
        null,
        form({ applicationId: ids.application, threadId: ids.thread, message: "Encore une question ?" }),
      ),
    )) as ActionResult;
    expect(followUp).toMatchObject({ ok: false, code: "forbidden" });
    expect(await auditActions()).toEqual([
      "application.information_requested",
      "application.information_provided",
      "application.information_requested",
      "application.information_provided",
      "application.information_request_closed",
    ]);
    const rows = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(inArray(attachments.applicationId, [ids.application]));
    expect(rows).toHaveLength(2);
  });
});
