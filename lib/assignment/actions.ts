"use server";

import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, reviewerAssignments, reviews } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { isReviewable } from "@/lib/applications/lifecycle";
import { applyTransition } from "@/lib/applications/transition";
import { recordAudit } from "@/lib/audit";
import { canAssignReviewers } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { getCall } from "@/lib/calls/queries";
import { type ActionResult, DomainError, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { assignmentInput, listReviewers, loadAssignmentBoard } from "./queries";
import { planAssignments, planFingerprint } from "./round-robin";

const FORBIDDEN = "Seuls les administrateurs peuvent affecter les instructeurs.";
const NO_PREVIEW = "Affichez l’aperçu avant d’appliquer.";
const PICK_A_REVIEWER = "Choisissez un instructeur.";

const bulkSchema = z.object({
  sameDepartementRule: z.boolean(),
  fingerprint: z.string().min(1, { error: NO_PREVIEW }),
});

const manualSchema = z.object({
  reviewerId: z.string().trim().min(1, { error: PICK_A_REVIEWER }),
});

/** Only an admin assigns: anyone else is refused before any row is looked up. */
const admin = (user: Principal) => permit(canAssignReviewers(user), FORBIDDEN);

/** Moves submitted applications to review once they have a reviewer (guarded on their status). */
async function startReview(
  tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0],
  applicationIds: string[],
  actorId: string,
) {
  await applyTransition(tx, "startReview", { applicationIds, actorId, audit: {} });
}

/**
 * Applies the bulk assignment previewed on the page. The plan is computed
 * again here; if it differs from the preview (someone assigned or declared a
 * conflict meanwhile), nothing is written and the admin sees the new preview.
 */
export async function applyBulkAssignment(
  _prev: ActionResult<{ created: number }> | null,
  formData: FormData,
) {
  return runAction(formData, {
    name: "applyBulkAssignment",
    key: { schema: z.object({ callId: z.uuid() }), fields: ["callId"], notFound: "Appel introuvable." },
    access: async (user, { callId }) => {
      admin(user);
      return (await getCall(getDb(), callId)) ?? refuse.notFound("Cet appel n’existe plus.");
    },
    input: {
      schema: bulkSchema,
      read: (form) => ({
        sameDepartementRule: form.get("sameDepartementRule") === "on",
        fingerprint: form.get("fingerprint"),
      }),
      invalid: NO_PREVIEW,
    },
    run: async ({ user, resource: call, input }) => {
      const result = await getDb().transaction(async (tx) => {
        // One bulk assignment at a time per call.
        await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, call.id)).for("update");
        const board = await loadAssignmentBoard(tx, call.id);
        const plan = planAssignments(
          assignmentInput(board, call.reviewersPerApplication, input.sameDepartementRule),
        );
        if (planFingerprint(plan) !== input.fingerprint) return null;
        if (plan.proposals.length > 0) {
          await tx
            .insert(reviewerAssignments)
            .values(plan.proposals.map((p) => ({ ...p, assignedBy: user.id })))
            .onConflictDoNothing();
          await startReview(tx, [...new Set(plan.proposals.map((p) => p.applicationId))], user.id);
          // Each application's own history shows the reviewers it got, as a manual assignment does.
          await recordAudit(
            tx,
            plan.proposals.map((p) => ({
              actorId: user.id,
              action: "assignment.created" as const,
              subjectType: "application",
              subjectId: p.applicationId,
              data: { reviewerId: p.reviewerId, bulk: true, callId: call.id },
            })),
          );
        }
        await recordAudit(tx, {
          actorId: user.id,
          action: "assignments.bulk_applied",
          subjectType: "call",
          subjectId: call.id,
          data: {
            created: plan.proposals.length,
            perApplication: call.reviewersPerApplication,
            sameDepartementRule: input.sameDepartementRule,
            shortfalls: plan.shortfalls.length,
          },
        });
        return plan.proposals.length;
      });
      if (result === null) {
        return fail(
          "stale_preview",
          "Les affectations ont changé depuis l’aperçu\u00a0: vérifiez le nouvel aperçu avant d’appliquer.",
        );
      }
      return ok({ created: result });
    },
    revalidate: ({ resource: call }) => [`/admin/appels/${call.id}`, `/admin/appels/${call.id}/affectations`],
  });
}

