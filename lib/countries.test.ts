import { describe, expect, it } from "vitest";
import { countryOptions } from "./applications/countries";
import { allCountryCodes, countryName, sortByCountryName } from "./countries";

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

describe("names as the French administration writes them", () => {
  it("spells Côte d'Ivoire, the Czech and Central African Republics", () => {
    expect(countryName("CI")).toBe("Côte d'Ivoire");
    expect(countryName("CZ")).toBe("République tchèque");
    expect(countryName("CF")).toBe("République centrafricaine");
    expect(countryName("DO")).toBe("République dominicaine");
  });
  it("lists Kosovo once among the partners' countries, and every code once", () => {
    expect(countryOptions(null).filter((c) => c.name === "Kosovo")).toHaveLength(1);
    const codes = allCountryCodes();
    expect(new Set(codes).size).toBe(codes.length);
    const names = countryOptions(null).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
