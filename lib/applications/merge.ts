/**
 * Field-level saving and merging of the application form, shared by the
 * browser and the server (pure functions, no I/O).
 *
 * The unit is a top-level field of the form (« objectives », « expenses »…):
 * a valid field is saved even while another one is invalid, and two editors'
 * changes are merged field by field against the version both started from.
 */
import { parseFrenchAmount } from "./amounts";
import type { Step } from "./rules";
import { type ApplicationForm, applicationFormSchema } from "./schema";

export type FormField = keyof ApplicationForm;
export const FORM_FIELDS = Object.keys(applicationFormSchema.shape) as FormField[];
const FIELD_SET = new Set<string>(FORM_FIELDS);
export const isFormField = (key: string): key is FormField => FIELD_SET.has(key);

/** Where each field is shown, named as on screen, and the element a link to it focuses. */
export const FIELD_INFO: Record<FormField, { label: string; step: Step; anchor: string }> = {
  title: { label: "Titre du projet", step: "projet", anchor: "title" },
  onBehalfOf: { label: "Porté au nom d’un groupe de collectivités", step: "projet", anchor: "onBehalfOf" },
  startDate: { label: "Date de début", step: "projet", anchor: "startDate" },
  durationMonths: { label: "Durée (en mois)", step: "projet", anchor: "durationMonths" },
  coApplicants: { label: "Co-demandeurs", step: "participants", anchor: "coApplicants" },
  partners: { label: "Partenaires étrangers", step: "participants", anchor: "partners" },
  pairings: { label: "Binômes", step: "participants", anchor: "pairings" },
  operators: { label: "Opérateurs", step: "participants", anchor: "operators" },
  summary: { label: "Résumé du projet", step: "contenu", anchor: "summary" },
  objectives: { label: "Objectifs", step: "contenu", anchor: "objectives" },
  expectedResults: { label: "Résultats attendus", step: "contenu", anchor: "expectedResults" },
  beneficiaries: { label: "Bénéficiaires", step: "contenu", anchor: "beneficiaries" },
  themes: { label: "Thématiques", step: "contenu", anchor: "themes" },
  sdgs: { label: "Objectifs de développement durable", step: "contenu", anchor: "sdgs" },
  expenses: { label: "Dépenses", step: "budget", anchor: "expenses-title" },
  ownContributions: { label: "Apports propres", step: "budget", anchor: "resources-title" },
  cofinancings: { label: "Co-financements", step: "budget", anchor: "resources-title" },
  requestedAmount: { label: "Montant demandé", step: "budget", anchor: "requestedAmount" },
};

/** Values compared by content, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * A value as the server stores it, for comparisons: text trimmed, amounts in
 * cents (« 12500 » and « 12 500,00 » are the same amount).
 */
function canonical(value: unknown, isAmount = false): unknown {
  if (typeof value === "string") {
    const text = value.trim();
    return isAmount ? (parseFrenchAmount(text) ?? text) : text;
  }
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, canonical(v, k === "amount")]),
    );
  }
  return value;
}

/** Two values of one field are the same once stored (see `canonical`). */
export function sameField(field: FormField, a: unknown, b: unknown): boolean {
  const amount = field === "requestedAmount";
  return sameValue(canonical(a, amount), canonical(b, amount));
}

export type FieldErrors = Record<string, string[]>;

/**
 * Validates each given field on its own: the valid ones come back parsed (ready
 * to save), the invalid ones are named, with their messages by path
 * (« expenses.0.amount »). Unknown keys are ignored.
 */
export function validateFields(values: Partial<Record<string, unknown>>): {
  valid: Partial<ApplicationForm>;
  invalid: FormField[];
  errors: FieldErrors;
} {
  const valid: Partial<Record<FormField, unknown>> = {};
  const invalid: FormField[] = [];
  const errors: FieldErrors = {};
  for (const field of FORM_FIELDS) {
    if (!(field in values)) continue;
    const parsed = applicationFormSchema.shape[field].safeParse(values[field]);
    if (parsed.success) {
      valid[field] = parsed.data;
      continue;
    }
    invalid.push(field);
    for (const issue of parsed.error.issues) {
      const key = [field, ...issue.path.map(String)].join(".");
      errors[key] = [...(errors[key] ?? []), issue.message];
    }
  }
  return { valid: valid as Partial<ApplicationForm>, invalid, errors };
}

