import { crc32 } from "node:zlib";
import { neutraliseFormula } from "./formula";

/**
 * A minimal streaming XLSX writer: one sheet of inline strings and numbers,
 * zipped with STORED entries whose sizes and CRC follow the data (data
 * descriptors), so rows go out as they come and nothing is held in memory
 * but the current row. Readers (Excel, LibreOffice) use the central directory.
 */

type Entry = { name: Buffer; offset: number; crc: number; size: number };

const encoder = new TextEncoder();

function u16(n: number) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

// DOS time of 2000-01-01, fixed: the archive is generated, not archived.
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

export class ZipStreamWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private current: Entry | null = null;

  constructor(private readonly push: (chunk: Uint8Array) => void | Promise<void>) {}

  private async write(chunk: Uint8Array) {
    this.offset += chunk.byteLength;
    await this.push(chunk);
  }

  async start(name: string) {
    const nameBytes = Buffer.from(name, "utf8");
    this.current = { name: nameBytes, offset: this.offset, crc: 0, size: 0 };
    await this.write(
      Buffer.concat([
        u32(0x04034b50),
        u16(20),
        u16(0x0808), // data descriptor follows; UTF-8 names
        u16(0), // stored
        u16(DOS_TIME),
        u16(DOS_DATE),
        u32(0),
        u32(0),
        u32(0),
        u16(nameBytes.length),
        u16(0),
        nameBytes,
      ]),
    );
  }

  async data(text: string) {
    const entry = this.current;
    if (!entry) throw new Error("no entry started");
    const bytes = encoder.encode(text);
    entry.crc = crc32(bytes, entry.crc);
    entry.size += bytes.byteLength;
    await this.write(bytes);
  }

  async end() {
    const entry = this.current;
    if (!entry) return;
    await this.write(Buffer.concat([u32(0x08074b50), u32(entry.crc), u32(entry.size), u32(entry.size)]));
    this.entries.push(entry);
    this.current = null;
  }

  async finish() {
    const start = this.offset;
    for (const e of this.entries) {
      await this.write(
        Buffer.concat([
          u32(0x02014b50),
          u16(20),
          u16(20),
          u16(0x0808),
          u16(0),
          u16(DOS_TIME),
          u16(DOS_DATE),
          u32(e.crc),
          u32(e.size),
          u32(e.size),
          u16(e.name.length),
          u16(0),
          u16(0),
          u16(0),
          u16(0),
          u32(0),
          u32(e.offset),
          e.name,
        ]),
      );
    }
    const size = this.offset - start;
    await this.write(
      Buffer.concat([
        u32(0x06054b50),
        u16(0),
        u16(0),
        u16(this.entries.length),
        u16(this.entries.length),
        u32(size),
        u32(start),
        u16(0),
      ]),
    );
  }
}

function xmlEscape(text: string) {
  // Characters XML 1.0 forbids are dropped.
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
      .replace(/[<>&"]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"))
  );
}

export type Cell = string | number | null | undefined;

function cellXml(value: Cell) {
  if (value === null || value === undefined || value === "") return "<c/>";
  if (typeof value === "number" && Number.isFinite(value)) return `<c><v>${value}</v></c>`;
  // An inline string is never evaluated by Excel, but a sheet saved again as CSV, or opened by a
  // program that re-reads text cells, would run it: the same neutralisation as the CSV files.
  return `<c t="inlineStr"><is><t xml:space="preserve">${xmlEscape(neutraliseFormula(String(value)))}</t></is></c>`;
}

export function rowXml(cells: readonly Cell[]) {
  return `<row>${cells.map(cellXml).join("")}</row>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const workbook = (sheetName: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/**
 * A one-sheet workbook as a stream of chunks: header row, then the rows of
 * `rows` as they come (a chunk every few hundred rows).
 */
export async function* xlsxChunks(
  sheetName: string,
  header: readonly string[],
  rows: AsyncIterable<readonly Cell[]>,
): AsyncGenerator<Uint8Array> {
  const queued: Uint8Array[] = [];
  const zip = new ZipStreamWriter((chunk) => {
    queued.push(chunk);
  });
  const flush = () => Buffer.concat(queued.splice(0));
  for (const [name, body] of [
    ["[Content_Types].xml", CONTENT_TYPES],
    ["_rels/.rels", ROOT_RELS],
    ["xl/workbook.xml", workbook(sheetName)],
    ["xl/_rels/workbook.xml.rels", WORKBOOK_RELS],
  ] as const) {
    await zip.start(name);
    await zip.data(body);
    await zip.end();
  }
  await zip.start("xl/worksheets/sheet1.xml");
  await zip.data(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(header)}`,
  );
  yield flush();
  let count = 0;
  let batch = "";
  for await (const row of rows) {
    batch += rowXml(row);
    if (++count % 200 === 0) {
      await zip.data(batch);
      batch = "";
      yield flush();
    }
  }
  await zip.data(`${batch}</sheetData></worksheet>`);
  await zip.end();
  await zip.finish();
  yield flush();
}
