import { laureateFiltersQuery, parseLaureateFilters } from "./laureate-filters";
import { LAUREATES_CACHED_PREFIX, LAUREATES_SEGMENT_HEADER } from "./laureates-path";

/**
 * The laureates list is served from Next's cache (ISR) although its filters
 * are in the query string (`/laureats?pays=AR&page=2`, the URL people share):
 * `proxy.ts` rewrites each request to an internal route whose single path
 * segment is the canonical query (`/laureats-filtres/pays%3DAR%26page%3D2`),
 * so each filter combination is rendered once, then cached and invalidated
 * with the rest of the public content. The visible URL does not change.
 *
 * Canonical query: only the known parameters, each validated (through
 * parseLaureateFilters, so new filters flow through), in a fixed order, page 1
 * and empty values left out. A request in any other form is redirected to the
 * canonical URL, so a crawler cannot multiply cache entries with unknown
 * parameters, spellings or orders of the same filters. A free-text search
 * (`q`) is not cached: every search string would be an entry of its own; it is
 * rendered per request by app/(public)/laureats/page.tsx, like a combination
 * whose canonical form is too long for a cache file name.
 *
 * How the rewrite happens: proxy.ts sets the segment in a request header
 * (LAUREATES_SEGMENT_HEADER) and a `beforeFiles` rewrite of next.config.ts,
 * conditioned on that header, maps /laureats to the internal route. A
 * `NextResponse.rewrite()` from the proxy would be simpler, but Next 16.4
 * normalises its destination to `localhost` while the server, started with
 * `-H 127.0.0.1`, compares it with `127.0.0.1`: the rewrite is then taken as
 * external and every /laureats request is forwarded over HTTP to the server
 * itself (vercel/next.js#94745): two passes through the server per visitor
 * (docs/performance.md). A config rewrite is always resolved in-process.
 */
export { LAUREATES_CACHED_PREFIX, LAUREATES_SEGMENT_HEADER };

/** Segment of the unfiltered list (a segment cannot be empty). */
export const ALL_LAUREATES_SEGMENT = "tous";

/** Longest segment cached: the cache stores it in a file name (255 bytes at most). */
export const MAX_CACHED_SEGMENT_LENGTH = 180;

export type LaureatesRouting =
  | { kind: "redirect"; location: string }
  /** Served by the cached route `LAUREATES_CACHED_PREFIX + segment`. */
  | { kind: "rewrite"; segment: string }
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
 * What proxy.ts does with a request: `/laureats` in canonical form is
 * rewritten to its cached route, in another form redirected to the canonical
 * URL (document requests only: a client navigation is rewritten as it is).
 * Null: not a list request. The internal route itself is left alone: a
 * direct visit (the proxy sees its path, not /laureats) shows the same
 * list, its canonical link pointing to /laureats, and a segment that is not
 * canonical answers 404.
 */
export function routeLaureatesList(
  pathname: string,
  search: URLSearchParams,
  options: { clientNavigation: boolean },
): LaureatesRouting | null {
  if (pathname !== "/laureats") return null;

  const params = filterParams(search);
  const canonical = canonicalLaureatesQuery(params);
  const current = params.size > 0 ? `?${params.toString()}` : "";
  if (current !== canonical && !options.clientNavigation) {
    return { kind: "redirect", location: `/laureats${canonical}` };
  }
  if (parseLaureateFilters(toRecord(params)).query !== undefined) return { kind: "dynamic" };
  const segment = segmentForQuery(canonical);
  if (segment.length > MAX_CACHED_SEGMENT_LENGTH) return { kind: "dynamic" };
  return { kind: "rewrite", segment };
}
