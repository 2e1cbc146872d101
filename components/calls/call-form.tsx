"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type FieldErrors, type Path, useFieldArray, useForm } from "react-hook-form";
import { Checkbox } from "@/components/form/choice";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { CONTENT_TOO_LARGE, exceedsActionLimit } from "@/lib/action-body";
import { createCall, updateCall } from "@/lib/calls/actions";
import {
  type CallFormInput,
  type CallFormValues,
  callFormSchema,
  DOCUMENT_TYPES,
  type DocumentType,
} from "@/lib/calls/schema";

type Props = {
  mode: "create" | "edit";
  callId?: string;
  /** The call this one is copied from (create mode), for the audit trail. */
  duplicateOf?: string;
  defaultValues: CallFormInput;
  gridLocked: boolean;
};

/** The message of a field, whatever its depth (« criteria.0.weight »). */
function messageAt(errors: FieldErrors<CallFormInput>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (node && typeof node === "object") {
    const n = node as { message?: unknown; root?: { message?: unknown } };
    if (typeof n.message === "string") return n.message;
    if (typeof n.root?.message === "string") return n.root.message;
  }
  return undefined;
}

const textareaClass = `${inputClass} min-h-24`;

/** Create, duplicate or edit a call: rules, Paris dates, amounts, the grid and the required documents. */
export function CallForm({ mode, callId, duplicateOf, defaultValues, gridLocked }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    getValues,
    setError,
    formState: { errors },
  } = useForm<CallFormInput, unknown, CallFormValues>({
    resolver: zodResolver(callFormSchema),
    defaultValues,
    mode: "onBlur",
  });
  // react-hook-form writes the values into the inputs only once they are mounted: each input
  // also takes its value as `defaultValue`, so that the server's HTML (the first paint, before
  // hydration) already shows the saved call instead of empty fields.
  const grid = useFieldArray({ control, name: "criteria" });
  const documents = useFieldArray({ control, name: "documents" });
  const err = (path: string) => messageAt(errors, path);

  const submit = handleSubmit(
    () => {
      setFormError(null);
      const formData = new FormData();
      // The server parses the raw values with the same schema.
      formData.set("payload", JSON.stringify(getValues()));
      if (callId) formData.set("id", callId);
      if (duplicateOf) formData.set("duplicateOf", duplicateOf);
      // Over Next's body limit the action never runs and could not answer (lib/action-body.ts).
      if (exceedsActionLimit(formData)) {
        setFormError(CONTENT_TOO_LARGE);
        return;
      }
      startTransition(async () => {
        const result =
          mode === "create" ? await createCall(null, formData) : await updateCall(null, formData);
        if (result.ok) {
          router.push(`/admin/appels/${result.data.id}?enregistre=1`);
          return;
        }
        setFormError(result.message);
        for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
          const message = messages?.[0];
          if (message && path !== "_form") setError(path as Path<CallFormInput>, { type: "server", message });
        }
      });
    },
    () => setFormError("Le formulaire contient des erreurs\u00a0: corrigez les champs signalés."),
  );

  return (
    <form onSubmit={submit} noValidate className="mt-6 flex flex-col gap-10">
      {formError ? <Alert tone="error">{formError}</Alert> : null}

      <fieldset className="grid gap-5 sm:max-w-3xl">
        <legend className="mb-4 text-2xl font-bold">Présentation</legend>
        <Field id="call-title" label="Titre de l’appel" error={err("title")}>
          {(aria) => (
            <input
              {...register("title")}
              defaultValue={defaultValues.title}
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
        <div className="grid gap-5 sm:grid-cols-3">
          <Field id="call-year" label="Année" error={err("year")}>
            {(aria) => (
              <input
                {...register("year")}
                defaultValue={defaultValues.year}
                inputMode="numeric"
                className={inputClass}
                {...aria}
              />
            )}
          </Field>
          <Field
            id="call-code"
            label="Code court"
            hint="Dans les numéros de dépôt&nbsp;: 2027-JEU-0042."
            error={err("code")}
          >
            {(aria) => (
              <input
                {...register("code")}
                defaultValue={defaultValues.code}
                className={inputClass}
                {...aria}
              />
            )}
          </Field>
          <Field
            id="call-slug"
            label="Adresse de la page"
            hint="Par exemple «&nbsp;jeunesse-2027&nbsp;»."
            error={err("slug")}
          >
            {(aria) => (
              <input
                {...register("slug")}
                defaultValue={defaultValues.slug}
                className={inputClass}
                {...aria}
              />
            )}
          </Field>
        </div>
        <Field
          id="call-description"
          label="Description"
          hint="Markdown&nbsp;: **gras**, *italique*, listes, liens. Le reste est retiré à l’affichage."
          error={err("descriptionMd")}
        >
          {(aria) => (
            <textarea
              {...register("descriptionMd")}
              defaultValue={defaultValues.descriptionMd}
              rows={6}
              className={textareaClass}
              {...aria}
            />
          )}
        </Field>
        <Field
          id="call-eligibility"
          label="Conditions d’éligibilité"
          hint="Markdown."
          error={err("eligibilityMd")}
        >
          {(aria) => (
            <textarea
              {...register("eligibilityMd")}
              defaultValue={defaultValues.eligibilityMd}
              rows={5}
              className={textareaClass}
              {...aria}
            />
          )}
        </Field>
        <Field id="call-themes" label="Thématiques" hint="Une par ligne." error={err("themes")}>
          {(aria) => (
            <textarea
              {...register("themes")}
              defaultValue={defaultValues.themes}
              rows={3}
              className={textareaClass}
              {...aria}
            />
          )}
        </Field>
        <Field
          id="call-countries"
          label="Pays éligibles (facultatif)"
          hint="Codes ISO à deux lettres séparés par des virgules (XK pour le Kosovo). Vide&nbsp;: tous les pays."
          error={err("eligibleCountries")}
        >
          {(aria) => (
            <input
              {...register("eligibleCountries")}
              defaultValue={defaultValues.eligibleCountries}
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="grid gap-5 sm:max-w-3xl sm:grid-cols-2">
        <legend className="mb-4 text-2xl font-bold">Calendrier (heure de Paris)</legend>
        <Field id="call-opens" label="Ouverture" hint="Date et heure, heure de Paris." error={err("opensAt")}>
          {(aria) => (
            <input
              type="datetime-local"
              {...register("opensAt")}
              defaultValue={defaultValues.opensAt}
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
        <Field id="call-closes" label="Clôture" hint="Date et heure, heure de Paris." error={err("closesAt")}>
          {(aria) => (
            <input
              type="datetime-local"
              {...register("closesAt")}
              defaultValue={defaultValues.closesAt}
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="grid gap-5 sm:max-w-3xl sm:grid-cols-2">
        <legend className="mb-4 text-2xl font-bold">Financement et instruction</legend>
        <Field
          id="call-envelope"
          label="Enveloppe budgétaire (€)"
          hint="Par exemple 2 000 000."
          error={err("envelope")}
        >
          {(aria) => (
            <input
              {...register("envelope")}
              defaultValue={defaultValues.envelope}
              inputMode="decimal"
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
        <Field
          id="call-max-grant"
          label="Subvention maximale par dossier (€)"
          hint="Par exemple 60 000."
          error={err("maxGrant")}
        >
          {(aria) => (
            <input
              {...register("maxGrant")}
              defaultValue={defaultValues.maxGrant}
              inputMode="decimal"
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
        <Field
          id="call-max-share"
          label="Part maximale du budget total financée par le ministère (%)"
          error={err("maxSharePercent")}
        >
          {(aria) => (
            <input
              {...register("maxSharePercent")}
              defaultValue={defaultValues.maxSharePercent}
              inputMode="numeric"
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
        <Field id="call-reviewers" label="Instructeurs par dossier" error={err("reviewersPerApplication")}>
          {(aria) => (
            <input
              {...register("reviewersPerApplication")}
              defaultValue={defaultValues.reviewersPerApplication}
              inputMode="numeric"
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
        <Field
          id="call-grant-years"
          label="Nombre de versements annuels de la subvention"
          hint="1 pour un appel annuel, 2 ou 3 pour un appel pluriannuel (un versement par année, chacun après un rapport intermédiaire)."
          error={err("grantYears")}
        >
          {(aria) => (
            <input
              {...register("grantYears")}
              defaultValue={defaultValues.grantYears}
              inputMode="numeric"
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
        <Field
          id="call-final-balance"
          label="Solde retenu jusqu’au rapport final (% de la dernière tranche annuelle)"
          hint={
            "20 d’après la règle des appels (80\u00a0% la dernière année, 20\u00a0% après le rapport final)."
          }
          error={err("finalBalancePercent")}
        >
          {(aria) => (
            <input
              {...register("finalBalancePercent")}
              defaultValue={defaultValues.finalBalancePercent}
              inputMode="numeric"
              className={inputClass}
              {...aria}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-2xl font-bold">Grille d’évaluation</legend>
        {gridLocked ? (
          <Alert tone="info" announce={false} id="grid-locked">
            La grille est verrouillée&nbsp;: au moins une évaluation a déjà été soumise sur cet appel. Ses
            critères ne peuvent plus être modifiés.
          </Alert>
        ) : (
          <p className="text-sm text-grey-600">
            La grille pourra être modifiée tant qu’aucune évaluation n’aura été soumise.
          </p>
        )}
        {err("criteria") ? <Alert tone="error">{err("criteria")}</Alert> : null}
        <ol className="flex flex-col gap-4">
          {grid.fields.map((field, i) => (
            <li key={field.id} className="border border-grey-200 p-4">
              <fieldset className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
                <legend className="mb-2 font-bold">Critère {i + 1}</legend>
                <Field id={`criterion-${i}-label`} label="Intitulé" error={err(`criteria.${i}.label`)}>
                  {(aria) => (
                    <input
                      {...register(`criteria.${i}.label`)}
                      defaultValue={field.label}
                      readOnly={gridLocked}
                      className={inputClass}
                      {...aria}
                    />
                  )}
                </Field>
                <Field id={`criterion-${i}-weight`} label="Poids" error={err(`criteria.${i}.weight`)}>
                  {(aria) => (
                    <input
                      {...register(`criteria.${i}.weight`)}
                      defaultValue={field.weight}
                      readOnly={gridLocked}
                      inputMode="numeric"
                      className={inputClass}
                      {...aria}
                    />
                  )}
                </Field>
                <Field id={`criterion-${i}-max`} label="Note maximale" error={err(`criteria.${i}.maxScore`)}>
                  {(aria) => (
                    <input
                      {...register(`criteria.${i}.maxScore`)}
                      defaultValue={field.maxScore}
                      readOnly={gridLocked}
                      inputMode="numeric"
                      className={inputClass}
                      {...aria}
                    />
                  )}
                </Field>
                <div className="sm:col-span-3">
                  <Field
                    id={`criterion-${i}-help`}
                    label="Aide pour les instructeurs"
                    error={err(`criteria.${i}.helpText`)}
                  >
                    {(aria) => (
                      <textarea
                        {...register(`criteria.${i}.helpText`)}
                        defaultValue={field.helpText}
                        readOnly={gridLocked}
                        rows={2}
                        className={inputClass}
                        {...aria}
                      />
                    )}
                  </Field>
                </div>
              </fieldset>
              {gridLocked || grid.fields.length <= 1 ? null : (
                <button
                  type="button"
                  className={`${secondaryButtonClass} mt-3`}
                  onClick={() => grid.remove(i)}
                >
                  Retirer le critère {i + 1}
                </button>
              )}
            </li>
          ))}
        </ol>
        {gridLocked ? null : (
          <div>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => grid.append({ label: "", helpText: "", weight: "1", maxScore: "5" })}
            >
              Ajouter un critère
            </button>
          </div>
        )}
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-2xl font-bold">Documents demandés aux candidats</legend>
        {err("documents") ? <Alert tone="error">{err("documents")}</Alert> : null}
        <ol className="flex flex-col gap-4">
          {documents.fields.map((field, i) => (
            <li key={field.id} className="border border-grey-200 p-4">
              <fieldset className="grid gap-4">
                <legend className="mb-2 font-bold">Document {i + 1}</legend>
                <Field id={`document-${i}-label`} label="Nom du document" error={err(`documents.${i}.label`)}>
                  {(aria) => (
                    <input
                      {...register(`documents.${i}.label`)}
                      defaultValue={field.label}
                      className={inputClass}
                      {...aria}
                    />
                  )}
                </Field>
                <Checkbox
                  id={`document-${i}-mandatory`}
                  {...register(`documents.${i}.mandatory`)}
                  defaultChecked={field.mandatory}
                  label="Obligatoire"
                />
                <fieldset
                  aria-describedby={
                    err(`documents.${i}.acceptedTypes`) ? `document-${i}-types-error` : undefined
                  }
                >
                  <legend className="font-medium">Types de fichiers acceptés</legend>
                  <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
                    {(Object.entries(DOCUMENT_TYPES) as [DocumentType, string][]).map(([mime, label]) => (
                      <Checkbox
                        key={mime}
                        id={`document-${i}-type-${mime}`}
                        value={mime}
                        {...register(`documents.${i}.acceptedTypes`)}
                        defaultChecked={field.acceptedTypes?.includes(mime)}
                        label={label}
                      />
                    ))}
                  </div>
                  {err(`documents.${i}.acceptedTypes`) ? (
                    <p id={`document-${i}-types-error`} className="fr-error-text">
                      {err(`documents.${i}.acceptedTypes`)}
                    </p>
                  ) : null}
                </fieldset>
              </fieldset>
              <button
                type="button"
                className={`${secondaryButtonClass} mt-3`}
                onClick={() => documents.remove(i)}
              >
                Retirer le document {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() =>
              documents.append({ label: "", mandatory: true, acceptedTypes: ["application/pdf"] })
            }
          >
            Ajouter un document
          </button>
        </div>
      </fieldset>

      <div className="flex gap-4">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {mode === "create" ? "Créer l’appel" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}
