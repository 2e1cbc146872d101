import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { csvLine } from "./csv";
import { xlsxChunks } from "./xlsx";

/** Reads a ZIP through its central directory, as spreadsheet programs do. */
function readZip(buffer: Buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const crc = buffer.readUInt32LE(at + 16);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const offset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const localNameLength = buffer.readUInt16LE(offset + 26);
    const data = buffer.subarray(offset + 30 + localNameLength, offset + 30 + localNameLength + size);
    expect(crc32(data)).toBe(crc);
    files[name] = data.toString("utf8");
    at += 46 + nameLength;
  }
  return files;
}

async function* rows() {
  yield ["Coutellerie & <bois>", 1250.5, null];
  yield ["Élan", 3, "x"];
}

describe("streaming XLSX", () => {
  it("writes a valid archive with the sheet's rows", async () => {
    const chunks: Uint8Array[] = [];
    for await (const c of xlsxChunks("Dossiers", ["Titre", "Montant", "Autre"], rows())) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    const files = readZip(Buffer.concat(chunks));
    expect(Object.keys(files)).toContain("xl/worksheets/sheet1.xml");
    const sheet = files["xl/worksheets/sheet1.xml"] as string;
    expect(sheet).toContain("Coutellerie &amp; &lt;bois&gt;");
    expect(sheet).toContain("<v>1250.5</v>");
    expect(sheet.match(/<row>/g)).toHaveLength(3);
  });
});

describe("CSV", () => {
  it("quotes, uses ; and neutralises formulas", () => {
    expect(csvLine(["a;b", 'say "hi"', "=SUM(A1)", 3, null])).toBe('"a;b";"say ""hi""";\'=SUM(A1);3;\r\n');
  });
});
