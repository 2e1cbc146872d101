import { PG_INTEGER_MAX } from "@/lib/ids";
import { z } from "@/lib/zod";

/** Euros typed the French way (« 12 500,50 ») to integer cents. */
export function parseEuros(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const cents = Math.round(Number(cleaned) * 100);
  // The column is a bigint: an amount past what a number holds exactly is refused, never sent to the database.
  return Number.isSafeInteger(cents) ? cents : null;
}

export const decisionSchema = z.discriminatedUnion("outcome", [
  z.object({
    applicationId: z.uuid(),
    version: z.coerce.number().int().positive().max(PG_INTEGER_MAX),
    outcome: z.literal("accepted"),
    grantedAmount: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const cents = parseEuros(v);
        if (cents === null) {
          ctx.addIssue({ code: "custom", message: "Saisissez un montant en euros, par exemple 12 500." });
          return z.NEVER;
        }
        return cents;
      }),
  }),
  z.object({
    applicationId: z.uuid(),
    version: z.coerce.number().int().positive().max(PG_INTEGER_MAX),
    outcome: z.literal("rejected"),
    rejectionReason: z
      .string()
      .trim()
      .min(10, "Motivez le refus (10 caractères au moins).")
      .max(5000, "5 000 caractères au plus."),
  }),
]);

/** Why a recorded decision is corrected: kept in the audit trail with the previous decision. */
export const revisionReasonSchema = z
  .string()
  .trim()
  .min(10, "Indiquez le motif de la correction (10 caractères au moins).")
  .max(2000, "2 000 caractères au plus.");
