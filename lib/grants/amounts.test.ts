import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedGrant,
  DEFAULT_FINAL_BALANCE_PERCENT,
  heldBack,
  plannedInstalments,
  plannedReports,
  settle,
  splitEvenly,
} from "./amounts";

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("splitting a grant over its years", () => {
  it("gives the odd cents to the earliest years", () => {
    expect(splitEvenly(30_000_01, 3)).toEqual([10_000_01, 10_000_00, 10_000_00]);
    expect(splitEvenly(2, 3)).toEqual([1, 1, 0]);
    expect(splitEvenly(25_000_00, 1)).toEqual([25_000_00]);
  });

  it("always adds up to the whole, parts one cent apart at most", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.integer({ min: 1, max: 3 }),
        (total, parts) => {
          const split = splitEvenly(total, parts);
          expect(sum(split)).toBe(total);
          expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("refuses amounts that are not cents", () => {
    expect(() => splitEvenly(10.5, 2)).toThrow(RangeError);
    expect(() => splitEvenly(-1, 2)).toThrow(RangeError);
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
  });
});

describe("the instalments", () => {
  const rule = { years: 3, finalBalancePercent: DEFAULT_FINAL_BALANCE_PERCENT };

  it("pays a three-year grant by year, 80 % of the last year before the final report and 20 % after", () => {
    expect(plannedInstalments([20_000_00, 20_000_00, 20_000_00], rule)).toEqual([
      { position: 1, year: 1, kind: "annual", amountCents: 20_000_00, releasedBy: { kind: "signature" } },
      {
        position: 2,
        year: 2,
        kind: "annual",
        amountCents: 20_000_00,
        releasedBy: { kind: "report", reportPosition: 1 },
      },
      {
        position: 3,
        year: 3,
        kind: "annual",
        amountCents: 16_000_00,
        releasedBy: { kind: "report", reportPosition: 2 },
      },
      {
        position: 4,
        year: 3,
        kind: "balance",
        amountCents: 4_000_00,
        releasedBy: { kind: "report", reportPosition: 3 },
      },
    ]);
  });

  it("pays an annual grant 80 % at signature and 20 % after the final report", () => {
    const [first, balance, ...rest] = plannedInstalments([25_000_00], { years: 1, finalBalancePercent: 20 });
    expect(first).toMatchObject({ amountCents: 20_000_00, releasedBy: { kind: "signature" } });
    expect(balance).toMatchObject({
      kind: "balance",
      amountCents: 5_000_00,
      releasedBy: { kind: "report", reportPosition: 1 },
    });
    expect(rest).toEqual([]);
  });

  it("rounds the held-back part down to the cent, the rest paid with the last year", () => {
    expect(heldBack(10_000_01, 20)).toBe(2_000_00);
    const instalments = plannedInstalments([10_000_01], { years: 1, finalBalancePercent: 20 });
    expect(instalments.map((i) => i.amountCents)).toEqual([8_000_01, 2_000_00]);
  });

  it("has no balance instalment when the call holds nothing back", () => {
    const instalments = plannedInstalments([5_000_00, 5_000_00], { years: 2, finalBalancePercent: 0 });
    expect(instalments.map((i) => i.kind)).toEqual(["annual", "annual"]);
  });

  it("always pays exactly the grant, each report releasing at most one instalment", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((years) =>
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: 500_000_00 }), { minLength: years, maxLength: years }),
              fc.integer({ min: 0, max: 50 }),
            ),
          ),
        ([amounts, percent]) => {
          const instalments = plannedInstalments(amounts, {
            years: amounts.length,
            finalBalancePercent: percent,
          });
          expect(sum(instalments.map((i) => i.amountCents))).toBe(sum(amounts));
          const reports = instalments.flatMap((i) =>
            i.releasedBy.kind === "report" ? [i.releasedBy.reportPosition] : [],
          );
          expect(new Set(reports).size).toBe(reports.length);
        },
      ),
    );
  });

  it("refuses a rule outside the calls' bounds", () => {
    expect(() => plannedInstalments([1, 1, 1, 1], { years: 4, finalBalancePercent: 20 })).toThrow(RangeError);
    expect(() => plannedInstalments([1], { years: 1, finalBalancePercent: 60 })).toThrow(RangeError);
    expect(() => plannedInstalments([1, 2], { years: 1, finalBalancePercent: 20 })).toThrow(RangeError);
  });
});

describe("the reports", () => {
  it("asks an interim report per year but the last, and the final one", () => {
    expect(plannedReports({ years: 3, finalBalancePercent: 20 }).map((r) => r.kind)).toEqual([
      "intermediate",
      "intermediate",
      "final",
    ]);
    expect(plannedReports({ years: 1, finalBalancePercent: 20 })).toEqual([{ position: 1, kind: "final" }]);
  });
});

describe("settling on the final report", () => {
  it("pays the planned balance when the project spent what it planned", () => {
    expect(
      settle({
        grantedCents: 25_000_00,
        paidCents: 20_000_00,
        plannedBalanceCents: 5_000_00,
        actualExpensesCents: 50_000_00,
        maxSharePercent: 70,
      }),
    ).toEqual({ allowedCents: 25_000_00, balanceCents: 5_000_00, refundCents: 0 });
  });

  it("lowers the balance when the call's share of the actual spending is less than the grant", () => {
    // 70 % of 32 000 € spent = 22 400 €: 2 400 € of the 5 000 € balance remain.
    expect(
      settle({
        grantedCents: 25_000_00,
        paidCents: 20_000_00,
        plannedBalanceCents: 5_000_00,
        actualExpensesCents: 32_000_00,
        maxSharePercent: 70,
      }),
    ).toEqual({ allowedCents: 22_400_00, balanceCents: 2_400_00, refundCents: 0 });
  });

  it("asks back what was paid beyond the call's share of the actual spending", () => {
    // 70 % of 20 000,01 € = 14 000,007 €, rounded down: 14 000 € allowed, 6 000 € owed back.
    expect(
      settle({
        grantedCents: 25_000_00,
        paidCents: 20_000_00,
        plannedBalanceCents: 5_000_00,
        actualExpensesCents: 20_000_01,
        maxSharePercent: 70,
      }),
    ).toEqual({ allowedCents: 14_000_00, balanceCents: 0, refundCents: 6_000_00 });
  });

  it("never pays more than the grant, even when the project spent more", () => {
    expect(allowedGrant(25_000_00, 1_000_000_00, 70)).toBe(25_000_00);
  });

  it("never both pays and asks back, and paid + balance − refund is what is allowed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000_00 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 2_000_000_00 }),
        fc.integer({ min: 1, max: 100 }),
        (granted, paidPercent, actual, share) => {
          const planned = heldBack(granted, 20);
          const paid = Math.min(granted - planned, Math.floor((granted * paidPercent) / 100));
          const s = settle({
            grantedCents: granted,
            paidCents: paid,
            plannedBalanceCents: planned,
            actualExpensesCents: actual,
            maxSharePercent: share,
          });
          expect(s.balanceCents === 0 || s.refundCents === 0).toBe(true);
          expect(s.allowedCents).toBeLessThanOrEqual(granted);
          if (paid + planned >= s.allowedCents)
            expect(paid + s.balanceCents - s.refundCents).toBe(s.allowedCents);
        },
      ),
    );
  });
});
