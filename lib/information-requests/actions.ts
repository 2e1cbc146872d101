"use server";

import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, messages } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { allows, isReviewable } from "@/lib/applications/lifecycle";
import { requireTransition } from "@/lib/applications/transition";
import { recordAudit } from "@/lib/audit";
import {
  canCloseInformationRequest,
  canFollowUpInformationRequest,
  canRequestInformation,
} from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { enqueueEmail } from "@/lib/mail/outbox";
import { informationRequestEmail } from "@/lib/mail/templates";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, fail, ok } from "@/lib/result";
import { loadApplicationCore, loadAssignment } from "@/lib/review/application";
import { findThread } from "./queries";
import { closeThreadSchema, informationRequestSchema } from "./schema";

// The request's form keeps what was typed after a refusal: an expired session says so.
const SIGNED_OUT = "Votre session a expiré\u00a0: reconnectez-vous. Ce que vous avez saisi reste affiché.";
const FORBIDDEN = "Vous ne pouvez pas faire cela sur ce dossier.";
const APPLICATION_GONE = "Dossier introuvable.";
const THREAD_GONE = "Demande introuvable.";

/** The application, the caller's assignment to it and the thread named (if any), or a refusal. */
async function loadTarget(user: Principal, applicationId: string, threadId: string | undefined) {
  const core = (await loadApplicationCore(applicationId)) ?? refuse.notFound(APPLICATION_GONE);
  const assignment = await loadAssignment(user.id, core.id);
  const thread = threadId ? await findThread(getDb(), core.id, threadId) : null;
  if (threadId && !thread) refuse.notFound(THREAD_GONE);
  return { core, assignment, thread };
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
  return runAction(formData, {
    name: "requestInformation",
    signedOut: SIGNED_OUT,
    key: {
      schema: informationRequestSchema.pick({ applicationId: true, threadId: true }),
      read: (form) => ({
        applicationId: form.get("applicationId") ?? undefined,
        threadId: form.get("threadId") || undefined,
      }),
      notFound: APPLICATION_GONE,
    },
    access: async (user, { applicationId, threadId }) => {
      const { core, assignment, thread } = await loadTarget(user, applicationId, threadId);
      permit(
        threadId
          ? canFollowUpInformationRequest(user, assignment, core.status, thread)
          : canRequestInformation(user, assignment, core.status),
        FORBIDDEN,
      );
      return core;
    },
    input: {
      schema: informationRequestSchema.pick({ message: true }),
      read: (form) => ({ message: form.get("message") ?? "" }),
    },
    run: async ({ user, key: { threadId }, resource: core, input: { message: body } }) => {
      const done = await getDb().transaction(async (tx) => {
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
      return ok(done);
    },
    revalidate: ({ resource: core }) => [`/instruction/dossiers/${core.id}`],
  });
}

/**
 * Closes an information request's thread: no answer is expected any more; an
 * application waiting for its answer goes back in review. Audited.
 */
export async function closeInformationRequest(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "closeInformationRequest",
    signedOut: SIGNED_OUT,
    key: { schema: closeThreadSchema, fields: ["applicationId", "threadId"], notFound: THREAD_GONE },
    access: async (user, { applicationId, threadId }) => {
      const { core, assignment, thread } = await loadTarget(user, applicationId, threadId);
      permit(canCloseInformationRequest(user, assignment, core.status, thread), FORBIDDEN);
      return { core, thread: thread ?? refuse.notFound(THREAD_GONE) };
    },
    run: async ({ user, resource: { core, thread } }) => {
      const done = await getDb().transaction(async (tx) => {
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
      return ok(undefined);
    },
    revalidate: ({ resource: { core } }) => [`/instruction/dossiers/${core.id}`],
  });
}
