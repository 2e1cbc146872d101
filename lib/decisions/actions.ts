"use server";

import { and, eq, inArray, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { applications, decisions } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canDecide } from "@/lib/authz/policy";
import { formatMoneyCents } from "@/lib/format";
import { type ActionResult, fail, ok } from "@/lib/result";
import { loadApplicationCore } from "@/lib/review/application";
import { DECIDED_FIRST, grantedAmountErrors } from "./rules";
import { decisionSchema } from "./schema";

/**
 * Records a decision (accept with a granted amount, or reject with a reason).
 * Optimistic concurrency: the application must still be at the version the
 * admin read, and still undecided; a second admin gets DECIDED_FIRST. The
 * decision stays private until the call's results are published.
 */
export async function decideApplication(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", "Votre session a expiré : reconnectez-vous.");
  const outcome = formData.get("outcome");
  const parsed = decisionSchema.safeParse({
    applicationId: formData.get("applicationId"),
    version: formData.get("version"),
    outcome,
    ...(outcome === "accepted"
      ? { grantedAmount: String(formData.get("grantedAmount") ?? "") }
      : { rejectionReason: String(formData.get("rejectionReason") ?? "") }),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "outcome");
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    if (fieldErrors.outcome) fieldErrors.outcome = ["Choisissez d’accepter ou de refuser."];
    return fail("invalid", "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors);
  }
  const input = parsed.data;
  const core = await loadApplicationCore(input.applicationId);
  if (!core) return fail("not_found", "Dossier introuvable.");
  if (!canDecide(user, core.status)) {
    if (user.isAdmin && (core.status === "accepted" || core.status === "rejected"))
      return fail("conflict", DECIDED_FIRST);
    return fail("forbidden", "Vous ne pouvez pas décider de ce dossier.");
  }
  if (input.outcome === "accepted") {
    const errors = grantedAmountErrors(
      input.grantedAmount,
      {
        requestedCents: core.requestedCents,
        callMaxGrantCents: core.callMaxGrantCents,
        maxSharePercent: core.maxSharePercent,
        totalBudgetCents: core.totalBudgetCents,
      },
      formatMoneyCents,
    );
    if (errors.length)
      return fail("invalid", "Le montant accordé ne respecte pas les règles de l’appel.", {
        grantedAmount: errors,
      });
  }
  const recorded = await getDb()
    .transaction(async (tx) => {
      const now = new Date();
      const updated = await tx
        .update(applications)
        .set({
          status: input.outcome,
          version: sql`${applications.version} + 1`,
          updatedAt: now,
          updatedBy: user.id,
        })
        .where(
          and(
            eq(applications.id, core.id),
            eq(applications.version, input.version),
            inArray(applications.status, ["submitted", "in_review"]),
          ),
        )
        .returning({ id: applications.id });
      if (!updated[0]) return false;
      const values = {
        applicationId: core.id,
        outcome: input.outcome,
        grantedAmountCents: input.outcome === "accepted" ? input.grantedAmount : null,
        rejectionReason: input.outcome === "rejected" ? input.rejectionReason : null,
        decidedBy: user.id,
        decidedAt: now,
      };
      const inserted = await tx
        .insert(decisions)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: decisions.id });
      if (!inserted[0]) throw new DecidedFirst();
      await recordAudit(tx, {
        actorId: user.id,
        action: "decision.recorded",
        subjectType: "application",
        subjectId: core.id,
        data: {
          outcome: values.outcome,
          grantedAmountCents: values.grantedAmountCents,
          rejectionReason: values.rejectionReason,
        },
      });
      return true;
    })
    .catch((error) => {
      if (error instanceof DecidedFirst) return false;
      throw error;
    });
  if (!recorded) return fail("conflict", DECIDED_FIRST);
  revalidatePath(`/instruction/dossiers/${core.id}`);
  revalidatePath("/instruction");
  return ok(undefined);
}

class DecidedFirst extends Error {}
