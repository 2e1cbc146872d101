/**
 * Amounts typed the French way. Users write « 12 500,50 », « 12500.5 »,
 * « 12 500 € » or « 1 000 000 »; we store integer cents.
 */

const NNBSP = "\u202f";

/**
 * Parses a French amount in euros into integer cents, or null when the text is
 * not an amount. Spaces (normal, no-break, narrow no-break) and dots may group
 * thousands; the comma (or a dot followed by one or two digits at the end) is
 * the decimal separator; at most two decimals; no sign.
 */
export function parseFrenchAmount(input: string): number | null {
  let text = input.trim().replace(/€$/, "").replace(/^€/, "").trim();
  if (text === "") return null;
  text = text.replace(/[\s\u00a0\u202f']/g, "");
  let integer: string;
  let decimals = "";
  if (text.includes(",")) {
    const parts = text.split(",");
    if (parts.length !== 2) return null;
    integer = (parts[0] ?? "").replace(/\.(?=\d{3}(\.|$))/g, "");
    decimals = parts[1] ?? "";
  } else {
    const match = text.match(/^(.*)\.(\d{1,2})$/);
    if (match) {
      integer = match[1] ?? "";
      decimals = match[2] ?? "";
    } else {
      // Dots grouping thousands (« 12.500 »).
      integer = /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, "") : text;
    }
  }
  if (integer === "") integer = "0";
  if (!/^\d+$/.test(integer) || !/^\d{0,2}$/.test(decimals)) return null;
  if (integer.length > 13) return null;
  const cents = Number(integer) * 100 + Number(decimals.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as the user would type them back: « 12 500,50 », « 12 500 » (narrow no-break spaces). */
export function formatAmountInput(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return rest === 0 ? grouped : `${grouped},${String(rest).padStart(2, "0")}`;
}
