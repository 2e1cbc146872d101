import { resultsArePublic } from "@/lib/public/published";

/**
 * A call's status is derived from its dates, whether its results are published
 * and whether it received applications; it is never stored.
 */
export type CallStatus = "upcoming" | "open" | "closed" | "in_review" | "results_published";

export type CallStatusInput = {
  opensAt: Date;
  closesAt: Date;
  resultsPublishedAt: Date | null;
  /** Whether any application of the call was submitted (submitted_at set), whatever became of it. */
  hasSubmissions: boolean;
};

/**
 * - upcoming: before the opening time;
 * - open: from the opening time (included) to the closing time (excluded);
 * - results_published: results published (a publication time in the future does not count yet);
 * - in_review: closed, results not published, at least one application submitted;
 * - closed: closed with nothing submitted and nothing published.
 */
export function callStatus(call: CallStatusInput, now: Date): CallStatus {
  const t = now.getTime();
  if (resultsArePublic(call.resultsPublishedAt, now)) return "results_published";
  if (t < call.opensAt.getTime()) return "upcoming";
  if (t < call.closesAt.getTime()) return "open";
  return call.hasSubmissions ? "in_review" : "closed";
}

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  upcoming: "À venir",
  open: "Ouvert",
  closed: "Clos",
  in_review: "En cours d’instruction",
  results_published: "Résultats publiés",
};

/** The order in which the list of calls shows its sections. */
export const CALL_STATUS_ORDER: readonly CallStatus[] = [
  "open",
  "upcoming",
  "in_review",
  "closed",
  "results_published",
];
