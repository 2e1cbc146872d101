import { describe, expect, it } from "vitest";
import {
  effectivePostStatus,
  isPostVisible,
  normaliseProgress,
  overallProgress,
  publicationTarget,
} from "./rules";

const now = new Date("2026-03-15T12:00:00Z");
const past = new Date("2026-03-15T11:59:00Z");
const future = new Date("2026-03-16T08:00:00Z");

describe("post visibility", () => {
  it("shows published posts and scheduled ones whose time has come", () => {
    expect(isPostVisible({ status: "published", publishAt: null }, now)).toBe(true);
    expect(isPostVisible({ status: "scheduled", publishAt: past }, now)).toBe(true);
    expect(isPostVisible({ status: "scheduled", publishAt: future }, now)).toBe(false);
    expect(isPostVisible({ status: "draft", publishAt: past }, now)).toBe(false);
    expect(isPostVisible({ status: "unpublished", publishAt: past }, now)).toBe(false);
    expect(effectivePostStatus({ status: "scheduled", publishAt: past }, now)).toBe("published");
    expect(effectivePostStatus({ status: "scheduled", publishAt: future }, now)).toBe("scheduled");
  });
  it("schedules only for a future time", () => {
    expect(publicationTarget(null, now)).toBe("published");
    expect(publicationTarget(past, now)).toBe("published");
    expect(publicationTarget(future, now)).toBe("scheduled");
  });
});

describe("milestones", () => {
  it("counts a done milestone as complete and bounds the percentage", () => {
    expect(normaliseProgress("done", 40)).toBe(100);
    expect(normaliseProgress("in_progress", 140)).toBe(100);
    expect(normaliseProgress("planned", -5)).toBe(0);
  });
  it("averages progress, leaving cancelled milestones out", () => {
    expect(overallProgress([])).toBeNull();
    expect(overallProgress([{ status: "cancelled", progressPercent: 10 }])).toBeNull();
    expect(
      overallProgress([
        { status: "done", progressPercent: 0 },
        { status: "in_progress", progressPercent: 50 },
        { status: "cancelled", progressPercent: 0 },
        { status: "planned", progressPercent: 0 },
      ]),
    ).toBe(50);
    expect(
      overallProgress([
        { status: "in_progress", progressPercent: 33 },
        { status: "planned", progressPercent: 0 },
      ]),
    ).toBe(17);
  });
});
