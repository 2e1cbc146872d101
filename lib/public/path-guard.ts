import { LAUREATES_CACHED_PREFIX } from "./laureates-path";
import { queryForSegment } from "./laureates-routing";
import { NOT_FOUND_HEADER, NOT_FOUND_PATH } from "./not-found-path";

/**
 * What proxy.ts does with a path before Next matches it to a route:
 *
 * - `bad-request`: a segment with malformed percent-encoding (`/laureats/%ff`).
 *   Next 16.4 fails to decode it, looks for a /400 page the App Router does
 *   not have, and answers a bare 500 without any security header; the proxy
 *   answers 400 itself, with the usual headers.
 * - `not-found`: a public page cached by Next (ISR) whose id or slug cannot
 *   exist (not a UUID, not a slug, not a number, not a canonical filter
 *   segment). Each such URL would otherwise be rendered and written to the
 *   route cache as a 404 of its own; sent instead to a path no route matches
 *   (NOT_FOUND_PATH), Next answers its static 404 page, `no-store`, without
 *   rendering anything nor touching the database.
 *
 * Well-formed ids and slugs that match nothing are left to their page, which
 * answers 404; the cache handler (route-cache-handler.mjs) does not keep it.
 * Pure and cheap (no database): it runs on every request.
 */
export type PathVerdict = "bad-request" | "not-found" | null;

export { NOT_FOUND_HEADER, NOT_FOUND_PATH };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Call and network slugs (lib/calls/schema.ts, lib/networks/queries.ts). */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const NUMBER = /^[0-9]{1,6}$/;

/** Rules of the cached public routes with a dynamic segment: segments after the prefix, each checked. */
const CACHED_ROUTES: { prefix: string[]; rest: ((segment: string) => boolean)[][] }[] = [
  { prefix: ["laureats"], rest: [[(s) => UUID.test(s)]] },
  { prefix: [LAUREATES_CACHED_PREFIX.replaceAll("/", "")], rest: [[(s) => queryForSegment(s) !== null]] },
  { prefix: ["appels"], rest: [[(s) => SLUG.test(s)]] },
  {
    prefix: ["reseaux"],
    rest: [
      [(s) => SLUG.test(s)],
      [(s) => SLUG.test(s), (s) => s === "actualites" || s === "flux.xml"],
      [(s) => SLUG.test(s), (s) => s === "actualites", (s) => NUMBER.test(s)],
    ],
  },
];

function decodable(segment: string) {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export function checkPath(pathname: string): PathVerdict {
  const segments = pathname.split("/").slice(1);
  if (pathname.includes("%") && !segments.every(decodable)) return "bad-request";
  const [first, ...rest] = segments;
  if (rest.length === 0) return null;
  for (const route of CACHED_ROUTES) {
    if (route.prefix[0] !== first) continue;
    const shape = route.rest.find((checks) => checks.length === rest.length);
    // Another depth matches no route: Next answers its static 404 by itself.
    if (!shape) return null;
    return shape.every((check, i) => check(rest[i] as string)) ? null : "not-found";
  }
  return null;
}
