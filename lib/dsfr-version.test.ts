import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DSFR_VERSION } from "./dsfr-version";

describe("DSFR_VERSION", () => {
  it("is the installed package's version, the one package.json pins", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(DSFR_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies["@gouvfr/dsfr"]).toBe(DSFR_VERSION);
  });
});
