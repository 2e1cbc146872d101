import { laureateFiltersQuery, parseLaureateFilters } from "./laureate-filters";
import {
  ALL_LAUREATES_SEGMENT,
  LAUREATES_CACHED_PREFIX,
  LAUREATES_SEARCH_PATH,
  LAUREATES_SEARCH_SEGMENT,
  LAUREATES_SEGMENT_HEADER,
} from "./laureates-path";

/**
 * The laureates list is served from Next's cache (ISR) although its filters
 * are in the query string (`/laureats?pays=AR&page=2`, the URL people share).
 * Three routes render it, the visible URL staying /laureats?… for all:
 *
 * - the unfiltered list `/laureats` (most visits): app/(public)/laureats, a
 *   cached page served as it is, without any rewrite, to a document request
 *   (a client navigation is rewritten, see below);
 * - a filter combination: `proxy.ts` rewrites it to an internal route whose
 *   single path segment is the canonical query
 *   (`/laureats-filtres/pays%3DAR%26page%3D2`), so each combination is
 *   rendered once, then cached and invalidated with the rest of the public
 *   content;
 * - a free-text search (`q`): rewritten to LAUREATES_SEARCH_PATH, rendered per
 *   request (every search string would be a cache entry of its own), like a
 *   combination whose canonical form is too long for a cache file name.
 *
 * Canonical query: only the known parameters, each validated (through
 * parseLaureateFilters, so new filters flow through), in a fixed order, page 1
 * and empty values left out. A request in any other form is redirected to the
 * canonical URL, so a crawler cannot multiply cache entries with unknown
 * parameters, spellings or orders of the same filters.
 *
 * How the rewrites happen: proxy.ts sets the segment (or
 * LAUREATES_SEARCH_SEGMENT) in a request header (LAUREATES_SEGMENT_HEADER) and
 * `beforeFiles` rewrites of next.config.ts, conditioned on that header, map
 * /laureats to the internal route. A `NextResponse.rewrite()` from the proxy
 * would be simpler, but Next 16.4 normalises its destination to `localhost`
 * while the server, started with `-H 127.0.0.1`, compares it with
 * `127.0.0.1`: the rewrite is then taken as external and every request is
 * forwarded over HTTP to the server itself (vercel/next.js#94745): two passes
 * through the server per visitor (docs/performance.md). A config rewrite is
 * always resolved in-process, but even so a rewritten request costs ~1 ms
 * more CPU than the same page served as it is (docs/performance.md), hence
 * the unfiltered list, most visits, served without one.
 */
export {
  ALL_LAUREATES_SEGMENT,
  LAUREATES_CACHED_PREFIX,
  LAUREATES_SEARCH_PATH,
  LAUREATES_SEARCH_SEGMENT,
  LAUREATES_SEGMENT_HEADER,
};

/*
 * Client navigations to the unfiltered list (RSC requests, `rsc: 1`) are
 * rewritten to `LAUREATES_CACHED_PREFIX + ALL_LAUREATES_SEGMENT` by
 * next.config.ts (the proxy never sees the `rsc` header: Next strips it from
 * the proxy's request). Served the static page, Next's client router would
 * cache it under its path alone (a static page that reads no search
 * parameter) and then show the cached unfiltered list for /laureats?page=2
 * or /laureats?annee=2025 without asking the server (seen in
 * e2e/public/laureates.spec.ts and home.spec.ts); a rewritten answer is
 * cached under its full URL.
 */

/** Longest segment cached: the cache stores it in a file name (255 bytes at most). */
export const MAX_CACHED_SEGMENT_LENGTH = 180;

export type LaureatesRouting =
  | { kind: "redirect"; location: string }
  /** The unfiltered list, document request: served as it is by the cached app/(public)/laureats. */
  | { kind: "unfiltered" }
  /** Served by the cached route `LAUREATES_CACHED_PREFIX + segment`. */
  | { kind: "rewrite"; segment: string }
  /** Rendered per request at LAUREATES_SEARCH_PATH. */
  | { kind: "dynamic" };

/** Next's own cache-busting parameter of client navigations, not a filter. */
const INTERNAL_PARAMS = new Set(["_rsc"]);

function filterParams(search: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [name, value] of search) if (!INTERNAL_PARAMS.has(name)) kept.append(name, value);
  return kept;
}

function toRecord(search: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    record[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return record;
}

/** The canonical query string (with its `?`, or empty) of a list request's query. */
export function canonicalLaureatesQuery(search: URLSearchParams): string {
  return laureateFiltersQuery(parseLaureateFilters(toRecord(filterParams(search))));
}

/** The internal path segment of a canonical query. */
export function segmentForQuery(canonical: string): string {
  return canonical ? encodeURIComponent(canonical.slice(1)) : ALL_LAUREATES_SEGMENT;
}

/**
 * Reads a segment back into the canonical query it stands for, or null when it
 * is not the canonical form of anything (the internal route then answers 404,
 * so no entry is cached for it). Next hands the segment decoded once; an
 * encoded one (`pays%3DAR`) is accepted too.
 */
export function queryForSegment(segment: string): string | null {
  if (segment === ALL_LAUREATES_SEGMENT) return "";
  let raw = segment;
  if (!raw.includes("=")) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  const canonical = canonicalLaureatesQuery(new URLSearchParams(raw));
  return canonical && canonical.slice(1) === raw ? canonical : null;
}

/**
 * What proxy.ts does with a request: `/laureats` without filters is left to
 * its own cached page (next.config.ts rewrites a client navigation, above);
 * with filters in canonical form, rewritten to their
 * cached route (or, for a search, to the per-request route); in another form
 * redirected to the canonical URL (document requests only: a client
 * navigation is rewritten as it is). Null: not a list request. The internal
 * routes themselves are left alone: a direct visit (the proxy sees their
 * path, not /laureats) shows the same list, its canonical link pointing to
 * /laureats, and a segment that is not canonical answers 404.
 */
export function routeLaureatesList(
  pathname: string,
  search: URLSearchParams,
  options: { clientNavigation: boolean },
): LaureatesRouting | null {
  if (pathname !== "/laureats") return null;
  // Most visits: nothing to parse.
  if (search.size === 0) return { kind: "unfiltered" };

  const params = filterParams(search);
  const canonical = canonicalLaureatesQuery(params);
  const current = params.size > 0 ? `?${params.toString()}` : "";
  if (current !== canonical && !options.clientNavigation) {
    return { kind: "redirect", location: `/laureats${canonical}` };
  }
  if (!canonical) return { kind: "unfiltered" };
  if (parseLaureateFilters(toRecord(params)).query !== undefined) return { kind: "dynamic" };
  const segment = segmentForQuery(canonical);
  if (segment.length > MAX_CACHED_SEGMENT_LENGTH) return { kind: "dynamic" };
  return { kind: "rewrite", segment };
}
