import { describe, expect, it } from "vitest";
import {
  ALL_LAUREATES_SEGMENT,
  canonicalLaureatesQuery,
  LAUREATES_CACHED_PREFIX,
  LAUREATES_SEARCH_PATH,
  LAUREATES_SEARCH_SEGMENT,
  queryForSegment,
  routeLaureatesList,
  segmentForQuery,
} from "./laureates-routing";

const route = (url: string, clientNavigation = false) => {
  const parsed = new URL(url, "http://localhost");
  return routeLaureatesList(parsed.pathname, parsed.searchParams, { clientNavigation });
};

describe("routeLaureatesList", () => {
  it("leaves other paths alone", () => {
    expect(route("/")).toBeNull();
    expect(route("/laureats/ed0b1f81-61c7-4323-8c8a-6da536f461d2")).toBeNull();
    expect(route("/laureatsx?pays=AR")).toBeNull();
  });

  it("leaves the unfiltered list to its own cached page, without any rewrite", () => {
    expect(route("/laureats")).toEqual({ kind: "unfiltered" });
  });

  it("has a segment for the unfiltered list, where next.config.ts sends client navigations", () => {
    expect(route("/laureats", true)).toEqual({ kind: "unfiltered" });
    expect(route("/laureats?utm_source=x&_rsc=1x2y", true)).toEqual({ kind: "unfiltered" });
    expect(segmentForQuery("")).toBe(ALL_LAUREATES_SEGMENT);
    expect(queryForSegment(ALL_LAUREATES_SEGMENT)).toBe("");
  });

  it("rewrites a canonical query to one segment holding it", () => {
    expect(route("/laureats?annee=2025&pays=AM&page=2")).toEqual({
      kind: "rewrite",
      segment: "annee%3D2025%26pays%3DAM%26page%3D2",
    });
  });

  it("redirects any other form of the same filters to the canonical URL", () => {
    expect(route("/laureats?pays=am")).toEqual({ kind: "redirect", location: "/laureats?pays=AM" });
    expect(route("/laureats?pays=AM&annee=2025")).toEqual({
      kind: "redirect",
      location: "/laureats?annee=2025&pays=AM",
    });
    expect(route("/laureats?annee=&appel=&region=&pays=AM")).toEqual({
      kind: "redirect",
      location: "/laureats?pays=AM",
    });
    expect(route("/laureats?page=1")).toEqual({ kind: "redirect", location: "/laureats" });
    expect(route("/laureats?")).toEqual({ kind: "unfiltered" });
    expect(route("/laureats?departement=2a&region=94")).toEqual({
      kind: "redirect",
      location: "/laureats?region=94&departement=2A",
    });
  });

  it("drops unknown parameters and invalid values instead of caching them", () => {
    expect(route("/laureats?utm_source=x&annee=deux-mille")).toEqual({
      kind: "redirect",
      location: "/laureats",
    });
    expect(route("/laureats?pays=AR&pays=AM")).toEqual({ kind: "redirect", location: "/laureats?pays=AR" });
    expect(route("/laureats?appel=%27%3B%20drop%20table")).toEqual({
      kind: "redirect",
      location: "/laureats",
    });
  });

  it("ignores Next's _rsc parameter and rewrites client navigations without redirecting", () => {
    expect(route("/laureats?pays=AM&_rsc=1x2y", true)).toEqual({
      kind: "rewrite",
      segment: "pays%3DAM",
    });
    expect(route("/laureats?pays=am&_rsc=1x2y", true)).toEqual({
      kind: "rewrite",
      segment: "pays%3DAM",
    });
  });

  it("leaves a free-text search to the per-request page", () => {
    expect(route("/laureats?q=eau")).toEqual({ kind: "dynamic" });
    expect(route("/laureats?q=%20eau%20")).toEqual({ kind: "redirect", location: "/laureats?q=eau" });
  });

  it("does not cache a combination too long for a cache file name", () => {
    const theme = "é".repeat(100);
    expect(route(`/laureats?theme=${encodeURIComponent(theme)}`)).toEqual({ kind: "dynamic" });
  });

  it("leaves the internal routes alone (the proxy runs again on the rewritten path)", () => {
    expect(route(`${LAUREATES_CACHED_PREFIX}pays%3DAM`)).toBeNull();
    expect(route(`${LAUREATES_SEARCH_PATH}?q=eau`)).toBeNull();
  });
});

describe("segments", () => {
  it("read back into the canonical query, decoded or not", () => {
    for (const query of [
      "",
      "?annee=2025",
      "?annee=2025&pays=AM&page=3",
      "?theme=S%C3%A9curit%C3%A9+alimentaire",
    ]) {
      const segment = segmentForQuery(query);
      // Never the value that sends a request to the search route instead (next.config.ts).
      expect(segment).not.toBe(LAUREATES_SEARCH_SEGMENT);
      expect(queryForSegment(segment)).toBe(query);
      expect(queryForSegment(decodeURIComponent(segment))).toBe(query);
    }
  });

  it("refuse what is not the canonical form of a combination", () => {
    expect(queryForSegment("pays=am")).toBeNull();
    expect(queryForSegment("pays=AM&annee=2025")).toBeNull();
    expect(queryForSegment("page=1")).toBeNull();
    expect(queryForSegment("utm=1")).toBeNull();
    expect(queryForSegment("%E0%A4%A")).toBeNull();
    expect(queryForSegment("")).toBeNull();
  });

  it("canonical query keeps only known, valid parameters in a fixed order", () => {
    expect(canonicalLaureatesQuery(new URLSearchParams("page=2&pays=ar&x=1&annee=2024"))).toBe(
      "?annee=2024&pays=AR&page=2",
    );
  });
});
