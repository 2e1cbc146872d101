import { describe, expect, it } from "vitest";
import { demoModeAllowed, demoModeSetting } from "./demo";

describe("demoModeSetting", () => {
  it("is off in production unless DEMO_MODE says otherwise", () => {
    expect(demoModeSetting({ NODE_ENV: "production" })).toBe("off");
    expect(demoModeSetting({ NODE_ENV: "production", DEMO_MODE: "" })).toBe("off");
    expect(demoModeSetting({ NODE_ENV: "production", DEMO_MODE: "true" })).toBe("on");
    expect(demoModeSetting({ NODE_ENV: "production", DEMO_MODE: "1" })).toBe("on");
    expect(demoModeSetting({ NODE_ENV: "production", DEMO_MODE: "embedded" })).toBe("embedded");
  });

  it("is on in development and tests unless DEMO_MODE says otherwise", () => {
    expect(demoModeSetting({ NODE_ENV: "development" })).toBe("on");
    expect(demoModeSetting({ NODE_ENV: "test" })).toBe("on");
    expect(demoModeSetting({ NODE_ENV: "development", DEMO_MODE: "false" })).toBe("off");
    expect(demoModeSetting({ NODE_ENV: "test", DEMO_MODE: "0" })).toBe("off");
  });

  it("refuses a value it does not know", () => {
    expect(() => demoModeSetting({ NODE_ENV: "production", DEMO_MODE: "yes" })).toThrow(/DEMO_MODE/);
    expect(() => demoModeSetting({ NODE_ENV: "development", DEMO_MODE: "ture" })).toThrow(/DEMO_MODE/);
  });
});

describe("demoModeAllowed", () => {
  it("needs the deployment's setting in production, whatever the database holds", () => {
    expect(demoModeAllowed({ NODE_ENV: "production" })).toBe(false);
    expect(demoModeAllowed({ NODE_ENV: "production", DEMO_MODE: "false" })).toBe(false);
    expect(demoModeAllowed({ NODE_ENV: "production", DEMO_MODE: "true" })).toBe(true);
  });

  it("with `embedded`, allows it only on the embedded PostgreSQL, never on a configured DATABASE_URL", () => {
    expect(
      demoModeAllowed({ NODE_ENV: "production", DEMO_MODE: "embedded", DATABASE_EMBEDDED: "true" }),
    ).toBe(true);
    expect(demoModeAllowed({ NODE_ENV: "production", DEMO_MODE: "embedded" })).toBe(false);
    expect(
      demoModeAllowed({ NODE_ENV: "production", DEMO_MODE: "embedded", DATABASE_EMBEDDED: "false" }),
    ).toBe(false);
  });
});
