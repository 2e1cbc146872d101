import Link from "next/link";
import { Checkbox } from "@/components/form/choice";
import { inputClass, primaryButtonClass, selectClass } from "@/components/form/field";
import { countryName } from "@/lib/countries";
import {
  activeFilterCount,
  activeFiltersLabel,
  LIST_STATUSES,
  type ListFilters,
  PAGE_SIZES,
  SORTS,
} from "@/lib/review/filters";
import { STATUS_LABELS } from "@/lib/review/labels";
import type { listFilterOptions } from "@/lib/review/queries";
import { optionsHtml } from "./options-html";
import { ResetOnHistoryRestore } from "./reset-on-history-restore";

type Options = Awaited<ReturnType<typeof listFilterOptions>>;

/**
 * The dashboard's filters: a plain GET form, so the state lives in the URL.
 * Its controls are uncontrolled (defaultValue), so they show the URL only when
 * they are created: the page keys this form on the list's query string, so
 * that a client navigation (a status or page link, Back, Forward) builds it
 * anew from the URL instead of keeping values typed or restored for another
 * one. `autoComplete="off"` stops the browser from restoring unsubmitted
 * values into a page reloaded by Back, and ResetOnHistoryRestore resets them
 * in a page the browser kept whole (back/forward cache).
 *
 * The filters fold (`<details>`) so that the list starts on the first screen:
 * open when no filter is active (the reviewer came to choose some), folded
 * with « 3 filtres actifs » as its summary once the list is filtered.
 */
export function ReviewFiltersForm({ filters, options }: { filters: ListFilters; options: Options }) {
  const active = activeFilterCount(filters);
  const select = (
    id: string,
    label: string,
    value: string | undefined,
    items: { value: string; label: string }[],
    all: string | null = "Tous",
  ) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="fr-label">
        {label}
      </label>
      {/* The options as one escaped HTML string (options-html.ts): far cheaper to render than one element each. */}
      <select
        id={id}
        name={id}
        className={selectClass}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: every value and label is escaped by optionsHtml
        dangerouslySetInnerHTML={{ __html: optionsHtml(items, value, all) }}
      />
    </div>
  );
  return (
    <details open={active === 0} className="bg-grey-50 ring-1 ring-grey-200">
      <summary className="cursor-pointer p-4 font-bold" data-testid="filters-summary">
        Filtres <span className="font-normal">({activeFiltersLabel(active)})</span>
      </summary>
      <form
        method="get"
        action="/instruction"
        autoComplete="off"
        className="grid gap-4 p-4 pt-0 md:grid-cols-3"
        role="search"
        aria-label="Filtrer les dossiers"
      >
        <ResetOnHistoryRestore />
        <div className="flex flex-col gap-1 md:col-span-3">
          <label htmlFor="q" className="fr-label">
            Rechercher
          </label>
          <p id="q-hint" className="fr-hint-text">
            Titre, résumé, collectivités, partenaires étrangers, opérateurs&nbsp;; les accents sont ignorés.
          </p>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            aria-describedby="q-hint"
            className={`${inputClass} bg-white`}
          />
        </div>
        {select(
          "call",
          "Appel à projets",
          filters.call,
          options.calls.map((c) => ({ value: c.id, label: `${c.year} – ${c.title}` })),
        )}
        {select(
          "status",
          "Statut",
          filters.status,
          LIST_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s })),
        )}
        {select(
          "region",
          "Région du chef de file",
          filters.region,
          options.regions.map((r) => ({ value: r.code, label: r.name })),
          "Toutes",
        )}
        {select(
          "departement",
          "Département du chef de file",
          filters.departement,
          options.departements.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` })),
        )}
        {select(
          "country",
          "Pays d’un partenaire",
          filters.country,
          options.countries.map((c) => ({ value: c, label: countryName(c) })),
        )}
        {select(
          "theme",
          "Thématique",
          filters.theme,
          options.themes.map((t) => ({ value: t, label: t })),
          "Toutes",
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor="scoreMin" className="fr-label">
            Note moyenne minimale (sur 100)
          </label>
          <input
            id="scoreMin"
            name="scoreMin"
            inputMode="decimal"
            defaultValue={filters.scoreMin ?? ""}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="scoreMax" className="fr-label">
            Note moyenne maximale (sur 100)
          </label>
          <input
            id="scoreMax"
            name="scoreMax"
            inputMode="decimal"
            defaultValue={filters.scoreMax ?? ""}
            className={inputClass}
          />
        </div>
        {select(
          "sort",
          "Trier par",
          filters.sort,
          Object.entries(SORTS).map(([value, label]) => ({ value, label })),
          "Dépôt le plus récent",
        )}
        {select(
          "perPage",
          "Dossiers par page",
          String(filters.perPage),
          PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} par page` })),
          null,
        )}
        <fieldset className="flex flex-col gap-2 md:col-span-2">
          <legend className="sr-only">Options</legend>
          <Checkbox
            id="mine"
            name="mine"
            value="1"
            defaultChecked={filters.mine === "1"}
            label="Seulement les dossiers que je dois évaluer"
          />
          <Checkbox
            id="disagreement"
            name="disagreement"
            value="1"
            defaultChecked={filters.disagreement === "1"}
            label="Seulement les dossiers où les instructeurs divergent"
          />
        </fieldset>
        <div className="flex items-end gap-4">
          <button type="submit" className={primaryButtonClass}>
            Filtrer
          </button>
          <Link href="/instruction">Tout effacer</Link>
        </div>
      </form>
    </details>
  );
}
