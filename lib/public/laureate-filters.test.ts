import { describe, expect, it } from "vitest";
import {
  countryCodesNamed,
  foldForSearch,
  laureateFiltersQuery,
  pageCount,
  paginationWindow,
  parseLaureateFilters,
  SEARCH_MAX_LENGTH,
  withinOffered,
} from "./laureate-filters";

describe("parseLaureateFilters", () => {
  it("reads valid French parameters", () => {
    expect(
      parseLaureateFilters({ annee: "2025", appel: "2025-paris", region: "84", pays: "ar", page: "3" }),
    ).toEqual({
      year: 2025,
      call: "2025-paris",
      region: "84",
      country: "AR",
      page: 3,
    });
  });

  it("reads a département code: two digits, Corsica's 2A / 2B (any case), overseas 971–978 and 984–989", () => {
    expect(parseLaureateFilters({ departement: "63" })).toEqual({ departement: "63", page: 1 });
    expect(parseLaureateFilters({ departement: "2a" })).toEqual({ departement: "2A", page: 1 });
    expect(parseLaureateFilters({ departement: "974" })).toEqual({ departement: "974", page: 1 });
    for (const bad of ["00", "20", "96", "979", "990", "6", "063", "2C", "63 OR 1=1"]) {
      expect(parseLaureateFilters({ departement: bad, region: "84" })).toEqual({ region: "84", page: 1 });
    }
  });

  it("defaults to page 1 with no filter", () => {
    expect(parseLaureateFilters({})).toEqual({ page: 1 });
  });

  it("ignores bad values one by one instead of failing", () => {
    expect(
      parseLaureateFilters({
        annee: "deux-mille",
        appel: "'; drop table calls; --",
        region: "8",
        pays: "ARG",
        page: "-2",
      }),
    ).toEqual({ page: 1 });
    expect(parseLaureateFilters({ annee: "2025.5", region: "84", page: "1e9" })).toEqual({
      region: "84",
      page: 1,
    });
  });

  it("ignores empty values (an untouched select) and takes the first of repeated ones", () => {
    expect(parseLaureateFilters({ annee: "", region: ["84", "11"], pays: "  " })).toEqual({
      region: "84",
      page: 1,
    });
  });
});

describe("search and theme", () => {
  it("reads the search text and the theme", () => {
    expect(parseLaureateFilters({ q: "  Thiers   Tandil ", theme: "Sécurité alimentaire" })).toEqual({
      query: "Thiers Tandil",
      theme: "Sécurité alimentaire",
      page: 1,
    });
  });

  it("drops control characters and lone surrogates, and cuts a long search on a character", () => {
    expect(parseLaureateFilters({ q: "eau\u0000\ud800potable" }).query).toBe("eau potable");
    expect(parseLaureateFilters({ q: "\u0007\t" }).query).toBeUndefined();
    const long = parseLaureateFilters({ q: `${"é".repeat(SEARCH_MAX_LENGTH - 1)}😀😀` }).query ?? "";
    expect(Array.from(long)).toHaveLength(SEARCH_MAX_LENGTH);
    expect(long.endsWith("😀")).toBe(true);
    expect(parseLaureateFilters({ theme: "x".repeat(101) }).theme).toBeUndefined();
    expect(parseLaureateFilters({ theme: "Cul\u0000ture" }).theme).toBeUndefined();
  });

  it("round-trips through the query string", () => {
    const filters = parseLaureateFilters({ q: "coopération « eau »", theme: "Culture", annee: "2025" });
    const query = laureateFiltersQuery(filters);
    expect(query).toBe("?annee=2025&theme=Culture&q=coop%C3%A9ration+%C2%AB+eau+%C2%BB");
    expect(parseLaureateFilters(Object.fromEntries(new URLSearchParams(query)))).toEqual(filters);
  });
});

describe("country names in a search", () => {
  const names = {
    AM: "Arménie",
    AR: "Argentine",
    CI: "Côte d’Ivoire",
    GN: "Guinée",
    GW: "Guinée-Bissau",
    PG: "Papouasie-Nouvelle-Guinée",
  };

  it("folds accents, case and punctuation", () => {
    expect(foldForSearch("  Côte d’Ivoire ")).toBe("cote d ivoire");
    expect(foldForSearch("ÉQUATEUR")).toBe("equateur");
  });

  it("finds countries whose name holds the whole search as words", () => {
    expect(countryCodesNamed("armenie", names)).toEqual(["AM"]);
    expect(countryCodesNamed("ARGENTINE", names)).toEqual(["AR"]);
    expect(countryCodesNamed("cote d'ivoire", names)).toEqual(["CI"]);
    expect(countryCodesNamed("Guinée", names)).toEqual(["GN", "GW", "PG"]);
  });

  it("matches whole words only, and nothing for short or mixed searches", () => {
    expect(countryCodesNamed("argent", names)).toEqual([]);
    expect(countryCodesNamed("ar", names)).toEqual([]);
    expect(countryCodesNamed("eau Arménie", names)).toEqual([]);
  });
});

describe("laureateFiltersQuery", () => {
  it("builds a shareable query string and leaves page 1 out", () => {
    expect(laureateFiltersQuery({ year: 2025, region: "84", page: 1 })).toBe("?annee=2025&region=84");
    expect(laureateFiltersQuery({ country: "AR", page: 2 })).toBe("?pays=AR&page=2");
    expect(laureateFiltersQuery({ theme: "Eau", departement: "63", region: "84" })).toBe(
      "?region=84&departement=63&theme=Eau",
    );
    expect(laureateFiltersQuery({})).toBe("");
  });
});

describe("pagination", () => {
  it("counts pages", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });

  it("shows the first, last and neighbouring pages", () => {
    expect(paginationWindow(1, 1)).toEqual([1]);
    expect(paginationWindow(1, 5)).toEqual([1, 2, null, 5]);
    expect(paginationWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(paginationWindow(6, 12)).toEqual([1, null, 5, 6, 7, null, 12]);
  });
});

describe("withinOffered: the filters a cached list is rendered for", () => {
  const offered = {
    years: [2025, 2024],
    calls: [{ slug: "afrique-2025" }],
    regions: [{ code: "84" }],
    departements: [{ code: "63" }],
    countries: ["AR", "BF"],
    themes: ["Sécurité alimentaire"],
  };
  const filters = (query: string) => parseLaureateFilters(Object.fromEntries(new URLSearchParams(query)));

  it("renders values some laureate uses, on a page of the list", () => {
    expect(
      withinOffered(
        filters(
          "annee=2025&appel=afrique-2025&region=84&departement=63&pays=AR&theme=Sécurité alimentaire&page=3",
        ),
        offered,
        41,
      ),
    ).toEqual({ ok: true });
  });

  it.each([
    ["theme=xyz123", ""],
    ["annee=2099&pays=AR", "?pays=AR"],
    ["appel=inconnu-2030", ""],
    ["region=11&theme=Sécurité alimentaire", "?theme=S%C3%A9curit%C3%A9+alimentaire"],
    ["departement=75", ""],
    ["pays=ZZ&page=4", ""],
  ])("drops a value no laureate uses (%s → %j), back to the first page", (query, to) => {
    expect(withinOffered(filters(query), offered, 100)).toEqual({ ok: false, query: to });
  });

  it("sends a page past the last to the last one", () => {
    expect(withinOffered(filters("pays=AR&page=9999"), offered, 41)).toEqual({
      ok: false,
      query: "?pays=AR&page=3",
    });
    expect(withinOffered(filters("page=2"), offered, 0)).toEqual({ ok: false, query: "" });
  });
});
