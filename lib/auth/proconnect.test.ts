import { describe, expect, it } from "vitest";
import { displayName, sirenOfSiret } from "./proconnect";

describe("ProConnect claims", () => {
  it("takes the SIREN as the first nine digits of a SIRET", () => {
    expect(sirenOfSiret("21630430300017")).toBe("216304303");
    expect(sirenOfSiret("216 304 303 00017")).toBe("216304303");
  });
  it("ignores a claim that is not a SIRET", () => {
    expect(sirenOfSiret(undefined)).toBeNull();
    expect(sirenOfSiret("2163043030001")).toBeNull();
    expect(sirenOfSiret("ABCDEFGHIJKLMN")).toBeNull();
  });
  it("builds a display name from given_name and usual_name (there is no name claim)", () => {
    expect(displayName({ given_name: "Marie", usual_name: "Dupont" })).toBe("Marie Dupont");
    expect(displayName({ usual_name: "Dupont" })).toBe("Dupont");
    expect(displayName({})).toBeNull();
  });
});
