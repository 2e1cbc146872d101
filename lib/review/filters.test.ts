import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  activeFiltersLabel,
  listQuery,
  parseListFilters,
  resultCountLabel,
} from "./filters";

describe("dashboard list filters", () => {
  it("reads the URL and ignores invalid values", () => {
    const f = parseListFilters({
      q: " coutellerie ",
      status: "nope",
      page: "-3",
      sort: "score_desc",
      scoreMin: "12,5",
    });
    expect(f).toMatchObject({
      q: "coutellerie",
      status: undefined,
      page: 1,
      sort: "score_desc",
      scoreMin: 12.5,
    });
  });
  it("writes a shareable query string without defaults", () => {
    const f = parseListFilters({ q: "thiers", sort: "submitted_desc", page: "1" });
    expect(listQuery(f)).toBe("?q=thiers");
    expect(listQuery(f, { page: 3 })).toBe("?q=thiers&page=3");
  });
});

describe("page size", () => {
  it("keeps 25, 50 or 100 and falls back to 25 for anything else", () => {
    expect(parseListFilters({}).perPage).toBe(25);
    expect(parseListFilters({ perPage: "50" }).perPage).toBe(50);
    expect(parseListFilters({ perPage: "100" }).perPage).toBe(100);
    for (const odd of ["30", "1000", "-50", "abc", "", "50.5"])
      expect(parseListFilters({ perPage: odd }).perPage).toBe(25);
  });
  it("writes the page size into the query string unless it is the default", () => {
    expect(listQuery(parseListFilters({ perPage: "25", q: "eau" }))).toBe("?q=eau");
    expect(listQuery(parseListFilters({ perPage: "100", page: "2" }))).toBe("?page=2&perPage=100");
    expect(listQuery(parseListFilters({ perPage: "100" }), { perPage: undefined })).toBe("");
  });
});

describe("active filters", () => {
  it("counts what narrows the list, not the sort, the page nor its size", () => {
    expect(activeFilterCount(parseListFilters({ sort: "score_desc", page: "3", perPage: "50" }))).toBe(0);
    expect(
      activeFilterCount(parseListFilters({ q: "eau", status: "submitted", mine: "1", scoreMin: "0" })),
    ).toBe(4);
    expect(activeFilterCount(parseListFilters({ status: "nope", region: "x" }))).toBe(0);
  });
  it("says it in French", () => {
    expect(activeFiltersLabel(0)).toBe("Aucun filtre actif");
    expect(activeFiltersLabel(1)).toBe("1 filtre actif");
    expect(activeFiltersLabel(3)).toBe("3 filtres actifs");
  });
});

describe("result count", () => {
  it("names the rows shown out of the total", () => {
    expect(resultCountLabel(0, 1, 25, 0)).toBe("Aucun dossier ne correspond");
    expect(resultCountLabel(1, 1, 25, 1)).toBe("1 dossier");
    expect(resultCountLabel(12, 1, 25, 12)).toBe("12 dossiers");
    expect(resultCountLabel(231, 1, 50, 50)).toBe("1 à 50 sur 231 dossiers");
    expect(resultCountLabel(231, 5, 50, 31)).toBe("201 à 231 sur 231 dossiers");
    expect(resultCountLabel(231, 2, 25, 25)).toBe("26 à 50 sur 231 dossiers");
  });
  it("says when a page is past the end", () => {
    expect(resultCountLabel(231, 9, 50, 0)).toBe("231 dossiers — aucun sur cette page");
    expect(resultCountLabel(12, 2, 25, 0)).toBe("12 dossiers — aucun sur cette page");
  });
  it("groups thousands with a narrow no-break space", () => {
    expect(resultCountLabel(1234, 1, 100, 100)).toBe("1 à 100 sur 1\u202f234 dossiers");
  });
});
