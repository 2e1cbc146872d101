/**
 * Where proxy.ts sends a request for an id or slug that cannot exist
 * (lib/public/path-guard.ts). In a module of its own, without dependencies, so
 * that next.config.ts can declare the rewrite without the filters' zod schemas.
 */

/** A path no route matches (a folder starting with `_` is never a route): Next's static 404 page. */
export const NOT_FOUND_PATH = "/_introuvable";

/** Request header through which the proxy asks next.config.ts's rewrite for NOT_FOUND_PATH. */
export const NOT_FOUND_HEADER = "x-introuvable";
