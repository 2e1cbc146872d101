/**
 * The project's schedule as the call allows it: the rule shared by the form
 * (schema bounds), the completeness check page and the server's submission
 * (`missingItems`). The call decides the window; the project's duration is
 * bounded by the programme (three-year projects at most).
 */
import { isoDateInParis } from "@/lib/format";

/** Shortest and longest project, in months; the schema's bounds for the field are these. */
export const MIN_DURATION_MONTHS = 1;
export const MAX_DURATION_MONTHS = 36;

/**
 * How long after the call's closing a project may still start: the selection
 * takes a few months, a start two years later is a typing error (« 2062 »)
 * rather than a plan.
 */
export const MAX_START_MONTHS_AFTER_CLOSING = 24;

export type CallWindow = { opensAt: Date; closesAt: Date };

export type ScheduleIssue = {
  field: "startDate" | "durationMonths";
  message: string;
};

/** `2026-03-15` plus `months` calendar months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsIso(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** « 15/03/2026 » from `2026-03-15`. */
export function frenchDay(isoDate: string) {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

/** The earliest and latest start dates the call allows, as Paris calendar days (`YYYY-MM-DD`). */
export function startWindow(call: CallWindow) {
  return {
    earliest: isoDateInParis(call.opensAt),
    latest: addMonthsIso(isoDateInParis(call.closesAt), MAX_START_MONTHS_AFTER_CLOSING),
  };
}

/** The duration as typed, or null when it is not a whole number of months within the bounds. */
export function parseDuration(value: string): number | null {
  const v = value.trim();
  if (!/^\d{1,3}$/.test(v)) return null;
  const n = Number(v);
  return n >= MIN_DURATION_MONTHS && n <= MAX_DURATION_MONTHS ? n : null;
}

export const DURATION_MESSAGE = `Indiquez une durée entière entre ${MIN_DURATION_MONTHS} et ${MAX_DURATION_MONTHS}\u00a0mois.`;

/**
 * What is wrong with the schedule, for submission: missing start or duration,
 * a start before the call's opening day or implausibly far after its closing,
 * a duration outside the bounds. ISO dates compare as strings.
 */
export function scheduleIssues(
  form: { startDate: string; durationMonths: string },
  call: CallWindow,
): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const start = form.startDate.trim();
  if (start === "") {
    issues.push({ field: "startDate", message: "La date de début du projet est à renseigner." });
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) {
    issues.push({ field: "startDate", message: "La date de début du projet n’est pas une date valide." });
  } else {
    const { earliest, latest } = startWindow(call);
    if (start < earliest) {
      issues.push({
        field: "startDate",
        message: `La date de début du projet ne peut pas précéder l’ouverture de l’appel (${frenchDay(earliest)}).`,
      });
    } else if (start > latest) {
      issues.push({
        field: "startDate",
        message: `La date de début du projet est trop tardive\u00a0: au plus tard le ${frenchDay(latest)}, ${MAX_START_MONTHS_AFTER_CLOSING}\u00a0mois après la clôture de l’appel.`,
      });
    }
  }
  if (form.durationMonths.trim() === "") {
    issues.push({ field: "durationMonths", message: "La durée du projet est à renseigner." });
  } else if (parseDuration(form.durationMonths) === null) {
    issues.push({ field: "durationMonths", message: DURATION_MESSAGE });
  }
  return issues;
}

/** The project's last month's day (`start + duration`), or null when either is not valid. */
export function projectEnd(form: { startDate: string; durationMonths: string }): string | null {
  const months = parseDuration(form.durationMonths);
  if (months === null || !/^\d{4}-\d{2}-\d{2}$/.test(form.startDate)) return null;
  return addMonthsIso(form.startDate, months);
}
