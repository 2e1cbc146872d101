"use server";

import { getDb } from "@/db/client";
import { refuse, runAction } from "@/lib/actions/pipeline";
import { loadApplicationCore } from "@/lib/applications/read-model";
import { canDecide, canReviseDecision } from "@/lib/authz/policy";
import { formatMoneyCents } from "@/lib/format";
import { type ActionResult, DomainError, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
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

const NOT_FOUND = "Dossier introuvable.";
const AMOUNT_REFUSED = "Le montant accordé ne respecte pas les règles de l’appel.";
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
  const revising = formData.get("mode") === "revise";
  return runAction(formData, {
    name: "decideApplication",
    key: { schema: z.object({ applicationId: z.uuid() }), fields: ["applicationId"], notFound: NOT_FOUND },
    access: async (user, { applicationId }) => {
      const core = (await loadApplicationCore(applicationId)) ?? refuse.notFound(NOT_FOUND);
      // An admin is told why the decision cannot be taken (or corrected) now; anyone else, that it is not theirs.
      if (revising) {
        if (!canReviseDecision(user, core.status, core.resultsPublished)) {
          if (user.isAdmin && core.resultsPublished) throw new DomainError("published", PUBLISHED);
          if (user.isAdmin) throw new DomainError("conflict", DECIDED_FIRST);
          refuse.forbidden("Vous ne pouvez pas corriger la décision de ce dossier.");
        }
      } else if (!canDecide(user, core.status)) {
        if (user.isAdmin && (core.status === "accepted" || core.status === "rejected"))
          throw new DomainError("conflict", DECIDED_FIRST);
        refuse.forbidden("Vous ne pouvez pas décider de ce dossier.");
      }
      return core;
    },
    input: {
      schema: z.object({
        decision: decisionSchema,
        reason: revising ? revisionReasonSchema : z.undefined(),
        confirmed: z.boolean(),
      }),
      read: (form) => {
        const outcome = form.get("outcome");
        return {
          decision: {
            applicationId: form.get("applicationId"),
            version: form.get("version"),
            outcome,
            ...(outcome === "accepted"
              ? { grantedAmount: String(form.get("grantedAmount") ?? "") }
              : { rejectionReason: String(form.get("rejectionReason") ?? "") }),
          },
          reason: revising ? String(form.get("reason") ?? "") : undefined,
          confirmed: form.get("confirmed") === "yes",
        };
      },
      fieldErrors: (error) => {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of error.issues) {
          // The decision's fields by name (an outcome neither accepted nor rejected has no path), and the reason.
          const key = issue.path[0] === "decision" ? String(issue.path[1] ?? "outcome") : "reason";
          fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
        }
        if (fieldErrors.outcome) fieldErrors.outcome = ["Choisissez d’accepter ou de refuser."];
        return fieldErrors;
      },
    },
    run: async ({
      user,
      resource: core,
      input: { decision, reason, confirmed },
    }): Promise<DecisionResult> => {
      const draft: DecisionDraft =
        decision.outcome === "accepted"
          ? { outcome: "accepted", grantedAmount: decision.grantedAmount }
          : { outcome: "rejected", rejectionReason: decision.rejectionReason };

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
        if (errors.length) return fail("invalid", AMOUNT_REFUSED, { grantedAmount: errors });
      }

      if (!confirmed) return ok({ confirm: decisionRestatement(draft, formatMoneyCents, revising) });

      const recorded = await recordDecision(getDb(), {
        applicationId: core.id,
        callId: core.callId,
        version: decision.version,
        draft,
        actorId: user.id,
        revision: reason !== undefined ? { reason } : undefined,
      });
      if (!recorded.ok) {
        if (recorded.error === "published") return fail("published", PUBLISHED);
        if (recorded.error === "envelope" && draft.outcome === "accepted")
          return fail("invalid", AMOUNT_REFUSED, {
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
      return ok({});
    },
    // The first step only restates the decision: nothing changed yet.
    revalidate: ({ resource: core, data }) =>
      data.confirm ? [] : [`/instruction/dossiers/${core.id}`, "/instruction"],
  });
}
