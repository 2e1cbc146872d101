import { describe, expect, it } from "vitest";
import { type CallStatusInput, callStatus } from "./status";

const call = (overrides: Partial<CallStatusInput> = {}): CallStatusInput => ({
  opensAt: new Date("2026-01-15T09:00:00Z"),
  closesAt: new Date("2026-03-31T10:00:00Z"),
  resultsPublishedAt: null,
  hasSubmissions: false,
  ...overrides,
});

describe("callStatus", () => {
  it("is upcoming before the opening time", () => {
    expect(callStatus(call(), new Date("2026-01-15T08:59:59Z"))).toBe("upcoming");
  });

  it("is open from the opening time until just before the closing time", () => {
    expect(callStatus(call(), new Date("2026-01-15T09:00:00Z"))).toBe("open");
    expect(callStatus(call({ hasSubmissions: true }), new Date("2026-03-31T09:59:59Z"))).toBe("open");
  });

  it("is closed at the closing time when nothing was submitted", () => {
    expect(callStatus(call(), new Date("2026-03-31T10:00:00Z"))).toBe("closed");
  });

  it("is in review after closing when applications were submitted and results are not published", () => {
    expect(callStatus(call({ hasSubmissions: true }), new Date("2026-04-01T00:00:00Z"))).toBe("in_review");
  });

  it("shows published results once the publication time has passed", () => {
    const published = call({ hasSubmissions: true, resultsPublishedAt: new Date("2026-07-01T08:00:00Z") });
    expect(callStatus(published, new Date("2026-07-01T08:00:00Z"))).toBe("results_published");
    expect(callStatus(published, new Date("2026-06-30T23:00:00Z"))).toBe("in_review");
  });
});
