"use server";

import { and, eq, gt, inArray, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { permit, runAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit";
import { canManageOutbox } from "@/lib/authz/policy";
import { type ActionResult, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { wakeMailSender } from "./sender";

const FORBIDDEN = "Seuls les administrateurs peuvent renvoyer ou annuler un e-mail.";
const emailKey = {
  schema: z.object({ emailId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  fields: ["emailId"],
  notFound: "E-mail introuvable.",
} as const;

/**
 * Puts an e-mail back in the queue at once, with a fresh count of attempts:
 * one given up for good, cancelled, or waiting for its next retry.
 */
export async function resendEmail(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "resendEmail",
    key: emailKey,
    // The e-mail's state is guarded by the update's WHERE: nothing to load before it.
    access: (user) => permit(canManageOutbox(user), FORBIDDEN),
    run: async ({ user, key }) => {
      const done = await getDb().transaction(async (tx) => {
        const [row] = await tx
          .update(emailOutbox)
          .set({ status: "pending", attempts: 0, nextAttemptAt: new Date() })
          .where(
            and(
              eq(emailOutbox.id, key.emailId),
              or(
                inArray(emailOutbox.status, ["failed", "cancelled"]),
                and(eq(emailOutbox.status, "pending"), gt(emailOutbox.attempts, 0)),
              ),
            ),
          )
          .returning({ id: emailOutbox.id, template: emailOutbox.template });
        if (!row) return false;
        await recordAudit(tx, {
          actorId: user.id,
          action: "email.resent",
          subjectType: "email",
          subjectId: String(row.id),
          data: { template: row.template },
        });
        return true;
      });
      if (!done)
        return fail("state_changed", "Cet e-mail ne peut plus être renvoyé\u00a0: rechargez la page.");
      wakeMailSender();
      return ok(undefined);
    },
    revalidate: () => ["/admin/courriels"],
  });
}

/** Stops an e-mail that has not been sent: it stays listed as « Annulé » and is never retried. */
export async function cancelEmail(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "cancelEmail",
    key: emailKey,
    access: (user) => permit(canManageOutbox(user), FORBIDDEN),
    run: async ({ user, key }) => {
      const done = await getDb().transaction(async (tx) => {
        // Not `sending`: a node is talking to the SMTP server about it right now.
        const [row] = await tx
          .update(emailOutbox)
          .set({ status: "cancelled" })
          .where(and(eq(emailOutbox.id, key.emailId), inArray(emailOutbox.status, ["pending", "failed"])))
          .returning({ id: emailOutbox.id, template: emailOutbox.template });
        if (!row) return false;
        await recordAudit(tx, {
          actorId: user.id,
          action: "email.cancelled",
          subjectType: "email",
          subjectId: String(row.id),
          data: { template: row.template },
        });
        return true;
      });
      if (!done)
        return fail("state_changed", "Cet e-mail ne peut plus être annulé\u00a0: rechargez la page.");
      return ok(undefined);
    },
    revalidate: () => ["/admin/courriels"],
  });
}
