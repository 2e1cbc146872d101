import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";
import { isSiret, SCDL_COLUMNS, type ScdlSubventionRow, scdlSubventionRow } from "./scdl-schema";
import { euros, GRANTOR_SIRET } from "./subventions";

const valid: ScdlSubventionRow = {
  nomAttribuant: "Ministère de l’Europe et des Affaires étrangères",
  idAttribuant: "12000601000025",
  dateConvention: "2025-07-01",
  referenceDecision: "2025-GEN-0042",
  nomBeneficiaire: "Thiers",
  idBeneficiaire: "",
  rnaBeneficiaire: "",
  objet: "Soutien et développement de l'industrie de la coutellerie, « Thiers – Tandil »",
  montant: "25000",
  nature: "aide en numéraire",
  conditionsVersement: "unique",
  datesPeriodeVersement: "2025-07-01",
  idRAE: "",
  notificationUE: "non",
  pourcentageSubvention: "1",
  dispositifAide: "Appel à projets généraliste 2025",
};

describe("SCDL subventions 2.1.1 row", () => {
  it("accepts a complete row", () => {
    expect(scdlSubventionRow.safeParse(valid).success).toBe(true);
  });

  it.each([
    ["idAttribuant", "123"],
    ["dateConvention", "2025-02-30x"],
    ["dateConvention", "01/07/2025"],
    ["montant", "25 000,00"],
    ["nature", "subvention"],
    ["conditionsVersement", "mensuel"],
    ["notificationUE", "false"],
    ["pourcentageSubvention", "0"],
    ["pourcentageSubvention", "1.5"],
    ["rnaBeneficiaire", "123456789"],
    ["objet", "x".repeat(256)],
    ["nomBeneficiaire", ""],
  ] as const)("refuses %s = %j", (field, value) => {
    expect(scdlSubventionRow.safeParse({ ...valid, [field]: value }).success).toBe(false);
  });

  it("takes idBeneficiaire empty (optional in 2.1.1), or a real SIRET, never a SIREN padded with 00000", () => {
    expect(scdlSubventionRow.safeParse({ ...valid, idBeneficiaire: "" }).success).toBe(true);
    expect(scdlSubventionRow.safeParse({ ...valid, idBeneficiaire: "12000601000025" }).success).toBe(true);
    expect(scdlSubventionRow.safeParse({ ...valid, idBeneficiaire: "21630430000000" }).success).toBe(false);
    expect(scdlSubventionRow.safeParse({ ...valid, idBeneficiaire: "12000601000026" }).success).toBe(false);
  });

  it("checks a SIRET's key: Luhn, or La Poste's sum of digits", () => {
    expect(isSiret("12000601000025")).toBe(true);
    expect(isSiret("73282932000074")).toBe(true);
    expect(isSiret("73282932000075")).toBe(false);
    expect(isSiret("35600000000015")).toBe(true);
    expect(isSiret("35600000000016")).toBe(false);
    expect(isSiret("1200060100002")).toBe(false);
    expect(isSiret("1200060100002a")).toBe(false);
    // The grantor's own identifier is a real SIRET.
    expect(isSiret(GRANTOR_SIRET)).toBe(true);
  });

  it("accepts a payment period and both natures", () => {
    const row = {
      ...valid,
      datesPeriodeVersement: "2025-07-01/2026-06-30",
      nature: "aide en numéraire;aide en nature",
      pourcentageSubvention: "0.25",
    };
    expect(scdlSubventionRow.safeParse(row).success).toBe(true);
  });

  it("refuses a field outside the schema", () => {
    expect(scdlSubventionRow.safeParse({ ...valid, extra: "x" }).success).toBe(false);
  });
});

describe("CSV", () => {
  it("writes the schema's columns and reads back the same rows, quotes and commas included", () => {
    const rows = [valid, { ...valid, objet: 'Un "projet", sur\ndeux lignes' }];
    const csv = toCsv(rows);
    expect(csv.split("\r\n")[0]).toBe(SCDL_COLUMNS.join(","));
    expect(parseCsv(csv)).toEqual(rows);
  });

  it("writes euros with a dot and no grouping", () => {
    expect(euros(2_500_000)).toBe("25000");
    expect(euros(2_500_050)).toBe("25000.50");
  });
});
