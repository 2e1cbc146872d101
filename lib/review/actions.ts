"use server";

import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reviewerAssignments, reviews, scores, users } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { applyTransition } from "@/lib/applications/transition";
import { recordAudit } from "@/lib/audit";
import { canDeclareConflict, canReopenReview, canScoreApplication } from "@/lib/authz/policy";
import { enqueueEmail } from "@/lib/mail/outbox";
import { reviewReopenedEmail } from "@/lib/mail/templates";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, DomainError, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { loadApplicationCore, loadAssignment, loadCriteria } from "./application";
import { conflictSchema, reopenSchema, reviewSchema } from "./schema";

const FORBIDDEN = "Vous ne pouvez pas faire cela sur ce dossier.";
const NOT_FOUND = "Dossier introuvable.";
const CONFLICT_DECLARED =
  "Un conflit d’intérêts a été déclaré sur ce dossier entre-temps\u00a0: rechargez la page.";

const applicationKey = {
  schema: z.object({ applicationId: z.uuid() }),
  fields: ["applicationId"],
  notFound: NOT_FOUND,
};

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
  const intent = formData.get("intent") === "submit" ? "submit" : "draft";
  // The grid's schema depends on the call: read once the policy has said yes.
  let grid: Awaited<ReturnType<typeof loadCriteria>> = [];
  return runAction(formData, {
    name: "saveReview",
    key: applicationKey,
    access: async (user, { applicationId }) => {
      const core = (await loadApplicationCore(applicationId)) ?? refuse.notFound(NOT_FOUND);
      // The field errors name the grid's criteria (their ids), which only the application's
      // reviewers may learn; whoever is not assigned is told what a wrong id is told.
      const assignment = await loadAssignment(user.id, core.id);
      if (!canScoreApplication(user, assignment, core.status)) {
        if (!assignment) refuse.notFound(NOT_FOUND);
        refuse.forbidden(FORBIDDEN);
      }
      grid = await loadCriteria(core.callId);
      return core;
    },
    input: {
      schema: z.lazy(() => reviewSchema(grid, intent)),
      read: (form) => Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])),
      fieldErrors: fieldErrorsOf,
    },
    run: async ({ user, resource: core, input }) => {
      const data = input as Record<string, unknown>;
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
        if (!still) throw new DomainError("conflict_declared", CONFLICT_DECLARED);
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
        // The first review work moves a submitted application into review (its last
        // modification keeps the applicant's name: reviewers stay anonymous to them).
        await applyTransition(tx, "startReview", {
          applicationIds: [core.id],
          actorId: user.id,
          touch: false,
          set: { updatedAt: now },
          audit: {},
        });
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
      return ok(undefined);
    },
    revalidate: ({ resource: core }) => [`/instruction/dossiers/${core.id}`, "/instruction"],
  });
}

/** Declares a conflict of interest: the reviewer no longer scores nor sees the scores of this application. */
export async function declareConflict(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "declareConflict",
    key: applicationKey,
    access: async (user, { applicationId }) => {
      const core = (await loadApplicationCore(applicationId)) ?? refuse.notFound(NOT_FOUND);
      permit(canDeclareConflict(user, await loadAssignment(user.id, core.id), core.status), FORBIDDEN);
      return core;
    },
    input: {
      schema: conflictSchema.pick({ reason: true }),
      read: (form) => ({ reason: form.get("reason") ?? "" }),
    },
    run: async ({ user, resource: core, input: { reason } }) => {
      const done = await getDb().transaction(async (tx) => {
        const updated = await tx
          .update(reviewerAssignments)
          .set({ conflictDeclaredAt: new Date(), conflictReason: reason })
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
            reason,
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
      return ok(undefined);
    },
    revalidate: ({ resource: core }) => [`/instruction/dossiers/${core.id}`],
  });
}

/**
 * Reopens a submitted review, with a reason, so that its reviewer can correct
 * and submit it again: the review goes back to draft (its scores kept, the
 * application's aggregates follow through the database triggers), the event is
 * audited with the reason and the reviewer is e-mailed through the outbox.
 */
export async function reopenReview(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "reopenReview",
    key: applicationKey,
    access: async (user, { applicationId }) => {
      const core = (await loadApplicationCore(applicationId)) ?? refuse.notFound(NOT_FOUND);
      permit(canReopenReview(user, core.status), FORBIDDEN);
      return core;
    },
    input: {
      schema: reopenSchema,
      read: (form) => ({ reviewId: form.get("reviewId"), reason: form.get("reason") ?? "" }),
      fieldErrors: fieldErrorsOf,
    },
    run: async ({ user, resource: core, input }) => {
      const done = await getDb().transaction(async (tx) => {
        const [reopened] = await tx
          .update(reviews)
          .set({ status: "draft", submittedAt: null, updatedAt: new Date() })
          .where(
            and(
              eq(reviews.id, input.reviewId),
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
            reviewId: input.reviewId,
            reviewerId: reopened.reviewerId,
            reviewerName: reviewer?.name ?? reviewer?.email ?? null,
            reason: input.reason,
          },
        });
        if (reviewer?.email) {
          await enqueueEmail(tx, {
            to: reviewer.email,
            ...reviewReopenedEmail({
              applicationTitle: core.title,
              callTitle: core.callTitle,
              reason: input.reason,
              url: absoluteUrl(`/instruction/dossiers/${core.id}`),
            }),
            template: "review-reopened",
            dedupeKey: `review-reopened:${input.reviewId}:${Date.now()}`,
          });
        }
        return true;
      });
      if (!done)
        return fail("state_changed", "Cette évaluation n’est plus soumise\u00a0: rechargez la page.");
      return ok(undefined);
    },
    revalidate: ({ resource: core }) => [`/instruction/dossiers/${core.id}`, "/instruction"],
  });
}
