"use client";

import { useActionState } from "react";
import { secondaryButtonClass, selectClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { assignReviewer } from "@/lib/assignment/actions";

/** Adds one reviewer, chosen by hand, to one application. */
export function ManualAssignmentForm({
  applicationId,
  label,
  options,
}: {
  applicationId: string;
  /** The application, for the field's accessible name. */
  label: string;
  options: { id: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(assignReviewer, null);
  const id = `assign-${applicationId}`;
  if (options.length === 0)
    return <p className="text-sm text-grey-600">Aucun autre instructeur disponible.</p>;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="applicationId" value={applicationId} />
      <label htmlFor={id} className="sr-only">
        Instructeur à affecter au dossier {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <select id={id} name="reviewerId" className={`${selectClass} w-auto`}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className={secondaryButtonClass}
          disabled={pending}
          aria-label={`Affecter au dossier ${label}`}
        >
          Affecter
        </button>
      </div>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
