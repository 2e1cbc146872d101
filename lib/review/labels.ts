import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_LABELS: Record<string, string> = {
  draft: "Brouillon",
  submitted: "Déposé",
  in_review: "En instruction",
  information_requested: "Compléments demandés",
  accepted: "Accepté",
  rejected: "Refusé",
  withdrawn: "Retiré",
};

export const STATUS_TONES: Record<string, BadgeTone> = {
  submitted: "new",
  in_review: "info",
  information_requested: "warning",
  accepted: "success",
  rejected: "neutral",
  withdrawn: "neutral",
};

export const RECOMMENDATION_LABELS: Record<string, string> = {
  accept: "Favorable",
  reservations: "Favorable avec réserves",
  reject: "Défavorable",
};

/** One formatter per number of digits: `toLocaleString` would build one per call (per row). */
const scoreFormats = new Map<number, Intl.NumberFormat>();

/** A score out of 100, French style (« 72,5 »). */
export function formatScore(value: number | null | undefined, digits = 1) {
  if (value === null || value === undefined) return "—";
  // A value that rounds to zero is « 0,00 », never « -0,00 ».
  if (Math.abs(value) < 0.5 * 10 ** -digits) value = 0;
  let format = scoreFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    scoreFormats.set(digits, format);
  }
  return format.format(value);
}

/** A z-score, or « insuffisant » when the reviewer's scores give none (a single one, or all equal). */
export function formatZScore(value: number | null | undefined) {
  return value === null || value === undefined ? "insuffisant" : formatScore(value, 2);
}

/** « 1er », « 2ᵉ »… French ordinals of a rank. */
export function formatRank(rank: number) {
  return rank === 1 ? "1er" : `${rank}ᵉ`;
}
