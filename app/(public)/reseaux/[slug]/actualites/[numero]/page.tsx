import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostArticle } from "@/components/followup/post-article";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { cachedNetwork, cachedNetworkIssues } from "@/lib/followup/public";
import { formatDate } from "@/lib/format";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const revalidate = 300;

// Nothing prerendered at build: each page is rendered on its first request, then cached.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; numero: string }> };

async function load(params: Props["params"]) {
  const { slug, numero } = await params;
  if (!/^[0-9]{1,6}$/.test(numero)) return null;
  const network = await cachedNetwork(slug);
  if (!network) return null;
  const issue = (await cachedNetworkIssues(network.id, 200)).find((i) => i.number === Number(numero));
  return issue ? { network, issue } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (!found) return { title: "Numéro introuvable" };
  const title = `${found.network.name} n°\u00a0${found.issue.number} — ${found.issue.title}`;
  const path = `/reseaux/${found.network.slug}/actualites/${found.issue.number}`;
  return { title, alternates: { canonical: path }, openGraph: { title, url: path, type: "article" } };
}

/** One published news issue with all its articles. */
export default async function NewsIssuePage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { network, issue } = found;
  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/", label: "Accueil" },
          { href: `/reseaux/${network.slug}`, label: network.name },
          { href: `/reseaux/${network.slug}/actualites`, label: "Actualités" },
          { label: `N° ${issue.number}` },
        ]}
      />
      <p className="text-grey-600">
        {network.name} · n°&nbsp;{issue.number} · {formatDate(new Date(`${issue.issueDate}T12:00:00Z`))}
      </p>
      <h1 className="mt-2 text-3xl">{issue.title}</h1>
      <div className="mt-8 space-y-10">
        {issue.posts.map((post) => (
          <PostArticle key={post.id} post={post} headingLevel={2} showProject />
        ))}
      </div>
    </PageContainer>
  );
}
