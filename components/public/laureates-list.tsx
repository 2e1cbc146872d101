import type { Metadata } from "next";
import Link from "next/link";
import { LaureateCard } from "@/components/public/laureate-card";
import { LaureateFiltersForm } from "@/components/public/laureate-filters-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { Pagination } from "@/components/ui/pagination";
import { countryName } from "@/lib/countries";
import { formatCount } from "@/lib/format";
import {
  LAUREATES_PAGE_SIZE,
  type LaureateFilters,
  laureateFiltersQuery,
  pageCount,
} from "@/lib/public/laureate-filters";
import { type FilterOptions, laureateFilterOptions, listLaureates } from "@/lib/public/laureates";

/** Metadata of the list, whichever route renders it (the canonical URL is the unfiltered list). */
export const laureatesMetadata: Metadata = {
  title: "Projets lauréats",
  description:
    "Les projets de coopération décentralisée soutenus par le ministère\u00a0: collectivités françaises, partenaires étrangers, pays, appel et montant accordé.",
  alternates: { canonical: "/laureats" },
  openGraph: { title: "Projets lauréats", url: "/laureats" },
};

/**
 * The laureates list for some filters. Rendered by the cached route
 * app/(public)/laureats-filtres/[filtres] (see lib/public/laureates-routing.ts)
 * and, for a free-text search, per request by app/(public)/laureats.
 */
export async function LaureatesList({
  filters,
  loaded,
}: {
  filters: LaureateFilters;
  /** The list and the options when the route read them already (the cached route checks the filters with them). */
  loaded?: { list: Awaited<ReturnType<typeof listLaureates>>; options: FilterOptions };
}) {
  const [{ total, items }, options] = loaded
    ? [loaded.list, loaded.options]
    : await Promise.all([listLaureates(filters), laureateFilterOptions(filters)]);
  const pages = pageCount(total);
  const firstShown = (filters.page - 1) * LAUREATES_PAGE_SIZE + 1;

  const active: string[] = [];
  if (filters.year !== undefined) active.push(`année ${filters.year}`);
  if (filters.call)
    active.push(`appel « ${options.calls.find((c) => c.slug === filters.call)?.title ?? filters.call} »`);
  if (filters.region)
    active.push(`région ${options.regions.find((r) => r.code === filters.region)?.name ?? filters.region}`);
  if (filters.departement) {
    const departement = options.departements.find((d) => d.code === filters.departement);
    active.push(
      `département ${departement ? `${departement.name} (${departement.code})` : filters.departement}`,
    );
  }
  if (filters.country) active.push(`pays ${countryName(filters.country)}`);
  if (filters.theme) active.push(`thème « ${filters.theme} »`);
  if (filters.query) active.push(`recherche « ${filters.query} »`);

  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/", label: "Accueil" }, { label: "Lauréats" }]} />
      <h1 className="text-3xl">Projets lauréats</h1>
      <p className="mt-3 max-w-3xl text-lg text-grey-800">
        Les projets retenus par le ministère, dont les résultats ont été publiés. Recherchez par mot-clé ou
        filtrez par année, appel à projets, région ou département de la collectivité française, pays du
        partenaire étranger ou thème.
      </p>

      <div className="mt-8">
        <LaureateFiltersForm filters={filters} options={options} />
      </div>

      <section aria-labelledby="resultats" className="mt-8">
        <h2 id="resultats" className="text-xl">
          {total === 0
            ? "Aucun projet lauréat"
            : total === 1
              ? "1 projet lauréat"
              : `${formatCount(total)} projets lauréats`}
          {active.length > 0 && <span className="font-normal"> — {active.join(", ")}</span>}
        </h2>
        {total > 0 && items.length > 0 && pages > 1 && (
          <p className="mt-1 text-sm text-grey-600">
            Résultats {formatCount(firstShown)} à {formatCount(firstShown + items.length - 1)}, page{" "}
            {filters.page} sur {pages}
          </p>
        )}

        {total > 0 && items.length === 0 && (
          <p className="mt-4">
            Cette page n’existe pas pour ces filtres.{" "}
            <Link href={`/laureats${laureateFiltersQuery({ ...filters, page: 1 })}`}>
              Revenir à la première page
            </Link>
            .
          </p>
        )}
        {total === 0 && (
          <p className="mt-4">
            Aucun projet lauréat ne correspond à ces critères.{" "}
            <Link href="/laureats">Voir tous les lauréats</Link>.
          </p>
        )}

        {items.length > 0 && (
          <ol className="mt-4 grid gap-4 lg:grid-cols-2">
            {items.map((laureate) => (
              <li key={laureate.id} className="flex">
                <LaureateCard laureate={laureate} />
              </li>
            ))}
          </ol>
        )}

        <Pagination
          page={filters.page}
          pageCount={pages}
          hrefFor={(page) => `/laureats${laureateFiltersQuery({ ...filters, page })}`}
        />
      </section>
    </PageContainer>
  );
}
