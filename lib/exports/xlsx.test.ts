import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvLine } from "./csv";
import { type Cell, xlsxChunks } from "./xlsx";

async function* rows(): AsyncGenerator<Cell[]> {
  yield ["Coutellerie & <bois>", 1250.5, null];
  yield ["Élan", 3, "x"];
}

async function collect(chunks: AsyncIterable<Uint8Array>) {
  const all: Uint8Array[] = [];
  for await (const c of chunks) all.push(c);
  return all;
}

describe("streaming XLSX", () => {
  it("writes a valid archive with the sheet's rows", async () => {
    const chunks = await collect(xlsxChunks("Dossiers", ["Titre", "Montant", "Autre"], rows()));
    expect(chunks.length).toBeGreaterThan(1);
    // Read through the central directory, as spreadsheet programs do (fflate checks each entry's CRC).
    const files = unzipSync(Buffer.concat(chunks));
    expect(Object.keys(files)).toContain("xl/worksheets/sheet1.xml");
    const sheet = new TextDecoder().decode(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain("Coutellerie &amp; &lt;bois&gt;");
    expect(sheet).toContain("<v>1250.5</v>");
    expect(sheet.match(/<row /g)).toHaveLength(3);
  });

  it("is read back by a spreadsheet reader: accents, numbers as numbers, dates as dates, formulas neutralised", async () => {
    async function* source(): AsyncGenerator<Cell[]> {
      yield ["Coopération à Saint-Étienne – « Ségou »", 12500.5, new Date("2026-03-05T00:00:00Z")];
      yield ['=HYPERLINK("http://x")', -42, null];
      yield ["Contrôle\u0001 retiré", 0, "oui"];
    }
    const bytes = Buffer.concat(
      await collect(xlsxChunks("Dossiers", ["Titre", "Montant (€)", "Déposé le"], source())),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Dossiers");
    if (!sheet) throw new Error("no sheet named Dossiers");
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getCell("B1").value).toBe("Montant (€)");
    expect(sheet.getCell("C1").value).toBe("Déposé le");
    expect(sheet.getCell("A2").value).toBe("Coopération à Saint-Étienne – « Ségou »");
    expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("B2").value).toBe(12500.5);
    expect(sheet.getCell("C2").type).toBe(ExcelJS.ValueType.Date);
    expect((sheet.getCell("C2").value as Date).toISOString()).toBe("2026-03-05T00:00:00.000Z");
    expect(sheet.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("A3").value).toBe('\'=HYPERLINK("http://x")');
    expect(sheet.getCell("B3").value).toBe(-42);
    expect(sheet.getCell("C3").value).toBeNull();
    // XML 1.0 forbids control characters: they are dropped, the rest of the text kept.
    expect(sheet.getCell("A4").value).toBe("Contrôle retiré");
    expect(sheet.getCell("B4").value).toBe(0);
  });

  it("reads rows only as the consumer asks for chunks, and stops the source when it goes away", async () => {
    let read = 0;
    let stopped = false;
    async function* many(): AsyncGenerator<Cell[]> {
      try {
        for (let i = 0; i < 100_000; i++) {
          read++;
          yield [
            `Projet n° ${i} de coopération décentralisée`,
            i * 1.5,
            new Date(Date.UTC(2026, 0, 1 + (i % 300))),
          ];
        }
      } finally {
        stopped = true;
      }
    }
    const chunks = xlsxChunks("Dossiers", ["Titre", "Montant", "Date"], many());
    const first = await chunks.next();
    expect(first.done).toBe(false);
    // The first bytes leave before any row is read: the download starts at once.
    expect(read).toBe(0);
    await chunks.next();
    await chunks.next();
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(100_000);
    await chunks.return(undefined);
    expect(stopped).toBe(true);
  });
});

describe("CSV", () => {
  it("quotes, uses ; and neutralises formulas", () => {
    expect(csvLine(["a;b", 'say "hi"', "=SUM(A1)", 3, null])).toBe('"a;b";"say ""hi""";\'=SUM(A1);3;\r\n');
  });
});
