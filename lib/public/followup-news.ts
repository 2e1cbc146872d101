export type FollowupNewsItem = {
  id: string;
  title: string;
  networkName: string;
  publishedAt: string;
  href: string;
};

/**
 * Latest follow-up news of the regional networks, for the home page. A hook
 * for the networks' follow-up issue, which owns the posts: it returns nothing
 * until then. Whoever fills it must keep to published posts about published
 * laureates (lib/public/published.ts) and call invalidatePublicContent()
 * (lib/public/cache.ts) when a post is published or changed.
 */
export async function latestFollowupNews(_limit = 3): Promise<FollowupNewsItem[]> {
  return [];
}
