"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { CONTENT_TOO_LARGE, exceedsActionLimit } from "@/lib/action-body";
import { type SaveResult, saveApplication } from "@/lib/applications/actions";
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

/** Which form fields each section holds, to tell a user what a colleague changed. */
const SECTIONS: { label: string; fields: (keyof FormValues)[] }[] = [
  { label: "Projet", fields: ["title", "onBehalfOf", "startDate", "durationMonths"] },
  { label: "Participants", fields: ["coApplicants", "partners", "pairings", "operators"] },
  {
    label: "Contenu",
    fields: ["summary", "objectives", "expectedResults", "beneficiaries", "themes", "sdgs"],
  },
  { label: "Budget", fields: ["expenses", "ownContributions", "cofinancings", "requestedAmount"] },
];

const FIELD_LABELS: Partial<Record<keyof FormValues, string>> = {
  title: "titre",
  onBehalfOf: "porté au nom de",
  startDate: "date de début",
  durationMonths: "durée",
  coApplicants: "co-demandeurs",
  partners: "partenaires étrangers",
  pairings: "binômes",
  operators: "opérateurs",
  summary: "résumé",
  objectives: "objectifs",
  expectedResults: "résultats attendus",
  beneficiaries: "bénéficiaires",
  themes: "thématiques",
  sdgs: "objectifs de développement durable",
  expenses: "dépenses",
  ownContributions: "apports propres",
  cofinancings: "co-financements",
  requestedAmount: "montant demandé",
};

function changedFields(mine: FormValues, theirs: FormValues) {
  return SECTIONS.flatMap((section) => {
    const fields = section.fields.filter((f) => JSON.stringify(mine[f]) !== JSON.stringify(theirs[f]));
    return fields.length ? [`${section.label} (${fields.map((f) => FIELD_LABELS[f]).join(", ")})`] : [];
  });
}

type Conflict = Extract<SaveResult, { code: "stale" }>;
type SaveState =
  | { kind: "saved"; at: string }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "invalid" }
  | { kind: "error"; message: string };

