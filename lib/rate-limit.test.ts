import { describe, expect, it } from "vitest";
import { windowStart } from "./rate-limit";

describe("windowStart", () => {
  it("aligns a time on its fixed window", () => {
    expect(windowStart(new Date("2026-11-27T10:07:30Z"), 900).toISOString()).toBe("2026-11-27T10:00:00.000Z");
    expect(windowStart(new Date("2026-11-27T10:15:00Z"), 900).toISOString()).toBe("2026-11-27T10:15:00.000Z");
  });
});
