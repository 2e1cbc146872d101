"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Radio } from "@/components/form/choice";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/result";
import { weightedScore } from "@/lib/review/aggregate";
import { formatScore } from "@/lib/review/labels";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * The answer to a submission. Focus moves to the first field in error, or else
 * to this message, so that keyboard and screen-reader users land on the result;
 * the confirmation is a live region, announced as it appears.
 */
export function Outcome({ state, success }: { state: ActionResult<unknown> | null; success: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state) return;
    const form = ref.current?.closest("form");
    const invalid = !state.ok ? form?.querySelector<HTMLElement>("[aria-invalid=true]") : null;
    (invalid ?? ref.current)?.focus();
  }, [state]);
  if (!state) return null;
  return state.ok ? (
    <Alert ref={ref} focusable tone="success">
      {success}
    </Alert>
  ) : (
    <Alert ref={ref} focusable tone="error">
      {state.message}
    </Alert>
  );
}

const err = (state: ActionResult<unknown> | null, key: string) =>
  state && !state.ok ? state.fieldErrors?.[key]?.join(" ") : undefined;

/** The weighted score /100 of the scores typed so far; null until every criterion has a valid score. */
function liveWeightedScore(grid: readonly ReviewFormCriterion[], typed: Record<string, string>) {
  const scores: { criterionId: string; score: number }[] = [];
  for (const c of grid) {
    const raw = (typed[c.id] ?? "").trim();
    const value = Number(raw);
    if (raw === "" || !Number.isInteger(value) || value < 0 || value > c.maxScore) return null;
    scores.push({ criterionId: c.id, score: value });
  }
  return weightedScore(grid, scores);
}

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
  // Scores are controlled: the weighted total follows them while scoring, and they survive a refusal.
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(grid.map((c) => [c.id, String(initial.scores[c.id]?.score ?? "")])),
  );
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const total = liveWeightedScore(grid, scores);
  return (
    <form
      action={formAction}
      className="flex flex-col gap-6"
      noValidate
      onSubmit={() => setConfirming(false)}
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      {grid.map((c, i) => (
        <fieldset key={c.id} className="flex flex-col gap-3 border-l-4 border-blue-france-100 pl-4">
          <legend className="font-bold">
            Critère {i + 1}&nbsp;: {c.label}{" "}
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
                value={scores[c.id] ?? ""}
                onChange={(e) => setScores((prev) => ({ ...prev, [c.id]: e.target.value }))}
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
          <Radio
            key={value}
            id={`recommendation-${value}`}
            name="recommendation"
            value={value}
            defaultChecked={initial.recommendation === value}
            label={label}
          />
        ))}
        {err(state, "recommendation") ? (
          <p id="recommendation-error" className="fr-error-text">
            {err(state, "recommendation")}
          </p>
        ) : null}
      </fieldset>
      <p className="font-bold" data-testid="live-weighted-score">
        Note pondérée :{" "}
        {total === null ? "— (toutes les notes ne sont pas saisies)" : `${formatScore(total)} /100`}
      </p>
      {confirming ? (
        <div
          ref={confirmRef}
          tabIndex={-1}
          role="group"
          aria-labelledby="review-confirm-title"
          className="flex flex-col gap-3 border-2 border-blue-france p-4"
        >
          <p id="review-confirm-title" className="font-bold">
            Soumettre votre évaluation avec une note pondérée de{" "}
            {total === null ? "— (notes incomplètes)" : `${formatScore(total)} /100`} ?
          </p>
          <p className="text-sm">
            Une fois soumise, elle ne peut plus être modifiée, sauf si un administrateur la rouvre.
          </p>
          <div className="flex flex-wrap gap-4">
            <button
              type="submit"
              name="intent"
              value="submit"
              className={primaryButtonClass}
              disabled={pending}
            >
              Confirmer la soumission
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
              Annuler
            </button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-4">
          <button
            type="submit"
            name="intent"
            value="draft"
            className={secondaryButtonClass}
            disabled={pending}
          >
            Enregistrer le brouillon
          </button>
          <button
            type="button"
            className={primaryButtonClass}
            disabled={pending}
            onClick={() => setConfirming(true)}
          >
            Soumettre l’évaluation
          </button>
        </div>
      )}
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
        hint="Par exemple&nbsp;: lien personnel ou professionnel avec le porteur."
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

type DecisionAction = (
  prev: ActionResult<{ confirm?: string }> | null,
  formData: FormData,
) => Promise<ActionResult<{ confirm?: string }>>;

/**
 * Accept with a granted amount, or reject with a reason; or, with `revision`,
 * correct the recorded decision with a reason. Two steps: the server restates
 * the decision and amount it understood, the admin confirms. The fields are
 * controlled so that what was typed survives both steps.
 */
export function DecisionForm({
  action,
  applicationId,
  version,
  maxGrantableLabel,
  revision,
}: {
  action: DecisionAction;
  applicationId: string;
  version: number;
  maxGrantableLabel: string;
  revision?: { outcome: "accepted" | "rejected"; grantedAmount: string; rejectionReason: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [outcome, setOutcome] = useState<"accepted" | "rejected">(revision?.outcome ?? "accepted");
  const [amount, setAmount] = useState(revision?.grantedAmount ?? "");
  const [rejectionReason, setRejectionReason] = useState(revision?.rejectionReason ?? "");
  const [reason, setReason] = useState("");
  // The confirmation belongs to the answer that asked for it; editing a field dismisses it.
  const [dismissed, setDismissed] = useState<typeof state>(null);
  const confirm = state?.ok && state.data.confirm && dismissed !== state ? state.data.confirm : null;
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDismissed(state);
    };
  const id = (name: string) => (revision ? `revise-${name}` : name);
  return (
    <form
      className="flex flex-col gap-4"
      // Submitted by hand, not through `action`: React resets a form after its action, which would
      // put the radios back on their first state while the fields follow the chosen outcome.
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(event.currentTarget, submitter);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="version" value={version} />
      {revision ? <input type="hidden" name="mode" value="revise" /> : null}
      <fieldset>
        <legend className="font-medium">{revision ? "Décision corrigée" : "Décision"}</legend>
        {(
          [
            ["accepted", "Accepter"],
            ["rejected", "Refuser"],
          ] as const
        ).map(([value, label]) => (
          <Radio
            key={value}
            id={id(`outcome-${value}`)}
            name="outcome"
            value={value}
            checked={outcome === value}
            onChange={() => edit(setOutcome)(value)}
            label={label}
          />
        ))}
      </fieldset>
      {outcome === "accepted" ? (
        <Field
          id={id("grantedAmount")}
          label="Montant accordé (en euros)"
          hint={`Au plus ${maxGrantableLabel}.`}
          error={err(state, "grantedAmount")}
        >
          {(p) => (
            <input
              {...p}
              name="grantedAmount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => edit(setAmount)(e.target.value)}
              className={`${inputClass} max-w-64`}
            />
          )}
        </Field>
      ) : (
        <Field id={id("rejectionReason")} label="Motif du refus" error={err(state, "rejectionReason")}>
          {(p) => (
            <textarea
              {...p}
              name="rejectionReason"
              rows={3}
              value={rejectionReason}
              onChange={(e) => edit(setRejectionReason)(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
      )}
      {revision ? (
        <Field
          id="revise-reason"
          label="Motif de la correction"
          hint="Conservé dans l’historique du dossier avec la décision précédente."
          error={err(state, "reason")}
        >
          {(p) => (
            <textarea
              {...p}
              name="reason"
              rows={2}
              value={reason}
              onChange={(e) => edit(setReason)(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        titleId={id("confirm-title")}
        title={confirm}
        testId="decision-confirmation"
        onCancel={() => setDismissed(state)}
        actions={
          <>
            <button
              type="submit"
              name="confirmed"
              value="yes"
              className={primaryButtonClass}
              disabled={pending}
            >
              {revision ? "Confirmer la correction" : "Confirmer la décision"}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setDismissed(state)}>
              Modifier
            </button>
          </>
        }
      >
        <p>Vérifiez la décision et le montant avant de confirmer.</p>
      </ConfirmDialog>
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {revision ? "Corriger la décision" : "Enregistrer la décision"}
        </button>
      </div>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok && !state.data.confirm ? (
        <Alert tone="success">
          {revision
            ? "Décision corrigée. Elle restera confidentielle jusqu’à la publication des résultats."
            : "Décision enregistrée. Elle restera confidentielle jusqu’à la publication des résultats."}
        </Alert>
      ) : null}
    </form>
  );
}

/** An admin reopens a submitted review, with a reason, so that its reviewer corrects it. */
export function ReopenReviewForm({
  action,
  applicationId,
  reviewId,
  reviewerName,
}: {
  action: Action;
  applicationId: string;
  reviewId: string;
  reviewerName: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [reason, setReason] = useState("");
  const fieldId = `reopen-reason-${reviewId}`;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <Field
        id={fieldId}
        label={`Motif de la réouverture de l’évaluation de ${reviewerName}`}
        hint="Envoyé à l’instructeur et conservé dans l’historique."
        error={err(state, "reason")}
      >
        {(p) => (
          <textarea
            {...p}
            name="reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Rouvrir l’évaluation de {reviewerName}
        </button>
      </div>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
