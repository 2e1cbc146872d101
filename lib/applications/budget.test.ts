import { describe, expect, it } from "vitest";
import {
  budgetIssues,
  budgetTotals,
  isBalanced,
  maxRequestForShare,
  withinMaxGrant,
  withinMaxShare,
} from "./budget";

const limits = { maxGrantCents: 100_000_00, maxSharePercent: 50 };

describe("budget totals and balance", () => {
  const budget = {
    expenses: [60_000_00, 40_000_00],
    ownContributions: [30_000_00],
    cofinancings: [20_000_00],
    requestedCents: 50_000_00,
  };

  it("adds expenses and resources (own contributions, co-financing, request)", () => {
    const totals = budgetTotals(budget);
    expect(totals.expensesCents).toBe(100_000_00);
    expect(totals.resourcesCents).toBe(100_000_00);
    expect(totals.differenceCents).toBe(0);
    expect(totals.requestedShare).toBe(0.5);
  });

  it("is balanced only when resources equal expenses to the cent", () => {
    expect(isBalanced(budgetTotals(budget))).toBe(true);
    expect(isBalanced(budgetTotals({ ...budget, requestedCents: 50_000_01 }))).toBe(false);
  });

  it("an empty budget is not balanced", () => {
    expect(
      isBalanced(budgetTotals({ expenses: [], ownContributions: [], cofinancings: [], requestedCents: 0 })),
    ).toBe(false);
  });

  it("has no share without expenses", () => {
    expect(
      budgetTotals({ expenses: [], ownContributions: [], cofinancings: [], requestedCents: 5 })
        .requestedShare,
    ).toBe(null);
  });
});

describe("maximum grant", () => {
  it("accepts the maximum itself and refuses one cent more", () => {
    expect(withinMaxGrant(100_000_00, limits)).toBe(true);
    expect(withinMaxGrant(100_000_01, limits)).toBe(false);
  });
});

describe("maximum share", () => {
  it("accepts exactly the share and refuses one cent more", () => {
    expect(withinMaxShare(50_000_00, 100_000_00, limits)).toBe(true);
    expect(withinMaxShare(50_000_01, 100_000_00, limits)).toBe(false);
  });

  it("computes the largest request allowed, rounded down", () => {
    expect(maxRequestForShare(100_001, { maxGrantCents: 0, maxSharePercent: 50 })).toBe(50_000);
  });
});

describe("budget issues", () => {
  it("lists nothing for a valid budget", () => {
    expect(
      budgetIssues(
        {
          expenses: [100_000_00],
          ownContributions: [50_000_00],
          cofinancings: [],
          requestedCents: 50_000_00,
        },
        limits,
      ),
    ).toEqual([]);
  });

  it("lists each broken rule", () => {
    expect(
      budgetIssues({ expenses: [], ownContributions: [], cofinancings: [], requestedCents: 0 }, limits),
    ).toEqual(["empty", "no_request"]);
    expect(
      budgetIssues(
        {
          expenses: [300_000_00],
          ownContributions: [100_000_00],
          cofinancings: [],
          requestedCents: 150_000_00,
        },
        limits,
      ),
    ).toEqual(["unbalanced", "above_max_grant"]);
    expect(
      budgetIssues(
        {
          expenses: [100_000_00],
          ownContributions: [30_000_00],
          cofinancings: [],
          requestedCents: 70_000_00,
        },
        limits,
      ),
    ).toEqual(["above_max_share"]);
  });
});
