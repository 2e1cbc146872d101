import { describe, expect, it } from "vitest";
import { laureateFiltersQuery, pageCount, paginationWindow, parseLaureateFilters } from "./laureate-filters";

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

describe("laureateFiltersQuery", () => {
  it("builds a shareable query string and leaves page 1 out", () => {
    expect(laureateFiltersQuery({ year: 2025, region: "84", page: 1 })).toBe("?annee=2025&region=84");
    expect(laureateFiltersQuery({ country: "AR", page: 2 })).toBe("?pays=AR&page=2");
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
