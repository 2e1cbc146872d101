"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type FieldErrors, type UseFormReturn, useFieldArray, useForm, useWatch } from "react-hook-form";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { type SaveResult, saveApplication } from "@/lib/applications/actions";
import { budgetTotals, maxRequestForShare } from "@/lib/applications/budget";
import { centsOf, STEPS, type Step } from "@/lib/applications/rules";
import {
  applicationFormSchema,
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  FOREIGN_PARTNER_KIND_LABELS,
  FOREIGN_PARTNER_KINDS,
  type ApplicationForm as FormValues,
  OPERATOR_KIND_LABELS,
  OPERATOR_KINDS,
  partnerKey,
  SDG_LABELS,
} from "@/lib/applications/schema";
import { formatMoneyCents } from "@/lib/format";
import { type DocumentSlotProps, DocumentUpload } from "./document-upload";
import { OrganisationCombobox } from "./organisation-combobox";

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

type Country = { code: string; name: string };
type Conflict = Extract<SaveResult, { code: "stale" }>;
type SaveState =
  | { kind: "saved"; at: string }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "invalid" }
  | { kind: "error"; message: string };

const AUTOSAVE_DELAY_MS = 1500;

function errorOf(errors: FieldErrors<FormValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node as { message?: string } | undefined)?.message;
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
}: {
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
        {step === "projet" ? <ProjectStep form={form} /> : null}
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

type StepProps = { form: UseFormReturn<FormValues> };

function ProjectStep({ form }: StepProps) {
  const { register, formState } = form;
  const e = formState.errors;
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
        <Field id="startDate" label="Date de début" hint="Format : jj/mm/aaaa" error={e.startDate?.message}>
          {(aria) => <input {...aria} type="date" {...register("startDate")} className={inputClass} />}
        </Field>
        <Field
          id="durationMonths"
          label="Durée (en mois)"
          hint="Entre 1 et 60 mois."
          error={e.durationMonths?.message}
        >
          {(aria) => (
            <input {...aria} inputMode="numeric" {...register("durationMonths")} className={inputClass} />
          )}
        </Field>
      </div>
    </div>
  );
}

const EMPTY_PARTNER = { name: "", kind: "", countryCode: "", contactName: "", contactEmail: "" };

