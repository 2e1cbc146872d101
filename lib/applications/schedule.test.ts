import { describe, expect, it } from "vitest";
import {
  addMonthsIso,
  MAX_DURATION_MONTHS,
  parseDuration,
  projectEnd,
  scheduleIssues,
  startWindow,
} from "./schedule";
import { applicationFormSchema, emptyApplicationForm } from "./schema";

// Opens 1 September 2026 at 10:00 Paris, closes 15 December 2026 at 23:59:59 Paris.
const call = { opensAt: new Date("2026-09-01T08:00:00Z"), closesAt: new Date("2026-12-15T22:59:59Z") };

describe("start window", () => {
  it("runs from the opening day to 24 months after the closing day, in Paris", () => {
    expect(startWindow(call)).toEqual({ earliest: "2026-09-01", latest: "2028-12-15" });
  });
  it("takes the Paris day of an opening just after midnight in Paris", () => {
    // 31 August 22:30 UTC is 1 September 00:30 in Paris (summer time).
    expect(startWindow({ ...call, opensAt: new Date("2026-08-31T22:30:00Z") }).earliest).toBe("2026-09-01");
  });
});

describe("schedule issues", () => {
  it("accepts the window's bounds", () => {
    expect(scheduleIssues({ startDate: "2026-09-01", durationMonths: "1" }, call)).toEqual([]);
    expect(scheduleIssues({ startDate: "2028-12-15", durationMonths: "36" }, call)).toEqual([]);
  });
  it("refuses the day before the opening and the day after the latest start", () => {
    expect(scheduleIssues({ startDate: "2026-08-31", durationMonths: "12" }, call)[0]?.field).toBe(
      "startDate",
    );
    expect(scheduleIssues({ startDate: "2028-12-16", durationMonths: "12" }, call)[0]?.message).toMatch(
      /trop tardive/,
    );
  });
  it("asks for both start and duration", () => {
    expect(scheduleIssues({ startDate: "", durationMonths: "" }, call).map((i) => i.field)).toEqual([
      "startDate",
      "durationMonths",
    ]);
  });
});

describe("duration", () => {
  it("is a whole number of months between 1 and 36", () => {
    expect(parseDuration("24")).toBe(24);
    expect(parseDuration(" 36 ")).toBe(36);
    for (const v of ["0", "37", "1.5", "-3", "abc", ""]) expect(parseDuration(v)).toBeNull();
  });
  it("has the same bounds in the form's schema as in the rule", () => {
    const accepts = (durationMonths: string) =>
      applicationFormSchema.safeParse({ ...emptyApplicationForm, durationMonths }).success;
    expect(accepts(String(MAX_DURATION_MONTHS))).toBe(true);
    expect(accepts(String(MAX_DURATION_MONTHS + 1))).toBe(false);
    expect(accepts("0")).toBe(false);
    expect(accepts("")).toBe(true);
  });
});

describe("dates", () => {
  it("adds calendar months, clamped to the month's end", () => {
    expect(addMonthsIso("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonthsIso("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonthsIso("2026-11-15", 14)).toBe("2028-01-15");
  });
  it("gives the project's end from its start and duration", () => {
    expect(projectEnd({ startDate: "2027-03-01", durationMonths: "24" })).toBe("2029-03-01");
    expect(projectEnd({ startDate: "2027-03-01", durationMonths: "99" })).toBeNull();
  });
});
