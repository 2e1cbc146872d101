import { formatCount } from "@/lib/format";
import { PG_INTEGER_MAX } from "@/lib/ids";
import { z } from "@/lib/zod";
import { parseFrenchAmount } from "./amounts";
import { DURATION_MESSAGE, parseDuration } from "./schedule";

/**
 * The application form, shared by the browser (react-hook-form) and the server
 * (autosave). A draft may be incomplete: this schema only refuses malformed
 * values; what is missing is listed by `missingItems` (rules.ts) before submission.
 */

export const FOREIGN_PARTNER_KINDS = [
  "commune",
  "municipality",
  "city",
  "province",
  "region",
  "federation_of_municipalities",
  "national_park",
  "other",
] as const;

export const FOREIGN_PARTNER_KIND_LABELS: Record<string, string> = {
  commune: "Commune",
  municipality: "Municipalité",
  city: "Ville",
  province: "Province",
  region: "Région",
  federation_of_municipalities: "Fédération de municipalités",
  national_park: "Parc national",
  other: "Autre collectivité",
};

export const OPERATOR_KINDS = ["ngo", "association", "foundation", "other"] as const;
export const OPERATOR_KIND_LABELS: Record<(typeof OPERATOR_KINDS)[number], string> = {
  ngo: "ONG",
  association: "Association",
  foundation: "Fondation",
  other: "Autre",
};

export const EXPENSE_CATEGORIES = [
  "personnel",
  "travel",
  "equipment",
  "services",
  "communication",
  "overheads",
  "other",
] as const;
export const EXPENSE_CATEGORY_LABELS: Record<(typeof EXPENSE_CATEGORIES)[number], string> = {
  personnel: "Personnel",
  travel: "Missions et déplacements",
  equipment: "Équipement",
  services: "Prestations de services",
  communication: "Communication",
  overheads: "Frais de gestion",
  other: "Autres dépenses",
};

/** The 17 UN Sustainable Development Goals, as France names them. */
export const SDG_LABELS = [
  "Pas de pauvreté",
  "Faim «\u00a0zéro\u00a0»",
  "Bonne santé et bien-être",
  "Éducation de qualité",
  "Égalité entre les sexes",
  "Eau propre et assainissement",
  "Énergie propre et d’un coût abordable",
  "Travail décent et croissance économique",
  "Industrie, innovation et infrastructure",
  "Inégalités réduites",
  "Villes et communautés durables",
  "Consommation et production responsables",
  "Mesures relatives à la lutte contre les changements climatiques",
  "Vie aquatique",
  "Vie terrestre",
  "Paix, justice et institutions efficaces",
  "Partenariats pour la réalisation des objectifs",
] as const;

const AMOUNT_ERROR = "Saisissez un montant en euros, par exemple 12 500,50.";
/** An amount as typed (« 12 500,50 »); empty means not filled in yet. */
export const amountText = z
  .string()
  .trim()
  .max(30, { error: AMOUNT_ERROR })
  .refine((value) => value === "" || parseFrenchAmount(value) !== null, { error: AMOUNT_ERROR });

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    // « 5 000 caractères »: grouped digits, and the number never parted from its noun.
    .max(max, {
      // « Les objectifs ne doivent pas », « Le résumé ne doit pas »: the verb agrees with the label.
      error: `${label} ${label.startsWith("Les ") ? "ne doivent" : "ne doit"} pas dépasser ${formatCount(max)}\u00a0caractères.`,
    });

