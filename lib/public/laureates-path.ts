/**
 * Internal address of the cached laureates list (see laureates-routing.ts).
 * In a module of its own, without dependencies, so that the main navigation (a
 * client component) can mark « Lauréats » as current there without bringing
 * the filters' zod schemas into every page's JavaScript.
 */
export const LAUREATES_CACHED_PREFIX = "/laureats-filtres/";