const AUTOSAVE_DELAY_MS = 1500;

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
  const [state, setState] = useState<SaveState>({ kind: "saved", at: savedAtLabel });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const version = useRef(initialVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);
  const conflictRef = useRef<Conflict | null>(null);
  const conflictHeading = useRef<HTMLHeadingElement>(null);

  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    if (conflictRef.current) return false;
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    const values = form.getValues();
    const parsed = applicationFormSchema.safeParse(values);
    if (!parsed.success) {
      await form.trigger();
      setState({ kind: "invalid" });
      return false;
    }
    dirty.current = false;
    setState({ kind: "saving" });
    const run = (async () => {
      const body = new FormData();
      body.set("payload", JSON.stringify({ applicationId, version: version.current, form: parsed.data }));
      // Over Next's body limit the action never runs and could not answer (lib/action-body.ts).
      if (exceedsActionLimit(body)) {
        dirty.current = true;
        setState({ kind: "error", message: CONTENT_TOO_LARGE });
        return false;
      }
      try {
        const result = await saveApplication(null, body);
        if (result.ok) {
          version.current = result.data.version;
          setState(dirty.current ? { kind: "dirty" } : { kind: "saved", at: result.data.savedAtLabel });
          return true;
        }
        dirty.current = true;
        if (result.code === "stale" && "current" in result) {
          conflictRef.current = result;
          setConflict(result);
          setState({
            kind: "error",
            message: "un ou une collègue a enregistré le dossier entre-temps (voir ci-dessous).",
          });
          setTimeout(() => conflictHeading.current?.focus(), 0);
          return false;
        }
        if ("fieldErrors" in result && result.fieldErrors) {
          for (const [path, messages] of Object.entries(result.fieldErrors)) {
            form.setError(path as keyof FormValues, { message: messages?.[0] });
          }
        }
        setState({ kind: "error", message: result.message });
        return false;
      } catch {
        dirty.current = true;
        setState({
          kind: "error",
          message:
            "Enregistrement impossible (connexion interrompue ?). Nouvel essai à la prochaine modification.",
        });
        return false;
      }
    })();
    inFlight.current = run;
    const done = await run;
    inFlight.current = null;
    return done;
  }, [applicationId, form]);

  // Autosave a little after typing stops.
  useEffect(() => {
    const subscription = form.watch((_values, info) => {
      // Leaving a field (blur) re-emits the same values: only a change makes the form dirty.
      if (info.type === "blur") return;
      dirty.current = true;
      setState((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, save]);

  // Save when the tab is hidden (closing, switching), and warn before leaving with unsaved changes.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden" && dirty.current) void save();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) {
        void save();
        event.preventDefault();
      }
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [save]);

  // A link from the checklist (#field) lands on the field itself.
  useEffect(() => {
    const target = window.location.hash.slice(1);
    if (target) document.getElementById(decodeURIComponent(target))?.focus();
  }, []);

  async function goTo(next: Step) {
    await save();
    setStep(next);
    // The tab names the step, as the server's title does for ?etape=.
    const index = STEPS.findIndex((s) => s.key === next);
    document.title = `${applicationStepTitle(form.getValues("title"), index, STEPS[index]?.label ?? "")}${TITLE_SUFFIX}`;
    const url = new URL(window.location.href);
    url.searchParams.set("etape", next);
    url.hash = "";
    window.history.replaceState(null, "", url);
    document.getElementById("step-title")?.focus();
  }

  async function toChecklist() {
    if (await save()) router.push(`/espace/dossiers/${applicationId}/verification`);
  }

  function loadTheirs() {
    if (!conflict) return;
    version.current = conflict.current.version;
    form.reset(conflict.current.form);
    dirty.current = false;
    conflictRef.current = null;
    setConflict(null);
    setState({ kind: "saved", at: conflict.current.savedAtLabel });
  }

  async function keepMine() {
    if (!conflict) return;
    version.current = conflict.current.version;
    conflictRef.current = null;
    setConflict(null);
    dirty.current = true;
    await save();
  }

  const differences = useMemo(
    () => (conflict ? changedFields(form.getValues(), conflict.current.form) : []),
    [conflict, form],
  );
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
                className={`border px-3 py-2 text-sm font-medium ${
                  s.key === step
                    ? "border-blue-france bg-blue-france text-white"
                    : "border-grey-300 bg-white text-blue-france"
                }`}
              >
                {index + 1}. {s.label}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              onClick={() => void toChecklist()}
              className="border border-grey-300 bg-white px-3 py-2 text-sm font-medium text-blue-france"
            >
              6. Vérification et dépôt
            </button>
          </li>
        </ol>
      </nav>

      <SaveStatus state={state} />

      {conflict ? (
        <section
          aria-labelledby="conflict-title"
          className="border-l-4 border-warning bg-warning-50 p-4"
          role="alert"
        >
          <h2 id="conflict-title" ref={conflictHeading} tabIndex={-1} className="text-lg font-bold">
            Modification simultanée : votre saisie n’a pas été enregistrée
          </h2>
          <p className="mt-2">{conflict.message}</p>
          {differences.length ? (
            <>
              <p className="mt-2">Ce qui diffère entre votre saisie et la version enregistrée :</p>
              <ul className="mt-1 list-disc pl-6">
                {differences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="button" className={secondaryButtonClass} onClick={loadTheirs}>
              Afficher la version enregistrée (abandonner ma saisie)
            </button>
            <button type="button" className={primaryButtonClass} onClick={() => void keepMine()}>
              Enregistrer ma version à la place
            </button>
          </div>
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
        <h2 id="step-title" tabIndex={-1} className="text-2xl font-bold">
          Étape {stepIndex + 1} sur 6 : {STEPS[stepIndex]?.label}
        </h2>
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
              Les pièces sont enregistrées dès leur envoi. Leur contenu est vérifié : un fichier dont le
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

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === "saved"
      ? `Enregistré à ${state.at}`
      : state.kind === "saving"
        ? "Enregistrement…"
        : state.kind === "dirty"
          ? "Modifications en cours d’enregistrement automatique"
          : state.kind === "invalid"
            ? "Non enregistré : corrigez les champs signalés."
            : `Non enregistré : ${state.message}`;
  const tone =
    state.kind === "invalid" || state.kind === "error"
      ? "text-red-marianne-dark font-medium"
      : "text-grey-800";
  return (
    <p role="status" className={`text-sm ${tone}`} data-testid="save-status">
      {text}
    </p>
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
        hint="Par exemple : « Plateforme IRAPA » quand votre collectivité dépose pour plusieurs."
        error={e.onBehalfOf?.message}
      >
        {(aria) => <input {...aria} {...register("onBehalfOf")} className={inputClass} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="startDate"
          label="Date de début"
          hint={`Format : jj/mm/aaaa, entre le ${frenchDay(startWindow.earliest)} et le ${frenchDay(startWindow.latest)}`}
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
          {callThemes.map((theme) => (
            <label key={theme} className="flex items-center gap-2">
              <input type="checkbox" checked={themes.includes(theme)} onChange={() => toggleTheme(theme)} />
              {theme}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset id="sdgs" tabIndex={-1} className="flex flex-col gap-2">
        <legend className="font-medium">Objectifs de développement durable (ODD) des Nations unies</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {SDG_LABELS.map((label, index) => (
            <label key={label} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={sdgs.includes(index + 1)}
                onChange={() => toggleSdg(index + 1)}
              />
              ODD {index + 1} : {label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
