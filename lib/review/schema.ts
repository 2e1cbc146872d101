import { z } from "@/lib/zod";

export const conflictSchema = z.object({
  applicationId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(10, "Précisez la raison du conflit d’intérêts (10 caractères au moins).")
    .max(2000, "2 000 caractères au plus."),
});

/**
 * A review form: one score and one comment per criterion of the grid (named
 * `score.<criterion id>` and `comment.<criterion id>`), an overall comment and
 * a recommendation. A draft may leave scores empty; a submission needs them all.
 */
export function reviewSchema(
  grid: readonly { id: string; label: string; maxScore: number }[],
  intent: "draft" | "submit",
) {
  const scores = Object.fromEntries(
    grid.map((c) => {
      const score = z
        .string()
        .trim()
        .transform((v, ctx) => {
          if (v === "") {
            if (intent === "submit")
              ctx.addIssue({ code: "custom", message: `Notez le critère «\u00a0${c.label}\u00a0».` });
            return null;
          }
          const n = Number(v);
          if (!Number.isInteger(n) || n < 0 || n > c.maxScore) {
            ctx.addIssue({ code: "custom", message: `Une note entière entre 0 et ${c.maxScore}.` });
            return null;
          }
          return n;
        });
      return [`score.${c.id}`, score];
    }),
  );
  const comments = Object.fromEntries(
    grid.map((c) => [
      `comment.${c.id}`,
      z.string().trim().max(5000, "5 000 caractères au plus.").default(""),
    ]),
  );
  return z.object({
    applicationId: z.uuid(),
    ...scores,
    ...comments,
    overallComment:
      intent === "submit"
        ? z.string().trim().min(1, "Écrivez un avis général.").max(10000, "10 000 caractères au plus.")
        : z.string().trim().max(10000, "10 000 caractères au plus.").default(""),
    recommendation:
      intent === "submit"
        ? z.enum(["accept", "reservations", "reject"], { message: "Choisissez une recommandation." })
        : z.enum(["accept", "reservations", "reject"]).optional().catch(undefined),
  });
}

/** Reopening a submitted review: which one, and why (kept in the history, sent to the reviewer). */
export const reopenSchema = z.object({
  reviewId: z.uuid({ error: "Évaluation introuvable." }),
  reason: z
    .string()
    .trim()
    .min(10, { error: "Indiquez le motif de la réouverture (10 caractères au moins)." })
    .max(2000, { error: "2 000 caractères au plus." }),
});
