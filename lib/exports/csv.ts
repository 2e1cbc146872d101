import { neutraliseFormula } from "./formula";

/** One CSV field (RFC 4180): quoted when needed; formulas neutralised for spreadsheet safety. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutraliseFormula(value) : String(value);
  return /[";\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line with the French separator (;) that spreadsheets in French expect. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(";")}\r\n`;
}

/** UTF-8 byte order mark, so that spreadsheets read accents right. */
export const CSV_BOM = "\ufeff";
