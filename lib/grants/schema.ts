import { parseFrenchAmount } from "@/lib/applications/amounts";
import { PG_INTEGER_MAX } from "@/lib/ids";
import { z } from "@/lib/zod";

const text = (min: number, max: number, what: string) =>
  z
    .string({ error: `Indiquez ${what}.` })
    .trim()
    .min(min, { error: min > 1 ? `Indiquez ${what} (${min} caractères au moins).` : `Indiquez ${what}.` })
    .max(max, { error: `${max.toLocaleString("fr-FR")} caractères au plus.` });

/** Euros typed the French way to integer cents, with the field's own message. */
export const eurosField = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .transform((value, ctx) => {
      const cents = parseFrenchAmount(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return cents;
    });

const version = z.coerce.number().int().positive().max(PG_INTEGER_MAX);

export const signAgreementSchema = z.object({
  version,
  signatoryName: text(3, 200, "le nom du signataire"),
  signatoryFunction: text(3, 200, "sa fonction (maire, président…)"),
  accept: z.literal("yes", { error: "Cochez la case pour accepter la convention." }),
});

export const reportSchema = z.object({
  position: z.coerce.number().int().min(1).max(3),
  body: text(20, 20_000, "ce qui a été réalisé"),
  results: text(10, 20_000, "les résultats obtenus"),
  difficulties: z.string().trim().max(20_000, { error: "20 000 caractères au plus." }),
  /** Actual spending per expense line of the budget, in its order. */
  actual: z.array(eurosField("Saisissez le montant dépensé en euros, par exemple 12 500.")),
});

export const reviewReportSchema = z
  .object({
    reportId: z.uuid(),
    outcome: z.enum(["accept", "changes"], {
      error: "Choisissez de valider le rapport ou de demander des compléments.",
    }),
    comment: z.string().trim().max(5000, { error: "5 000 caractères au plus." }),
  })
  .refine((v) => v.outcome === "accept" || v.comment.length >= 10, {
    error: "Dites ce qui manque (10 caractères au moins)\u00a0: le lauréat le lira.",
    path: ["comment"],
  });

const isoDay = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const paymentSchema = z.object({
  instalmentId: z.uuid(),
  paidOn: z
    .string({ error: "Indiquez la date du versement." })
    .refine((v) => isoDay.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
      error: "Indiquez la date du versement au format JJ/MM/AAAA.",
    }),
  paidAmount: eurosField("Saisissez le montant versé en euros, par exemple 12 500."),
  reference: text(3, 100, "la référence du paiement (numéro de mandat…)"),
});