function ParticipantsStep({
  form,
  lead,
  countries,
  previousPartners,
}: StepProps & {
  lead: { id: number; name: string };
  countries: Country[];
  previousPartners: { name: string; kind: string; countryCode: string; countryName: string }[];
}) {
  const { control } = form;
  const co = useFieldArray({ control, name: "coApplicants" });
  const partners = useFieldArray({ control, name: "partners" });
  const pairs = useFieldArray({ control, name: "pairings" });
  const ops = useFieldArray({ control, name: "operators" });
  const coApplicants = useWatch({ control, name: "coApplicants" });
  const partnerValues = useWatch({ control, name: "partners" });
  const [draft, setDraft] = useState(EMPTY_PARTNER);
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({});
  const [pairOrg, setPairOrg] = useState("");
  const [pairPartner, setPairPartner] = useState("");
  const [pairError, setPairError] = useState("");
  const [operator, setOperator] = useState({ name: "", kind: "" });
  const [operatorError, setOperatorError] = useState<Record<string, string>>({});
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const french = [{ organisationId: lead.id, name: `${lead.name} (chef de file)` }, ...coApplicants];
  const excluded = useMemo(
    () => [lead.id, ...coApplicants.map((c) => c.organisationId)],
    [lead.id, coApplicants],
  );

  function addPartner(candidate = draft) {
    const parsed = applicationFormSchema.shape.partners.element.safeParse(candidate);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      setDraftErrors(errors);
      const first = Object.keys(errors)[0];
      if (first)
        document
          .getElementById(
            `partner-${first === "countryCode" ? "country" : first.replace("contact", "contact-").toLowerCase()}`,
          )
          ?.focus();
      return;
    }
    if (partnerValues.some((p) => partnerKey(p) === partnerKey(parsed.data))) {
      setDraftErrors({ name: "Ce partenaire figure déjà dans la liste." });
      return;
    }
    partners.append(parsed.data);
    setDraft(EMPTY_PARTNER);
    setDraftErrors({});
  }

  function removePartner(index: number) {
    const key = partnerKey(partnerValues[index] ?? { countryCode: "", name: "" });
    partners.remove(index);
    const pairValues = form.getValues("pairings");
    for (let i = pairValues.length - 1; i >= 0; i--) if (pairValues[i]?.partnerKey === key) pairs.remove(i);
  }

  function removeCoApplicant(index: number) {
    const id = coApplicants[index]?.organisationId;
    co.remove(index);
    const pairValues = form.getValues("pairings");
    for (let i = pairValues.length - 1; i >= 0; i--)
      if (pairValues[i]?.organisationId === id) pairs.remove(i);
  }

  function addPairing() {
    if (!pairOrg || !pairPartner) {
      setPairError("Choisissez un participant français et un partenaire étranger.");
      return;
    }
    const pairing = { organisationId: Number(pairOrg), partnerKey: pairPartner };
    if (
      form
        .getValues("pairings")
        .some((p) => p.organisationId === pairing.organisationId && p.partnerKey === pairing.partnerKey)
    ) {
      setPairError("Ce binôme existe déjà.");
      return;
    }
    pairs.append(pairing);
    setPairError("");
    setPairOrg("");
    setPairPartner("");
  }

  function addOperator() {
    const parsed = applicationFormSchema.shape.operators.element.safeParse(operator);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      setOperatorError(errors);
      return;
    }
    ops.append(parsed.data);
    setOperator({ name: "", kind: "" });
    setOperatorError({});
  }

  const partnerLabel = (key: string) => {
    const p = partnerValues.find((v) => partnerKey(v) === key);
    return p ? `${p.name} (${countryName(p.countryCode)})` : key;
  };
  const frenchLabel = (id: number) => french.find((f) => f.organisationId === id)?.name ?? String(id);

  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="co-title" className="flex max-w-3xl flex-col gap-3">
        <h3 id="co-title" className="text-xl font-bold">
          Collectivités françaises
        </h3>
        <p>
          Chef de file : <strong>{lead.name}</strong>
        </p>
        <h4 className="font-bold">Co-demandeurs</h4>
        {co.fields.length === 0 ? <p className="text-grey-800">Aucun co-demandeur.</p> : null}
        <ul className="flex flex-col gap-2">
          {co.fields.map((field, index) => (
            <li
              key={field.id}
              className="flex items-center justify-between gap-3 border border-grey-200 px-3 py-2"
            >
              <span>{field.name}</span>
              <button type="button" className="text-sm underline" onClick={() => removeCoApplicant(index)}>
                Retirer<span className="sr-only"> {field.name}</span>
              </button>
            </li>
          ))}
        </ul>
        <OrganisationCombobox
          id="co-applicant-search"
          label="Ajouter un co-demandeur"
          hint="Commune, intercommunalité, département ou région : tapez le nom, le code postal, le code INSEE ou le SIREN."
          excludeIds={excluded}
          onSelect={(o) => co.append({ organisationId: o.id, name: o.name })}
        />
      </section>

      <section aria-labelledby="partners-title" className="flex max-w-3xl flex-col gap-3">
        <h3 id="partners-title" className="text-xl font-bold">
          Partenaires étrangers
        </h3>
        {partners.fields.length === 0 ? <p className="text-grey-800">Aucun partenaire étranger.</p> : null}
        <ul className="flex flex-col gap-2">
          {partners.fields.map((field, index) => (
            <li
              key={field.id}
              className="flex items-center justify-between gap-3 border border-grey-200 px-3 py-2"
            >
              <span>
                {field.name} — {FOREIGN_PARTNER_KIND_LABELS[field.kind]}, {countryName(field.countryCode)}
                {field.contactName || field.contactEmail ? (
                  <span className="block text-sm text-grey-800">
                    Contact : {[field.contactName, field.contactEmail].filter(Boolean).join(", ")}
                  </span>
                ) : null}
              </span>
              <button type="button" className="text-sm underline" onClick={() => removePartner(index)}>
                Retirer<span className="sr-only"> {field.name}</span>
              </button>
            </li>
          ))}
        </ul>
        {previousPartners.length ? (
          <div>
            <p className="font-medium">Partenaires de vos projets précédents</p>
            <ul className="mt-2 flex flex-wrap gap-2">
              {previousPartners
                .filter((p) => !partnerValues.some((v) => partnerKey(v) === partnerKey(p)))
                .map((p) => (
                  <li key={partnerKey(p)}>
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      onClick={() =>
                        addPartner({
                          name: p.name,
                          kind: p.kind,
                          countryCode: p.countryCode,
                          contactName: "",
                          contactEmail: "",
                        })
                      }
                    >
                      Ajouter {p.name} ({p.countryName})
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        ) : null}
        <fieldset className="flex flex-col gap-4 border border-grey-200 p-4">
          <legend className="px-1 font-bold">Nouveau partenaire étranger</legend>
          <Field id="partner-name" label="Nom de la collectivité partenaire" error={draftErrors.name}>
            {(aria) => (
              <input
                {...aria}
                className={inputClass}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="partner-kind" label="Type de collectivité" error={draftErrors.kind}>
              {(aria) => (
                <select
                  {...aria}
                  className={inputClass}
                  value={draft.kind}
                  onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
                >
                  <option value="">Choisir…</option>
                  {FOREIGN_PARTNER_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {FOREIGN_PARTNER_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="partner-country" label="Pays" error={draftErrors.countryCode}>
              {(aria) => (
                <select
                  {...aria}
                  className={inputClass}
                  value={draft.countryCode}
                  onChange={(e) => setDraft({ ...draft, countryCode: e.target.value })}
                >
                  <option value="">Choisir…</option>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="partner-contact-name"
              label="Nom du contact (facultatif)"
              error={draftErrors.contactName}
            >
              {(aria) => (
                <input
                  {...aria}
                  className={inputClass}
                  value={draft.contactName}
                  onChange={(e) => setDraft({ ...draft, contactName: e.target.value })}
                />
              )}
            </Field>
            <Field
              id="partner-contact-email"
              label="E-mail du contact (facultatif)"
              error={draftErrors.contactEmail}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="email"
                  className={inputClass}
                  value={draft.contactEmail}
                  onChange={(e) => setDraft({ ...draft, contactEmail: e.target.value })}
                />
              )}
            </Field>
          </div>
          <div>
            <button type="button" className={secondaryButtonClass} onClick={() => addPartner()}>
              Ajouter le partenaire
            </button>
          </div>
        </fieldset>
      </section>

      <section aria-labelledby="pairings-title" className="flex max-w-3xl flex-col gap-3">
        <h3 id="pairings-title" className="text-xl font-bold">
          Binômes
        </h3>
        <p className="text-grey-800">
          Associez chaque partenaire étranger à une collectivité française du projet.
        </p>
        {pairs.fields.length === 0 ? <p className="text-grey-800">Aucun binôme.</p> : null}
        <ul className="flex flex-col gap-2">
          {pairs.fields.map((field, index) => (
            <li
              key={field.id}
              className="flex items-center justify-between gap-3 border border-grey-200 px-3 py-2"
            >
              <span>
                {frenchLabel(field.organisationId)} ↔ {partnerLabel(field.partnerKey)}
              </span>
              <button type="button" className="text-sm underline" onClick={() => pairs.remove(index)}>
                Retirer<span className="sr-only"> le binôme {partnerLabel(field.partnerKey)}</span>
              </button>
            </li>
          ))}
        </ul>
        <fieldset className="flex flex-col gap-4 border border-grey-200 p-4">
          <legend className="px-1 font-bold">Nouveau binôme</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="pairing-organisation" label="Collectivité française" error={pairError || undefined}>
              {(aria) => (
                <select
                  {...aria}
                  className={inputClass}
                  value={pairOrg}
                  onChange={(e) => setPairOrg(e.target.value)}
                >
                  <option value="">Choisir…</option>
                  {french.map((f) => (
                    <option key={f.organisationId} value={f.organisationId}>
                      {f.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="pairing-partner" label="Partenaire étranger">
              {(aria) => (
                <select
                  {...aria}
                  className={inputClass}
                  value={pairPartner}
                  onChange={(e) => setPairPartner(e.target.value)}
                >
                  <option value="">Choisir…</option>
                  {partnerValues.map((p) => (
                    <option key={partnerKey(p)} value={partnerKey(p)}>
                      {p.name} ({countryName(p.countryCode)})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div>
            <button type="button" className={secondaryButtonClass} onClick={addPairing}>
              Ajouter le binôme
            </button>
          </div>
        </fieldset>
      </section>

      <section aria-labelledby="operators-title" className="flex max-w-3xl flex-col gap-3">
        <h3 id="operators-title" className="text-xl font-bold">
          Opérateurs (ONG, associations)
        </h3>
        {ops.fields.length === 0 ? <p className="text-grey-800">Aucun opérateur.</p> : null}
        <ul className="flex flex-col gap-2">
          {ops.fields.map((field, index) => (
            <li
              key={field.id}
              className="flex items-center justify-between gap-3 border border-grey-200 px-3 py-2"
            >
              <span>
                {field.name} — {OPERATOR_KIND_LABELS[field.kind]}
              </span>
              <button type="button" className="text-sm underline" onClick={() => ops.remove(index)}>
                Retirer<span className="sr-only"> {field.name}</span>
              </button>
            </li>
          ))}
        </ul>
        <fieldset className="flex flex-col gap-4 border border-grey-200 p-4">
          <legend className="px-1 font-bold">Nouvel opérateur</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="operator-name" label="Nom de l’opérateur" error={operatorError.name}>
              {(aria) => (
                <input
                  {...aria}
                  className={inputClass}
                  value={operator.name}
                  onChange={(e) => setOperator({ ...operator, name: e.target.value })}
                />
              )}
            </Field>
            <Field id="operator-kind" label="Type" error={operatorError.kind}>
              {(aria) => (
                <select
                  {...aria}
                  className={inputClass}
                  value={operator.kind}
                  onChange={(e) => setOperator({ ...operator, kind: e.target.value })}
                >
                  <option value="">Choisir…</option>
                  {OPERATOR_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {OPERATOR_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div>
            <button type="button" className={secondaryButtonClass} onClick={addOperator}>
              Ajouter l’opérateur
            </button>
          </div>
        </fieldset>
      </section>
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

function BudgetStep({
  form,
  lead,
  limits,
}: StepProps & {
  lead: { id: number; name: string };
  limits: { maxGrantCents: number; maxSharePercent: number };
}) {
  const { control, register, formState } = form;
  const e = formState.errors;
  const expenses = useFieldArray({ control, name: "expenses" });
  const own = useFieldArray({ control, name: "ownContributions" });
  const cofin = useFieldArray({ control, name: "cofinancings" });
  const values = useWatch({ control });
  const coApplicants = values.coApplicants ?? [];
  const french = [{ organisationId: lead.id, name: lead.name }, ...coApplicants];
  const totals = budgetTotals({
    expenses: (values.expenses ?? []).map((l) => centsOf(l?.amount ?? "")),
    ownContributions: (values.ownContributions ?? []).map((l) => centsOf(l?.amount ?? "")),
    cofinancings: (values.cofinancings ?? []).map((l) => centsOf(l?.amount ?? "")),
    requestedCents: centsOf(values.requestedAmount ?? ""),
  });
  const shareCap = maxRequestForShare(totals.expensesCents, limits);
  const amountHint = "En euros, par exemple 12 500,50.";

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="expenses-title" className="flex flex-col gap-3">
        <h3 id="expenses-title" className="text-xl font-bold">
          Dépenses
        </h3>
        {expenses.fields.map((field, index) => (
          <fieldset
            key={field.id}
            className="grid items-start gap-3 border border-grey-200 p-3 sm:grid-cols-[15rem_1fr_12rem_auto]"
          >
            <legend className="sr-only">Dépense n° {index + 1}</legend>
            <Field
              id={`expenses.${index}.category`}
              label={`Catégorie (dépense ${index + 1})`}
              error={errorOf(e, `expenses.${index}.category`)}
            >
              {(aria) => (
                <select {...aria} {...register(`expenses.${index}.category`)} className={inputClass}>
                  {EXPENSE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {EXPENSE_CATEGORY_LABELS[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`expenses.${index}.label`}
              label={`Libellé (dépense ${index + 1})`}
              error={errorOf(e, `expenses.${index}.label`)}
            >
              {(aria) => <input {...aria} {...register(`expenses.${index}.label`)} className={inputClass} />}
            </Field>
            <Field
              id={`expenses.${index}.amount`}
              label={`Montant (dépense ${index + 1})`}
              error={errorOf(e, `expenses.${index}.amount`)}
            >
              {(aria) => (
                <input
                  {...aria}
                  inputMode="decimal"
                  {...register(`expenses.${index}.amount`)}
                  className={inputClass}
                />
              )}
            </Field>
            <button
              type="button"
              className="self-end py-2 text-sm underline"
              onClick={() => expenses.remove(index)}
            >
              Retirer<span className="sr-only"> la dépense {index + 1}</span>
            </button>
          </fieldset>
        ))}
        <div>
          <button
            id="add-expense"
            type="button"
            className={secondaryButtonClass}
            onClick={() => expenses.append({ category: "travel", label: "", amount: "" })}
          >
            Ajouter une dépense
          </button>
        </div>
      </section>

      <section aria-labelledby="resources-title" className="flex flex-col gap-3">
        <h3 id="resources-title" className="text-xl font-bold">
          Ressources
        </h3>
        <p className="text-sm text-grey-800">{amountHint}</p>
        <h4 className="font-bold">Apports propres des collectivités françaises</h4>
        {own.fields.map((field, index) => (
          <fieldset
            key={field.id}
            className="grid items-start gap-3 border border-grey-200 p-3 sm:grid-cols-[1fr_12rem_auto]"
          >
            <legend className="sr-only">Apport n° {index + 1}</legend>
            <Field
              id={`ownContributions.${index}.organisationId`}
              label={`Collectivité (apport ${index + 1})`}
            >
              {(aria) => (
                <select
                  {...aria}
                  {...register(`ownContributions.${index}.organisationId`, { valueAsNumber: true })}
                  className={inputClass}
                >
                  {french.map((f) => (
                    <option key={f.organisationId} value={f.organisationId}>
                      {f.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`ownContributions.${index}.amount`}
              label={`Montant (apport ${index + 1})`}
              error={errorOf(e, `ownContributions.${index}.amount`)}
            >
              {(aria) => (
                <input
                  {...aria}
                  inputMode="decimal"
                  {...register(`ownContributions.${index}.amount`)}
                  className={inputClass}
                />
              )}
            </Field>
            <button
              type="button"
              className="self-end py-2 text-sm underline"
              onClick={() => own.remove(index)}
            >
              Retirer<span className="sr-only"> l’apport {index + 1}</span>
            </button>
          </fieldset>
        ))}
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => own.append({ organisationId: lead.id, amount: "" })}
          >
            Ajouter un apport propre
          </button>
        </div>
        <h4 className="font-bold">Autres co-financements</h4>
        {cofin.fields.map((field, index) => (
          <fieldset
            key={field.id}
            className="grid items-start gap-3 border border-grey-200 p-3 sm:grid-cols-[1fr_12rem_auto]"
          >
            <legend className="sr-only">Co-financement n° {index + 1}</legend>
            <Field
              id={`cofinancings.${index}.funderName`}
              label={`Co-financeur (${index + 1})`}
              error={errorOf(e, `cofinancings.${index}.funderName`)}
            >
              {(aria) => (
                <input {...aria} {...register(`cofinancings.${index}.funderName`)} className={inputClass} />
              )}
            </Field>
            <Field
              id={`cofinancings.${index}.amount`}
              label={`Montant (co-financement ${index + 1})`}
              error={errorOf(e, `cofinancings.${index}.amount`)}
            >
              {(aria) => (
                <input
                  {...aria}
                  inputMode="decimal"
                  {...register(`cofinancings.${index}.amount`)}
                  className={inputClass}
                />
              )}
            </Field>
            <button
              type="button"
              className="self-end py-2 text-sm underline"
              onClick={() => cofin.remove(index)}
            >
              Retirer<span className="sr-only"> le co-financement {index + 1}</span>
            </button>
          </fieldset>
        ))}
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => cofin.append({ funderName: "", amount: "" })}
          >
            Ajouter un co-financement
          </button>
        </div>
        <div className="max-w-sm">
          <Field
            id="requestedAmount"
            label="Montant demandé au ministère"
            hint={`Au plus ${formatMoneyCents(limits.maxGrantCents)} et ${limits.maxSharePercent} % du budget total.`}
            error={e.requestedAmount?.message}
          >
            {(aria) => (
              <input {...aria} inputMode="decimal" {...register("requestedAmount")} className={inputClass} />
            )}
          </Field>
        </div>
      </section>

      <section
        id="budget-totals"
        tabIndex={-1}
        aria-labelledby="totals-title"
        className="max-w-xl border-2 border-grey-800 p-4"
      >
        <h3 id="totals-title" className="text-xl font-bold">
          Totaux
        </h3>
        <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-6 gap-y-1" aria-live="polite">
          <dt>Total des dépenses</dt>
          <dd className="text-right font-bold">{formatMoneyCents(totals.expensesCents)}</dd>
          <dt>Apports propres</dt>
          <dd className="text-right">{formatMoneyCents(totals.ownContributionsCents)}</dd>
          <dt>Co-financements</dt>
          <dd className="text-right">{formatMoneyCents(totals.cofinancingCents)}</dd>
          <dt>Montant demandé au ministère</dt>
          <dd className="text-right">{formatMoneyCents(totals.requestedCents)}</dd>
          <dt>Total des ressources</dt>
          <dd className="text-right font-bold">{formatMoneyCents(totals.resourcesCents)}</dd>
        </dl>
        <ul className="mt-3 flex flex-col gap-1" aria-live="polite">
          {totals.expensesCents === 0 ? null : totals.differenceCents === 0 ? (
            <li className="font-medium text-success">✓ Le budget est équilibré.</li>
          ) : (
            <li className="font-medium text-red-marianne-dark">
              ⚠ Le budget n’est pas équilibré : les ressources{" "}
              {totals.differenceCents > 0 ? "dépassent" : "sont inférieures aux"} dépenses de{" "}
              {formatMoneyCents(Math.abs(totals.differenceCents))}.
            </li>
          )}
          {totals.requestedCents > limits.maxGrantCents ? (
            <li className="font-medium text-red-marianne-dark">
              ⚠ Le montant demandé dépasse la subvention maximale de l’appel (
              {formatMoneyCents(limits.maxGrantCents)}).
            </li>
          ) : null}
          {totals.expensesCents > 0 && totals.requestedCents > shareCap ? (
            <li className="font-medium text-red-marianne-dark">
              ⚠ Le montant demandé dépasse {limits.maxSharePercent} % du budget total : au plus{" "}
              {formatMoneyCents(shareCap)}.
            </li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}
