"use server";

import { and, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { applications, reviewerAssignments, reviews, scores, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canDeclareConflict, canReopenReview, canScoreApplication } from "@/lib/authz/policy";
import { enqueueEmail } from "@/lib/mail/outbox";
import { reviewReopenedEmail } from "@/lib/mail/templates";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, fail, GENERIC_ERROR, ok } from "@/lib/result";
import { loadApplicationCore, loadAssignment, loadCriteria } from "./application";
import { conflictSchema, reopenSchema, reviewSchema } from "./schema";

const NOT_SIGNED_IN = "Votre session a expiré\u00a0: reconnectez-vous.";
const FORBIDDEN = "Vous ne pouvez pas faire cela sur ce dossier.";
const INVALID = "Le formulaire contient des erreurs\u00a0: corrigez les champs signalés.";

function fieldErrorsOf(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/** Saves the reviewer's draft, or submits it (then it is final and others' reviews become visible). */
export async function saveReview(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const intent = formData.get("intent") === "submit" ? "submit" : "draft";
  const applicationId = String(formData.get("applicationId") ?? "");
  const core = /^[0-9a-f-]{36}$/i.test(applicationId) ? await loadApplicationCore(applicationId) : null;
  if (!core) return fail("not_found", "Dossier introuvable.");
  // Authorization before validation: the field errors name the grid's criteria (their ids), which only
  // the application's reviewers may learn; whoever is not assigned is told what a wrong id is told.
  const assignment = await loadAssignment(user.id, core.id);
  if (!canScoreApplication(user, assignment, core.status)) {
    return assignment ? fail("forbidden", FORBIDDEN) : fail("not_found", "Dossier introuvable.");
  }
  const grid = await loadCriteria(core.callId);
  const raw = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = reviewSchema(grid, intent).safeParse(raw);
  if (!parsed.success) return fail("invalid", INVALID, fieldErrorsOf(parsed.error));
  const data = parsed.data as Record<string, unknown>;
  try {
    const saved = await getDb().transaction(async (tx) => {
      const now = new Date();
      const values = {
        overallComment: String(data.overallComment ?? ""),
        recommendation: (data.recommendation as "accept" | "reject" | "reservations" | undefined) ?? null,
        status: intent === "submit" ? ("submitted" as const) : ("draft" as const),
        submittedAt: intent === "submit" ? now : null,
        updatedAt: now,
      };
      // Guard: only a draft (or no review yet) may change; a submitted review is final.
      const [review] = await tx
        .insert(reviews)
        .values({ applicationId: core.id, reviewerId: user.id, ...values })
        .onConflictDoUpdate({
          target: [reviews.applicationId, reviews.reviewerId],
          set: values,
          setWhere: eq(reviews.status, "draft"),
        })
        .returning({ id: reviews.id });
      if (!review) return false;
      // The conflict may have been declared in another tab meanwhile.
      const [still] = await tx
        .select({ id: reviewerAssignments.id })
        .from(reviewerAssignments)
        .where(
          and(
            eq(reviewerAssignments.applicationId, core.id),
            eq(reviewerAssignments.reviewerId, user.id),
            isNull(reviewerAssignments.conflictDeclaredAt),
          ),
        )
        .for("update");
      if (!still) throw new Error("conflict declared");
      await tx.delete(scores).where(eq(scores.reviewId, review.id));
      const rows = grid
        .map((c) => ({
          reviewId: review.id,
          criterionId: c.id,
          maxScore: c.maxScore,
          score: data[`score.${c.id}`] as number | null,
          comment: String(data[`comment.${c.id}`] ?? ""),
        }))
        .filter((r): r is typeof r & { score: number } => r.score !== null);
      if (rows.length) await tx.insert(scores).values(rows);
      // The first review work moves a submitted application into review.
      await tx
        .update(applications)
        .set({ status: "in_review", version: sql`${applications.version} + 1`, updatedAt: now })
        .where(and(eq(applications.id, core.id), eq(applications.status, "submitted")));
      if (intent === "submit") {
        await recordAudit(tx, {
          actorId: user.id,
          action: "review.submitted",
          subjectType: "application",
          subjectId: core.id,
          data: { reviewId: review.id, recommendation: values.recommendation },
        });
      }
      return true;
    });
    if (!saved)
      return fail(
        "already_submitted",
        "Votre évaluation a déjà été soumise\u00a0: elle ne peut plus changer.",
      );
  } catch (error) {
    console.error("saveReview", error);
    return fail("error", GENERIC_ERROR);
  }
  revalidatePath(`/instruction/dossiers/${core.id}`);
  revalidatePath("/instruction");
  return ok(undefined);
}

/** Declares a conflict of interest: the reviewer no longer scores nor sees the scores of this application. */
export async function declareConflict(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = conflictSchema.safeParse({
    applicationId: formData.get("applicationId"),
    reason: formData.get("reason") ?? "",
  });
  if (!parsed.success) return fail("invalid", INVALID, fieldErrorsOf(parsed.error));
  const core = await loadApplicationCore(parsed.data.applicationId);
  if (!core) return fail("not_found", "Dossier introuvable.");
  const assignment = await loadAssignment(user.id, core.id);
  if (!canDeclareConflict(user, assignment, core.status)) return fail("forbidden", FORBIDDEN);
  const done = await getDb().transaction(async (tx) => {
    const updated = await tx
      .update(reviewerAssignments)
      .set({ conflictDeclaredAt: new Date(), conflictReason: parsed.data.reason })
      .where(
        and(
          eq(reviewerAssignments.applicationId, core.id),
          eq(reviewerAssignments.reviewerId, user.id),
          isNull(reviewerAssignments.conflictDeclaredAt),
        ),
      )
      .returning({ id: reviewerAssignments.id });
    if (!updated[0]) return false;
    // A conflicted reviewer's review, draft or already submitted, is set aside: it must not weigh
    // on the application (the aggregates follow the deletion); the journal keeps what it said.
    const [setAside] = await tx
      .delete(reviews)
      .where(and(eq(reviews.applicationId, core.id), eq(reviews.reviewerId, user.id)))
      .returning({
        status: reviews.status,
        recommendation: reviews.recommendation,
        overallComment: reviews.overallComment,
        submittedAt: reviews.submittedAt,
      });
    await recordAudit(tx, {
      actorId: user.id,
      action: "review.conflict_declared",
      subjectType: "application",
      subjectId: core.id,
      data: {
        reason: parsed.data.reason,
        ...(setAside?.status === "submitted"
          ? {
              setAsideReview: {
                recommendation: setAside.recommendation,
                overallComment: setAside.overallComment,
                submittedAt: setAside.submittedAt?.toISOString() ?? null,
              },
            }
          : {}),
      },
    });
    return true;
  });
  if (!done) return fail("already_declared", "Un conflit d’intérêts est déjà déclaré sur ce dossier.");
  revalidatePath(`/instruction/dossiers/${core.id}`);
  return ok(undefined);
}

/**
 * Reopens a submitted review, with a reason, so that its reviewer can correct
 * and submit it again: the review goes back to draft (its scores kept, the
 * application's aggregates follow through the database triggers), the event is
 * audited with the reason and the reviewer is e-mailed through the outbox.
 */
export async function reopenReview(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const applicationId = String(formData.get("applicationId") ?? "");
  const core = /^[0-9a-f-]{36}$/i.test(applicationId) ? await loadApplicationCore(applicationId) : null;
  if (!core) return fail("not_found", "Dossier introuvable.");
  if (!canReopenReview(user, core.status)) return fail("forbidden", FORBIDDEN);
  const parsed = reopenSchema.safeParse({
    reviewId: formData.get("reviewId"),
    reason: formData.get("reason") ?? "",
  });
  if (!parsed.success) return fail("invalid", INVALID, fieldErrorsOf(parsed.error));
  const done = await getDb().transaction(async (tx) => {
    const [reopened] = await tx
      .update(reviews)
      .set({ status: "draft", submittedAt: null, updatedAt: new Date() })
      .where(
        and(
          eq(reviews.id, parsed.data.reviewId),
          eq(reviews.applicationId, core.id),
          eq(reviews.status, "submitted"),
        ),
      )
      .returning({ reviewerId: reviews.reviewerId });
    if (!reopened) return false;
    const [reviewer] = await tx
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, reopened.reviewerId));
    await recordAudit(tx, {
      actorId: user.id,
      action: "review.reopened",
      subjectType: "application",
      subjectId: core.id,
      data: {
        reviewId: parsed.data.reviewId,
        reviewerId: reopened.reviewerId,
        reviewerName: reviewer?.name ?? reviewer?.email ?? null,
        reason: parsed.data.reason,
      },
    });
    if (reviewer?.email) {
      await enqueueEmail(tx, {
        to: reviewer.email,
        ...reviewReopenedEmail({
          applicationTitle: core.title,
          callTitle: core.callTitle,
          reason: parsed.data.reason,
          url: absoluteUrl(`/instruction/dossiers/${core.id}`),
        }),
        template: "review-reopened",
        dedupeKey: `review-reopened:${parsed.data.reviewId}:${Date.now()}`,
      });
    }
    return true;
  });
  if (!done) return fail("state_changed", "Cette évaluation n’est plus soumise\u00a0: rechargez la page.");
  revalidatePath(`/instruction/dossiers/${core.id}`);
  revalidatePath("/instruction");
  return ok(undefined);
}
