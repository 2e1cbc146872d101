import { describe, expect, it } from "vitest";
import {
  type CallFormInput,
  callFormSchema,
  centsToInput,
  emptyCallForm,
  issuesByPath,
  parseEurosToCents,
  parseParisDateTime,
  toParisInput,
} from "./schema";

const valid = (overrides: Partial<CallFormInput> = {}): CallFormInput => ({
  ...emptyCallForm(new Date("2026-06-01T10:00:00Z")),
  title: "Jeunesse 2027",
  slug: "jeunesse-2027",
  code: "jeu",
  maxGrant: "60 000",
  envelope: "1 500 000,50",
  criteria: [{ label: "Pertinence", helpText: "", weight: "2", maxScore: "5" }],
  documents: [{ label: "Délibération", mandatory: true, acceptedTypes: ["application/pdf"] }],
  ...overrides,
});

function errorsOf(input: CallFormInput) {
  const result = callFormSchema.safeParse(input);
  return result.success ? {} : issuesByPath(result.error);
}

describe("French amounts", () => {
  it("reads amounts typed the French way, in cents", () => {
    expect(parseEurosToCents("12 500,50")).toBe(1_250_050);
    expect(parseEurosToCents("12\u202f500 €")).toBe(1_250_000);
    expect(parseEurosToCents("0")).toBe(0);
    expect(parseEurosToCents("12,5")).toBe(1250);
    expect(parseEurosToCents("abc")).toBeNull();
    expect(parseEurosToCents("1,234")).toBeNull();
    expect(centsToInput(1_250_050)).toBe("12500,50");
    expect(centsToInput(6_000_000)).toBe("60000");
  });
});

describe("Paris date-times", () => {
  it("reads a wall time in Paris, summer and winter", () => {
    expect(parseParisDateTime("2027-03-31T12:00")?.toISOString()).toBe("2027-03-31T10:00:00.000Z");
    expect(parseParisDateTime("2027-01-15T09:00")?.toISOString()).toBe("2027-01-15T08:00:00.000Z");
    expect(parseParisDateTime("2027-02-31T09:00")).toBeNull();
    expect(parseParisDateTime("31/03/2027")).toBeNull();
  });
  it("shows an instant back as the same wall time", () => {
    expect(toParisInput(new Date("2027-03-31T10:00:00Z"))).toBe("2027-03-31T12:00");
  });
});

describe("callFormSchema", () => {
  it("accepts a complete call and converts its values", () => {
    const result = callFormSchema.parse(valid({ eligibleCountries: "ar, xk" }));
    expect(result.code).toBe("JEU");
    expect(result.envelope).toBe(150_000_050);
    expect(result.maxGrant).toBe(6_000_000);
    expect(result.eligibleCountries).toEqual(["AR", "XK"]);
    expect(result.criteria[0]?.weight).toBe(2);
  });

  it("says in French that closing must follow opening, at the closing field", () => {
    const errors = errorsOf(valid({ opensAt: "2027-03-01T09:00", closesAt: "2027-03-01T09:00" }));
    expect(errors.closesAt).toEqual(["La clôture doit être postérieure à l’ouverture."]);
  });

  it("refuses a weight of 0 and a negative amount, at their fields", () => {
    const errors = errorsOf(
      valid({ envelope: "-5", criteria: [{ label: "A", helpText: "", weight: "0", maxScore: "5" }] }),
    );
    expect(errors["criteria.0.weight"]).toEqual(["Le poids doit être supérieur à 0 (entre 1 et 100)."]);
    expect(errors.envelope).toEqual(["Le montant doit être positif ou nul."]);
  });

  it("refuses a maximum grant above the envelope, at the maximum grant", () => {
    expect(errorsOf(valid({ maxGrant: "60 000", envelope: "50 000" })).maxGrant).toEqual([
      "La subvention maximale par dossier ne peut dépasser l’enveloppe budgétaire de l’appel.",
    ]);
    expect(errorsOf(valid({ maxGrant: "50 000", envelope: "50 000" })).maxGrant).toBeUndefined();
  });

  it("gives every message at once, the dates' included", () => {
    const errors = errorsOf(
      valid({ envelope: "-5", opensAt: "2027-03-01T09:00", closesAt: "2027-02-01T09:00" }),
    );
    expect(errors.envelope).toBeDefined();
    expect(errors.closesAt).toEqual(["La clôture doit être postérieure à l’ouverture."]);
  });

  it("asks for a grid, document types and known countries", () => {
    expect(errorsOf(valid({ criteria: [] })).criteria).toEqual([
      "La grille doit compter au moins un critère.",
    ]);
    expect(
      errorsOf(valid({ documents: [{ label: "Budget", mandatory: false, acceptedTypes: [] }] }))[
        "documents.0.acceptedTypes"
      ],
    ).toEqual(["Cochez au moins un type de fichier accepté."]);
    expect(errorsOf(valid({ eligibleCountries: "AR, ZZ" })).eligibleCountries?.[0]).toMatch(/ZZ/);
  });

  it("checks the slug and the code formats", () => {
    const errors = errorsOf(valid({ slug: "Jeunesse 2027", code: "J" }));
    expect(errors.slug?.[0]).toMatch(/minuscules/);
    expect(errors.code?.[0]).toMatch(/De 2 à 12/);
  });
});
