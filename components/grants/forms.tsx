"use client";

import { type FormEvent, startTransition, useActionState } from "react";
import { FormMessage, fieldError } from "@/components/followup/form-state";
import { Checkbox, Radio } from "@/components/form/choice";
import { Field, inputClass, primaryButtonClass } from "@/components/form/field";
import { formatAmountInput } from "@/lib/applications/amounts";
import {
  recordGrantPayment,
  reviewGrantReport,
  sendCallAgreements,
  signGrantAgreement,
  submitProgressReport,
} from "@/lib/grants/actions";
import type { ActionResult } from "@/lib/result";

type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * The form's action, submitted by hand rather than through `action`: React
 * resets a form after its action, which would empty a refused report the
 * laureate spent an hour writing. Here what was typed stays until it is sent.
 */
function useKeptForm<T>(action: Action<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return { state, onSubmit, pending };
}

export function SendAgreementsForm({ callId, count }: { callId: string; count: number }) {
  const { state, onSubmit, pending } = useKeptForm(sendCallAgreements);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="callId" value={callId} />
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {count > 1 ? `Envoyer les ${count} conventions` : "Envoyer la convention"}
        </button>
      </div>
      <FormMessage
        state={state}
        success={
          state?.ok
            ? `${state.data.sent} convention${state.data.sent > 1 ? "s envoyées" : " envoyée"} aux lauréats.`
            : undefined
        }
      />
    </form>
  );
}

export function SignAgreementForm({ applicationId, version }: { applicationId: string; version: number }) {
  const { state, onSubmit, pending } = useKeptForm(signGrantAgreement);
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="version" value={version} />
      <Field
        id="signatory-name"
        label="Nom du signataire habilité"
        error={fieldError(state, "signatoryName")}
      >
        {(props) => <input {...props} name="signatoryName" autoComplete="name" className={inputClass} />}
      </Field>
      <Field
        id="signatory-function"
        label="Fonction"
        hint={"Par exemple «\u00a0Maire\u00a0» ou «\u00a0Président du conseil départemental\u00a0»."}
        error={fieldError(state, "signatoryFunction")}
      >
        {(props) => (
          <input
            {...props}
            name="signatoryFunction"
            autoComplete="organization-title"
            className={inputClass}
          />
        )}
      </Field>
      <div className={fieldError(state, "accept") ? "fr-input-group fr-input-group--error" : ""}>
        <Checkbox
          id="signatory-accept"
          name="accept"
          value="yes"
          label="J’ai qualité pour engager la collectivité et j’accepte la convention au nom de son signataire habilité."
          aria-describedby={fieldError(state, "accept") ? "signatory-accept-message" : undefined}
        />
        {fieldError(state, "accept") ? (
          <p id="signatory-accept-message" className="fr-error-text">
            {fieldError(state, "accept")}
          </p>
        ) : null}
      </div>
      <div className="mt-2">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Signer la convention
        </button>
      </div>
      <FormMessage state={state} success="Convention signée. Le premier versement est mis en paiement." />
    </form>
  );
}

export type ExpenseLine = { id: string; label: string; plannedCents: number; actualCents?: number };

