import { describe, expect, it } from "vitest";
import { describeAuditData } from "./audit-log";

describe("describeAuditData", () => {
  it("says what changed in a call, before and after, in French", () => {
    const lines = describeAuditData("call.updated", {
      changes: {
        envelopeCents: { from: 100000000, to: 120000000 },
        descriptionMd: { from: "a", to: "b" },
        reviewersPerApplication: { from: 2, to: 3 },
      },
    });
    expect(lines[0]?.replace(/[\u202f\u00a0]/g, " ")).toBe("Enveloppe : 1 000 000 € → 1 200 000 €");
    expect(lines[1]).toBe("Présentation modifiée");
    expect(lines[2]).toBe("Instructeurs par dossier\u00a0: 2 → 3");
  });

  it("names the role, the reason and a bulk assignment", () => {
    expect(describeAuditData("role.revoked", { role: "reviewer" })).toEqual(["Rôle : instructeur"]);
    expect(describeAuditData("call.results_unpublished", { reason: " Erreur " })).toEqual(["Motif : Erreur"]);
    expect(describeAuditData("assignment.created", { bulk: true, reviewerId: "x" })).toEqual([
      "Par l’affectation automatique",
    ]);
  });
});