export const applicationFormSchema = z.object({
  title: text(200, "Le titre"),
  onBehalfOf: text(200, "Ce champ"),
  startDate: z.union([
    z.literal(""),
    z.iso.date({ error: "Saisissez une date valide, par exemple 01/03/2027." }),
  ]),
  durationMonths: z
    .string()
    .trim()
    .refine((v) => v === "" || parseDuration(v) !== null, { error: DURATION_MESSAGE }),
  summary: text(3000, "Le résumé"),
  objectives: text(5000, "Les objectifs"),
  expectedResults: text(5000, "Les résultats attendus"),
  beneficiaries: text(3000, "La description des bénéficiaires"),
  themes: z.array(z.string().trim().min(1).max(100)).max(20),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17),
  coApplicants: z
    .array(
      z.object({
        organisationId: z.number().int().positive().max(PG_INTEGER_MAX),
        name: z.string().max(300),
      }),
    )
    .max(50, { error: "Pas plus de 50 co-demandeurs." }),
  partners: z
    .array(
      z.object({
        name: z
          .string()
          .trim()
          .min(1, { error: "Indiquez le nom du partenaire." })
          .max(200, { error: "Le nom ne doit pas dépasser 200\u00a0caractères." }),
        kind: z.enum(FOREIGN_PARTNER_KINDS, { error: "Choisissez le type de collectivité." }),
        countryCode: z
          .string()
          .regex(/^[A-Z]{2}$/, { error: "Choisissez le pays du partenaire." })
          .refine((code) => code !== "FR", {
            error: "Un partenaire étranger ne peut pas être en France\u00a0: choisissez son pays.",
          }),
        contactName: text(200, "Le nom du contact"),
        contactEmail: z.union([
          z.literal(""),
          z.email({ error: "Saisissez une adresse e-mail valide, par exemple nom@exemple.org." }),
        ]),
      }),
    )
    .max(50, { error: "Pas plus de 50 partenaires." }),
  pairings: z
    .array(
      z.object({
        organisationId: z.number().int().positive().max(PG_INTEGER_MAX),
        partnerKey: z.string().min(3).max(210),
      }),
    )
    .max(100),
  operators: z
    .array(
      z.object({
        name: z
          .string()
          .trim()
          .min(1, { error: "Indiquez le nom de l’opérateur." })
          .max(200, { error: "Le nom ne doit pas dépasser 200\u00a0caractères." }),
        kind: z.enum(OPERATOR_KINDS, { error: "Choisissez le type d’opérateur." }),
      }),
    )
    .max(30),
  expenses: z
    .array(
      z.object({
        category: z.enum(EXPENSE_CATEGORIES, { error: "Choisissez une catégorie." }),
        label: text(200, "Le libellé"),
        amount: amountText,
      }),
    )
    .max(100),
  ownContributions: z
    .array(z.object({ organisationId: z.number().int().positive().max(PG_INTEGER_MAX), amount: amountText }))
    .max(51),
  cofinancings: z
    .array(z.object({ funderName: text(200, "Le nom du co-financeur"), amount: amountText }))
    .max(30),
  requestedAmount: amountText,
});

export type ApplicationForm = z.infer<typeof applicationFormSchema>;
export type ApplicationFormInput = z.input<typeof applicationFormSchema>;

/** How a pairing names its foreign partner inside the form: country and name. */
export function partnerKey(partner: { countryCode: string; name: string }) {
  return `${partner.countryCode}:${partner.name.trim()}`;
}

export const emptyApplicationForm: ApplicationForm = {
  title: "",
  onBehalfOf: "",
  startDate: "",
  durationMonths: "",
  summary: "",
  objectives: "",
  expectedResults: "",
  beneficiaries: "",
  themes: [],
  sdgs: [],
  coApplicants: [],
  partners: [],
  pairings: [],
  operators: [],
  expenses: [],
  ownContributions: [],
  cofinancings: [],
  requestedAmount: "",
};

export const createApplicationSchema = z.object({
  callId: z.uuid({ error: "Appel introuvable." }),
  organisationId: z.coerce
    .number()
    .int()
    .positive({ error: "Choisissez votre organisation." })
    .max(PG_INTEGER_MAX, { error: "Choisissez votre organisation." }),
  title: z
    .string()
    .trim()
    .min(3, { error: "Donnez un titre provisoire d’au moins 3 caractères." })
    .max(200, { error: "Le titre ne doit pas dépasser 200\u00a0caractères." }),
});

export const saveApplicationSchema = z.object({
  applicationId: z.uuid(),
  /** The version the browser read: changes are merged with what was saved since (merge.ts). */
  version: z.coerce.number().int().positive().max(PG_INTEGER_MAX),
  /** The fields changed since that version, as typed: each is validated on its own. */
  changes: z.partialRecord(applicationFormSchema.keyof(), z.unknown()),
  /** What the browser read for those fields (only compared, never written). */
  base: z.partialRecord(applicationFormSchema.keyof(), z.unknown()).default({}),
});

export const applicationIdSchema = z.object({ applicationId: z.uuid({ error: "Dossier introuvable." }) });

export const withdrawSchema = z.object({
  applicationId: z.uuid({ error: "Dossier introuvable." }),
  reason: z
    .string()
    .trim()
    .min(5, { error: "Indiquez le motif du retrait (5 caractères au moins)." })
    .max(2000, { error: "Le motif ne doit pas dépasser 2\u202f000\u00a0caractères." }),
  confirm: z.literal("on", { error: "Cochez la case pour confirmer le retrait." }),
});
