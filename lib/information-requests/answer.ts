import "server-only";
/**
 * Storing an applicant's answer in an information request's thread: its text
 * and documents (the checks of every upload, lib/files/uploads.ts), the
 * application back in review, the audit event and the reviewers' e-mails, in
 * one transaction. Called by the route handler (files go through a route
 * handler, not a server action: actions limit bodies to 1 MB).
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, attachments, calls, messages, users } from "@/db/schema";
import { allows, isReviewable } from "@/lib/applications/lifecycle";
import { requireTransition } from "@/lib/applications/transition";
import { recordAudit } from "@/lib/audit";
import { nameForType } from "@/lib/files/magic";
import { getFileStore, newStorageKey, safeDisplayName } from "@/lib/files/store";
import { checkUploadedFile } from "@/lib/files/uploads";
import { enqueueEmail } from "@/lib/mail/outbox";
import { informationAnsweredEmail } from "@/lib/mail/templates";
import { ANSWER_ACCEPTED_TYPES, answerErrors } from "./rules";

export type AnswerOutcome =
  | {
      ok: true;
      answerId: string;
      attachments: { id: string; name: string; sizeBytes: number; sha256: string }[];
    }
  | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> };

export async function storeAnswer(
  db: Database,
  input: {
    applicationId: string;
    threadId: string;
    userId: string;
    body: string;
    files: { name: string; bytes: Uint8Array }[];
    /** Absolute URL of the application's review page, for the reviewers' e-mail. */
    reviewUrl: string;
  },
): Promise<AnswerOutcome> {
  // Control characters (NUL above all, which PostgreSQL's text refuses) are no part of an answer.
  const body = [...input.body]
    .filter((c) => {
      const code = c.charCodeAt(0);
      return code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 127);
    })
    .join("")
    .trim();
  const errors = answerErrors(body, input.files.length);
  if (Object.keys(errors).length > 0) {
    return {
      ok: false,
      status: 422,
      message: "La réponse contient des erreurs\u00a0: corrigez les champs signalés.",
      fieldErrors: errors,
    };
  }
  const checked: { name: string; bytes: Uint8Array; type: string }[] = [];
  for (const file of input.files) {
    const result = await checkUploadedFile(file.bytes, ANSWER_ACCEPTED_TYPES);
    const name = safeDisplayName(file.name) || "document";
    if (!result.ok) {
      const message = `«\u00a0${name}\u00a0»\u00a0: ${result.message}`;
      return { ok: false, status: result.status, message, fieldErrors: { files: [message] } };
    }
    checked.push({ name: nameForType(name, result.type), bytes: file.bytes, type: result.type });
  }
  // Files are written before their rows (a failure in between leaves files without rows, which
  // removeOrphanFiles deletes later, never a row without its file).
  const store = getFileStore();
  const stored: { name: string; bytes: Uint8Array; type: string; key: string; sha256: string }[] = [];
  for (const file of checked) {
    const key = newStorageKey("messages", input.applicationId);
    await store.put(key, file.bytes);
    stored.push({ ...file, key, sha256: createHash("sha256").update(file.bytes).digest("hex") });
  }
  const outcome = await db.transaction(async (tx): Promise<AnswerOutcome> => {
    // Under the application's lock: a decision, a withdrawal or a closing in between wins.
    const [application] = await tx
      .select({
        status: applications.status,
        title: applications.title,
        callTitle: calls.title,
      })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(applications.id, input.applicationId))
      .for("update", { of: applications });
    if (!application || !isReviewable(application.status)) {
      return {
        ok: false,
        status: 409,
        message: "Ce dossier n’est plus en instruction\u00a0: rechargez la page.",
      };
    }
    const [root] = await tx
      .select({ id: messages.id, closedAt: messages.closedAt })
      .from(messages)
      .where(
        and(
          eq(messages.id, input.threadId),
          eq(messages.applicationId, input.applicationId),
          eq(messages.kind, "information_request"),
          isNull(messages.inReplyTo),
        ),
      );
    if (!root) return { ok: false, status: 404, message: "Demande introuvable." };
    if (root.closedAt) {
      return {
        ok: false,
        status: 409,
        message: "Cette demande a été close par le service instructeur\u00a0: rechargez la page.",
      };
    }
    const [answer] = await tx
      .insert(messages)
      .values({
        applicationId: input.applicationId,
        kind: "answer",
        body: body || "(Documents joints sans texte.)",
        authorId: input.userId,
        inReplyTo: root.id,
      })
      .returning({ id: messages.id });
    if (!answer) throw new Error("insert returned nothing");
    const rows = stored.length
      ? await tx
          .insert(attachments)
          .values(
            stored.map((f) => ({
              applicationId: input.applicationId,
              messageId: answer.id,
              originalName: f.name,
              storageKey: f.key,
              contentType: f.type,
              sizeBytes: f.bytes.byteLength,
              sha256: f.sha256,
              uploadedBy: input.userId,
            })),
          )
          .returning({
            id: attachments.id,
            name: attachments.originalName,
            sizeBytes: attachments.sizeBytes,
            sha256: attachments.sha256,
          })
      : [];
    const previousStatus = application.status;
    if (allows("answerInformation", previousStatus)) {
      await requireTransition(tx, "answerInformation", {
        applicationId: input.applicationId,
        actorId: input.userId,
        audit: "caller",
      });
    }
    await recordAudit(tx, {
      actorId: input.userId,
      action: "application.information_provided",
      subjectType: "application",
      subjectId: input.applicationId,
      data: {
        threadId: root.id,
        answerId: answer.id,
        attachments: rows.map((r) => ({ id: r.id, sha256: r.sha256, sizeBytes: r.sizeBytes })),
        previousStatus,
      },
    });
    // The reviewers who asked in this thread hear of the answer.
    const askers = await tx
      .selectDistinct({ email: users.email })
      .from(messages)
      .innerJoin(users, eq(users.id, messages.authorId))
      .where(
        and(
          eq(messages.kind, "information_request"),
          inArray(
            messages.id,
            sql`(select id from messages where id = ${root.id} or in_reply_to = ${root.id})`,
          ),
        ),
      );
    const content = informationAnsweredEmail({
      applicationTitle: application.title,
      callTitle: application.callTitle,
      documents: rows.map((r) => ({ name: r.name, sizeBytes: r.sizeBytes })),
      url: input.reviewUrl,
    });
    for (const { email } of askers) {
      await enqueueEmail(tx, {
        to: email,
        ...content,
        template: "information-answered",
        dedupeKey: `information-answered:${answer.id}:${email}`,
      });
    }
    return { ok: true, answerId: answer.id, attachments: rows };
  });
  if (!outcome.ok) {
    for (const f of stored) await store.delete(f.key).catch(() => undefined);
  }
  return outcome;
}
