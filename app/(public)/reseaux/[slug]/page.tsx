import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PostArticle } from "@/components/followup/post-article";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import {
  cachedNetwork,
  cachedNetworkIssues,
  cachedNetworkLaureates,
  cachedNetworkTimeline,
} from "@/lib/followup/public";
import { formatCount, formatDate, formatMoneyCents } from "@/lib/format";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const revalidate = 300;

// Nothing prerendered at build: each page is rendered on its first request, then cached.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n > 1 ? many : one}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const network = await cachedNetwork((await params).slug);
  if (!network) return { title: "Réseau introuvable" };
  return {
    title: network.name,
    description: `Les projets lauréats suivis par ${network.name}, leurs pages de suivi et les actualités du réseau.`,
    alternates: {
      canonical: `/reseaux/${network.slug}`,
      types: { "application/atom+xml": `/reseaux/${network.slug}/flux.xml` },
    },
  };
}

/** A network's public page: its région's laureates by year, its latest news issues, its follow-up timeline. */
export default async function NetworkPage({ params }: Props) {
  const network = await cachedNetwork((await params).slug);
  if (!network) notFound();
  const [{ counts, laureates }, issues, timeline] = await Promise.all([
    cachedNetworkLaureates(network.regionCode),
    cachedNetworkIssues(network.id, 3),
    cachedNetworkTimeline(network.id),
  ]);
  const years = counts.filter((c) => c.year !== null);

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/", label: "Accueil" },
          { href: "/reseaux", label: "Réseaux régionaux" },
          { label: network.name },
        ]}
      />
      <h1 className="text-3xl">{network.name}</h1>
      {network.description && <p className="mt-3 max-w-3xl">{network.description}</p>}

      <div className="mt-10 grid gap-10 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0">
          <section aria-labelledby="laureats">
            <h2 id="laureats" className="text-2xl">
              Les lauréats de la région
            </h2>
            {years.length === 0 && <p className="mt-3">Aucun projet lauréat publié pour le moment.</p>}
            {years.map((c) => (
              <section key={c.year} aria-labelledby={`annee-${c.year}`} className="mt-6">
                <h3 id={`annee-${c.year}`} className="text-xl">
                  {c.year} · {plural(c.projects, "projet", "projets")},{" "}
                  {plural(c.localAuthorities, "collectivité territoriale", "collectivités territoriales")}
                </h3>
                <ul className="mt-3 divide-y divide-grey-200 border-y border-grey-200">
                  {laureates
                    .filter((l) => l.year === c.year)
                    .map((l) => (
                      <li key={l.id} className="py-3">
                        <Link href={`/laureats/${l.id}`} className="font-semibold">
                          {l.title}
                        </Link>
                        <span className="block text-sm text-grey-600">
                          {l.leadName} · {formatMoneyCents(l.grantedAmountCents)}
                          {l.publishedPosts > 0 &&
                            ` · ${plural(l.publishedPosts, "page de suivi", "pages de suivi")}`}
                        </span>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </section>

          <section aria-labelledby="fil-suivi" className="mt-12">
            <h2 id="fil-suivi" className="text-2xl">
              Le suivi des projets
            </h2>
            {timeline.length === 0 ? (
              <p className="mt-3">Aucune page de suivi publiée pour le moment.</p>
            ) : (
              <div className="mt-4 space-y-8">
                {timeline.map((post) => (
                  <PostArticle key={post.id} post={post} showProject />
                ))}
              </div>
            )}
          </section>
        </div>

        <aside aria-labelledby="actualites" className="self-start border border-grey-200 bg-grey-50 p-5">
          <h2 id="actualites" className="text-xl">
            Actualités
          </h2>
          {issues.length === 0 ? (
            <p className="mt-3">Aucun numéro publié pour le moment.</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {issues.map((i) => (
                <li key={i.id}>
                  <Link href={`/reseaux/${network.slug}/actualites/${i.number}`} className="font-semibold">
                    N°&nbsp;{i.number} — {i.title}
                  </Link>
                  <span className="block text-sm text-grey-600">
                    {formatDate(new Date(`${i.issueDate}T12:00:00Z`))} ·{" "}
                    {plural(i.posts.length, "article", "articles")}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4 flex flex-col gap-2">
            <Link href={`/reseaux/${network.slug}/actualites`}>Tous les numéros</Link>
            <a href={`/reseaux/${network.slug}/flux.xml`}>Flux Atom des actualités</a>
          </p>
        </aside>
      </div>
    </PageContainer>
  );
}
