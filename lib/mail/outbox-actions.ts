"use server";

import { and, eq, gt, inArray, or } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canManageOutbox } from "@/lib/authz/policy";
import { type ActionResult, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { wakeMailSender } from "./sender";

const FORBIDDEN = "Seuls les administrateurs peuvent renvoyer ou annuler un e-mail.";
const emailId = z.object({ emailId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * Puts an e-mail back in the queue at once, with a fresh count of attempts:
 * one given up for good, cancelled, or waiting for its next retry.
 */
export async function resendEmail(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", "Votre session a expiré\u00a0: reconnectez-vous.");
  if (!canManageOutbox(user)) return fail("forbidden", FORBIDDEN);
  const parsed = emailId.safeParse({ emailId: formData.get("emailId") });
  if (!parsed.success) return fail("not_found", "E-mail introuvable.");
  const done = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(emailOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date() })
      .where(
        and(
          eq(emailOutbox.id, parsed.data.emailId),
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
  if (!done) return fail("state_changed", "Cet e-mail ne peut plus être renvoyé\u00a0: rechargez la page.");
  wakeMailSender();
  revalidatePath("/admin/courriels");
  return ok(undefined);
}

/** Stops an e-mail that has not been sent: it stays listed as « Annulé » and is never retried. */
export async function cancelEmail(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", "Votre session a expiré\u00a0: reconnectez-vous.");
  if (!canManageOutbox(user)) return fail("forbidden", FORBIDDEN);
  const parsed = emailId.safeParse({ emailId: formData.get("emailId") });
  if (!parsed.success) return fail("not_found", "E-mail introuvable.");
  const done = await getDb().transaction(async (tx) => {
    // Not `sending`: a node is talking to the SMTP server about it right now.
    const [row] = await tx
      .update(emailOutbox)
      .set({ status: "cancelled" })
      .where(and(eq(emailOutbox.id, parsed.data.emailId), inArray(emailOutbox.status, ["pending", "failed"])))
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
  if (!done) return fail("state_changed", "Cet e-mail ne peut plus être annulé\u00a0: rechargez la page.");
  revalidatePath("/admin/courriels");
  return ok(undefined);
}
