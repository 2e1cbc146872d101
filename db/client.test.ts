import { describe, expect, it } from "vitest";
import { reconnectDelaySeconds } from "./client";

describe("reconnectDelaySeconds (the driver's wait before reconnecting)", () => {
  it("never exceeds one second, however many attempts failed", () => {
    // The driver's default reaches 10–20 s after 7 failures: a request then waited that long
    // once PostgreSQL was back (npm run fault:pg-restart).
    for (let retries = 0; retries <= 200; retries++) {
      for (let draw = 0; draw < 20; draw++) {
        const delay = reconnectDelaySeconds(retries);
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeLessThanOrEqual(1);
      }
    }
  });

  it("starts small and grows with failures until the cap", () => {
    expect(reconnectDelaySeconds(0)).toBeLessThanOrEqual(0.05);
    expect(reconnectDelaySeconds(20)).toBeGreaterThanOrEqual(0.5);
  });
});
