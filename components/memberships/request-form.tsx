"use client";

import { useActionState } from "react";
import { primaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { requestMembership } from "@/lib/memberships/actions";

type Option = { id: number; label: string };

/** Choosing one organisation among the search results, then asking to join it. */
export function RequestMembershipForm({ options }: { options: Option[] }) {
  const [state, action, pending] = useActionState(requestMembership, null);
  const error = state && !state.ok ? (state.fieldErrors?.organisationId?.[0] ?? state.message) : undefined;
  return (
    <form action={action} className="mt-4">
      <fieldset aria-describedby={error ? "organisation-error" : undefined}>
        <legend className="font-medium">Résultats&nbsp;: choisissez votre organisation</legend>
        <ul className="mt-2 flex flex-col gap-2">
          {options.map((option, index) => (
            <li key={option.id}>
              <label className="flex items-center gap-2">
                <input type="radio" name="organisationId" value={option.id} defaultChecked={index === 0} />
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error ? (
        <p id="organisation-error" className="mt-2 text-sm text-red-marianne-dark">
          {error}
        </p>
      ) : null}
      {state?.ok ? (
        <Alert tone="success" className="mt-2">
          Demande envoyée&nbsp;: un gestionnaire de l’organisation ou un administrateur doit la confirmer.
        </Alert>
      ) : null}
      <button type="submit" className={`${primaryButtonClass} mt-4`} disabled={pending}>
        Demander le rattachement
      </button>
    </form>
  );
}
