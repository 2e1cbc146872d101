"use client";

import { useActionState } from "react";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { publishResults, unpublishResults } from "@/lib/publication/actions";

/** The one button that publishes a call's results, after the summary above it. */
export function PublishResultsForm({ callId, disabled }: { callId: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(publishResults, null);
  return (
    <form action={action} className="mt-6 flex flex-col gap-2">
      <input type="hidden" name="callId" value={callId} />
      {state?.ok ? (
        <Alert tone="success">
          Résultats publiés. {state.data.emails} courriel{state.data.emails > 1 ? "s" : ""} de décision mis en
          file d’envoi.
        </Alert>
      ) : (
        <div>
          <button type="submit" className={primaryButtonClass} disabled={pending || disabled}>
            Confirmer la publication des résultats
          </button>
        </div>
      )}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}

/** Withdraws published results; a reason is required and kept in the audit trail. */
export function UnpublishResultsForm({ callId }: { callId: string }) {
  const [state, action, pending] = useActionState(unpublishResults, null);
  const error = state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined;
  return (
    <form action={action} className="mt-4 flex max-w-2xl flex-col gap-3">
      <input type="hidden" name="callId" value={callId} />
      <Field
        id="unpublish-reason"
        label="Motif du retrait"
        hint="Il est conservé dans le journal d’audit et envoyé aux candidats. Les décisions ne seront plus visibles du public."
        error={error}
      >
        {(aria) => <textarea name="reason" rows={3} className={inputClass} {...aria} />}
      </Field>
      {state?.ok ? (
        <Alert tone="success">
          Les résultats ont été retirés de la publication. {state.data.emails} courriel
          {state.data.emails > 1 ? "s" : ""} de retrait mis en file d’envoi.
        </Alert>
      ) : null}
      {state && !state.ok && !error ? <Alert tone="error">{state.message}</Alert> : null}
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Retirer la publication
        </button>
      </div>
    </form>
  );
}
