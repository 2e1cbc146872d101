"use client";

import { useActionState } from "react";
import {
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  selectClass,
} from "@/components/form/field";
import {
  createFollowupPost,
  createMilestone,
  createNewsIssue,
  featureProgressReport,
  publishFollowupPost,
  updateMilestone,
} from "@/lib/followup/actions";
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/followup/rules";
import { FormMessage, fieldError } from "./form-state";

/** A new page: its title (and, in a news issue, the project it is about, if any); the editor opens next. */
export function NewPostForm({
  applicationId,
  newsIssueId,
  projects,
}: {
  applicationId?: string;
  newsIssueId?: string;
  projects?: { id: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(createFollowupPost, null);
  const prefix = newsIssueId ? "issue-post" : "post";
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {applicationId && <input type="hidden" name="applicationId" value={applicationId} />}
      {newsIssueId && <input type="hidden" name="newsIssueId" value={newsIssueId} />}
      <Field id={`${prefix}-title`} label="Titre de la nouvelle page" error={fieldError(state, "title")}>
        {(props) => <input {...props} name="title" required maxLength={200} className={inputClass} />}
      </Field>
      {projects && (
        <Field
          id={`${prefix}-project`}
          label="Projet concerné (facultatif)"
          hint="Laissez vide pour un article général du numéro."
          error={fieldError(state, "applicationId")}
        >
          {(props) => (
            <select {...props} name="applicationId" className={selectClass} defaultValue="">
              <option value="">Article général</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Créer la page
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Publish now, or at a later Paris date and time. */
export function PublishPostForm({ postId, label }: { postId: string; label: string }) {
  const [state, formAction, pending] = useActionState(publishFollowupPost, null);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="postId" value={postId} />
      <Field
        id="publish-at"
        label="Programmer la publication (facultatif)"
        hint="Date et heure de Paris. Laissez vide pour publier tout de suite."
        error={fieldError(state, "publishAt")}
      >
        {(props) => (
          <input {...props} type="datetime-local" name="publishAt" className={`${inputClass} max-w-xs`} />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {label}
        </button>
        <FormMessage state={state} success="C’est fait." />
      </div>
    </form>
  );
}

export type MilestoneValues = {
  id?: string;
  label: string;
  plannedDate: string | null;
  status: MilestoneStatus;
  progressPercent: number;
};

/** Adds a milestone (applicationId) or edits one (values.id). */
export function MilestoneForm({
  applicationId,
  values,
}: {
  applicationId?: string;
  values?: MilestoneValues;
}) {
  const [state, formAction, pending] = useActionState(values?.id ? updateMilestone : createMilestone, null);
  const p = values?.id ? `milestone-${values.id}` : "milestone-new";
  return (
    <form
      action={formAction}
      className="grid gap-4 sm:grid-cols-2"
      aria-label={values?.id ? `Modifier l’étape «\u00a0${values.label}\u00a0»` : "Nouvelle étape"}
    >
      {applicationId && <input type="hidden" name="applicationId" value={applicationId} />}
      {values?.id && <input type="hidden" name="milestoneId" value={values.id} />}
      <div className="sm:col-span-2">
        <Field id={`${p}-label`} label="Intitulé de l’étape" error={fieldError(state, "label")}>
          {(props) => (
            <input
              {...props}
              name="label"
              required
              maxLength={200}
              defaultValue={values?.label}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field id={`${p}-date`} label="Date prévue" error={fieldError(state, "plannedDate")}>
        {(props) => (
          <input
            {...props}
            type="date"
            name="plannedDate"
            defaultValue={values?.plannedDate ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <Field id={`${p}-status`} label="État" error={fieldError(state, "status")}>
        {(props) => (
          <select {...props} name="status" defaultValue={values?.status ?? "planned"} className={selectClass}>
            {MILESTONE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {MILESTONE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${p}-progress`}
        label="Avancement (%)"
        hint="De 0 à 100&nbsp;; une étape réalisée compte 100."
        error={fieldError(state, "progressPercent")}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            name="progressPercent"
            min={0}
            max={100}
            step={1}
            required
            defaultValue={values?.progressPercent ?? 0}
            className={inputClass}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-end gap-4">
        <button
          type="submit"
          className={values?.id ? secondaryButtonClass : primaryButtonClass}
          disabled={pending}
        >
          {values?.id ? "Enregistrer l’étape" : "Ajouter l’étape"}
        </button>
        <FormMessage state={state} success={values?.id ? "Étape enregistrée." : "Étape ajoutée."} />
      </div>
    </form>
  );
}

export function NewIssueForm({ networkId, suggestedTitle }: { networkId: string; suggestedTitle: string }) {
  const [state, formAction, pending] = useActionState(createNewsIssue, null);
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
      <input type="hidden" name="networkId" value={networkId} />
      <Field id="issue-title" label="Titre du numéro" error={fieldError(state, "title")}>
        {(props) => (
          <input
            {...props}
            name="title"
            required
            maxLength={200}
            defaultValue={suggestedTitle}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="issue-date" label="Date du numéro" error={fieldError(state, "issueDate")}>
        {(props) => <input {...props} type="date" name="issueDate" required className={inputClass} />}
      </Field>
      <button type="submit" className={primaryButtonClass} disabled={pending}>
        Créer le numéro
      </button>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function FeatureReportForm({ reportId, excerpt }: { reportId: string; excerpt: string | null }) {
  const [state, formAction, pending] = useActionState(featureProgressReport, null);
  return (
    <form action={formAction} className="mt-3 flex flex-col gap-3">
      <input type="hidden" name="reportId" value={reportId} />
      <Field
        id={`excerpt-${reportId}`}
        label="Extrait mis en avant sur la page publique du projet"
        hint="1 000 caractères au plus&nbsp;; laissez vide pour ne rien publier."
        error={fieldError(state, "excerpt")}
      >
        {(props) => (
          <textarea
            {...props}
            name="excerpt"
            rows={3}
            maxLength={1000}
            defaultValue={excerpt ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Enregistrer l’extrait
        </button>
        <FormMessage state={state} success="Extrait enregistré." />
      </div>
    </form>
  );
}
