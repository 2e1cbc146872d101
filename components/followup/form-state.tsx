"use client";

import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/result";

/** The first error of a field after a refused submission. */
export function fieldError(state: ActionResult<unknown> | null, name: string) {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

/** The server's answer under a form: a refusal (role="alert") or a confirmation (role="status"). */
export function FormMessage({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  if (!state) return null;
  if (!state.ok) {
    return <Alert tone="error">{state.message}</Alert>;
  }
  return success ? <Alert tone="success">{success}</Alert> : null;
}
