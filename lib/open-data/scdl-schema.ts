import { z } from "@/lib/zod";

/**
 * The constraints of the SCDL « subventions » schema, version 2.1.1 (Socle
 * commun des données locales, OpenDataFrance; published on
 * schema.data.gouv.fr), copied here so that tests validate every exported row
 * without the network. One row per beneficiary of a grant. Field order is the
 * schema's column order; `required` marks the mandatory fields. Missing
 * optional values are empty strings, as the schema's CSV convention says.
 */
export const SCDL_SUBVENTIONS_VERSION = "2.1.1";

export const SCDL_FIELDS = [
  {
    name: "nomAttribuant",
    required: true,
    title: "Nom de l’attribuant",
    description: "Nom officiel de l’organisme qui attribue la subvention.",
  },
  {
    name: "idAttribuant",
    required: true,
    title: "Identifiant de l’attribuant",
    description: "SIRET de l’attribuant\u00a0: 14 chiffres (SIREN + NIC).",
  },
  {
    name: "dateConvention",
    required: true,
    title: "Date de la convention",
    description: "Date de la convention de subvention, au format AAAA-MM-JJ.",
  },
  {
    name: "referenceDecision",
    required: false,
    title: "Référence de la décision",
    description: "Identifiant interne de l’acte d’attribution.",
  },
  {
    name: "nomBeneficiaire",
    required: true,
    title: "Nom du bénéficiaire",
    description: "Nom officiel du bénéficiaire.",
  },
  {
    name: "idBeneficiaire",
    required: false,
    title: "Identifiant du bénéficiaire",
    description: "SIRET du bénéficiaire\u00a0: 14 chiffres. Facultatif en version 2.1.1.",
  },
  {
    name: "rnaBeneficiaire",
    required: false,
    title: "Numéro RNA du bénéficiaire",
    description: "Pour une association\u00a0: W suivi de 9 chiffres. Obligatoire si idBeneficiaire est vide.",
  },
  {
    name: "objet",
    required: true,
    title: "Objet de la subvention",
    description: "Objet de la subvention, moins de 256 caractères.",
  },
  {
    name: "montant",
    required: true,
    title: "Montant",
    description: "Montant total de la subvention en euros, point comme séparateur décimal.",
  },
  {
    name: "nature",
    required: true,
    title: "Nature",
    description:
      "«\u00a0aide en numéraire\u00a0», «\u00a0aide en nature\u00a0», ou les deux séparés par «\u00a0;\u00a0».",
  },
  {
    name: "conditionsVersement",
    required: true,
    title: "Conditions de versement",
    description: "«\u00a0unique\u00a0», «\u00a0échelonné\u00a0» ou «\u00a0autre\u00a0».",
  },
  {
    name: "datesPeriodeVersement",
    required: true,
    title: "Date ou période de versement",
    description: "AAAA-MM-JJ, ou AAAA-MM-JJ/AAAA-MM-JJ pour une période.",
  },
  {
    name: "idRAE",
    required: false,
    title: "Identifiant RAE",
    description: "Numéro au répertoire des aides aux entreprises, sans objet ici.",
  },
  {
    name: "notificationUE",
    required: true,
    title: "Notification à l’Union européenne",
    description:
      "«\u00a0oui\u00a0» si l’aide d’État a été notifiée à la Commission européenne, sinon «\u00a0non\u00a0».",
  },
  {
    name: "pourcentageSubvention",
    required: true,
    title: "Part de la subvention",
    description: "Part du montant total attribuée à ce bénéficiaire, de 0,01 à 1 (point décimal).",
  },
  {
    name: "dispositifAide",
    required: false,
    title: "Dispositif d’aide",
    description: "Nom du dispositif\u00a0: ici, l’appel à projets.",
  },
] as const;

export type ScdlFieldName = (typeof SCDL_FIELDS)[number]["name"];

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const realDate = (v: string) => isoDate.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const optional = (schema: z.ZodType<string>) => z.union([z.literal(""), schema]);

/**
 * A SIRET: 14 digits whose Luhn checksum is right (the INSEE's rule), or an
 * establishment of La Poste (SIREN 356000000), whose digits add up to a
 * multiple of 5 instead. A SIREN followed by « 00000 » is not one.
 */
export function isSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  const digits = [...value].map(Number);
  if (value.startsWith("356000000")) return digits.reduce((a, b) => a + b, 0) % 5 === 0;
  const sum = digits.reduce((total, digit, i) => {
    const doubled = (value.length - i) % 2 === 0 ? digit * 2 : digit;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return sum % 10 === 0;
}
const siret = z.string().refine(isSiret, "SIRET de 14 chiffres attendu (clé de contrôle incluse)");

/** One row, every value a string as in the CSV file. */
export const scdlSubventionRow = z
  .object({
    nomAttribuant: z.string().min(1),
    idAttribuant: siret,
    dateConvention: z.string().refine(realDate, "date AAAA-MM-JJ attendue"),
    referenceDecision: z.string(),
    nomBeneficiaire: z.string().min(1),
    idBeneficiaire: optional(siret),
    rnaBeneficiaire: optional(z.string().regex(/^W\d{9}$/)),
    objet: z.string().min(1).max(255),
    montant: z.string().regex(/^\d+(\.\d{1,2})?$/),
    nature: z.enum(["aide en numéraire", "aide en nature", "aide en numéraire;aide en nature"]),
    conditionsVersement: z.enum(["unique", "échelonné", "autre"]),
    datesPeriodeVersement: z
      .string()
      .refine(
        (v) => v.split("/").length <= 2 && v.split("/").every(realDate),
        "AAAA-MM-JJ ou AAAA-MM-JJ/AAAA-MM-JJ attendu",
      ),
    idRAE: z.string(),
    notificationUE: z.enum(["oui", "non"]),
    pourcentageSubvention: z
      .string()
      .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/)
      .refine((v) => Number(v) >= 0.01 && Number(v) <= 1, "entre 0,01 et 1"),
    dispositifAide: z.string(),
  })
  .strict();

export type ScdlSubventionRow = z.infer<typeof scdlSubventionRow>;

export const SCDL_COLUMNS = SCDL_FIELDS.map((f) => f.name);
