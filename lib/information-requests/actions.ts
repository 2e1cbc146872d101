"use server";

import { and, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { applications, messages } from "@/db/schema";
import { allows, isReviewable } from "@/lib/applications/lifecycle";
import { requireTransition } from "@/lib/applications/transition";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import {
  canCloseInformationRequest,
  canFollowUpInformationRequest,
  canRequestInformation,
} from "@/lib/authz/policy";
import { enqueueEmail } from "@/lib/mail/outbox";
import { informationRequestEmail } from "@/lib/mail/templates";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, fail, ok } from "@/lib/result";
import { loadApplicationCore, loadAssignment } from "@/lib/review/application";
import { findThread } from "./queries";
import { closeThreadSchema, informationRequestSchema } from "./schema";

const NOT_SIGNED_IN = "Votre session a expiré\u00a0: reconnectez-vous. Ce que vous avez saisi reste affiché.";
const FORBIDDEN = "Vous ne pouvez pas faire cela sur ce dossier.";
const INVALID = "Le formulaire contient des erreurs\u00a0: corrigez les champs signalés.";

function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/**
 * Asks the applicant for more information, in a new thread or (threadId) again
 * in an open one: message, status « compléments demandés », audit, e-mail to
 * the lead organisation's active members.
 */
export async function requestInformation(
  _prev: ActionResult<{ recipients: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ recipients: number }>> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = informationRequestSchema.safeParse({
    applicationId: formData.get("applicationId"),
    threadId: formData.get("threadId") || undefined,
    message: formData.get("message") ?? "",
  });
  if (!parsed.success) return fail("invalid", INVALID, fieldErrorsOf(parsed.error));
  const { applicationId, threadId, message: body } = parsed.data;
  const core = await loadApplicationCore(applicationId);
  if (!core) return fail("not_found", "Dossier introuvable.");
  const assignment = await loadAssignment(user.id, core.id);
  const db = getDb();
  const thread = threadId ? await findThread(db, core.id, threadId) : null;
  if (threadId && !thread) return fail("not_found", "Demande introuvable.");
  const allowed = threadId
    ? canFollowUpInformationRequest(user, assignment, core.status, thread)
    : canRequestInformation(user, assignment, core.status);
  if (!allowed) return fail("forbidden", FORBIDDEN);
  const done = await db.transaction(async (tx) => {
    // Under the application's lock: an answer, a closing or a decision in between wins.
    const [locked] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, core.id))
      .for("update");
    if (!locked || !allows("requestInformation", locked.status)) return false;
    if (threadId) {
      const [open] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.id, threadId), isNull(messages.closedAt)));
      if (!open) return false;
    }
    // The event, with the message's ids, is written below.
    await requireTransition(tx, "requestInformation", {
      applicationId: core.id,
      actorId: user.id,
      touch: false,
      set: { updatedAt: new Date() },
      audit: "caller",
    });
    const [message] = await tx
      .insert(messages)
      .values({
        applicationId: core.id,
        kind: "information_request",
        body,
        authorId: user.id,
        inReplyTo: threadId ?? null,
      })
      .returning({ id: messages.id });
    if (!message) throw new Error("insert returned nothing");
    await recordAudit(tx, {
      actorId: user.id,
      action: "application.information_requested",
      subjectType: "application",
      subjectId: core.id,
      data: { messageId: message.id, threadId: threadId ?? message.id },
    });
    // The applicants: active members of the lead organisation.
    const recipients = (await tx.execute(sql`
      select distinct u.email from memberships m join users u on u.id = m.user_id
      where m.organisation_id = ${core.leadOrganisationId} and m.status = 'active'`)) as unknown as {
      email: string;
    }[];
    const content = informationRequestEmail({
      applicationTitle: core.title,
      callTitle: core.callTitle,
      message: body,
      url: absoluteUrl(`/espace/dossiers/${core.id}#echanges`),
    });
    for (const r of recipients) {
      await enqueueEmail(tx, {
        to: r.email,
        ...content,
        template: "information-request",
        dedupeKey: `information-request:${message.id}:${r.email}`,
      });
    }
    // Nobody to write to: said to the reviewer at once (the form warns), not dropped in silence.
    return { recipients: recipients.length };
  });
  if (!done)
    return fail(
      "state_changed",
      "Ce dossier ou cette demande a changé entre-temps\u00a0: rechargez la page.",
    );
  revalidatePath(`/instruction/dossiers/${core.id}`);
  return ok(done);
}

/**
 * Closes an information request's thread: no answer is expected any more; an
 * application waiting for its answer goes back in review. Audited.
 */
export async function closeInformationRequest(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = closeThreadSchema.safeParse({
    applicationId: formData.get("applicationId"),
    threadId: formData.get("threadId"),
  });
  if (!parsed.success) return fail("invalid", INVALID, fieldErrorsOf(parsed.error));
  const core = await loadApplicationCore(parsed.data.applicationId);
  if (!core) return fail("not_found", "Dossier introuvable.");
  const assignment = await loadAssignment(user.id, core.id);
  const db = getDb();
  const thread = await findThread(db, core.id, parsed.data.threadId);
  if (!thread) return fail("not_found", "Demande introuvable.");
  if (!canCloseInformationRequest(user, assignment, core.status, thread)) return fail("forbidden", FORBIDDEN);
  const done = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, core.id))
      .for("update");
    if (!locked || !isReviewable(locked.status)) return false;
    const closed = await tx
      .update(messages)
      .set({ closedAt: new Date(), closedBy: user.id })
      .where(and(eq(messages.id, thread.id), isNull(messages.closedAt)))
      .returning({ id: messages.id });
    if (closed.length === 0) return false;
    // Only one thread can wait for an answer (a new request needs the application in review).
    if (allows("closeInformationRequest", locked.status)) {
      await requireTransition(tx, "closeInformationRequest", {
        applicationId: core.id,
        actorId: user.id,
        touch: false,
        set: { updatedAt: new Date() },
        audit: "caller",
      });
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "application.information_request_closed",
      subjectType: "application",
      subjectId: core.id,
      data: { threadId: thread.id, previousStatus: locked.status },
    });
    return true;
  });
  if (!done) return fail("state_changed", "Cette demande a changé entre-temps\u00a0: rechargez la page.");
  revalidatePath(`/instruction/dossiers/${core.id}`);
  return ok(undefined);
}
