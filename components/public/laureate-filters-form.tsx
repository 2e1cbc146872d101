import Link from "next/link";
import { countryName } from "@/lib/countries";
import { FILTER_PARAMS, type LaureateFilters, SEARCH_MAX_LENGTH } from "@/lib/public/laureate-filters";
import type { FilterOptions } from "@/lib/public/laureates";

const selectClass =
  "mt-1 block w-full rounded-t-sm border-0 border-b-2 border-grey-800 bg-grey-50 px-3 py-2 text-base text-grey-950";
const labelClass = "block text-sm font-semibold text-grey-950";

/**
 * A plain GET form: it works without JavaScript and the resulting URL can be
 * shared. Changing a filter starts again from page 1 (no page field).
 */
export function LaureateFiltersForm({
  filters,
  options,
}: {
  filters: LaureateFilters;
  options: FilterOptions;
}) {
  const callsByYear = new Map<number, FilterOptions["calls"]>();
  for (const call of options.calls) callsByYear.set(call.year, [...(callsByYear.get(call.year) ?? []), call]);

  return (
    <form method="get" action="/laureats" className="border border-grey-200 bg-white p-5 print:hidden">
      <h2 className="text-lg">Rechercher et filtrer</h2>
      <div className="mt-4">
        <label htmlFor="filtre-recherche" className={labelClass}>
          Rechercher
          <span id="filtre-recherche-aide" className="block text-xs font-normal text-grey-600">
            Titre, résumé, collectivités, partenaires, opérateurs ou pays ; les accents et les majuscules sont
            ignorés (ex. : « Thiers », « eau potable », « Arménie »)
          </span>
        </label>
        <input
          id="filtre-recherche"
          type="search"
          name={FILTER_PARAMS.query}
          defaultValue={filters.query ?? ""}
          maxLength={SEARCH_MAX_LENGTH}
          aria-describedby="filtre-recherche-aide"
          className={selectClass}
        />
      </div>
      <div className="mt-4 grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <label htmlFor="filtre-annee" className={labelClass}>
            Année
          </label>
          <select
            id="filtre-annee"
            name={FILTER_PARAMS.year}
            defaultValue={filters.year ?? ""}
            className={selectClass}
          >
            <option value="">Toutes les années</option>
            {options.years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-appel" className={labelClass}>
            Appel à projets
          </label>
          <select
            id="filtre-appel"
            name={FILTER_PARAMS.call}
            defaultValue={filters.call ?? ""}
            className={selectClass}
          >
            <option value="">Tous les appels</option>
            {[...callsByYear].map(([year, calls]) => (
              <optgroup key={year} label={year === 0 ? "Autre" : String(year)}>
                {calls.map((call) => (
                  <option key={call.slug} value={call.slug}>
                    {call.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-region" className={labelClass}>
            Région
            <span className="block text-xs font-normal text-grey-600">Chef de file ou co-demandeur</span>
          </label>
          <select
            id="filtre-region"
            name={FILTER_PARAMS.region}
            defaultValue={filters.region ?? ""}
            className={selectClass}
          >
            <option value="">Toutes les régions</option>
            {options.regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-pays" className={labelClass}>
            Pays
            <span className="block text-xs font-normal text-grey-600">Du partenaire étranger</span>
          </label>
          <select
            id="filtre-pays"
            name={FILTER_PARAMS.country}
            defaultValue={filters.country ?? ""}
            className={selectClass}
          >
            <option value="">Tous les pays</option>
            {options.countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-theme" className={labelClass}>
            Thème
            <span className="block text-xs font-normal text-grey-600">Choisi par le porteur du projet</span>
          </label>
          <select
            id="filtre-theme"
            name={FILTER_PARAMS.theme}
            defaultValue={filters.theme ?? ""}
            className={selectClass}
          >
            <option value="">Tous les thèmes</option>
            {options.themes.map((theme) => (
              <option key={theme} value={theme}>
                {theme}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-4">
        <button
          type="submit"
          className="bg-blue-france px-5 py-2 font-semibold text-white hover:bg-blue-france-hover"
        >
          Filtrer
        </button>
        <Link href="/laureats" className="text-sm">
          Effacer les filtres
        </Link>
      </div>
    </form>
  );
}
