import { describe, expect, it } from "vitest";
import { endOfParisDay, parisParts, parisTime, parisYear } from "./time";

describe("parisTime", () => {
  it("uses UTC+1 in winter", () => {
    expect(parisTime(2025, 1, 15, 10, 0).toISOString()).toBe("2025-01-15T09:00:00.000Z");
  });

  it("uses UTC+2 in summer", () => {
    expect(parisTime(2025, 7, 15, 10, 0).toISOString()).toBe("2025-07-15T08:00:00.000Z");
  });

  it("handles the days of the changes of time", () => {
    // 30 March 2025: 02:00 → 03:00; 26 October 2025: 03:00 → 02:00.
    expect(parisTime(2025, 3, 30, 1, 30).toISOString()).toBe("2025-03-30T00:30:00.000Z");
    expect(parisTime(2025, 3, 30, 3, 30).toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(parisTime(2025, 3, 30, 23, 59, 59).toISOString()).toBe("2025-03-30T21:59:59.000Z");
    expect(parisTime(2025, 10, 26, 23, 59, 59).toISOString()).toBe("2025-10-26T22:59:59.000Z");
    expect(parisTime(2025, 10, 25, 23, 59, 59).toISOString()).toBe("2025-10-25T21:59:59.000Z");
  });

  it("rolls over out-of-range days", () => {
    expect(parisTime(2025, 1, 32, 12, 0).toISOString()).toBe("2025-02-01T11:00:00.000Z");
    expect(parisTime(2025, 12, 31 + 1, 0, 0).toISOString()).toBe("2025-12-31T23:00:00.000Z");
  });
});

describe("parisParts and endOfParisDay", () => {
  it("reads the Paris calendar day, not the UTC one", () => {
    const lateUtc = new Date("2025-12-31T23:30:00Z"); // already 1 January 2026 in Paris
    expect(parisParts(lateUtc)).toMatchObject({ year: 2026, month: 1, day: 1, hour: 0, minute: 30 });
    expect(parisYear(lateUtc)).toBe(2026);
  });

  it("gives 23:59:59 Paris time some days later, across a change of time", () => {
    const now = new Date("2025-03-10T12:00:00Z");
    expect(endOfParisDay(now).toISOString()).toBe("2025-03-10T22:59:59.000Z");
    expect(endOfParisDay(now, 45).toISOString()).toBe("2025-04-24T21:59:59.000Z");
  });
});
