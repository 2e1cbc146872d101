"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { CONTENT_TOO_LARGE, exceedsActionLimit } from "@/lib/action-body";
import { type SaveConflict, saveApplication } from "@/lib/applications/actions";
import {
  FIELD_INFO,
  type FormField,
  isFormField,
  pendingChanges,
  pick,
  rebase,
  sameValue,
  validateFields,
} from "@/lib/applications/merge";
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

type Conflict = SaveConflict;
type SaveState =
  | { kind: "saved" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string };

const AUTOSAVE_DELAY_MS = 1500;
const LEAVE_MESSAGE =
  "Des modifications de ce dossier ne sont pas encore enregistrées. Quitter la page quand même\u00a0?";

/**
 * Unsaved changes are kept in this browser (per application) until the server
 * has them: an invalid value stays as typed, across a reload, until corrected.
 */
const storageKey = (applicationId: string) => `dossier-brouillon:${applicationId}`;
type StoredDraft = { values: Partial<FormValues>; base: Partial<FormValues> };

function readStored(applicationId: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(applicationId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft;
    return parsed && typeof parsed === "object" && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

function writeStored(applicationId: string, draft: StoredDraft | null) {
  try {
    if (!draft || !Object.keys(draft.values).length)
      window.localStorage.removeItem(storageKey(applicationId));
    else window.localStorage.setItem(storageKey(applicationId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still saves to the server.
  }
}

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
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const [savedAt, setSavedAt] = useState(savedAtLabel);
  /** Fields not saved because they are invalid, with the path of their first error. */
  const [invalid, setInvalid] = useState<{ field: FormField; path: string }[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [leftWithErrors, setLeftWithErrors] = useState<{ step: Step; fields: FormField[] } | null>(null);
  const version = useRef(initialVersion);
  /** What the server has for each field (at `version`), as far as this browser knows. */
  const base = useRef<FormValues>(initialValues);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);
  /** Set while the page itself writes values (a colleague's changes): not the user's typing. */
  const applying = useRef(false);
  const conflictsRef = useRef<Conflict[]>([]);
  const conflictHeading = useRef<HTMLHeadingElement>(null);

  const updateConflicts = useCallback((next: Conflict[]) => {
    conflictsRef.current = next;
    setConflicts(next);
  }, []);

  /**
   * A copy of the values: react-hook-form's object is updated in place as the user types, and what
   * was sent must not change with it (it becomes the base of the next save).
   */
  const snapshot = useCallback(() => structuredClone(form.getValues()) as FormValues, [form]);

  /** Fields that differ from what the server has, the ones waiting for the user's choice included. */
  const unsaved = useCallback(() => pendingChanges(base.current, snapshot()), [snapshot]);

  const remember = useCallback(() => {
    const current = snapshot();
    const fields = pendingChanges(base.current, current);
    writeStored(applicationId, { values: pick(current, fields), base: pick(base.current, fields) });
  }, [applicationId, snapshot]);

  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    const current = snapshot();
    const waiting = new Set(conflictsRef.current.map((c) => c.field));
    const pending = pendingChanges(base.current, current).filter((f) => !waiting.has(f));
    const checked = validateFields(pick(current, pending));
    // Show the messages at the fields (the resolver checks the whole form, as the server does).
    void form.trigger();
    const firstPath = (field: FormField) =>
      Object.keys(checked.errors).find((p) => p === field || p.startsWith(`${field}.`)) ?? field;
    setInvalid(checked.invalid.map((field) => ({ field, path: firstPath(field) })));
    remember();
    const toSend = pending.filter((f) => !checked.invalid.includes(f));
    dirty.current = false;
    if (!toSend.length) {
      setState({ kind: "saved" });
      return checked.invalid.length === 0 && waiting.size === 0;
    }
    setState({ kind: "saving" });
    const run = (async () => {
      const sent = pick(current, toSend);
      const body = new FormData();
      body.set(
        "payload",
        JSON.stringify({
          applicationId,
          version: version.current,
          changes: sent,
          base: pick(base.current, toSend),
        }),
      );
      // Over Next's body limit the action never runs and could not answer (lib/action-body.ts).
      if (exceedsActionLimit(body)) {
        dirty.current = true;
        setState({ kind: "error", message: CONTENT_TOO_LARGE });
        return false;
      }
      try {
        const result = await saveApplication(null, body);
        if (!result.ok) {
          dirty.current = true;
          setState({ kind: "error", message: result.message });
          return false;
        }
        const saved = result.data;
        const refused = new Set(
          Object.keys(saved.fieldErrors)
            .map((p) => p.split(".")[0] ?? "")
            .filter(isFormField),
        );
        const conflicted = new Set(saved.conflicts.map((c) => c.field));
        // A colleague's saved changes appear on the fields this user has not touched.
        const latest = snapshot();
        const { updated } = rebase(base.current, latest, saved.form);
        applying.current = true;
        for (const field of updated) {
          form.setValue(field, saved.form[field] as never, { shouldDirty: false });
        }
        applying.current = false;
        // What the server now has: its form, with this user's values for the fields it took as sent
        // (the server may write them differently, e.g. « 12 500,00 » for « 12500 »).
        const written = toSend.filter((f) => !refused.has(f) && !conflicted.has(f));
        base.current = { ...saved.form, ...pick(sent, written) };
        version.current = saved.version;
        setSavedAt(saved.savedAtLabel);
        for (const [path, messages] of Object.entries(saved.fieldErrors)) {
          form.setError(path as keyof FormValues, { message: messages[0] });
        }
        if (refused.size) {
          setInvalid((list) => [
            ...list.filter((i) => !refused.has(i.field)),
            ...[...refused].map((field) => ({
              field,
              path: Object.keys(saved.fieldErrors).find((p) => p.split(".")[0] === field) ?? field,
            })),
          ]);
        }
        if (saved.conflicts.length) {
          updateConflicts([
            ...conflictsRef.current.filter((c) => !conflicted.has(c.field)),
            ...saved.conflicts,
          ]);
          setTimeout(() => conflictHeading.current?.focus(), 0);
        }
        setNotice(
          saved.mergedWith && (updated.length || saved.conflicts.length)
            ? `${saved.mergedWith} a aussi modifié ce dossier\u00a0: ses modifications ont été reprises${
                updated.length
                  ? ` (${updated.map((f) => `«\u00a0${FIELD_INFO[f].label}\u00a0»`).join(", ")})`
                  : ""
              }, les vôtres enregistrées.`
            : null,
        );
        remember();
        setState(dirty.current ? { kind: "dirty" } : { kind: "saved" });
        return !refused.size && !saved.conflicts.length && checked.invalid.length === 0;
      } catch {
        dirty.current = true;
        setState({
          kind: "error",
          message:
            "Enregistrement impossible (connexion interrompue\u00a0?). Nouvel essai à la prochaine modification.",
        });
        return false;
      }
    })();
    inFlight.current = run;
    const done = await run;
    inFlight.current = null;
    return done;
  }, [applicationId, form, remember, updateConflicts, snapshot]);

  // Unsaved changes from an earlier visit in this browser come back (an invalid value as typed).
  // A field a colleague changed since then is a conflict, for the user to choose.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    const stored = readStored(applicationId);
    if (!stored) return;
    const restored: Conflict[] = [];
    let any = false;
    for (const [key, value] of Object.entries(stored.values)) {
      if (!isFormField(key) || sameValue(value, initialValues[key])) continue;
      any = true;
      form.setValue(key, value as never, { shouldDirty: true });
      if (key in stored.base && !sameValue(stored.base[key], initialValues[key])) {
        restored.push({ field: key, mine: value, theirs: initialValues[key] });
      }
    }
    if (!any) return writeStored(applicationId, null);
    if (restored.length) updateConflicts(restored);
    setNotice("Des modifications faites dans ce navigateur et non enregistrées ont été reprises.");
    void save();
  }, []);

  // Autosave a little after typing stops; unsaved changes are kept in the browser at once.
  useEffect(() => {
    const subscription = form.watch((_values, info) => {
      // Leaving a field (blur) re-emits the same values: only a change makes the form dirty.
      if (info.type === "blur" || applying.current) return;
      dirty.current = true;
      remember();
      setState((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, save, remember]);

  // Leaving with unsaved changes asks first: the browser (reload, closing, another site)
  // and every link of the application (breadcrumb, menu). Save when the tab is hidden.
  useEffect(() => {
    const hasUnsaved = () => dirty.current || inFlight.current !== null || unsaved().length > 0;
    const onHide = () => {
      if (document.visibilityState === "hidden" && dirty.current) void save();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsaved()) {
        void save();
        event.preventDefault();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download"))
        return;
      const url = new URL(link.href, window.location.href);
      // Another site is the browser's business (beforeunload); links within this page change step.
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      if (!hasUnsaved()) return;
      if (window.confirm(LEAVE_MESSAGE)) {
        void save();
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [save, unsaved]);

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
    const current = snapshot();
    const waiting = new Set(conflictsRef.current.map((c) => c.field));
    const broken = validateFields(
      pick(
        current,
        pendingChanges(base.current, current).filter((f) => !waiting.has(f)),
      ),
    ).invalid.filter((f) => FIELD_INFO[f].step === leaving);
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

  function choose(conflict: Conflict, keep: "mine" | "theirs") {
    const rest = conflictsRef.current.filter((c) => c.field !== conflict.field);
    updateConflicts(rest);
    // The saved value becomes the base: keeping mine saves it as a change of that value.
    base.current = { ...base.current, [conflict.field]: conflict.theirs };
    if (keep === "theirs") {
      applying.current = true;
      form.setValue(conflict.field, conflict.theirs as never, { shouldDirty: false });
      applying.current = false;
    }
    dirty.current = true;
    void save();
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

      <SaveStatus
        state={state}
        savedAt={savedAt}
        invalid={invalid}
        waiting={conflicts.length}
        onField={goToField}
      />

      {notice ? (
        <p className="border-l-4 border-blue-france bg-blue-france-50 p-3" data-testid="save-notice">
          {notice}
        </p>
      ) : null}

      {leftWithErrors ? (
        <div role="alert" className="border-l-4 border-red-marianne bg-white p-3">
          <p className="font-medium">
            L’étape {stepNumber(leftWithErrors.step)} «&nbsp;{stepLabel(leftWithErrors.step)}&nbsp;» que vous
            venez de quitter contient {leftWithErrors.fields.length > 1 ? "des erreurs" : "une erreur"}&nbsp;:
            ce qui est à corriger n’est pas enregistré, le reste l’est.
          </p>
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
        </div>
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
        <h2 id="step-title" tabIndex={-1} className="text-2xl font-bold">
          Étape {stepIndex + 1} sur 6&nbsp;: {STEPS[stepIndex]?.label}
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
              ODD {index + 1}&nbsp;: {label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
