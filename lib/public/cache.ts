import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";

/** Cache tag of every piece of public content read from the database. */
export const PUBLIC_CONTENT_TAG = "public-content";

/**
 * How long public data may be served from the cache without an explicit
 * invalidation (seconds). Publication calls invalidatePublicContent(), so this
 * only bounds how stale a change made outside the app (SQL, seed) can be.
 */
export const PUBLIC_REVALIDATE_SECONDS = 300;

/**
 * Caches a public query (result must be JSON: no Date, no Map) under the
 * public tag. Keys include the function's arguments.
 */
export function publicCached<A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string) {
  return unstable_cache(fn, ["public", key], {
    tags: [PUBLIC_CONTENT_TAG],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  });
}

/**
 * Drops every cached public page and query, so the next visitor sees the
 * change. Call it from a server action or route handler after anything the
 * public site shows has changed: a call's results published (or unpublished),
 * a call created or edited, a follow-up page or milestone written by a
 * network. `expire: 0` because publication must not serve stale results to
 * the next visitor (a decision must never appear before, nor vanish after).
 */
export function invalidatePublicContent() {
  revalidateTag(PUBLIC_CONTENT_TAG, { expire: 0 });
  revalidatePath("/", "layout");
}
