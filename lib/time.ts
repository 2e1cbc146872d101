/** Europe/Paris wall-clock helpers (pure; DST handled through Intl, not by hand). */

export const PARIS_TIME_ZONE = "Europe/Paris";

const parisFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/** The Paris wall-clock reading of an instant (month 1–12). */
export function parisParts(date: Date): WallTime {
  const parts: Record<string, number> = {};
  for (const part of parisFormatter.formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of Paris from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instant: number) {
  const p = parisParts(new Date(instant));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which Paris clocks read the given wall time (month 1–12).
 * Out-of-range days or hours roll over like `Date.UTC` (day 32 of January is
 * 1 February). A time skipped by the spring change (02:30 on the last Sunday
 * of March) resolves to the same reading in winter time, i.e. one hour later.
 */
export function parisTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // First guess with the offset at the wall time read as UTC, then correct with
  // the offset at the guess: right on both sides of a change of time.
  const guess = wall - parisOffsetMs(wall);
  return new Date(wall - parisOffsetMs(guess));
}

/** 23:59:59 in Paris on the calendar day `days` after the Paris day of `date`. */
export function endOfParisDay(date: Date, days = 0): Date {
  const p = parisParts(date);
  return parisTime(p.year, p.month, p.day + days, 23, 59, 59);
}

/** The calendar year in Paris at an instant. */
export function parisYear(date: Date) {
  return parisParts(date).year;
}
