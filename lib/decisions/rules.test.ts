import { describe, expect, it } from "vitest";
import {
  decisionRestatement,
  envelopeBelowGranted,
  envelopeErrors,
  grantedAmountErrors,
  maxGrantable,
  proposeSelection,
} from "./rules";

const money = (cents: number) => `${cents / 100} €`;
const limits = {
  requestedCents: 50_000_00,
  callMaxGrantCents: 40_000_00,
  maxSharePercent: 50,
  totalBudgetCents: 100_000_00,
};

describe("amount rules", () => {
  it("allows the least of requested, call maximum and share of the budget", () => {
    expect(maxGrantable(limits)).toBe(40_000_00);
    expect(maxGrantable({ ...limits, totalBudgetCents: 60_000_00 })).toBe(30_000_00);
  });
  it("accepts an amount within every rule", () => {
    expect(grantedAmountErrors(30_000_00, limits, money)).toEqual([]);
  });
  it("refuses more than requested", () => {
    const errors = grantedAmountErrors(
      60_000_00,
      { ...limits, callMaxGrantCents: 100_000_00, maxSharePercent: 100 },
      money,
    );
    expect(errors).toEqual(["Le montant accordé ne peut dépasser le montant demandé (50000 €)."]);
  });
  it("refuses more than the call's maximum", () => {
    expect(grantedAmountErrors(45_000_00, limits, money)[0]).toMatch(/subvention maximale/);
  });
  it("refuses more than the maximum share of the total budget", () => {
    expect(grantedAmountErrors(35_000_00, { ...limits, totalBudgetCents: 60_000_00 }, money)[0]).toMatch(
      /50 % du budget/,
    );
  });
  it("refuses zero or a fraction of a cent", () => {
    expect(grantedAmountErrors(0, limits, money)).toHaveLength(1);
    expect(grantedAmountErrors(1.5, limits, money)).toHaveLength(1);
  });
});

describe("envelope rule", () => {
  const envelope = { envelopeCents: 100_000_00, grantedElsewhereCents: 90_000_00 };
  it("accepts a grant that fits in what is left, to the cent", () => {
    expect(envelopeErrors(10_000_00, envelope, money)).toEqual([]);
  });
  it("refuses a grant past the envelope and says what is left", () => {
    expect(envelopeErrors(10_000_01, envelope, money)).toEqual([
      "Ce montant dépasse l’enveloppe de l’appel\u00a0: il reste 10000 € à accorder sur 100000 €.",
    ]);
  });
  it("never says less than nothing is left", () => {
    expect(envelopeErrors(1, { envelopeCents: 10, grantedElsewhereCents: 20 }, money)[0]).toContain(
      "il reste 0 €",
    );
  });
});

describe("envelope edit", () => {
  it("may not go below what is already granted", () => {
    expect(envelopeBelowGranted(99_999_99, 100_000_00, money)).toBe(
      "L’enveloppe ne peut être inférieure au montant déjà accordé sur cet appel (100000 €).",
    );
    expect(envelopeBelowGranted(100_000_00, 100_000_00, money)).toBeNull();
  });
});

describe("decision restatement", () => {
  it("restates the outcome and the amount as understood", () => {
    expect(decisionRestatement({ outcome: "accepted", grantedAmount: 5_000_050 }, money, false)).toBe(
      "Vous allez accepter ce dossier pour 50000.5 €.",
    );
    expect(decisionRestatement({ outcome: "rejected", rejectionReason: "Hors priorités" }, money, true)).toBe(
      "Vous allez corriger la décision\u00a0: refuser ce dossier, avec le motif\u00a0: «\u00a0Hors priorités\u00a0».",
    );
  });
});

