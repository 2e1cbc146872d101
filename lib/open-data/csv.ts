import { neutraliseFormula } from "@/lib/exports/formula";
import { SCDL_COLUMNS, type ScdlSubventionRow } from "./scdl-schema";

/** One cell: a text starting like a formula is neutralised (numbers such as `montant` stay numbers). */
function csvCell(value: string): string {
  const text = neutraliseFormula(value);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV, comma-separated, CRLF, header of the schema's column names (UTF-8, no BOM). */
export function toCsv(rows: ScdlSubventionRow[]): string {
  const lines = [SCDL_COLUMNS.join(",")];
  for (const row of rows) lines.push(SCDL_COLUMNS.map((c) => csvCell(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Parses the CSV written by toCsv (quoted cells, doubled quotes, CRLF); used by tests and nothing else. */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  const [header = [], ...body] = records;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
}
