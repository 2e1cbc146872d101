/**
 * Budget rules of an application, as pure functions on integer cents: the
 * budget balances (expenses = resources), the ministry's request respects the
 * call's maximum grant and maximum share of the total budget.
 */

export type BudgetFigures = {
  expenses: readonly number[];
  ownContributions: readonly number[];
  cofinancings: readonly number[];
  requestedCents: number;
};

export type CallLimits = { maxGrantCents: number; maxSharePercent: number };

export type BudgetTotals = {
  expensesCents: number;
  ownContributionsCents: number;
  cofinancingCents: number;
  requestedCents: number;
  resourcesCents: number;
  /** Resources minus expenses: 0 when balanced. */
  differenceCents: number;
  /** Share of the total budget asked of the ministry (0–1), null without expenses. */
  requestedShare: number | null;
};

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export function budgetTotals(budget: BudgetFigures): BudgetTotals {
  const expensesCents = sum(budget.expenses);
  const ownContributionsCents = sum(budget.ownContributions);
  const cofinancingCents = sum(budget.cofinancings);
  const resourcesCents = ownContributionsCents + cofinancingCents + budget.requestedCents;
  return {
    expensesCents,
    ownContributionsCents,
    cofinancingCents,
    requestedCents: budget.requestedCents,
    resourcesCents,
    differenceCents: resourcesCents - expensesCents,
    requestedShare: expensesCents > 0 ? budget.requestedCents / expensesCents : null,
  };
}

/** The budget balances: total resources equal total expenses, to the cent, and it is not empty. */
export function isBalanced(totals: BudgetTotals) {
  return totals.expensesCents > 0 && totals.differenceCents === 0;
}

/** The request does not exceed the call's maximum grant. */
export function withinMaxGrant(requestedCents: number, limits: CallLimits) {
  return requestedCents <= limits.maxGrantCents;
}

/** The largest request the maximum share allows for these expenses (rounded down to the cent). */
export function maxRequestForShare(expensesCents: number, limits: CallLimits) {
  return Math.floor((expensesCents * limits.maxSharePercent) / 100);
}

/** The request is at most `maxSharePercent` % of the total expenses (integer arithmetic, no rounding error). */
export function withinMaxShare(requestedCents: number, expensesCents: number, limits: CallLimits) {
  return requestedCents * 100 <= expensesCents * limits.maxSharePercent;
}

export type BudgetIssue = "empty" | "no_request" | "unbalanced" | "above_max_grant" | "above_max_share";

/** Every rule the budget breaks, in the order a user would fix them. */
export function budgetIssues(budget: BudgetFigures, limits: CallLimits): BudgetIssue[] {
  const totals = budgetTotals(budget);
  const issues: BudgetIssue[] = [];
  if (totals.expensesCents === 0) issues.push("empty");
  if (budget.requestedCents === 0) issues.push("no_request");
  if (totals.expensesCents > 0 && totals.differenceCents !== 0) issues.push("unbalanced");
  if (!withinMaxGrant(budget.requestedCents, limits)) issues.push("above_max_grant");
  if (totals.expensesCents > 0 && !withinMaxShare(budget.requestedCents, totals.expensesCents, limits)) {
    issues.push("above_max_share");
  }
  return issues;
}
