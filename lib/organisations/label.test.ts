import { describe, expect, it } from "vitest";
import { organisationLabel } from "./label";

describe("organisationLabel", () => {
  it("names a commune with its kind and département code", () => {
    expect(organisationLabel({ name: "Clermont", kind: "commune", departementCode: "60" })).toBe(
      "Clermont (commune, 60)",
    );
    expect(organisationLabel({ name: "Clermont-Ferrand", kind: "commune", departementCode: "63" })).toBe(
      "Clermont-Ferrand (commune, 63)",
    );
  });
  it("tells homonyms apart", () => {
    const a = organisationLabel({ name: "Clermont", kind: "commune", departementCode: "60" });
    const b = organisationLabel({ name: "Clermont", kind: "commune", departementCode: "74" });
    expect(a).not.toBe(b);
  });
  it("names the other kinds, Corsica and overseas codes included", () => {
    expect(organisationLabel({ name: "Ajaccio", kind: "commune", departementCode: "2A" })).toBe(
      "Ajaccio (commune, 2A)",
    );
    expect(organisationLabel({ name: "Saint-Denis", kind: "commune", departementCode: "974" })).toBe(
      "Saint-Denis (commune, 974)",
    );
    expect(
      organisationLabel({ name: "Clermont Auvergne Métropole", kind: "epci", departementCode: "63" }),
    ).toBe("Clermont Auvergne Métropole (intercommunalité, 63)");
    expect(organisationLabel({ name: "Puy-de-Dôme", kind: "departement", departementCode: "63" })).toBe(
      "Puy-de-Dôme (département, 63)",
    );
    expect(organisationLabel({ name: "Auvergne-Rhône-Alpes", kind: "region", departementCode: null })).toBe(
      "Auvergne-Rhône-Alpes (région)",
    );
    expect(organisationLabel({ name: "Syndicat", kind: null, departementCode: null })).toBe(
      "Syndicat (organisme)",
    );
  });
});
