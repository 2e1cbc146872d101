import { parisTime } from "@/lib/time";
import { z } from "@/lib/zod";
import { MILESTONE_STATUSES } from "./rules";

/** Empty form fields (an unset select, an empty date) arrive as "": treat them as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

const title = z
  .string({ error: "Indiquez un titre." })
  .trim()
  .min(3, { error: "Indiquez un titre (3 caractères au moins)." })
  .max(200, { error: "200 caractères au plus." });

export const bodySchema = z.string().max(50_000, { error: "50 000 caractères au plus." });

/** What a new page is about: a project, a news issue, or both. */
const postTarget = z.object({
  applicationId: optional(z.uuid({ error: "Projet introuvable." })),
  newsIssueId: optional(z.uuid({ error: "Numéro introuvable." })),
});
const aboutSomething = (v: z.infer<typeof postTarget>) => Boolean(v.applicationId || v.newsIssueId);
const ABOUT_NOTHING = {
  error: "Une page porte sur un projet ou paraît dans un numéro.",
  path: ["applicationId"],
};
export const postTargetSchema = postTarget.refine(aboutSomething, ABOUT_NOTHING);

export const postFieldsSchema = z.object({ title, bodyMd: bodySchema.default("") });

export const createPostSchema = postTarget
  .extend(postFieldsSchema.shape)
  .refine(aboutSomething, ABOUT_NOTHING);

export const updatePostSchema = z.object({
  postId: z.uuid({ error: "Page introuvable." }),
  title,
  bodyMd: bodySchema,
});

/** « 2026-03-15T09:30 » from a datetime-local field, read as Paris wall time. */
const parisDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "Date et heure invalides." });

export const publishPostSchema = z.object({
  postId: z.uuid({ error: "Page introuvable." }),
  publishAt: optional(parisDateTime),
});

export const postIdSchema = z.object({ postId: z.uuid({ error: "Page introuvable." }) });

export const milestoneSchema = z.object({
  label: z
    .string({ error: "Indiquez l’intitulé de l’étape." })
    .trim()
    .min(3, { error: "Indiquez l’intitulé de l’étape (3 caractères au moins)." })
    .max(200, { error: "200 caractères au plus." }),
  plannedDate: optional(z.iso.date({ error: "Date invalide." })),
  status: z.enum(MILESTONE_STATUSES, { error: "Choisissez un état." }),
  progressPercent: z.coerce
    .number({ error: "Indiquez un pourcentage." })
    .int({ error: "Un nombre entier, de 0 à 100." })
    .min(0, { error: "Un nombre entier, de 0 à 100." })
    .max(100, { error: "Un nombre entier, de 0 à 100." }),
});

export const createMilestoneSchema = milestoneSchema.extend({
  applicationId: z.uuid({ error: "Projet introuvable." }),
});
export const updateMilestoneSchema = milestoneSchema.extend({
  milestoneId: z.uuid({ error: "Étape introuvable." }),
});
export const milestoneIdSchema = z.object({ milestoneId: z.uuid({ error: "Étape introuvable." }) });

export const createIssueSchema = z.object({
  networkId: z.uuid({ error: "Réseau introuvable." }),
  title,
  issueDate: z.iso.date({ error: "Indiquez la date du numéro." }),
});

export const issueIdSchema = z.object({ issueId: z.uuid({ error: "Numéro introuvable." }) });

export const featureReportSchema = z.object({
  reportId: z.uuid({ error: "Rapport introuvable." }),
  excerpt: z.string().trim().max(1000, { error: "1 000 caractères au plus." }),
});

export const submitReportSchema = z.object({
  applicationId: z.uuid({ error: "Projet introuvable." }),
  kind: z.enum(["intermediate", "final"], { error: "Choisissez le type de rapport." }),
  body: z
    .string({ error: "Rédigez le rapport." })
    .trim()
    .min(50, { error: "Rédigez le rapport (50 caractères au moins)." })
    .max(20_000, { error: "20 000 caractères au plus." }),
});

/** Parses a datetime-local value (« 2026-03-15T09:30 ») as Paris wall time. */
export function parseParisDateTime(value: string): Date {
  const [y = 0, m = 0, d = 0, h = 0, min = 0] = value.split(/[-T:]/).map(Number);
  return parisTime(y, m, d, h, min);
}
