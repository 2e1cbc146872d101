/**
 * The money rules of a grant after the decision, as pure functions on integer
 * cents (docs/grants.md cites where each rule comes from):
 *
 * - the grant is spread over the call's years and paid by annual instalment,
 *   the first once the agreement is signed, each next one once the previous
 *   year's interim report is accepted;
 * - of the last year, `100 − finalBalancePercent` % is paid with the others and
 *   the balance (20 % by default) only after the final report;
 * - the grant never exceeds the call's share of the budget actually spent: a
 *   final report with lower spending lowers the balance, and what was paid
 *   beyond it is owed back.
 *
 * Every split rounds down to the cent and gives the remainder to the earliest
 * part, so the parts always add up to the whole.
 */

/** The share of the last year held back until the final report, unless the call says otherwise. */
export const DEFAULT_FINAL_BALANCE_PERCENT = 20;
/** Longest multi-year call (the généraliste and « clés en main » calls run three years). */
export const MAX_GRANT_YEARS = 3;

export type InstalmentRule = {
  /** Project years the grant is paid over: 1 for an annual call. */
  years: number;
  /** Percentage of the last year's amount paid only after the final report (0 – 50). */
  finalBalancePercent: number;
};

/** What releases an instalment: the signed agreement, or the acceptance of a report (its number). */
export type ReleaseCondition = { kind: "signature" } | { kind: "report"; reportPosition: number };

export type PlannedInstalment = {
  /** 1, 2, … in payment order. */
  position: number;
  /** Project year it funds (1-based). */
  year: number;
  /** `balance`: the part of the last year held back until the final report. */
  kind: "annual" | "balance";
  amountCents: number;
  releasedBy: ReleaseCondition;
};

export type PlannedReport = {
  /** 1, 2, … ; the last one is the final report. */
  position: number;
  kind: "intermediate" | "final";
};

function assertCents(value: number, what: string) {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer of cents`);
}

export function assertRule(rule: InstalmentRule) {
  if (!Number.isInteger(rule.years) || rule.years < 1 || rule.years > MAX_GRANT_YEARS) {
    throw new RangeError(`years must be between 1 and ${MAX_GRANT_YEARS}`);
  }
  if (
    !Number.isInteger(rule.finalBalancePercent) ||
    rule.finalBalancePercent < 0 ||
    rule.finalBalancePercent > 50
  ) {
    throw new RangeError("finalBalancePercent must be between 0 and 50");
  }
}

/**
 * `totalCents` in `parts` amounts that differ by at most one cent and add up
 * to it, the larger ones first (30 000,01 € over 3 years: 10 000,01 / 10 000 / 10 000).
 */
export function splitEvenly(totalCents: number, parts: number): number[] {
  assertCents(totalCents, "total");
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError("parts must be a positive integer");
  const base = Math.floor(totalCents / parts);
  const remainder = totalCents - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** The part of `amountCents` held back: `percent` % rounded down to the cent. */
export function heldBack(amountCents: number, percent: number): number {
  assertCents(amountCents, "amount");
  return Math.floor((amountCents * percent) / 100);
}

/**
 * The reports a grant over `years` years asks for: one interim report at the
 * end of each year but the last, and the final report.
 */
export function plannedReports(rule: InstalmentRule): PlannedReport[] {
  assertRule(rule);
  return Array.from({ length: rule.years }, (_, i) => ({
    position: i + 1,
    kind: i + 1 === rule.years ? "final" : "intermediate",
  }));
}

/**
 * The instalments of a grant from its amount per project year: one per year,
 * the first released by the signed agreement and each next one by the
 * previous year's interim report; the last year's held-back balance, released
 * by the final report, comes last (none when the call holds nothing back).
 */
export function plannedInstalments(
  yearAmountsCents: readonly number[],
  rule: InstalmentRule,
): PlannedInstalment[] {
  assertRule(rule);
  if (yearAmountsCents.length !== rule.years) throw new RangeError("one amount per year is expected");
  for (const [i, c] of yearAmountsCents.entries()) assertCents(c, `year ${i + 1}`);
  const last = rule.years;
  const balance = heldBack(yearAmountsCents[last - 1] ?? 0, rule.finalBalancePercent);
  const instalments: PlannedInstalment[] = yearAmountsCents.map((amount, i) => ({
    position: i + 1,
    year: i + 1,
    kind: "annual",
    amountCents: i + 1 === last ? amount - balance : amount,
    releasedBy: i === 0 ? { kind: "signature" } : { kind: "report", reportPosition: i },
  }));
  if (balance > 0) {
    instalments.push({
      position: last + 1,
      year: last,
      kind: "balance",
      amountCents: balance,
      releasedBy: { kind: "report", reportPosition: last },
    });
  }
  return instalments;
}

/**
 * What the grant may finally be once the actual spending is known: the
 * granted amount, or the call's share of the actual expenses if that is less
 * (rounded down to the cent, as the decision's own share rule is).
 */
export function allowedGrant(
  grantedCents: number,
  actualExpensesCents: number,
  maxSharePercent: number,
): number {
  assertCents(grantedCents, "granted");
  assertCents(actualExpensesCents, "actual expenses");
  return Math.min(grantedCents, Math.floor((actualExpensesCents * maxSharePercent) / 100));
}

export type Settlement = {
  /** What the grant finally is. */
  allowedCents: number;
  /** What the balance instalment pays: what is allowed and not paid yet, never more than planned. */
  balanceCents: number;
  /** What was paid beyond what is allowed, to be paid back. */
  refundCents: number;
};

/**
 * Settles a grant on its final report: from what was paid so far, the
 * planned balance and the actual expenses, the balance actually paid and what
 * is owed back. Exactly one of the two is positive, or neither.
 */
export function settle(input: {
  grantedCents: number;
  paidCents: number;
  plannedBalanceCents: number;
  actualExpensesCents: number;
  maxSharePercent: number;
}): Settlement {
  assertCents(input.paidCents, "paid");
  assertCents(input.plannedBalanceCents, "planned balance");
  const allowedCents = allowedGrant(input.grantedCents, input.actualExpensesCents, input.maxSharePercent);
  const remaining = allowedCents - input.paidCents;
  return {
    allowedCents,
    balanceCents: Math.max(0, Math.min(remaining, input.plannedBalanceCents)),
    refundCents: Math.max(0, -remaining),
  };
}
