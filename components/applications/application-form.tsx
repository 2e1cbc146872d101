"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/form/choice";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { FIELD_INFO, type FormField } from "@/lib/applications/merge";
import { STEPS, type Step } from "@/lib/applications/rules";
import { MAX_DURATION_MONTHS, MIN_DURATION_MONTHS, scheduleIssues } from "@/lib/applications/schedule";
import {
  applicationFormSchema,
  type ApplicationForm as FormValues,
  SDG_LABELS,
} from "@/lib/applications/schema";
import { applicationStepTitle, TITLE_SUFFIX } from "@/lib/page-titles";
import { BudgetStep } from "./budget-step";
import { type DocumentSlotProps, DocumentUpload } from "./document-upload";
import type { Country, StepProps } from "./form-parts";
import { ParticipantsStep } from "./participants-step";
import { type SaveState, useAutosave } from "./use-autosave";

const stepLabel = (step: Step) => STEPS.find((s) => s.key === step)?.label ?? step;
const stepNumber = (step: Step) => STEPS.findIndex((s) => s.key === step) + 1;

/** A field's value, as shown side by side in a conflict. */
function describeValue(value: unknown): string[] {
  if (Array.isArray(value)) {
    if (!value.length) return ["(aucun élément)"];
    return value.map((item) =>
      item && typeof item === "object"
        ? Object.entries(item as Record<string, unknown>)
            .filter(([key, v]) => key !== "organisationId" && typeof v === "string" && v !== "")
            .map(([, v]) => String(v))
            .join(" – ")
        : String(item),
    );
  }
  const text = typeof value === "string" ? value.trim() : String(value ?? "");
  return [text === "" ? "(vide)" : text];
}

