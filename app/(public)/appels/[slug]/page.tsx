import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CallStatusBadge } from "@/components/public/call-status-badge";
import { DateTime } from "@/components/public/date-time";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Markdown } from "@/components/ui/markdown";
import { PageContainer } from "@/components/ui/page-container";
import { TableScroll } from "@/components/ui/table-scroll";
import { countryName, sortByCountryName } from "@/lib/countries";
import {
  formatCount,
  formatCountOf,
  formatMoneyCents,
  formatPercent,
  frenchSpacing,
  rate,
} from "@/lib/format";
import { APPLY_PATH, type CallDetail, getCallBySlug } from "@/lib/public/calls";
import { documentTypesLabel, organisationDisplayName } from "@/lib/public/labels";
import { laureateFiltersQuery, laureateFiltersSchema } from "@/lib/public/laureate-filters";
import { listLaureates } from "@/lib/public/laureates";

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

/**
 * The results of a call whose results are published: its figures, and its
 * laureates (the first page of the list, in the list's order; the whole list
 * is one link away).
 */
async function CallResults({ call }: { call: CallDetail }) {
  const { total, items } = await listLaureates(laureateFiltersSchema.parse({ call: call.slug }));
  const acceptance = rate(total, call.submittedCount);
  const listHref = `/laureats${laureateFiltersQuery({ call: call.slug })}`;
  return (
    <section aria-labelledby="resultats" className="mb-10">
      <h2 id="resultats" className="text-2xl">
        Résultats
      </h2>
      <p className="mt-3 max-w-3xl">
        {formatCountOf(call.submittedCount, "dossier déposé", "dossiers déposés")},{" "}
        {formatCountOf(total, "projet lauréat", "projets lauréats")}
        {acceptance !== null && <> (taux de sélection&nbsp;: {formatPercent(acceptance)})</>}
        {call.grantedCents !== null && total > 0 && (
          <>, pour un montant total accordé de {formatMoneyCents(call.grantedCents)}</>
        )}
        .
      </p>
      {items.length > 0 && (
        <TableScroll className="mt-4" label="Projets lauréats de l’appel">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">
              Projets lauréats de l’appel, avec leur chef de file, leurs partenaires étrangers et le montant
              accordé
            </caption>
            <thead>
              <tr className="border-b-2 border-grey-800">
                <th scope="col" className="py-2 pr-4">
                  Projet
                </th>
                <th scope="col" className="py-2 pr-4">
                  Chef de file
                </th>
                <th scope="col" className="py-2 pr-4">
                  Partenaires étrangers
                </th>
                <th scope="col" className="py-2 text-right whitespace-nowrap">
                  Montant accordé
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((laureate) => (
                <tr key={laureate.id} className="border-b border-grey-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link href={`/laureats/${laureate.id}`} prefetch={false}>
                      {frenchSpacing(laureate.title)}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">{organisationDisplayName(laureate.lead)}</td>
                  <td className="py-2 pr-4">
                    {laureate.foreignPartners.length === 0
                      ? "—"
                      : laureate.foreignPartners
                          .map((p) => `${p.name} (${countryName(p.countryCode)})`)
                          .join(", ")}
                  </td>
                  <td className="py-2 text-right tabular-nums whitespace-nowrap">
                    {formatMoneyCents(laureate.grantedAmountCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {total > items.length && (
        <p className="mt-4">
          <Link href={listHref}>Voir les {formatCount(total)} projets lauréats de cet appel</Link>
        </p>
      )}
    </section>
  );
}

export default async function CallPage({ params }: Props) {
  const call = await load((await params).slug);
  if (!call) notFound();

  const totalWeight = call.criteria.reduce((sum, c) => sum + c.weight, 0);

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
        <aside
          aria-labelledby="en-bref"
          className="self-start lg:col-start-2 lg:row-start-1 border border-grey-200 bg-grey-50 p-5"
        >
          <h2 id="en-bref" className="text-xl">
            En bref
          </h2>
          <dl className="mt-4 space-y-3 text-sm">
            <div>
              <dt className="font-semibold">Ouverture</dt>
              <dd>
                <DateTime value={call.opensAt} withTime />
              </dd>
            </div>
            <div>
              <dt className="font-semibold">Date limite de dépôt</dt>
              <dd>
                <DateTime value={call.closesAt} withTime /> (heure de Paris)
              </dd>
            </div>
            {call.resultsPublishedAt && call.status === "results_published" && (
              <div>
                <dt className="font-semibold">Résultats publiés</dt>
                <dd>
                  <DateTime value={call.resultsPublishedAt} />
                </dd>
              </div>
            )}
            <div>
              <dt className="font-semibold">Subvention maximale par projet</dt>
              <dd>{formatMoneyCents(call.maxGrantCents)}</dd>
            </div>
            <div>
              <dt className="font-semibold">Part maximale du budget du projet</dt>
              <dd>{call.maxSharePercent}&nbsp;%</dd>
            </div>
            <div>
              <dt className="font-semibold">Enveloppe de l’appel</dt>
              <dd>{formatMoneyCents(call.envelopeCents)}</dd>
            </div>
            {call.status !== "open" && call.status !== "upcoming" && (
              <div>
                <dt className="font-semibold">Dossiers déposés</dt>
                <dd>{formatCount(call.submittedCount)}</dd>
              </div>
            )}
            {call.laureateCount !== null && (
              <div>
                <dt className="font-semibold">Projets lauréats</dt>
                <dd>{formatCount(call.laureateCount)}</dd>
              </div>
            )}
          </dl>
          {call.status === "open" && (
            <>
              <p className="mt-5">
                <Link
                  href={APPLY_PATH}
                  prefetch={false}
                  className="inline-block bg-blue-france px-4 py-2 font-semibold text-white no-underline hover:bg-blue-france-hover"
                >
                  Déposer un dossier
                </Link>
              </p>
              <p className="mt-2 text-sm text-grey-800">
                Le dossier est déposé en ligne par un agent de la collectivité chef de file, après connexion.
              </p>
            </>
          )}
          {call.status === "results_published" && (
            <p className="mt-5">
              <Link href={`/laureats${laureateFiltersQuery({ call: call.slug })}`}>
                Voir les lauréats de cet appel
              </Link>
            </p>
          )}
        </aside>
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
              <ul className="mt-3 flex flex-wrap gap-2">
                {call.themes.map((theme) => (
                  <li key={theme} className="bg-blue-france-50 px-3 py-1 text-sm text-blue-france">
                    {theme}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="grille" className="mt-10">
            <h2 id="grille" className="text-2xl">
              Grille d’évaluation
            </h2>
            {call.criteria.length === 0 ? (
              <p className="mt-3">La grille d’évaluation n’est pas encore publiée.</p>
            ) : (
              <TableScroll className="mt-3" label="Critères d’évaluation de l’appel">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">
                    Critères d’évaluation de l’appel, avec leur coefficient et leur note maximale
                  </caption>
                  <thead>
                    <tr className="border-b-2 border-grey-800">
                      <th scope="col" className="py-2 pr-4">
                        Critère
                      </th>
                      <th scope="col" className="px-2 py-2 text-right whitespace-nowrap sm:px-4">
                        Coefficient
                      </th>
                      <th scope="col" className="py-2 pl-2 text-right whitespace-nowrap sm:pl-4">
                        Note sur
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {call.criteria.map((criterion) => (
                      <tr key={criterion.id} className="border-b border-grey-200 align-top">
                        <th scope="row" className="py-3 pr-4 font-normal">
                          <span className="font-semibold">{criterion.label}</span>
                          {criterion.helpText && (
                            <span className="mt-1 block text-grey-600">{criterion.helpText}</span>
                          )}
                        </th>
                        <td className="px-2 py-3 text-right tabular-nums sm:px-4">
                          {criterion.weight}
                          {totalWeight === 100 ? "\u00a0%" : ""}
                        </td>
                        <td className="py-3 pl-2 text-right tabular-nums sm:pl-4">{criterion.maxScore}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby="pieces" className="mt-10">
            <h2 id="pieces" className="text-2xl">
              Pièces à joindre
            </h2>
            {call.documents.length === 0 ? (
              <p className="mt-3">Aucune pièce n’est demandée pour cet appel.</p>
            ) : (
              <ul className="mt-3 space-y-3">
                {call.documents.map((doc) => (
                  <li key={doc.id} className="border-l-4 border-grey-200 pl-4">
                    <span className="font-semibold">{doc.label}</span>{" "}
                    <span className="text-sm text-grey-600">
                      ({doc.mandatory ? "obligatoire" : "facultative"}
                      {doc.acceptedTypes.length > 0 &&
                        ` — formats acceptés\u00a0: ${documentTypesLabel(doc.acceptedTypes)}`}
                      )
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </PageContainer>
  );
}
