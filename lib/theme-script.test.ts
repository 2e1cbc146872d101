import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { THEME_SCRIPT, THEME_SCRIPT_HASH } from "./theme-script";

describe("THEME_SCRIPT", () => {
  it("is named by its hash, so that the per-request pages' policy lets it run", () => {
    const digest = createHash("sha256").update(THEME_SCRIPT).digest("base64");
    expect(THEME_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
  });

  it.each([
    ["dark", false, "dark"],
    ["light", true, "light"],
    ["system", true, "dark"],
    ["system", false, "light"],
    [null, true, "dark"],
    [null, false, "light"],
  ])("the setting %s with a system asking for dark: %s gives the %s theme", (scheme, systemDark, theme) => {
    const attributes: Record<string, string> = {};
    const run = new Function("localStorage", "matchMedia", "document", THEME_SCRIPT);
    run({ getItem: () => scheme }, () => ({ matches: systemDark }), {
      documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) },
    });
    expect(attributes).toEqual({ "data-fr-theme": theme });
  });

  it("leaves the page as it is when the storage cannot be read (private browsing, blocked cookies)", () => {
    const attributes: Record<string, string> = {};
    const run = new Function("localStorage", "matchMedia", "document", THEME_SCRIPT);
    run(
      {
        getItem: () => {
          throw new Error("denied");
        },
      },
      () => ({ matches: true }),
      { documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } },
    );
    expect(attributes).toEqual({});
  });
});
