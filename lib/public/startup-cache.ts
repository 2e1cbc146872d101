import { createRequire } from "node:module";
import path from "node:path";
import { PUBLIC_CONTENT_TAG } from "./cache";

/** Implicit tag of everything rendered under the root layout (what revalidatePath("/", "layout") expires). */
const ALL_PAGES_TAG = "_N_T_/layout";

type TagsManifest = Map<string, { stale?: number; expired?: number }>;

/**
 * Expires, when the server starts, every public page and query cached before:
 * the pages prerendered by `next build` and those cached by an earlier run
 * were rendered from the database as it was then, and it may have changed
 * since without the app knowing (db:reset, the scale generator, SQL). The
 * first request of each page after a start renders it again, then the cache
 * serves it.
 *
 * Next offers no API for this outside a request (revalidateTag needs one), so
 * this marks the tags expired in the in-memory tag manifest that revalidateTag
 * itself updates (Next 16.4, default cache handler); a failure only logs.
 */
export function expirePublicCacheAtStartup(log: (line: string) => void) {
  try {
    const load = createRequire(path.join(process.cwd(), "package.json"));
    const manifestModule =
      /*turbopackIgnore: true*/ "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
    const { tagsManifest } = load(manifestModule) as { tagsManifest: TagsManifest };
    const now = Date.now();
    for (const tag of [ALL_PAGES_TAG, PUBLIC_CONTENT_TAG]) {
      tagsManifest.set(tag, { ...tagsManifest.get(tag), expired: now });
    }
    log("Public cache expired: pages are rendered again from the database on their first request.");
  } catch (error) {
    log(
      `Could not expire the public cache at start-up (pages may be up to 5 minutes stale): ${String(error)}`,
    );
  }
}
