import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const network = await cachedNetwork((await params).slug);
  if (!network) return { title: "Réseau introuvable" };
  const path = `/reseaux/${network.slug}/actualites`;
  return {
    title: `Actualités de ${network.name}`,
    description: `Les numéros publiés des actualités de ${network.name} sur le suivi des projets lauréats de sa région.`,
    alternates: { canonical: path, types: { "application/atom+xml": `/reseaux/${network.slug}/flux.xml` } },
    openGraph: { title: `Actualités de ${network.name}`, url: path },
  };
}

/** The archive of a network's published news issues. */
export default async function NetworkNewsArchivePage({ params }: Props) {
  const network = await cachedNetwork((await params).slug);
  if (!network) notFound();
  const issues = await cachedNetworkIssues(network.id, 200);
  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/", label: "Accueil" },
          { href: "/reseaux", label: "Réseaux régionaux" },
          { href: `/reseaux/${network.slug}`, label: network.name },
          { label: "Actualités" },
        ]}
      />
      <h1 className="text-3xl">Actualités de {network.name}</h1>
      <p className="mt-2">
        <a href={`/reseaux/${network.slug}/flux.xml`}>S’abonner au flux Atom</a>
      </p>
      {issues.length === 0 ? (
        <p className="mt-6">Aucun numéro publié pour le moment.</p>
      ) : (
        <ol className="mt-6 divide-y divide-grey-200 border-y border-grey-200">
          {issues.map((i) => (
            <li key={i.id} className="py-4">
              <Link
                href={`/reseaux/${network.slug}/actualites/${i.number}`}
                className="text-lg font-semibold"
              >
                N°&nbsp;{i.number} — {i.title}
              </Link>
              <span className="block text-sm text-grey-600">
                {formatDate(new Date(`${i.issueDate}T12:00:00Z`))} · {i.posts.map((p) => p.title).join(" · ")}
              </span>
            </li>
          ))}
        </ol>
      )}
    </PageContainer>
  );
}
