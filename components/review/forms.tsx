"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import type { ActionResult } from "@/lib/result";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * The answer to a submission. Focus moves to the first field in error, or else
 * to this message, so that keyboard and screen-reader users land on the result;
 * the confirmation is a live region, announced as it appears.
 */
function Outcome({ state, success }: { state: ActionResult<unknown> | null; success: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!state) return;
    const form = ref.current?.closest("form");
    const invalid = !state.ok ? form?.querySelector<HTMLElement>("[aria-invalid=true]") : null;
    (invalid ?? ref.current)?.focus();
  }, [state]);
  if (!state) return null;
  return state.ok ? (
    <p ref={ref} tabIndex={-1} role="status" className="font-medium text-success">
      {success}
    </p>
  ) : (
    <p ref={ref} tabIndex={-1} role="alert" className="font-medium text-red-marianne-dark">
      {state.message}
    </p>
  );
}

const err = (state: ActionResult<unknown> | null, key: string) =>
  state && !state.ok ? state.fieldErrors?.[key]?.join(" ") : undefined;

export type ReviewFormCriterion = {
  id: string;
  label: string;
  helpText: string;
  weight: number;
  maxScore: number;
};

/** Scores per criterion with comments, overall comment and recommendation; draft or submit. */
export function ReviewForm({
  action,
  applicationId,
  grid,
  initial,
}: {
  action: Action;
  applicationId: string;
  grid: ReviewFormCriterion[];
  initial: {
    scores: Record<string, { score: number; comment: string }>;
    overallComment: string;
    recommendation: string | null;
  };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      {grid.map((c, i) => (
        <fieldset key={c.id} className="flex flex-col gap-3 border-l-4 border-blue-france-100 pl-4">
          <legend className="font-bold">
            Critère {i + 1} : {c.label}{" "}
            <span className="font-normal text-grey-600">
              (coefficient {c.weight}, note de 0 à {c.maxScore})
            </span>
          </legend>
          {c.helpText ? <p className="text-sm text-grey-700">{c.helpText}</p> : null}
          <Field id={`score.${c.id}`} label={`Note sur ${c.maxScore}`} error={err(state, `score.${c.id}`)}>
            {(p) => (
              <input
                {...p}
                name={`score.${c.id}`}
                type="number"
                min={0}
                max={c.maxScore}
                step={1}
                defaultValue={initial.scores[c.id]?.score ?? ""}
                className={`${inputClass} max-w-32`}
              />
            )}
          </Field>
          <Field
            id={`comment.${c.id}`}
            label="Commentaire sur ce critère (facultatif)"
            error={err(state, `comment.${c.id}`)}
          >
            {(p) => (
              <textarea
                {...p}
                name={`comment.${c.id}`}
                rows={2}
                defaultValue={initial.scores[c.id]?.comment ?? ""}
                className={inputClass}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <Field
        id="overallComment"
        label="Avis général"
        hint="Obligatoire pour soumettre."
        error={err(state, "overallComment")}
      >
        {(p) => (
          <textarea
            {...p}
            name="overallComment"
            rows={4}
            defaultValue={initial.overallComment}
            className={inputClass}
          />
        )}
      </Field>
      <fieldset aria-describedby={err(state, "recommendation") ? "recommendation-error" : undefined}>
        <legend className="font-medium">Recommandation</legend>
        {[
          ["accept", "Favorable"],
          ["reservations", "Favorable avec réserves"],
          ["reject", "Défavorable"],
        ].map(([value, label]) => (
          <label key={value} className="mt-1 flex items-center gap-2">
            <input
              type="radio"
              name="recommendation"
              value={value}
              defaultChecked={initial.recommendation === value}
            />
            {label}
          </label>
        ))}
        {err(state, "recommendation") ? (
          <p id="recommendation-error" className="text-sm font-medium text-red-marianne-dark">
            {err(state, "recommendation")}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <button type="submit" name="intent" value="draft" className={secondaryButtonClass} disabled={pending}>
          Enregistrer le brouillon
        </button>
        <button type="submit" name="intent" value="submit" className={primaryButtonClass} disabled={pending}>
          Soumettre l’évaluation
        </button>
      </div>
      <Outcome state={state} success="Évaluation enregistrée." />
    </form>
  );
}

/** Declaring a conflict of interest, with its reason. */
export function ConflictForm({ action, applicationId }: { action: Action; applicationId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field
        id="conflict-reason"
        label="Raison du conflit d’intérêts"
        hint="Par exemple : lien personnel ou professionnel avec le porteur."
        error={err(state, "reason")}
      >
        {(p) => <textarea {...p} name="reason" rows={3} className={inputClass} />}
      </Field>
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Déclarer un conflit d’intérêts
        </button>
      </div>
      <Outcome state={state} success="Conflit d’intérêts déclaré." />
    </form>
  );
}

/** Asking the applicant for more information. */
export function InformationRequestForm({
  action,
  applicationId,
}: {
  action: (
    prev: ActionResult<{ recipients: number }> | null,
    formData: FormData,
  ) => Promise<ActionResult<{ recipients: number }>>;
  applicationId: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field
        id="information-message"
        label="Votre demande au porteur"
        hint="Le porteur la reçoit par courriel et y répond depuis son espace."
        error={err(state, "message")}
      >
        {(p) => <textarea {...p} name="message" rows={4} className={inputClass} />}
      </Field>
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Demander des compléments
        </button>
      </div>
      <Outcome
        state={state}
        success={
          state?.ok && state.data.recipients === 0
            ? "Demande enregistrée, mais aucun courriel n’a pu partir : l’organisation porteuse n’a aucun membre actif. Elle verra la demande dans son espace quand un membre la rejoindra ; prévenez-la par un autre moyen."
            : "Demande envoyée au porteur par courriel."
        }
      />
    </form>
  );
}

/** Accept with a granted amount, or reject with a reason. */
export function DecisionForm({
  action,
  applicationId,
  version,
  maxGrantableLabel,
}: {
  action: Action;
  applicationId: string;
  version: number;
  maxGrantableLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [outcome, setOutcome] = useState<"accepted" | "rejected">("accepted");
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="version" value={version} />
      <fieldset>
        <legend className="font-medium">Décision</legend>
        <label className="mt-1 flex items-center gap-2">
          <input
            type="radio"
            name="outcome"
            value="accepted"
            checked={outcome === "accepted"}
            onChange={() => setOutcome("accepted")}
          />
          Accepter
        </label>
        <label className="mt-1 flex items-center gap-2">
          <input
            type="radio"
            name="outcome"
            value="rejected"
            checked={outcome === "rejected"}
            onChange={() => setOutcome("rejected")}
          />
          Refuser
        </label>
      </fieldset>
      {outcome === "accepted" ? (
        <Field
          id="grantedAmount"
          label="Montant accordé (en euros)"
          hint={`Au plus ${maxGrantableLabel}.`}
          error={err(state, "grantedAmount")}
        >
          {(p) => (
            <input {...p} name="grantedAmount" inputMode="decimal" className={`${inputClass} max-w-64`} />
          )}
        </Field>
      ) : (
        <Field id="rejectionReason" label="Motif du refus" error={err(state, "rejectionReason")}>
          {(p) => <textarea {...p} name="rejectionReason" rows={3} className={inputClass} />}
        </Field>
      )}
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Enregistrer la décision
        </button>
      </div>
      <Outcome
        state={state}
        success="Décision enregistrée. Elle restera confidentielle jusqu’à la publication des résultats."
      />
    </form>
  );
}