/** The fields of `current` that differ from `base` (what is not saved yet). */
export function pendingChanges(base: ApplicationForm, current: ApplicationForm): FormField[] {
  return FORM_FIELDS.filter((field) => !sameField(field, base[field], current[field]));
}

export function pick<T extends object, K extends keyof T>(values: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = values[key];
  return out;
}

/**
 * Three-way merge: `base` is the version both sides started from (a field
 * missing from it is unknown: it counts as changed by both), `mine` and
 * `theirs` the two edited versions. A field changed by one side only takes
 * that side; a field both changed to different values is a conflict and keeps
 * `theirs` (what is saved) until the user chooses.
 */
export function mergeThreeWay(
  base: Partial<ApplicationForm>,
  mine: ApplicationForm,
  theirs: ApplicationForm,
): { merged: ApplicationForm; conflicts: FormField[] } {
  const merged = { ...theirs } as Record<FormField, unknown>;
  const conflicts: FormField[] = [];
  for (const field of FORM_FIELDS) {
    if (sameField(field, mine[field], theirs[field])) continue;
    const known = field in base;
    const mineChanged = !known || !sameField(field, base[field], mine[field]);
    const theirsChanged = !known || !sameField(field, base[field], theirs[field]);
    if (mineChanged && !theirsChanged) merged[field] = mine[field];
    else if (mineChanged && theirsChanged) conflicts.push(field);
  }
  return { merged: merged as ApplicationForm, conflicts };
}

/**
 * After a save, what the screen shows: the fields the user has not touched
 * since `base` take the saved version (a colleague's changes appear), the
 * others keep what the user typed. `updated` lists the fields that change on
 * screen.
 */
export function rebase(
  base: ApplicationForm,
  current: ApplicationForm,
  saved: ApplicationForm,
): { values: ApplicationForm; updated: FormField[] } {
  const values = { ...current } as Record<FormField, unknown>;
  const updated: FormField[] = [];
  for (const field of FORM_FIELDS) {
    if (sameField(field, base[field], current[field]) && !sameField(field, current[field], saved[field])) {
      values[field] = saved[field];
      updated.push(field);
    }
  }
  return { values: values as ApplicationForm, updated };
}

/**
 * The server's side of a save, without I/O: `saved` is the form saved at
 * `savedVersion`; the browser sends the fields it changed since `baseVersion`
 * (as typed) and what it read for them. Invalid fields are refused, valid ones
 * merged with what a colleague saved in between.
 */
export function applyChanges(input: {
  saved: ApplicationForm;
  savedVersion: number;
  baseVersion: number;
  changes: Partial<Record<string, unknown>>;
  base: Partial<Record<string, unknown>>;
}): {
  next: ApplicationForm;
  written: FormField[];
  conflicts: { field: FormField; mine: unknown; theirs: unknown }[];
  errors: FieldErrors;
  merged: boolean;
} {
  const { saved } = input;
  const { valid, errors } = validateFields(input.changes);
  const mine = { ...saved, ...valid };
  const merged = input.savedVersion !== input.baseVersion;
  // At the same version the browser's base is the saved form; otherwise what it says it read,
  // for the fields it changed (a field it does not say counts as changed by both sides).
  const base: Partial<ApplicationForm> = merged
    ? {
        ...pick(
          saved,
          FORM_FIELDS.filter((f) => !(f in valid)),
        ),
        ...Object.fromEntries(
          Object.keys(valid)
            .filter((f) => f in input.base)
            .map((f) => [f, input.base[f]]),
        ),
      }
    : saved;
  const result = mergeThreeWay(base, mine, saved);
  return {
    next: result.merged,
    written: FORM_FIELDS.filter((f) => !sameField(f, result.merged[f], saved[f])),
    conflicts: result.conflicts.map((field) => ({ field, mine: mine[field], theirs: saved[field] })),
    errors,
    merged,
  };
}
