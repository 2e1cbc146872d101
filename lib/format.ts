/**
 * French formatting of amounts, dates and rates. Times are always shown in
 * Europe/Paris, whatever the server's time zone. Thousands are separated by a
 * narrow no-break space (U+202F) and units (« € », « % ») follow a no-break
 * space (U+00A0), whatever spaces the runtime's ICU version chooses.
 */

const PARIS = "Europe/Paris";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

const integers = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** ICU versions differ in the space they put between thousands: settle on one. */
const groups = (formatted: string) => formatted.replace(/[\s\u202f\u00a0]/g, NNBSP);
const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: PARIS });
const shortDate = new Intl.DateTimeFormat("fr-FR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: PARIS,
});
const clock = new Intl.DateTimeFormat("fr-FR", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: PARIS,
});
const isoDay = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: PARIS,
});

/** 1 250 000 cents → « 12 500 € »; cents are shown only when there are some (« 12 500,50 € »). */
export function formatMoneyCents(cents: number): string {
  const number = cents % 100 === 0 ? integers.format(cents / 100) : twoDecimals.format(cents / 100);
  return `${groups(number)}${NBSP}€`;
}

/** 158 → « 158 », 36359 → « 36 359 ». */
export function formatCount(value: number): string {
  return groups(integers.format(value));
}

/** A count and its noun, French rule: singular for 0 and 1 (« 0 lauréat », « 1 lauréat », « 2 lauréats »). */
export function formatCountOf(value: number, singular: string, plural: string): string {
  return `${formatCount(value)} ${Math.abs(value) < 2 ? singular : plural}`;
}

/** A ratio (0.576) as a French percentage with one decimal: « 57,6 % ». */
export function formatPercent(ratio: number): string {
  return `${groups(oneDecimal.format(ratio * 100))}${NBSP}%`;
}

/** The share accepted / submitted, or null when nothing was submitted (no rate to show). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** « 15 mars 2026 », the calendar day in Paris; the first of a month is « 1er » (« 1er juillet 2026 »), as French writes it. */
export function formatDate(value: Date): string {
  return longDate.format(value).replace(/^1 /, "1er ");
}

/** « 15/03/2026 », the calendar day in Paris. */
export function formatShortDate(value: Date): string {
  return shortDate.format(value);
}

/** « 9 h 05 », Paris time, French style (no leading zero on the hour). */
export function formatTime(value: Date): string {
  const parts = clock.formatToParts(value);
  const hour = String(Number(parts.find((p) => p.type === "hour")?.value ?? "0"));
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  return `${hour}\u00a0h\u00a0${minute}`;
}

/** « 15 mars 2026 à 12 h 00 », Paris time. */
export function formatDateTime(value: Date): string {
  return `${formatDate(value)} à ${formatTime(value)}`;
}

/** « 2026-03-15 », the calendar day in Paris, for `<time dateTime>`. */
export function isoDateInParis(value: Date): string {
  return isoDay.format(value);
}

/** « 12 Ko », « 1,5 Mo »: a file's size for a listing. */
export function formatFileSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))}\u00a0Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")}\u00a0Mo`;
}

/**
 * French spacing of a text typed with ordinary spaces (titles of calls and
 * projects): a no-break space inside « » and before « : », a narrow one
 * before « ; ! ? », so that a line never starts with the sign nor ends with
 * an opening guillemet. Only the spaces already there are changed.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/«[ \t]+/g, `«${NBSP}`)
    .replace(/[ \t]+»/g, `${NBSP}»`)
    .replace(/[ \t]+:/g, `${NBSP}:`)
    .replace(/[ \t]+([;!?])/g, `${NNBSP}$1`);
}