describe("decision aid", () => {
  it("prefers the best total score over the greedy best score", () => {
    // Greedy by score takes A (90) and nothing else fits; B + C total 150.
    const result = proposeSelection(
      [
        { id: "A", title: "A", score: 90, requestedCents: 100_000_00 },
        { id: "B", title: "B", score: 80, requestedCents: 50_000_00 },
        { id: "C", title: "C", score: 70, requestedCents: 50_000_00 },
      ],
      100_000_00,
    );
    expect(result.lines.filter((l) => l.selected).map((l) => l.id)).toEqual(["B", "C"]);
    expect(result.totalScore).toBe(150);
    expect(result.remainingCents).toBe(0);
    expect(result.lines.find((l) => l.id === "A")?.reason).toBe("lower_total");
  });
  it("explains what is left out", () => {
    const result = proposeSelection(
      [
        { id: "U", title: "U", score: null, requestedCents: 10_000_00 },
        { id: "Z", title: "Z", score: 50, requestedCents: 0 },
        { id: "X", title: "X", score: 99, requestedCents: 500_000_00 },
        { id: "S", title: "S", score: 60, requestedCents: 10_000_00 },
      ],
      100_000_00,
    );
    const reasons = Object.fromEntries(result.lines.map((l) => [l.id, l.reason]));
    expect(reasons).toEqual({ S: "selected", U: "not_reviewed", Z: "zero_request", X: "over_envelope" });
  });
  it("never exceeds the envelope in cents, amounts off the step included", () => {
    const result = proposeSelection(
      [
        { id: "A", title: "A", score: 50, requestedCents: 50_000_01 },
        { id: "B", title: "B", score: 50, requestedCents: 50_000_00 },
      ],
      100_000_00,
    );
    expect(result.totalCents).toBeLessThanOrEqual(100_000_00);
    expect(result.lines.filter((l) => l.selected)).toHaveLength(1);
  });
  it("flags and, unless asked, leaves out a half-reviewed application", () => {
    const half = {
      id: "H",
      title: "H",
      score: 90,
      requestedCents: 10_000_00,
      reviewCount: 1,
      expectedReviews: 2,
    };
    const full = {
      id: "F",
      title: "F",
      score: 60,
      requestedCents: 10_000_00,
      reviewCount: 2,
      expectedReviews: 2,
    };
    const strict = proposeSelection([half, full], 100_000_00);
    expect(strict.lines.find((l) => l.id === "H")).toMatchObject({ selected: false, reason: "incomplete" });
    const lenient = proposeSelection([half, full], 100_000_00, { includeIncomplete: true });
    expect(lenient.lines.find((l) => l.id === "H")).toMatchObject({ selected: true, flags: ["incomplete"] });
  });
  it("flags divergence and unfavourable recommendations, and applies a minimum score", () => {
    const result = proposeSelection(
      [
        { id: "D", title: "D", score: 70, requestedCents: 1_000_00, divergent: true, unfavourable: 1 },
        { id: "L", title: "L", score: 40, requestedCents: 1_000_00 },
      ],
      100_000_00,
      { minScore: 50 },
    );
    expect(result.lines.find((l) => l.id === "D")?.flags).toEqual(["divergent", "unfavourable"]);
    expect(result.lines.find((l) => l.id === "L")?.reason).toBe("below_min_score");
  });
  it("proposes a partial grant of what is left when allowed", () => {
    const candidates = [
      { id: "A", title: "A", score: 90, requestedCents: 80_000_00 },
      { id: "B", title: "B", score: 80, requestedCents: 50_000_00 },
    ];
    expect(proposeSelection(candidates, 100_000_00).lines.find((l) => l.id === "B")?.selected).toBe(false);
    const partial = proposeSelection(candidates, 100_000_00, { allowPartial: true });
    expect(partial.lines.find((l) => l.id === "B")).toMatchObject({
      reason: "partial",
      proposedCents: 20_000_00,
    });
    expect(partial.totalCents).toBe(100_000_00);
    expect(partial.remainingCents).toBe(0);
  });
  it("proposes nothing with an empty envelope", () => {
    expect(proposeSelection([{ id: "A", title: "A", score: 50, requestedCents: 1 }], 0).totalCents).toBe(0);
  });
});
