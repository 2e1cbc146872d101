"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { loadApplicationCore } from "@/lib/applications/read-model";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canDecide, canReviseDecision } from "@/lib/authz/policy";
import { formatMoneyCents } from "@/lib/format";
import { type ActionResult, fail, ok } from "@/lib/result";
import { grantedElsewhere, recordDecision } from "./record";
import {
  DECIDED_FIRST,
  type DecisionDraft,
  decisionRestatement,
  envelopeErrors,
  grantedAmountErrors,
} from "./rules";
import { decisionSchema, revisionReasonSchema } from "./schema";

/** `confirm`: nothing recorded yet, the admin reads the restated decision and confirms it. */
export type DecisionResult = ActionResult<{ confirm?: string }>;

const INVALID = "Le formulaire contient des erreurs\u00a0: corrigez les champs signalés.";
const PUBLISHED =
  "Les résultats de cet appel sont publiés\u00a0: retirez la publication pour corriger une décision.";

/**
 * Records a decision (accept with a granted amount, or reject with a reason),
 * or corrects a recorded one (`mode=revise`, with a reason) until the call's
 * results are published. Two steps: the first answers the decision restated
 * (`confirm`), the second (`confirmed=yes`) records it. The amount must keep
 * the call within its envelope, checked again under the call's lock.
 * Optimistic concurrency: the application must still be at the version the
 * admin read; a second admin gets DECIDED_FIRST.
 */
export async function decideApplication(
  _prev: DecisionResult | null,
  formData: FormData,
): Promise<DecisionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", "Votre session a expiré\u00a0: reconnectez-vous.");
  const applicationId = String(formData.get("applicationId") ?? "");
  const core = /^[0-9a-f-]{36}$/i.test(applicationId) ? await loadApplicationCore(applicationId) : null;
  if (!core) return fail("not_found", "Dossier introuvable.");
  const revising = formData.get("mode") === "revise";
  if (revising) {
    if (!canReviseDecision(user, core.status, core.resultsPublished)) {
      if (user.isAdmin && core.resultsPublished) return fail("published", PUBLISHED);
      if (user.isAdmin) return fail("conflict", DECIDED_FIRST);
      return fail("forbidden", "Vous ne pouvez pas corriger la décision de ce dossier.");
    }
  } else if (!canDecide(user, core.status)) {
    if (user.isAdmin && (core.status === "accepted" || core.status === "rejected"))
      return fail("conflict", DECIDED_FIRST);
    return fail("forbidden", "Vous ne pouvez pas décider de ce dossier.");
  }

  const outcome = formData.get("outcome");
  const parsed = decisionSchema.safeParse({
    applicationId,
    version: formData.get("version"),
    outcome,
    ...(outcome === "accepted"
      ? { grantedAmount: String(formData.get("grantedAmount") ?? "") }
      : { rejectionReason: String(formData.get("rejectionReason") ?? "") }),
  });
  const reason = revising ? revisionReasonSchema.safeParse(String(formData.get("reason") ?? "")) : null;
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "outcome");
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    if (fieldErrors.outcome) fieldErrors.outcome = ["Choisissez d’accepter ou de refuser."];
  }
  if (reason && !reason.success) fieldErrors.reason = reason.error.issues.map((i) => i.message);
  if (!parsed.success || (reason && !reason.success)) return fail("invalid", INVALID, fieldErrors);
  const input = parsed.data;
  const draft: DecisionDraft =
    input.outcome === "accepted"
      ? { outcome: "accepted", grantedAmount: input.grantedAmount }
      : { outcome: "rejected", rejectionReason: input.rejectionReason };

  if (draft.outcome === "accepted") {
    const errors = [
      ...grantedAmountErrors(
        draft.grantedAmount,
        {
          requestedCents: core.requestedCents,
          callMaxGrantCents: core.callMaxGrantCents,
          maxSharePercent: core.maxSharePercent,
          totalBudgetCents: core.totalBudgetCents,
        },
        formatMoneyCents,
      ),
      ...envelopeErrors(
        draft.grantedAmount,
        {
          envelopeCents: core.envelopeCents,
          grantedElsewhereCents: await grantedElsewhere(getDb(), core.callId, core.id),
        },
        formatMoneyCents,
      ),
    ];
    if (errors.length)
      return fail("invalid", "Le montant accordé ne respecte pas les règles de l’appel.", {
        grantedAmount: errors,
      });
  }

  if (formData.get("confirmed") !== "yes") {
    return ok({ confirm: decisionRestatement(draft, formatMoneyCents, revising) });
  }

  const recorded = await recordDecision(getDb(), {
    applicationId: core.id,
    callId: core.callId,
    version: input.version,
    draft,
    actorId: user.id,
    revision: reason?.success ? { reason: reason.data } : undefined,
  });
  if (!recorded.ok) {
    if (recorded.error === "published") return fail("published", PUBLISHED);
    if (recorded.error === "envelope" && draft.outcome === "accepted")
      return fail("invalid", "Le montant accordé ne respecte pas les règles de l’appel.", {
        grantedAmount: envelopeErrors(
          draft.grantedAmount,
          {
            envelopeCents: recorded.envelopeCents,
            grantedElsewhereCents: recorded.envelopeCents - recorded.leftCents,
          },
          formatMoneyCents,
        ),
      });
    return fail("conflict", DECIDED_FIRST);
  }
  revalidatePath(`/instruction/dossiers/${core.id}`);
  revalidatePath("/instruction");
  return ok({});
}
