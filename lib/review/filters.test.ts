import { describe, expect, it } from "vitest";
import { listQuery, parseListFilters } from "./filters";

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