export function ReportForm({
  applicationId,
  position,
  label,
  lines,
  previous,
}: {
  applicationId: string;
  position: number;
  label: string;
  lines: ExpenseLine[];
  /** The report sent back for more, to complete rather than rewrite. */
  previous?: { body: string; results: string; difficulties: string } | null;
}) {
  const { state, onSubmit, pending } = useKeptForm(submitProgressReport);
  const p = `report-${position}`;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="position" value={position} />
      <Field
        id={`${p}-body`}
        label="Ce qui a été réalisé"
        hint="Activités menées sur la période, avec le partenaire."
        error={fieldError(state, "body")}
      >
        {(props) => (
          <textarea {...props} name="body" rows={6} defaultValue={previous?.body} className={inputClass} />
        )}
      </Field>
      <Field id={`${p}-results`} label="Résultats obtenus" error={fieldError(state, "results")}>
        {(props) => (
          <textarea
            {...props}
            name="results"
            rows={4}
            defaultValue={previous?.results}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id={`${p}-difficulties`}
        label="Difficultés rencontrées (facultatif)"
        error={fieldError(state, "difficulties")}
      >
        {(props) => (
          <textarea
            {...props}
            name="difficulties"
            rows={3}
            defaultValue={previous?.difficulties}
            className={inputClass}
          />
        )}
      </Field>
      <fieldset className="fr-fieldset mt-4">
        <legend className="fr-fieldset__legend">Dépenses réelles, ligne par ligne du budget</legend>
        {lines.map((line, i) => (
          <div key={line.id} className="fr-fieldset__element">
            <Field
              id={`${p}-actual-${i}`}
              label={`${line.label} (prévu\u00a0: ${formatAmountInput(line.plannedCents)}\u00a0€)`}
              hint="Montant dépensé en euros."
              error={fieldError(state, `actual.${i}`)}
            >
              {(props) => (
                <input
                  {...props}
                  name="actual"
                  inputMode="decimal"
                  defaultValue={line.actualCents !== undefined ? formatAmountInput(line.actualCents) : ""}
                  className={`${inputClass} max-w-xs`}
                />
              )}
            </Field>
          </div>
        ))}
      </fieldset>
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Envoyer le {label.toLowerCase()}
        </button>
      </div>
      <FormMessage
        state={state}
        success="Rapport envoyé. La délégation l’examine et vous répondra par e-mail."
      />
    </form>
  );
}

export function ReviewReportForm({ applicationId, reportId }: { applicationId: string; reportId: string }) {
  const { state, onSubmit, pending } = useKeptForm(reviewGrantReport);
  const p = `review-${reportId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="reportId" value={reportId} />
      <fieldset className={`fr-fieldset ${fieldError(state, "outcome") ? "fr-fieldset--error" : ""}`}>
        <legend className="fr-fieldset__legend">Suite donnée au rapport</legend>
        <div className="fr-fieldset__element">
          <Radio
            id={`${p}-accept`}
            name="outcome"
            value="accept"
            label="Valider le rapport (le versement suivant est mis en paiement)"
          />
        </div>
        <div className="fr-fieldset__element">
          <Radio
            id={`${p}-changes`}
            name="outcome"
            value="changes"
            label="Demander des compléments au lauréat"
          />
        </div>
        {fieldError(state, "outcome") ? (
          <p className="fr-error-text">{fieldError(state, "outcome")}</p>
        ) : null}
      </fieldset>
      <Field
        id={`${p}-comment`}
        label="Commentaire"
        hint={
          "Obligatoire pour une demande de compléments\u00a0: le lauréat le lit dans son espace et par e-mail."
        }
        error={fieldError(state, "comment")}
      >
        {(props) => <textarea {...props} name="comment" rows={3} className={inputClass} />}
      </Field>
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Enregistrer
        </button>
      </div>
      <FormMessage state={state} success="Suite enregistrée et envoyée au lauréat." />
    </form>
  );
}

export function PaymentForm({
  applicationId,
  instalmentId,
  plannedCents,
  label,
}: {
  applicationId: string;
  instalmentId: string;
  plannedCents: number;
  label: string;
}) {
  const { state, onSubmit, pending } = useKeptForm(recordGrantPayment);
  const p = `payment-${instalmentId}`;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex max-w-xl flex-col gap-2"
      aria-label={`Versement\u00a0: ${label}`}
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="instalmentId" value={instalmentId} />
      <Field id={`${p}-date`} label="Date du versement" error={fieldError(state, "paidOn")}>
        {(props) => <input {...props} type="date" name="paidOn" className={`${inputClass} max-w-xs`} />}
      </Field>
      <Field id={`${p}-amount`} label="Montant versé (euros)" error={fieldError(state, "paidAmount")}>
        {(props) => (
          <input
            {...props}
            name="paidAmount"
            inputMode="decimal"
            defaultValue={formatAmountInput(plannedCents)}
            className={`${inputClass} max-w-xs`}
          />
        )}
      </Field>
      <Field
        id={`${p}-reference`}
        label="Référence du paiement"
        hint="Numéro de mandat ou de demande de paiement."
        error={fieldError(state, "reference")}
      >
        {(props) => <input {...props} name="reference" className={`${inputClass} max-w-xs`} />}
      </Field>
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Enregistrer le versement
        </button>
      </div>
      <FormMessage state={state} success="Versement enregistré. L’avis de versement est envoyé au lauréat." />
    </form>
  );
}
