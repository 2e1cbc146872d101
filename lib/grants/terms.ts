/**
 * The terms an agreement fixes, computed once when it is generated and then
 * read from its rows: the instalments (lib/grants/amounts.ts) and the dates
 * the reports are due. Pure, so the unit tests and the demo seed build the
 * same schedule as the service.
 */
import { addMonthsIso } from "@/lib/applications/schedule";
import {
  type InstalmentRule,
  type PlannedInstalment,
  plannedInstalments,
  plannedReports,
  splitEvenly,
} from "./amounts";

/**
 * Months after the project's end within which the final report is due. The
 * published calls say « after the final report » without a delay; three
 * months is this service's default, written in each agreement.
 */
export const FINAL_REPORT_MONTHS_AFTER_END = 3;

export type GrantTerms = {
  instalments: PlannedInstalment[];
  /** Report n is due on `reportDueDates[n − 1]` (YYYY-MM-DD). */
  reportDueDates: string[];
  startsOn: string;
  endsOn: string;
};

/**
 * The schedule of a grant of `grantedCents` over the call's years, for a
 * project starting on `startsOn` for `durationMonths`: the amount spread
 * evenly over the years, an interim report at the end of each project year
 * but the last (never after the project's end), the final report
 * FINAL_REPORT_MONTHS_AFTER_END months after the end.
 */
export function grantTerms(input: {
  grantedCents: number;
  rule: InstalmentRule;
  startsOn: string;
  durationMonths: number;
}): GrantTerms {
  const endsOn = addMonthsIso(input.startsOn, input.durationMonths);
  const reportDueDates = plannedReports(input.rule).map((r) => {
    if (r.kind === "final") return addMonthsIso(endsOn, FINAL_REPORT_MONTHS_AFTER_END);
    const endOfYear = addMonthsIso(input.startsOn, 12 * r.position);
    // ISO days compare as strings (Math.min would not).
    return [endOfYear, endsOn].sort()[0] as string;
  });
  return {
    instalments: plannedInstalments(splitEvenly(input.grantedCents, input.rule.years), input.rule),
    reportDueDates,
    startsOn: input.startsOn,
    endsOn,
  };
}

/** Agreement number: the application's receipt number followed by « C ». */
export function agreementReference(receiptNumber: string) {
  return `${receiptNumber}-C`;
}

/** The report is overdue: due before `today` (YYYY-MM-DD) and not sent, or sent back and not sent again. */
export function isOverdue(dueOn: string, status: string | null, today: string) {
  return dueOn < today && (status === null || status === "changes_requested");
}
