import Link from "next/link";
import type { ReactNode } from "react";
import { inputClass, primaryButtonClass, selectClass } from "@/components/form/field";
import { countryName } from "@/lib/countries";
import { FILTER_PARAMS, type LaureateFilters, SEARCH_MAX_LENGTH } from "@/lib/public/laureate-filters";
import type { FilterOptions } from "@/lib/public/laureates";

const optionList = (items: { value: string; label: string }[]) =>
  items.map((item) => (
    <option key={item.value} value={item.value}>
      {item.label}
    </option>
  ));

/** One filter: its label (and hint), « all » first, then the options given. */
function FilterSelect({
  id,
  name,
  label,
  hint,
  value,
  all,
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string | number | undefined;
  all: string;
  children: ReactNode;
}) {
  return (
    <div className="fr-select-group mb-0">
      <label htmlFor={id} className="fr-label">
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{all}</option>
        {children}
      </select>
    </div>
  );
}

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
      <div className="fr-input-group mt-4">
        <label htmlFor="filtre-recherche" className="fr-label">
          Rechercher
          <span id="filtre-recherche-aide" className="fr-hint-text">
            Titre, résumé, collectivités, partenaires, opérateurs ou pays&nbsp;; les accents et les majuscules
            sont ignorés (ex.&nbsp;: «&nbsp;Thiers&nbsp;», «&nbsp;eau potable&nbsp;», «&nbsp;Arménie&nbsp;»)
          </span>
        </label>
        <input
          id="filtre-recherche"
          type="search"
          name={FILTER_PARAMS.query}
          defaultValue={filters.query ?? ""}
          maxLength={SEARCH_MAX_LENGTH}
          aria-describedby="filtre-recherche-aide"
          className={inputClass}
        />
      </div>
      <div className="mt-4 grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <FilterSelect
          id="filtre-annee"
          name={FILTER_PARAMS.year}
          label="Année"
          value={filters.year}
          all="Toutes les années"
        >
          {optionList(options.years.map((year) => ({ value: String(year), label: String(year) })))}
        </FilterSelect>
        <FilterSelect
          id="filtre-appel"
          name={FILTER_PARAMS.call}
          label="Appel à projets"
          value={filters.call}
          all="Tous les appels"
        >
          {[...callsByYear].map(([year, calls]) => (
            <optgroup key={year} label={year === 0 ? "Autre" : String(year)}>
              {optionList(calls.map((call) => ({ value: call.slug, label: call.title })))}
            </optgroup>
          ))}
        </FilterSelect>
        <FilterSelect
          id="filtre-region"
          name={FILTER_PARAMS.region}
          label="Région"
          hint="Chef de file ou co-demandeur"
          value={filters.region}
          all="Toutes les régions"
        >
          {optionList(options.regions.map((region) => ({ value: region.code, label: region.name })))}
        </FilterSelect>
        <FilterSelect
          id="filtre-departement"
          name={FILTER_PARAMS.departement}
          label="Département"
          hint="Chef de file ou co-demandeur"
          value={filters.departement}
          all="Tous les départements"
        >
          {optionList(options.departements.map((d) => ({ value: d.code, label: `${d.name} (${d.code})` })))}
        </FilterSelect>
        <FilterSelect
          id="filtre-pays"
          name={FILTER_PARAMS.country}
          label="Pays"
          hint="Du partenaire étranger"
          value={filters.country}
          all="Tous les pays"
        >
          {optionList(options.countries.map((code) => ({ value: code, label: countryName(code) })))}
        </FilterSelect>
        <FilterSelect
          id="filtre-theme"
          name={FILTER_PARAMS.theme}
          label="Thème"
          hint="Choisi par le porteur du projet"
          value={filters.theme}
          all="Tous les thèmes"
        >
          {optionList(options.themes.map((theme) => ({ value: theme, label: theme })))}
        </FilterSelect>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButtonClass}>
          Filtrer
        </button>
        <Link href="/laureats" className="fr-link">
          Effacer les filtres
        </Link>
      </div>
    </form>
  );
}
