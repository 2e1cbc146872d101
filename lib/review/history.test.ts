import { describe, expect, it } from "vitest";
import { historyDetail } from "./history";

const money = (cents: number) => `${cents / 100} €`;

describe("history detail", () => {
  it("keeps the previous decision and the reason of a correction", () => {
    expect(
      historyDetail(
        "decision.revised",
        {
          previous: { outcome: "accepted", grantedAmountCents: 5_000_050 },
          outcome: "accepted",
          grantedAmountCents: 500_000,
          reason: "Erreur de saisie du montant",
        },
        money,
      ),
    ).toBe("accepté pour 50000.5 € → accepté pour 5000 €\u00a0; motif\u00a0: Erreur de saisie du montant");
  });
  it("names the reviewer and the reason of a reopened review", () => {
    expect(
      historyDetail("review.reopened", { reviewerName: "Paul", reason: "Critère 2 oublié" }, money),
    ).toBe("évaluation de Paul\u00a0; motif\u00a0: Critère 2 oublié");
  });
  it("says nothing more for other events", () => {
    expect(historyDetail("review.submitted", { reviewId: "x" }, money)).toBeNull();
  });
});
