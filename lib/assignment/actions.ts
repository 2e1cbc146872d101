"use server";

import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { applications, calls, reviewerAssignments, reviews } from "@/db/schema";
import { isReviewable } from "@/lib/applications/lifecycle";
import { applyTransition } from "@/lib/applications/transition";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canAssignReviewers } from "@/lib/authz/policy";
import { getCall } from "@/lib/calls/queries";
import { type ActionResult, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { assignmentInput, listReviewers, loadAssignmentBoard } from "./queries";
import { planAssignments, planFingerprint } from "./round-robin";

const FORBIDDEN = "Seuls les administrateurs peuvent affecter les instructeurs.";
const EXPIRED = "Votre session a expiré\u00a0: reconnectez-vous.";

const bulkSchema = z.object({
  callId: z.uuid({ error: "Appel introuvable." }),
  sameDepartementRule: z.boolean(),
  fingerprint: z.string().min(1, { error: "Affichez l’aperçu avant d’appliquer." }),
});

const manualSchema = z.object({
  applicationId: z.uuid({ error: "Dossier introuvable." }),
  reviewerId: z.string().trim().min(1, { error: "Choisissez un instructeur." }),
});

const removeSchema = z.object({ assignmentId: z.uuid({ error: "Affectation introuvable." }) });

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
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", EXPIRED);
  const parsed = bulkSchema.safeParse({
    callId: formData.get("callId"),
    sameDepartementRule: formData.get("sameDepartementRule") === "on",
    fingerprint: formData.get("fingerprint"),
  });
  if (!parsed.success) return fail("invalid", "Affichez l’aperçu avant d’appliquer.");
  const db = getDb();
  const call = await getCall(db, parsed.data.callId);
  if (!call) return fail("not_found", "Cet appel n’existe plus.");
  if (!canAssignReviewers(user)) return fail("forbidden", FORBIDDEN);
  const result = await db.transaction(async (tx) => {
    // One bulk assignment at a time per call.
    await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, call.id)).for("update");
    const board = await loadAssignmentBoard(tx, call.id);
    const plan = planAssignments(
      assignmentInput(board, call.reviewersPerApplication, parsed.data.sameDepartementRule),
    );
    if (planFingerprint(plan) !== parsed.data.fingerprint) return null;
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
        sameDepartementRule: parsed.data.sameDepartementRule,
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
  revalidatePath(`/admin/appels/${call.id}`);
  revalidatePath(`/admin/appels/${call.id}/affectations`);
  return ok({ created: result });
}

/** Assigns one reviewer to one application, chosen by hand. */
export async function assignReviewer(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", EXPIRED);
  const parsed = manualSchema.safeParse({
    applicationId: formData.get("applicationId"),
    reviewerId: formData.get("reviewerId"),
  });
  if (!parsed.success) {
    return fail("invalid", "Choisissez un instructeur.", z.flattenError(parsed.error).fieldErrors);
  }
  const db = getDb();
  const [application] = await db
    .select({ id: applications.id, callId: applications.callId, status: applications.status })
    .from(applications)
    .where(eq(applications.id, parsed.data.applicationId));
  if (!application) return fail("not_found", "Ce dossier n’existe plus.");
  if (!canAssignReviewers(user)) return fail("forbidden", FORBIDDEN);
  if (!isReviewable(application.status)) {
    return fail(
      "invalid_state",
      "Ce dossier n’est plus en instruction\u00a0: il ne peut pas recevoir d’instructeur.",
    );
  }
  const reviewers = await listReviewers(db);
  if (!reviewers.some((r) => r.id === parsed.data.reviewerId)) {
    return fail("invalid", "Cette personne n’est pas instructrice.", {
      reviewerId: ["Choisissez un instructeur."],
    });
  }
  const created = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(reviewerAssignments)
      .values({ applicationId: application.id, reviewerId: parsed.data.reviewerId, assignedBy: user.id })
      .onConflictDoNothing()
      .returning({ id: reviewerAssignments.id });
    if (rows.length === 0) return false;
    await startReview(tx, [application.id], user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "assignment.created",
      subjectType: "application",
      subjectId: application.id,
      data: { reviewerId: parsed.data.reviewerId },
    });
    return true;
  });
  if (!created) return fail("duplicate", "Cet instructeur est déjà affecté à ce dossier.");
  revalidatePath(`/admin/appels/${application.callId}/affectations`);
  return ok(undefined);
}

/** Removes an assignment, as long as the reviewer has not started a review. */
export async function unassignReviewer(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", EXPIRED);
  const parsed = removeSchema.safeParse({ assignmentId: formData.get("assignmentId") });
  if (!parsed.success) return fail("invalid", "Affectation introuvable.");
  const db = getDb();
  const [assignment] = await db
    .select({
      id: reviewerAssignments.id,
      applicationId: reviewerAssignments.applicationId,
      reviewerId: reviewerAssignments.reviewerId,
      callId: applications.callId,
    })
    .from(reviewerAssignments)
    .innerJoin(applications, eq(applications.id, reviewerAssignments.applicationId))
    .where(eq(reviewerAssignments.id, parsed.data.assignmentId));
  if (!assignment) return fail("not_found", "Cette affectation a déjà été retirée.");
  if (!canAssignReviewers(user)) return fail("forbidden", FORBIDDEN);
  const removed = await db.transaction(async (tx) => {
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
  revalidatePath(`/admin/appels/${assignment.callId}/affectations`);
  return ok(undefined);
}
