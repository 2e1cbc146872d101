import { describe, expect, it } from "vitest";
import { limitSetting, signInLimits, uploadLimit, windowStart } from "./rate-limit";

describe("windowStart", () => {
  it("aligns a time on its fixed window", () => {
    expect(windowStart(new Date("2026-11-27T10:07:30Z"), 900).toISOString()).toBe("2026-11-27T10:00:00.000Z");
    expect(windowStart(new Date("2026-11-27T10:15:00Z"), 900).toISOString()).toBe("2026-11-27T10:15:00.000Z");
  });
});

describe("limit settings", () => {
  it("sign-in: 5 per e-mail address and 30 per client address in 15 minutes, the latter configurable", () => {
    expect(signInLimits({})).toEqual({
      perEmail: { limit: 5, windowSeconds: 900 },
      perAddress: { limit: 30, windowSeconds: 900 },
    });
    expect(signInLimits({ SIGN_IN_LIMIT_PER_ADDRESS: "3" }).perAddress).toEqual({
      limit: 3,
      windowSeconds: 900,
    });
  });

  it("uploads: 300 per client address in 15 minutes, configurable", () => {
    expect(uploadLimit({})).toEqual({ limit: 300, windowSeconds: 900 });
    expect(uploadLimit({ UPLOAD_LIMIT_PER_ADDRESS: "10" }).limit).toBe(10);
  });

  it("refuses a malformed value rather than lifting the limit", () => {
    for (const bad of ["0", "-5", "1e9x", "30.5", "illimité"]) {
      expect(() => limitSetting("SIGN_IN_LIMIT_PER_ADDRESS", 30, bad)).toThrow(/SIGN_IN_LIMIT_PER_ADDRESS/);
    }
  });
});
