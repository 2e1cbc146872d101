import { countryName } from "@/lib/countries";
import { DEFAULT_FINAL_BALANCE_PERCENT, MAX_GRANT_YEARS } from "@/lib/grants/amounts";
import { parisParts, parisTime } from "@/lib/time";
import { z } from "@/lib/zod";

/**
 * The call form, shared by the browser (react-hook-form) and the server
 * action. The form holds strings, as inputs do; the schema turns them into
 * cents, integers and UTC instants (dates are typed in Paris time).
 */

/** Document types an applicant may be asked for, checked by content at upload. */
export const DOCUMENT_TYPES = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
  "application/vnd.oasis.opendocument.text": "OpenDocument texte (.odt)",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (.xlsx)",
  "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument tableur (.ods)",
  "image/jpeg": "Image JPEG",
  "image/png": "Image PNG",
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
const documentTypeValues = Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];

/** « 12 500,50 », « 12500.5 », « 12 500 € » → 1 250 050 cents; null when it is not an amount. */
export function parseEurosToCents(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 1 250 050 cents → « 12500,50 » (what the form shows back; no thousands separator to retype). */
export function centsToInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(".", ",");
}

/** « 2026-03-15T12:00 » read on Paris clocks → the UTC instant; null when malformed. */
export function parseParisDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const date = parisTime(y, mo, d, h, mi);
  // Reject 31 February and the like, which Date.UTC would roll over.
  const back = parisParts(date);
  if (back.day !== d || back.month !== mo) return null;
  return date;
}

/** An instant → « 2026-03-15T12:00 » on Paris clocks, for a datetime-local input. */
export function toParisInput(date: Date): string {
  const p = parisParts(date);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

const requiredText = (message: string, max = 300) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `${max} caractères au plus.` });

const amount = (label: string) =>
  z.string({ error: `Indiquez ${label}.` }).transform((value, ctx) => {
    if (!value.trim()) {
      ctx.addIssue({ code: "custom", message: `Indiquez ${label}.` });
      return z.NEVER;
    }
    if (/^\s*-/.test(value)) {
      ctx.addIssue({ code: "custom", message: "Le montant doit être positif ou nul." });
      return z.NEVER;
    }
    const cents = parseEurosToCents(value);
    if (cents === null) {
      ctx.addIssue({
        code: "custom",
        message: "Saisissez un montant en euros, par exemple 12 500 ou 12 500,50.",
      });
      return z.NEVER;
    }
    return cents;
  });

