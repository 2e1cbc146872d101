/**
 * Spreadsheet formula injection (« CSV injection »): a cell whose text starts
 * with = + - @ (or a tab or carriage return, which some programs skip before
 * reading the rest as a formula) runs as a formula when the file is opened in
 * Excel or LibreOffice: `=HYPERLINK(…)` in a project title becomes a link that
 * leaks data, DDE formulas may start programs. Every CSV and XLSX the service
 * writes passes its text cells through here (OWASP's advice: a leading `'`,
 * which spreadsheets show as text and do not display).
 *
 * A plain number is not text: `-1250.5` (an amount, a refund) is left as it
 * is, so that numeric columns such as the SCDL `montant` stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