/** Assigns one reviewer to one application, chosen by hand. */
export async function assignReviewer(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "assignReviewer",
    key: {
      schema: z.object({ applicationId: z.uuid() }),
      fields: ["applicationId"],
      notFound: "Dossier introuvable.",
    },
    access: async (user, { applicationId }) => {
      admin(user);
      const [application] = await getDb()
        .select({ id: applications.id, callId: applications.callId, status: applications.status })
        .from(applications)
        .where(eq(applications.id, applicationId));
      if (!application) refuse.notFound("Ce dossier n’existe plus.");
      if (!isReviewable(application.status))
        throw new DomainError(
          "invalid_state",
          "Ce dossier n’est plus en instruction\u00a0: il ne peut pas recevoir d’instructeur.",
        );
      return application;
    },
    input: { schema: manualSchema, read: ["reviewerId"], message: PICK_A_REVIEWER },
    run: async ({ user, resource: application, input: { reviewerId } }) => {
      const reviewers = await listReviewers(getDb());
      if (!reviewers.some((r) => r.id === reviewerId)) {
        return fail("invalid", "Cette personne n’est pas instructrice.", {
          reviewerId: ["Choisissez un instructeur."],
        });
      }
      const created = await getDb().transaction(async (tx) => {
        const rows = await tx
          .insert(reviewerAssignments)
          .values({ applicationId: application.id, reviewerId, assignedBy: user.id })
          .onConflictDoNothing()
          .returning({ id: reviewerAssignments.id });
        if (rows.length === 0) return false;
        await startReview(tx, [application.id], user.id);
        await recordAudit(tx, {
          actorId: user.id,
          action: "assignment.created",
          subjectType: "application",
          subjectId: application.id,
          data: { reviewerId },
        });
        return true;
      });
      if (!created) return fail("duplicate", "Cet instructeur est déjà affecté à ce dossier.");
      return ok(undefined);
    },
    revalidate: ({ resource: application }) => [`/admin/appels/${application.callId}/affectations`],
  });
}

/** Removes an assignment, as long as the reviewer has not started a review. */
export async function unassignReviewer(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "unassignReviewer",
    key: {
      schema: z.object({ assignmentId: z.uuid() }),
      fields: ["assignmentId"],
      notFound: "Affectation introuvable.",
    },
    access: async (user, { assignmentId }) => {
      admin(user);
      const [assignment] = await getDb()
        .select({
          id: reviewerAssignments.id,
          applicationId: reviewerAssignments.applicationId,
          reviewerId: reviewerAssignments.reviewerId,
          callId: applications.callId,
        })
        .from(reviewerAssignments)
        .innerJoin(applications, eq(applications.id, reviewerAssignments.applicationId))
        .where(eq(reviewerAssignments.id, assignmentId));
      return assignment ?? refuse.notFound("Cette affectation a déjà été retirée.");
    },
    run: async ({ user, resource: assignment }) => {
      const removed = await getDb().transaction(async (tx) => {
        const rows = await tx
          .delete(reviewerAssignments)
          .where(
            and(
              eq(reviewerAssignments.id, assignment.id),
              sql`not exists (select 1 from ${reviews} r where r.application_id = ${assignment.applicationId} and r.reviewer_id = ${assignment.reviewerId})`,
            ),
          )
          .returning({ id: reviewerAssignments.id });
        if (rows.length === 0) return false;
        await recordAudit(tx, {
          actorId: user.id,
          action: "assignment.removed",
          subjectType: "application",
          subjectId: assignment.applicationId,
          data: { reviewerId: assignment.reviewerId },
        });
        return true;
      });
      if (!removed) {
        return fail(
          "review_started",
          "Cet instructeur a commencé son évaluation\u00a0: l’affectation ne peut plus être retirée.",
        );
      }
      return ok(undefined);
    },
    revalidate: ({ resource: assignment }) => [`/admin/appels/${assignment.callId}/affectations`],
  });
}
