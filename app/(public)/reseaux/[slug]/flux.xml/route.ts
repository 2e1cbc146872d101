import { networkAtomFeed } from "@/lib/followup/atom";
import { cachedNetwork, cachedNetworkIssues, cachedStandalonePosts } from "@/lib/followup/public";
import { siteUrl } from "@/lib/public/site-url";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const dynamic = "force-static";
export const revalidate = 300;

// Nothing prerendered at build: each feed is rendered on its first request, then cached.
export function generateStaticParams() {
  return [];
}

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
