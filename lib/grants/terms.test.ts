import { describe, expect, it } from "vitest";
import { agreementReference, grantTerms, isOverdue } from "./terms";

describe("an agreement's terms", () => {
  it("plans a three-year grant: reports at the end of years 1 and 2, the final three months after the end", () => {
    const terms = grantTerms({
      grantedCents: 60_000_00,
      rule: { years: 3, finalBalancePercent: 20 },
      startsOn: "2025-09-01",
      durationMonths: 36,
    });
    expect(terms.endsOn).toBe("2028-09-01");
    expect(terms.reportDueDates).toEqual(["2026-09-01", "2027-09-01", "2028-12-01"]);
    expect(terms.instalments.map((i) => i.amountCents)).toEqual([20_000_00, 20_000_00, 16_000_00, 4_000_00]);
  });

  it("never asks an interim report after the project's end", () => {
    const terms = grantTerms({
      grantedCents: 30_000_00,
      rule: { years: 3, finalBalancePercent: 20 },
      startsOn: "2025-01-15",
      durationMonths: 18,
    });
    expect(terms.reportDueDates).toEqual(["2026-01-15", "2026-07-15", "2026-10-15"]);
  });

  it("plans an annual grant: one final report, 80 % then 20 %", () => {
    const terms = grantTerms({
      grantedCents: 25_000_00,
      rule: { years: 1, finalBalancePercent: 20 },
      startsOn: "2025-03-31",
      durationMonths: 11,
    });
    expect(terms.endsOn).toBe("2026-02-28");
    expect(terms.reportDueDates).toEqual(["2026-05-28"]);
    expect(terms.instalments.map((i) => [i.kind, i.amountCents])).toEqual([
      ["annual", 20_000_00],
      ["balance", 5_000_00],
    ]);
  });

  it("numbers the agreement after the receipt", () => {
    expect(agreementReference("2025-GEN-0042")).toBe("2025-GEN-0042-C");
  });

  it("calls a report overdue once its day has passed without it, or without its completion", () => {
    expect(isOverdue("2026-09-01", null, "2026-09-02")).toBe(true);
    expect(isOverdue("2026-09-01", null, "2026-09-01")).toBe(false);
    expect(isOverdue("2026-09-01", "changes_requested", "2026-10-01")).toBe(true);
    expect(isOverdue("2026-09-01", "submitted", "2026-10-01")).toBe(false);
    expect(isOverdue("2026-09-01", "accepted", "2026-10-01")).toBe(false);
  });
});
