"use client";

import { useEffect, useId, useRef, useState } from "react";
import { inputClass } from "@/components/form/field";
import { type OrganisationKind, organisationLabel } from "@/lib/organisations/label";

export type OrganisationOption = {
  id: number;
  kind: OrganisationKind;
  name: string;
  inseeCode: string | null;
  siren: string | null;
  departementCode: string | null;
  postcodes: string[];
};

/**
 * Autocomplete over the official list of French local authorities, following
 * the WAI-ARIA APG combobox pattern (list autocomplete, no automatic
 * selection): no option is active when the results arrive, ↓ moves to the
 * first one, ↑ to the last, Enter chooses the active option only, Escape
 * closes. A new keystroke drops the active option, so that Enter never picks
 * an option of an earlier list. Accents and hyphens do not matter:
 * « chambery » finds Chambéry.
 */
export function OrganisationCombobox({
  id,
  label,
  hint,
  excludeIds,
  onSelect,
}: {
  id: string;
  label: string;
  hint: string;
  excludeIds: readonly number[];
  onSelect: (option: OrganisationOption) => void;
}) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<OrganisationOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const request = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setOptions([]);
      setOpen(false);
      setStatus("");
      return;
    }
    const ticket = ++request.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/organisations?q=${encodeURIComponent(q)}`);
        const data = (await response.json()) as { results: OrganisationOption[] };
        if (ticket !== request.current) return;
        const results = data.results.filter((r) => !excludeIds.includes(r.id));
        setOptions(results);
        setOpen(true);
        setActive(-1);
        setStatus(
          results.length === 0
            ? "Aucune collectivité ne correspond."
            : `${results.length} résultat${results.length > 1 ? "s" : ""}\u00a0: flèches haut et bas pour parcourir, Entrée pour choisir.`,
        );
      } catch {
        if (ticket === request.current) setStatus("La recherche n’a pas abouti\u00a0: réessayez.");
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [query, excludeIds]);

  function choose(option: OrganisationOption | undefined) {
    if (!option) return;
    onSelect(option);
    setQuery("");
    setOptions([]);
    setOpen(false);
    setStatus(`${organisationLabel(option)} ajouté.`);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open && options.length) setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (!open && options.length) setOpen(true);
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (event.key === "Enter") {
      if (open && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      }
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  return (
    <div className="relative flex flex-col gap-1">
      <label htmlFor={id} className="fr-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-grey-600">
        {hint}
      </p>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        className={inputClass}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className={`absolute top-full z-10 mt-1 max-h-72 w-full overflow-auto border border-grey-300 bg-white shadow-lg ${
          open && options.length ? "" : "hidden"
        }`}
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-2 ${index === active ? "bg-blue-france text-white" : ""}`}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
            }}
          >
            {organisationLabel(option)}
            {option.kind === "commune" && option.postcodes[0] ? (
              <span className={index === active ? "" : "text-grey-600"}> · {option.postcodes[0]}</span>
            ) : null}
            {option.siren ? <span className="sr-only">, SIREN {option.siren}</span> : null}
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
