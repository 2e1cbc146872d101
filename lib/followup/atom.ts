import { renderMarkdown } from "@/lib/markdown/render";
import type { PublicIssue, PublicPost } from "./queries";

const escapeXml = (value: string) =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

type Entry = { id: string; title: string; link: string; updated: string; html: string };

/** Relative image paths resolved against the site, so feed readers show them. */
const absolutise = (html: string, origin: string) =>
  html.replace(/src="\//g, `src="${origin}/`).replace(/href="\//g, `href="${origin}/`);

function postHtml(post: PublicPost, origin: string, withTitle: boolean) {
  const title = withTitle ? `<h2>${escapeXml(post.title)}</h2>` : "";
  return title + absolutise(renderMarkdown(post.bodyMd, { images: true }), origin);
}

/**
 * The Atom feed of a network's news: one entry per published issue (its
 * articles as HTML, sanitised like the pages) and one per follow-up page
 * published outside an issue. Pure, so it is unit-tested.
 */
export function networkAtomFeed(input: {
  origin: string;
  network: { slug: string; name: string };
  issues: PublicIssue[];
  posts: PublicPost[];
}) {
  const { origin, network } = input;
  const base = `${origin}/reseaux/${network.slug}`;
  const entries: Entry[] = [
    ...input.issues.map((issue) => ({
      id: `${base}/actualites/${issue.number}`,
      title: `${network.name} n° ${issue.number} — ${issue.title}`,
      link: `${base}/actualites/${issue.number}`,
      updated:
        issue.posts
          .map((p) => p.shownAt)
          .sort()
          .at(-1) ?? `${issue.issueDate}T00:00:00.000Z`,
      html: issue.posts.map((p) => postHtml(p, origin, true)).join("\n"),
    })),
    ...input.posts.map((post) => ({
      id: `${origin}/suivi/${post.id}`,
      title: post.projectTitle ? `${post.title} (${post.projectTitle})` : post.title,
      link: post.applicationId ? `${origin}/laureats/${post.applicationId}` : base,
      updated: post.shownAt,
      html: postHtml(post, origin, false),
    })),
  ].sort((a, b) => b.updated.localeCompare(a.updated));
  const updated = entries[0]?.updated ?? new Date(0).toISOString();
  const body = entries
    .map(
      (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>
    <updated>${e.updated}</updated>
    <content type="html">${escapeXml(e.html)}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>${escapeXml(`${base}/flux.xml`)}</id>
  <title>${escapeXml(`Actualités de ${network.name}`)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/flux.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(base)}"/>
  <author><name>${escapeXml(network.name)}</name></author>
  <updated>${updated}</updated>
${body}
</feed>
`;
}
