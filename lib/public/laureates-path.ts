/**
 * Internal addresses of the laureates list (see laureates-routing.ts). In a
 * module of its own, without dependencies, so that the main navigation (a
 * client component) can mark « Lauréats » as current there, and next.config.ts
 * can declare the rewrites, without bringing the filters' zod schemas along.
 */
export const LAUREATES_CACHED_PREFIX = "/laureats-filtres/";

/** Internal address of the list rendered per request (a free-text search, see laureates-routing.ts). */
export const LAUREATES_SEARCH_PATH = "/laureats-recherche";

/**
 * Request header through which proxy.ts hands the canonical segment of a
 * `/laureats?…` request, or LAUREATES_SEARCH_SEGMENT, to the rewrites declared
 * in next.config.ts. The proxy does not rewrite itself: Next (16.4) turns a
 * proxy rewrite into an HTTP request to itself when the server listens on
 * 127.0.0.1 (`next start -H 127.0.0.1`, our default), see laureates-routing.ts.
 */
export const LAUREATES_SEGMENT_HEADER = "x-laureats-segment";

/**
 * Segment of the unfiltered list at LAUREATES_CACHED_PREFIX, for client
 * navigations (see laureates-routing.ts; a segment cannot be empty).
 */
export const ALL_LAUREATES_SEGMENT = "tous";

/** Header value sending a request to LAUREATES_SEARCH_PATH (never a segment: those hold `%3D`, or are `tous`). */
export const LAUREATES_SEARCH_SEGMENT = "recherche";
