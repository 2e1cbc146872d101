import { networkAtomFeed } from "@/lib/followup/atom";
import { cachedNetwork, cachedNetworkIssues, cachedStandalonePosts } from "@/lib/followup/public";
import { siteUrl } from "@/lib/public/site-url";

/** Atom feed of a network's news (published issues and follow-up pages), public and cacheable. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const network = await cachedNetwork((await params).slug);
  if (!network) return new Response("Réseau introuvable.", { status: 404 });
  const [issues, posts] = await Promise.all([
    cachedNetworkIssues(network.id, 50),
    cachedStandalonePosts(network.id),
  ]);
  const xml = networkAtomFeed({ origin: siteUrl().origin, network, issues, posts });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
