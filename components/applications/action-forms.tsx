"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, startTransition, useActionState, useEffect } from "react";
import { Checkbox } from "@/components/form/choice";
import {
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  selectClass,
} from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { createApplication, submitApplication, withdrawApplication } from "@/lib/applications/actions";

/**
 * Submits through the action without React's automatic form reset, so that a
 * refusal (a field error, an expired session) never clears what was typed.
 */
function keepValues(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
}

function FormError({ message }: { message?: string }) {
  return message ? <Alert tone="error">{message}</Alert> : null;
}

/** Starts an application on an open call; the user's organisation is chosen when they have several. */
export function CreateApplicationForm({
  callId,
  callTitle,
  organisations,
}: {
  callId: string;
  callTitle: string;
  organisations: { id: number; name: string }[];
}) {
  const [state, action, pending] = useActionState(createApplication, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const prefix = `create-${callId}`;
  return (
    <form action={action} onSubmit={keepValues(action)} className="mt-4 flex flex-col gap-4" noValidate>
      <input type="hidden" name="callId" value={callId} />
      {organisations.length === 1 ? (
        <input type="hidden" name="organisationId" value={organisations[0]?.id} />
      ) : (
        <Field
          id={`${prefix}-organisation`}
          label="Collectivité chef de file"
          error={errors?.organisationId?.[0]}
        >
          {(aria) => (
            <select {...aria} name="organisationId" className={selectClass}>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        id={`${prefix}-title`}
        label="Titre provisoire du projet"
        hint={`Pour l’appel «\u00a0${callTitle}\u00a0». Vous pourrez le modifier.`}
        error={errors?.title?.[0]}
      >
        {(aria) => <input {...aria} name="title" required className={inputClass} />}
      </Field>
      <FormError message={state && !state.ok && !errors ? state.message : undefined} />
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Créer le dossier
        </button>
      </div>
    </form>
  );
}

/** Submission: one button; the server checks the deadline and completeness again. */
export function SubmitApplicationForm({
  applicationId,
  disabled,
}: {
  applicationId: string;
  disabled: boolean;
}) {
  const [state, action, pending] = useActionState(submitApplication, null);
  const router = useRouter();
  // Submitted: the action answers with the receipt's address (a redirect would make the
  // server render the receipt inside its answer); the button stays busy until it opens.
  const receiptPath = state?.ok ? state.data.receiptPath : null;
  useEffect(() => {
    if (receiptPath) router.push(receiptPath);
  }, [receiptPath, router]);
  const busy = pending || receiptPath !== null;
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      <FormError message={state && !state.ok ? state.message : undefined} />
      <div>
        <button
          type="submit"
          className={primaryButtonClass}
          disabled={busy || disabled}
          aria-disabled={disabled}
        >
          {busy ? "Dépôt en cours…" : "Déposer le dossier"}
        </button>
      </div>
    </form>
  );
}

/** Withdrawal, with a reason and an explicit confirmation. */
export function WithdrawApplicationForm({ applicationId }: { applicationId: string }) {
  const [state, action, pending] = useActionState(withdrawApplication, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) return <p role="status">Le dossier a été retiré.</p>;
  return (
    <details className="border border-grey-200 p-4">
      <summary className="cursor-pointer font-medium">Retirer ce dossier</summary>
      <form action={action} onSubmit={keepValues(action)} className="mt-4 flex flex-col gap-4" noValidate>
        <input type="hidden" name="applicationId" value={applicationId} />
        <Field id="withdraw-reason" label="Motif du retrait" error={errors?.reason?.[0]}>
          {(aria) => <textarea {...aria} name="reason" rows={3} className={inputClass} />}
        </Field>
        <div className="flex flex-col gap-1">
          <Checkbox
            id="withdraw-confirm"
            name="confirm"
            aria-describedby={errors?.confirm ? "withdraw-confirm-error" : undefined}
            label={"Je confirme le retrait\u00a0: le dossier ne pourra plus être instruit."}
          />
          {errors?.confirm ? (
            <p id="withdraw-confirm-error" className="fr-error-text">
              {errors.confirm[0]}
            </p>
          ) : null}
        </div>
        <FormError message={state && !state.ok && !errors ? state.message : undefined} />
        <div>
          <button type="submit" className={secondaryButtonClass} disabled={pending}>
            Retirer le dossier
          </button>
        </div>
      </form>
    </details>
  );
}
