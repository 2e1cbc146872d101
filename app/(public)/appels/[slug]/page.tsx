import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CallCriteria, CallDocuments } from "@/components/public/call/grid-and-documents";
import { CallInBrief } from "@/components/public/call/in-brief";
import { CallResults } from "@/components/public/call/results";
import { CallStatusBadge } from "@/components/public/call-status-badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Markdown } from "@/components/ui/markdown";
import { PageContainer } from "@/components/ui/page-container";
import { countryName, sortByCountryName } from "@/lib/countries";
import { frenchSpacing } from "@/lib/format";
import { getCallBySlug } from "@/lib/public/calls";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); at most a minute
// late on what depends on the clock (a call opening or closing), see docs/development.md.
export const revalidate = 60;

// Nothing prerendered at build: each page is rendered on its first request, then cached.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

/** Slugs are lower-case words and digits; anything else cannot be a call (and is not sent to the database). */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

async function load(slug: string) {
  if (!SLUG.test(slug)) return null;
  return getCallBySlug(slug, new Date());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const call = await load((await params).slug);
  if (!call) return { title: "Appel à projets introuvable" };
  const path = `/appels/${call.slug}`;
  const description = `Appel à projets ${call.year} de soutien à la coopération décentralisée\u00a0: règlement, dates, grille d’évaluation et pièces à joindre.`;
  return {
    title: call.title,
    description,
    alternates: { canonical: path },
    openGraph: { title: call.title, description, url: path },
  };
}

export default async function CallPage({ params }: Props) {
  const call = await load((await params).slug);
  if (!call) notFound();

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/", label: "Accueil" },
          { href: "/appels", label: "Appels à projets" },
          { label: frenchSpacing(call.title) },
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <CallStatusBadge status={call.status} />
        <span className="text-grey-600">Appel {call.year}</span>
      </div>
      <h1 className="mt-2 text-3xl">{frenchSpacing(call.title)}</h1>

      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_20rem]">
        <CallInBrief call={call} />
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          {call.status === "results_published" && <CallResults call={call} />}
          {call.descriptionMd.trim() && (
            <section aria-labelledby="presentation">
              <h2 id="presentation" className="text-2xl">
                Présentation
              </h2>
              <Markdown source={call.descriptionMd} className="mt-3" />
            </section>
          )}

          {(call.eligibilityMd.trim() || call.eligibleCountries) && (
            <section aria-labelledby="eligibilite" className="mt-10">
              <h2 id="eligibilite" className="text-2xl">
                Éligibilité
              </h2>
              <Markdown source={call.eligibilityMd} className="mt-3" />
              {call.eligibleCountries && call.eligibleCountries.length > 0 && (
                <p className="mt-3">
                  <strong>Pays éligibles&nbsp;:</strong>{" "}
                  {sortByCountryName(call.eligibleCountries).map(countryName).join(", ")}.
                </p>
              )}
            </section>
          )}

          {call.themes.length > 0 && (
            <section aria-labelledby="thematiques" className="mt-10">
              <h2 id="thematiques" className="text-2xl">
                Thématiques
              </h2>
              <ul className="fr-tags-group mt-3">
                {call.themes.map((theme) => (
                  <li key={theme}>
                    <p className="fr-tag">{theme}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <CallCriteria criteria={call.criteria} />
          <CallDocuments documents={call.documents} />
        </div>
      </div>
    </PageContainer>
  );
}