export function ApplicationForm({
  applicationId,
  version: initialVersion,
  initialValues,
  savedAtLabel,
  initialStep,
  lead,
  callThemes,
  limits,
  countries,
  previousPartners,
  documents,
  startWindow,
}: {
  /** The call's window for the project's start (Paris days), from `startWindow` (schedule.ts). */
  startWindow: { earliest: string; latest: string; opensAt: string; closesAt: string };
  applicationId: string;
  version: number;
  initialValues: FormValues;
  savedAtLabel: string;
  initialStep: Step;
  lead: { id: number; name: string };
  callThemes: string[];
  limits: { maxGrantCents: number; maxSharePercent: number };
  countries: Country[];
  previousPartners: { name: string; kind: string; countryCode: string; countryName: string }[];
  documents: DocumentSlotProps[];
}) {
  const router = useRouter();
  const form = useForm<FormValues>({
    resolver: zodResolver(applicationFormSchema),
    defaultValues: initialValues,
    mode: "onBlur",
  });
  const [step, setStep] = useState<Step>(initialStep);
  const [leftWithErrors, setLeftWithErrors] = useState<{ step: Step; fields: FormField[] } | null>(null);
  const { state, savedAt, invalid, conflicts, notice, conflictHeading, save, choose, invalidPending } =
    useAutosave({ applicationId, initialVersion, initialValues, savedAtLabel, form });

  // A link from the checklist (#field) lands on the field itself.
  useEffect(() => {
    const target = window.location.hash.slice(1);
    if (target) document.getElementById(decodeURIComponent(target))?.focus();
  }, []);

  /** Shows a step and focuses the first of `focusIds` found once it is rendered (else its title). */
  function showStep(next: Step, ...focusIds: string[]) {
    setStep(next);
    // The tab names the step, as the server's title does for ?etape=.
    const index = STEPS.findIndex((s) => s.key === next);
    document.title = `${applicationStepTitle(form.getValues("title"), index, STEPS[index]?.label ?? "")}${TITLE_SUFFIX}`;
    const url = new URL(window.location.href);
    url.searchParams.set("etape", next);
    url.hash = focusIds[0] ?? "";
    window.history.replaceState(null, "", url);
    setTimeout(() => {
      const target =
        focusIds.map((id) => document.getElementById(id)).find(Boolean) ??
        document.getElementById("step-title");
      target?.focus();
      target?.scrollIntoView({ block: "center" });
    }, 0);
  }

  async function goTo(next: Step) {
    const leaving = step;
    await save();
    const broken = invalidPending().filter((f) => FIELD_INFO[f].step === leaving);
    setLeftWithErrors(next !== leaving && broken.length ? { step: leaving, fields: broken } : null);
    showStep(next);
  }

  function goToField(field: FormField, path: string) {
    setLeftWithErrors(null);
    showStep(FIELD_INFO[field].step, path, FIELD_INFO[field].anchor);
  }

  async function toChecklist() {
    if (await save()) router.push(`/espace/dossiers/${applicationId}/verification`);
  }

  const stepIndex = STEPS.findIndex((s) => s.key === step);

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Étapes du dossier">
        <ol className="flex flex-wrap gap-2">
          {STEPS.map((s, index) => (
            <li key={s.key}>
              <button
                type="button"
                aria-current={s.key === step ? "step" : undefined}
                onClick={() => void goTo(s.key)}
                className={s.key === step ? "fr-btn fr-btn--sm" : "fr-btn fr-btn--sm fr-btn--tertiary"}
              >
                {index + 1}. {s.label}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              onClick={() => void toChecklist()}
              className="fr-btn fr-btn--sm fr-btn--tertiary"
            >
              6. Vérification et dépôt
            </button>
          </li>
        </ol>
      </nav>

      <SaveStatus
        state={state}
        savedAt={savedAt}
        invalid={invalid}
        waiting={conflicts.length}
        onField={goToField}
      />

      {notice ? (
        <Alert tone="info" testId="save-notice">
          {notice}
        </Alert>
      ) : null}

      {leftWithErrors ? (
        <Alert
          tone="error"
          title={
            <>
              L’étape {stepNumber(leftWithErrors.step)} «&nbsp;{stepLabel(leftWithErrors.step)}&nbsp;» que
              vous venez de quitter contient {leftWithErrors.fields.length > 1 ? "des erreurs" : "une erreur"}
              &nbsp;: ce qui est à corriger n’est pas enregistré, le reste l’est.
            </>
          }
        >
          <ul className="mt-1 list-disc pl-6">
            {leftWithErrors.fields.map((field) => (
              <li key={field}>
                <a
                  href={`?etape=${FIELD_INFO[field].step}#${FIELD_INFO[field].anchor}`}
                  onClick={(event) => {
                    event.preventDefault();
                    goToField(field, invalid.find((i) => i.field === field)?.path ?? field);
                  }}
                >
                  Corriger «&nbsp;{FIELD_INFO[field].label}&nbsp;»
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {conflicts.length ? (
        <section
          aria-labelledby="conflict-title"
          className="border-l-4 border-warning bg-warning-50 p-4"
          data-testid="conflicts"
        >
          <h2 id="conflict-title" ref={conflictHeading} tabIndex={-1} className="text-lg font-bold">
            Modification simultanée&nbsp;: {conflicts.length > 1 ? `${conflicts.length} champs` : "un champ"}{" "}
            à choisir
          </h2>
          <p className="mt-2">
            Un ou une collègue a enregistré une autre valeur pour{" "}
            {conflicts.length > 1 ? "ces champs" : "ce champ"} pendant que vous le modifiiez. Vos autres
            modifications et les siennes sont enregistrées&nbsp;; choisissez la valeur à garder.
          </p>
          {conflicts.map((conflict) => (
            <fieldset key={conflict.field} className="mt-4 border border-grey-300 bg-white p-3">
              <legend className="px-1 font-bold">
                «&nbsp;{FIELD_INFO[conflict.field].label}&nbsp;» (étape{" "}
                {stepLabel(FIELD_INFO[conflict.field].step)})
              </legend>
              <div className="grid gap-4 sm:grid-cols-2">
                {(["mine", "theirs"] as const).map((side) => (
                  <div key={side} className="flex flex-col gap-2">
                    <h3 className="font-medium">
                      {side === "mine" ? "Votre saisie" : "Version enregistrée par votre collègue"}
                    </h3>
                    <ul className="list-none whitespace-pre-wrap break-words bg-grey-50 p-2 text-sm">
                      {describeValue(conflict[side]).map((line, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a value shown once
                        <li key={index}>{line}</li>
                      ))}
                    </ul>
                    <button
                      type="button"
                      className={side === "mine" ? primaryButtonClass : secondaryButtonClass}
                      onClick={() => choose(conflict, side)}
                    >
                      {side === "mine"
                        ? `Garder ma saisie pour «\u00a0${FIELD_INFO[conflict.field].label}\u00a0»`
                        : `Garder la version enregistrée pour «\u00a0${FIELD_INFO[conflict.field].label}\u00a0»`}
                    </button>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
        </section>
      ) : null}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        className="flex flex-col gap-6"
      >
        {/* The design system's stepper: the step's name under « Étape n sur 6 », its bar and what comes
            next. The heading reads « Étape n sur 6 : name », as the tab's title does. */}
        <div className="fr-stepper">
          <h2 id="step-title" tabIndex={-1} className="fr-stepper__title flex-col">
            <span className="fr-stepper__state">
              Étape {stepIndex + 1} sur 6<span className="sr-only">&nbsp;:</span>
            </span>{" "}
            {STEPS[stepIndex]?.label}
          </h2>
          <div className="fr-stepper__steps" data-fr-current-step={stepIndex + 1} data-fr-steps="6" />
          <p className="fr-stepper__details">
            <span className="font-bold">Étape suivante&nbsp;:</span>{" "}
            {STEPS[stepIndex + 1]?.label ?? "Vérification et dépôt"}
          </p>
        </div>
        {step === "projet" ? <ProjectStep form={form} startWindow={startWindow} /> : null}
        {step === "participants" ? (
          <ParticipantsStep
            form={form}
            lead={lead}
            countries={countries}
            previousPartners={previousPartners}
          />
        ) : null}
        {step === "contenu" ? <ContentStep form={form} callThemes={callThemes} /> : null}
        {step === "budget" ? <BudgetStep form={form} lead={lead} limits={limits} /> : null}
        {step === "documents" ? (
          <div className="flex flex-col gap-4">
            <p>
              Les pièces sont enregistrées dès leur envoi. Leur contenu est vérifié&nbsp;: un fichier dont le
              contenu ne correspond pas au format demandé est refusé.
            </p>
            {documents.map((slot) => (
              <DocumentUpload key={slot.id} applicationId={applicationId} slot={slot} />
            ))}
          </div>
        ) : null}

        <div className="flex flex-wrap justify-between gap-3 border-t border-grey-200 pt-4">
          {stepIndex > 0 ? (
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => void goTo(STEPS[stepIndex - 1]?.key ?? "projet")}
            >
              Étape précédente
            </button>
          ) : (
            <span />
          )}
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={secondaryButtonClass}>
              Enregistrer
            </button>
            {stepIndex < STEPS.length - 1 ? (
              <button
                type="button"
                className={primaryButtonClass}
                onClick={() => void goTo(STEPS[stepIndex + 1]?.key ?? "documents")}
              >
                Étape suivante
              </button>
            ) : (
              <button type="button" className={primaryButtonClass} onClick={() => void toChecklist()}>
                Vérifier et déposer
              </button>
            )}
          </div>
        </div>
      </form>
    </div>
  );
}

function SaveStatus({
  state,
  savedAt,
  invalid,
  waiting,
  onField,
}: {
  state: SaveState;
  savedAt: string;
  invalid: { field: FormField; path: string }[];
  waiting: number;
  onField: (field: FormField, path: string) => void;
}) {
  const base =
    state.kind === "saving"
      ? "Enregistrement…"
      : state.kind === "dirty"
        ? "Modifications en cours d’enregistrement automatique"
        : state.kind === "error"
          ? `Non enregistré\u00a0: ${state.message}`
          : `Enregistré à ${savedAt}`;
  const bad = state.kind === "error" || invalid.length > 0 || waiting > 0;
  return (
    <div
      role="status"
      className={`text-sm ${bad ? "text-red-marianne-dark font-medium" : "text-grey-800"}`}
      data-testid="save-status"
    >
      {base}
      {invalid.length ? (
        <>
          {state.kind === "saved" ? ", sauf" : " —"}{" "}
          {invalid.length > 1
            ? `${invalid.length} champs à corriger, non enregistrés`
            : "un champ à corriger, non enregistré"}
          {"\u00a0"}:{" "}
          {invalid.map(({ field, path }, index) => (
            <span key={field}>
              {index ? ", " : ""}
              <a
                href={`?etape=${FIELD_INFO[field].step}#${path}`}
                onClick={(event) => {
                  event.preventDefault();
                  onField(field, path);
                }}
              >
                «&nbsp;{FIELD_INFO[field].label}&nbsp;» (étape {stepNumber(FIELD_INFO[field].step)},{" "}
                {stepLabel(FIELD_INFO[field].step)})
              </a>
            </span>
          ))}
        </>
      ) : null}
      {waiting ? ` — ${waiting > 1 ? `${waiting} champs` : "un champ"} à choisir (voir ci-dessous).` : ""}
    </div>
  );
}

function frenchDay(iso: string) {
  return iso.split("-").reverse().join("/");
}

function ProjectStep({
  form,
  startWindow,
}: StepProps & { startWindow: { earliest: string; latest: string; opensAt: string; closesAt: string } }) {
  const { register, formState, control } = form;
  const e = formState.errors;
  const [startDate, durationMonths] = useWatch({ control, name: ["startDate", "durationMonths"] });
  // The submission's rule, shown as soon as a value is typed (a blank one is only missing, not wrong).
  const callWindow = { opensAt: new Date(startWindow.opensAt), closesAt: new Date(startWindow.closesAt) };
  const schedule = scheduleIssues({ startDate, durationMonths }, callWindow).filter((issue) =>
    issue.field === "startDate" ? startDate !== "" : durationMonths.trim() !== "",
  );
  const scheduleError = (field: "startDate" | "durationMonths") =>
    schedule.find((issue) => issue.field === field)?.message;
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <Field id="title" label="Titre du projet" error={e.title?.message}>
        {(aria) => <input {...aria} {...register("title")} className={inputClass} />}
      </Field>
      <Field
        id="onBehalfOf"
        label="Porté au nom d’un groupe de collectivités (facultatif)"
        hint="Par exemple&nbsp;: «&nbsp;Plateforme IRAPA&nbsp;» quand votre collectivité dépose pour plusieurs."
        error={e.onBehalfOf?.message}
      >
        {(aria) => <input {...aria} {...register("onBehalfOf")} className={inputClass} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="startDate"
          label="Date de début"
          hint={`Format\u00a0: jj/mm/aaaa, entre le ${frenchDay(startWindow.earliest)} et le ${frenchDay(startWindow.latest)}`}
          error={e.startDate?.message ?? scheduleError("startDate")}
        >
          {(aria) => (
            <input
              {...aria}
              type="date"
              min={startWindow.earliest}
              max={startWindow.latest}
              {...register("startDate")}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="durationMonths"
          label="Durée (en mois)"
          hint={`Entre ${MIN_DURATION_MONTHS} et ${MAX_DURATION_MONTHS}\u00a0mois.`}
          error={e.durationMonths?.message ?? scheduleError("durationMonths")}
        >
          {(aria) => (
            <input {...aria} inputMode="numeric" {...register("durationMonths")} className={inputClass} />
          )}
        </Field>
      </div>
    </div>
  );
}

function ContentStep({ form, callThemes }: StepProps & { callThemes: string[] }) {
  const { register, formState, control, setValue } = form;
  const e = formState.errors;
  const sdgs = useWatch({ control, name: "sdgs" });
  const themes = useWatch({ control, name: "themes" });
  const textareas: {
    name: "summary" | "objectives" | "expectedResults" | "beneficiaries";
    label: string;
    hint: string;
  }[] = [
    {
      name: "summary",
      label: "Résumé du projet",
      hint: "Quelques phrases, publiées si le projet est retenu.",
    },
    { name: "objectives", label: "Objectifs", hint: "Ce que le projet veut changer, pour qui." },
    {
      name: "expectedResults",
      label: "Résultats attendus",
      hint: "Résultats mesurables à la fin du projet.",
    },
    {
      name: "beneficiaries",
      label: "Bénéficiaires",
      hint: "Qui bénéficie du projet, en France et chez le partenaire.",
    },
  ];
  const toggleTheme = (value: string) =>
    setValue("themes", themes.includes(value) ? themes.filter((v) => v !== value) : [...themes, value], {
      shouldDirty: true,
    });
  const toggleSdg = (value: number) =>
    setValue(
      "sdgs",
      sdgs.includes(value) ? sdgs.filter((v) => v !== value) : [...sdgs, value].sort((a, b) => a - b),
      {
        shouldDirty: true,
      },
    );
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      {textareas.map((t) => (
        <Field key={t.name} id={t.name} label={t.label} hint={t.hint} error={e[t.name]?.message}>
          {(aria) => <textarea {...aria} rows={5} {...register(t.name)} className={inputClass} />}
        </Field>
      ))}
      <fieldset id="themes" tabIndex={-1} className="flex flex-col gap-2">
        <legend className="font-medium">Thématiques</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {callThemes.map((theme, index) => (
            <Checkbox
              key={theme}
              id={`theme-${index}`}
              checked={themes.includes(theme)}
              onChange={() => toggleTheme(theme)}
              label={theme}
            />
          ))}
        </div>
      </fieldset>
      <fieldset id="sdgs" tabIndex={-1} className="flex flex-col gap-2">
        <legend className="font-medium">Objectifs de développement durable (ODD) des Nations unies</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {SDG_LABELS.map((label, index) => (
            <Checkbox
              key={label}
              id={`sdg-${index + 1}`}
              checked={sdgs.includes(index + 1)}
              onChange={() => toggleSdg(index + 1)}
              label={`ODD ${index + 1}\u00a0: ${label}`}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}
