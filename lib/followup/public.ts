import "server-only";
import { getDb } from "@/db/client";
import { getNetworkBySlug, listNetworks, regionLaureates, regionYearCounts } from "@/lib/networks/queries";
import { publicCached } from "@/lib/public/cache";
import { publicIssues, publicNetworkTimeline, publicStandalonePosts } from "./queries";

/**
 * Cached reads of the public network pages and feed (tag PUBLIC_CONTENT_TAG,
 * dropped by invalidatePublicContent() on every publication). JSON only.
 */
export const cachedNetworks = publicCached(() => listNetworks(getDb()), "networks");

export const cachedNetwork = publicCached((slug: string) => getNetworkBySlug(getDb(), slug), "network");

export const cachedNetworkLaureates = publicCached(async (regionCode: string) => {
  const db = getDb();
  const [counts, laureates] = await Promise.all([
    regionYearCounts(db, regionCode),
    regionLaureates(db, regionCode),
  ]);
  return { counts, laureates };
}, "network-laureates");

export const cachedNetworkIssues = publicCached(
  (networkId: string, limit: number) => publicIssues(getDb(), networkId, limit),
  "network-issues",
);

export const cachedNetworkTimeline = publicCached(
  (networkId: string) => publicNetworkTimeline(getDb(), networkId, 20),
  "network-timeline",
);

export const cachedStandalonePosts = publicCached(
  (networkId: string) => publicStandalonePosts(getDb(), networkId, 50),
  "network-standalone-posts",
);
