/**
 * Internal address of the cached laureates list (see laureates-routing.ts).
 * In a module of its own, without dependencies, so that the main navigation (a
 * client component) can mark « Lauréats » as current there, and next.config.ts
 * can declare the rewrite, without bringing the filters' zod schemas along.
 */
export const LAUREATES_CACHED_PREFIX = "/laureats-filtres/";

/**
 * Request header through which proxy.ts hands the canonical segment of a
 * `/laureats?…` request to the rewrite declared in next.config.ts. The proxy
 * does not rewrite itself: Next (16.4) turns a proxy rewrite into an HTTP
 * request to itself when the server listens on 127.0.0.1 (`next start -H
 * 127.0.0.1`, our default), see laureates-routing.ts.
 */
export const LAUREATES_SEGMENT_HEADER = "x-laureats-segment";