const integer = (message: string, min: number, max: number, rangeMessage: string) =>
  z.string({ error: message }).transform((value, ctx) => {
    const trimmed = value.trim();
    if (!/^-?\d+$/.test(trimmed)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    const n = Number(trimmed);
    if (n < min || n > max) {
      ctx.addIssue({ code: "custom", message: rangeMessage });
      return z.NEVER;
    }
    return n;
  });

const parisDateTime = (label: string) =>
  z.string({ error: `Indiquez ${label}.` }).transform((value, ctx) => {
    if (!value.trim()) {
      ctx.addIssue({ code: "custom", message: `Indiquez ${label}.` });
      return z.NEVER;
    }
    const date = parseParisDateTime(value.trim());
    if (!date) {
      ctx.addIssue({ code: "custom", message: "Saisissez une date et une heure valides." });
      return z.NEVER;
    }
    return date;
  });

const lines = (value: string) =>
  value
    .split(/[\n,;]/)
    .map((line) => line.trim())
    .filter(Boolean);

export const criterionSchema = z.object({
  id: z.string().optional(),
  label: requiredText("Indiquez l’intitulé du critère.", 200),
  helpText: z.string().trim().max(2000, { error: "2 000 caractères au plus." }),
  weight: integer("Indiquez un poids entier.", 1, 100, "Le poids doit être supérieur à 0 (entre 1 et 100)."),
  maxScore: integer(
    "Indiquez une note maximale entière.",
    1,
    100,
    "La note maximale doit être comprise entre 1 et 100.",
  ),
});

export const documentSchema = z.object({
  id: z.string().optional(),
  label: requiredText("Indiquez le nom du document.", 200),
  mandatory: z.boolean(),
  acceptedTypes: z
    .array(z.enum(documentTypeValues, { error: "Type de fichier inconnu." }))
    .min(1, { error: "Cochez au moins un type de fichier accepté." }),
});

export const callFormSchema = z
  .object({
    title: requiredText("Indiquez le titre de l’appel.", 200),
    year: integer("Indiquez l’année.", 2000, 2100, "L’année doit être comprise entre 2000 et 2100."),
    slug: z
      .string()
      .trim()
      .min(1, { error: "Indiquez l’adresse de la page (par exemple «\u00a0jeunesse-2027\u00a0»)." })
      .max(100, { error: "100 caractères au plus." })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
        error:
          "Lettres minuscules sans accents, chiffres et tirets seulement (par exemple «\u00a0jeunesse-2027\u00a0»).",
      }),
    code: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(
        z.string().regex(/^[A-Z0-9]{2,12}$/, {
          error: "De 2 à 12 lettres ou chiffres, sans espace (par exemple «\u00a0JEU\u00a0»).",
        }),
      ),
    descriptionMd: z.string().max(20_000, { error: "20 000 caractères au plus." }),
    eligibilityMd: z.string().max(20_000, { error: "20 000 caractères au plus." }),
    themes: z.string().transform(lines),
    eligibleCountries: z.string().transform((value, ctx) => {
      const codes = [...new Set(lines(value).map((c) => c.toUpperCase()))];
      if (codes.length === 0) return null;
      const unknown = codes.filter((c) => !/^[A-Z]{2}$/.test(c) || countryName(c) === c);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `Code${unknown.length > 1 ? "s" : ""} de pays inconnu${unknown.length > 1 ? "s" : ""}\u00a0: ${unknown.join(", ")}. Utilisez les codes ISO à deux lettres (XK pour le Kosovo).`,
        });
        return z.NEVER;
      }
      return codes;
    }),
    opensAt: parisDateTime("la date et l’heure d’ouverture"),
    closesAt: parisDateTime("la date et l’heure de clôture"),
    maxGrant: amount("la subvention maximale par dossier"),
    maxSharePercent: integer(
      "Indiquez un pourcentage entier.",
      1,
      100,
      "La part maximale doit être comprise entre 1 et 100 %.",
    ),
    envelope: amount("l’enveloppe budgétaire"),
    reviewersPerApplication: integer(
      "Indiquez un nombre entier.",
      1,
      10,
      "Le nombre d’instructeurs par dossier doit être compris entre 1 et 10.",
    ),
    grantYears: integer(
      "Indiquez un nombre entier d’années.",
      1,
      MAX_GRANT_YEARS,
      `La durée de versement est de 1 à ${MAX_GRANT_YEARS}\u00a0années.`,
    ),
    finalBalancePercent: integer(
      "Indiquez un pourcentage entier.",
      0,
      50,
      "Le solde versé après le rapport final est compris entre 0 et 50\u00a0%.",
    ),
    criteria: z.array(criterionSchema).min(1, { error: "La grille doit compter au moins un critère." }),
    documents: z.array(documentSchema),
  })
  .refine((value) => value.maxGrant <= value.envelope, {
    path: ["maxGrant"],
    message: "La subvention maximale par dossier ne peut dépasser l’enveloppe budgétaire de l’appel.",
    when(payload) {
      const v = (payload.value ?? {}) as { maxGrant?: unknown; envelope?: unknown };
      return typeof v.maxGrant === "number" && typeof v.envelope === "number";
    },
  })
  .refine((value) => value.closesAt.getTime() > value.opensAt.getTime(), {
    path: ["closesAt"],
    message: "La clôture doit être postérieure à l’ouverture.",
    // Checked even when other fields are wrong, so that every message shows at once.
    when(payload) {
      const v = (payload.value ?? {}) as { opensAt?: unknown; closesAt?: unknown };
      return v.opensAt instanceof Date && v.closesAt instanceof Date;
    },
  });

export type CallFormInput = z.input<typeof callFormSchema>;
export type CallFormValues = z.output<typeof callFormSchema>;

export const GRID_LOCKED =
  "La grille ne peut plus être modifiée\u00a0: au moins une évaluation a déjà été soumise sur cet appel.";

/** Zod issues → { "criteria.0.weight": ["…"] }, the keys the form's fields use. */
export function issuesByPath(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    const list = out[path] ?? [];
    list.push(issue.message);
    out[path] = list;
  }
  return out;
}

/** An empty form for a new call: Paris times at 9:00 and 12:00, two reviewers, the usual share. */
export function emptyCallForm(now: Date): CallFormInput {
  const year = parisParts(now).year + 1;
  return {
    title: "",
    year: String(year),
    slug: "",
    code: "",
    descriptionMd: "",
    eligibilityMd: "",
    themes: "",
    eligibleCountries: "",
    opensAt: `${year}-01-15T09:00`,
    closesAt: `${year}-03-31T12:00`,
    maxGrant: "",
    maxSharePercent: "50",
    envelope: "",
    reviewersPerApplication: "2",
    grantYears: "1",
    finalBalancePercent: String(DEFAULT_FINAL_BALANCE_PERCENT),
    criteria: [{ label: "", helpText: "", weight: "1", maxScore: "5" }],
    documents: [{ label: "", mandatory: true, acceptedTypes: ["application/pdf"] }],
  };
}
