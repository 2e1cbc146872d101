import { describe, expect, it } from "vitest";
import { countryName, sortByCountryName } from "./countries";

describe("countryName", () => {
  it("gives French names", () => {
    expect(countryName("AR")).toBe("Argentine");
    expect(countryName("AM")).toBe("Arménie");
    expect(countryName("AL")).toBe("Albanie");
    expect(countryName("CO")).toBe("Colombie");
    expect(countryName("SN")).toBe("Sénégal");
  });
  it("knows Kosovo under XK", () => {
    expect(countryName("XK")).toBe("Kosovo");
  });
  it("accepts lower case and falls back to the code", () => {
    expect(countryName("ar")).toBe("Argentine");
    expect(countryName("ZZ")).toBe("ZZ");
  });
});

describe("sortByCountryName", () => {
  it("sorts accented names where a French reader expects them", () => {
    expect(sortByCountryName(["ZM", "EG", "EC", "AR"])).toEqual(["AR", "EG", "EC", "ZM"]);
  });
});
