"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
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
import type { ApplicationForm as FormValues } from "@/lib/applications/schema";

/**
 * The application form's autosave engine: what the server has (`base`, at
 * `version`), what this browser has not sent yet (kept in localStorage across
 * reloads), saving a little after typing stops and when the tab is hidden,
 * merging a colleague's changes and offering a choice where both changed a
 * field, and asking before leaving with unsaved changes. The form component
 * only wires fields and steps to it.
 */

type Conflict = SaveConflict;
export type SaveState =
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

export function useAutosave({
  applicationId,
  initialVersion,
  initialValues,
  savedAtLabel,
  form,
}: {
  applicationId: string;
  initialVersion: number;
  initialValues: FormValues;
  savedAtLabel: string;
  form: UseFormReturn<FormValues>;
}) {
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const [savedAt, setSavedAt] = useState(savedAtLabel);
  /** Fields not saved because they are invalid, with the path of their first error. */
  const [invalid, setInvalid] = useState<{ field: FormField; path: string }[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
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

  /** Changed fields not waiting for a choice whose values are invalid (not saved). */
  const invalidPending = useCallback(() => {
    const current = snapshot();
    const waiting = new Set(conflictsRef.current.map((c) => c.field));
    return validateFields(
      pick(
        current,
        pendingChanges(base.current, current).filter((f) => !waiting.has(f)),
      ),
    ).invalid;
  }, [snapshot]);

  /** The user's choice on a conflict: their value, or the colleague's. */
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

  return { state, savedAt, invalid, conflicts, notice, conflictHeading, save, choose, invalidPending };
}
