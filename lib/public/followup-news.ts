import "server-only";
import { getDb } from "@/db/client";
import { publicLatestPosts } from "@/lib/followup/queries";
import { publicCached } from "./cache";

export type FollowupNewsItem = {
  id: string;
  title: string;
  networkName: string;
  publishedAt: string;
  href: string;
};

/**
 * Latest follow-up news of the regional networks, for the home page: published
 * posts about published laureates only (lib/followup/queries.ts), cached with
 * the public content and invalidated when a post is published or changed.
 */
export async function latestFollowupNews(limit = 3): Promise<FollowupNewsItem[]> {
  return cachedLatestFollowupNews(limit);
}

const cachedLatestFollowupNews = publicCached(async (limit: number): Promise<FollowupNewsItem[]> => {
  const posts = await publicLatestPosts(getDb(), limit);
  return posts.map((p) => ({
    id: p.id,
    title: p.title,
    networkName: p.networkName,
    publishedAt: p.shownAt,
    href:
      p.issueNumber !== null
        ? `/reseaux/${p.networkSlug}/actualites/${p.issueNumber}`
        : p.applicationId
          ? `/laureats/${p.applicationId}#post-${p.id}`
          : `/reseaux/${p.networkSlug}`,
  }));
}, "latest-followup-news");
