import { describe, expect, it } from "vitest";
import { BASE_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, retryDelayMs } from "./backoff";

const noJitter = () => 0;
const fullJitter = () => 0.999_999;

describe("retryDelayMs", () => {
  it("waits 30 s after the first failure, then doubles", () => {
    expect(retryDelayMs(1, noJitter)).toBe(30_000);
    expect(retryDelayMs(2, noJitter)).toBe(60_000);
    expect(retryDelayMs(3, noJitter)).toBe(120_000);
    expect(retryDelayMs(7, noJitter)).toBe(30_000 * 64);
  });

  it("never waits more than an hour, however many failures", () => {
    expect(retryDelayMs(8, noJitter)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(50, noJitter)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(10_000, noJitter)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(10_000, fullJitter)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
  });

  it("takes off at most 20 % at random", () => {
    expect(retryDelayMs(1, fullJitter)).toBe(24_000);
    expect(retryDelayMs(1, () => 0.5)).toBe(27_000);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const delay = retryDelayMs(attempt);
      const base = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** (attempt - 1));
      expect(delay).toBeGreaterThanOrEqual(base * 0.8);
      expect(delay).toBeLessThanOrEqual(base);
    }
  });

  it("treats nonsensical counts as a first failure and clamps a bad random source", () => {
    expect(retryDelayMs(0, noJitter)).toBe(BASE_RETRY_DELAY_MS);
    expect(retryDelayMs(-3, noJitter)).toBe(BASE_RETRY_DELAY_MS);
    expect(retryDelayMs(1, () => 5)).toBe(24_000);
    expect(retryDelayMs(1, () => -1)).toBe(30_000);
  });

  it("never shortens the delay when more attempts have failed", () => {
    let previous = 0;
    for (let attempt = 1; attempt <= 20; attempt++) {
      const delay = retryDelayMs(attempt, noJitter);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
  });
});
