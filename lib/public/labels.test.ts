import { describe, expect, it } from "vitest";
import { documentTypesLabel, organisationDisplayName } from "./labels";

describe("organisationDisplayName", () => {
  it("adds the département to communes and EPCI, and the level to départements and régions", () => {
    expect(organisationDisplayName({ name: "Thiers", kind: "commune", departementCode: "63" })).toBe(
      "Thiers (63)",
    );
    expect(organisationDisplayName({ name: "Isère", kind: "departement", departementCode: "38" })).toBe(
      "Isère (département)",
    );
    expect(organisationDisplayName({ name: "RESACOOP", kind: "other", departementCode: null })).toBe(
      "RESACOOP",
    );
  });

  it("names the kind of communes and EPCI in the same parentheses when asked", () => {
    const thiers = { name: "Thiers", kind: "commune", departementCode: "63" } as const;
    expect(organisationDisplayName(thiers, { withKind: true })).toBe("Thiers (commune, 63)");
    expect(
      organisationDisplayName(
        { name: "Grenoble-Alpes Métropole", kind: "epci", departementCode: null },
        { withKind: true },
      ),
    ).toBe("Grenoble-Alpes Métropole (intercommunalité)");
    expect(
      organisationDisplayName(
        { name: "Isère", kind: "departement", departementCode: "38" },
        { withKind: true },
      ),
    ).toBe("Isère (département)");
  });
});

describe("documentTypesLabel", () => {
  it("names known types once and keeps unknown ones", () => {
    expect(documentTypesLabel(["application/pdf", "image/png", "application/pdf", "application/x-foo"])).toBe(
      "PDF, PNG, application/x-foo",
    );
  });
});
