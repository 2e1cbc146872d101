"use client";

import type { ActionResult } from "@/lib/result";

/** The first error of a field after a refused submission. */
export function fieldError(state: ActionResult<unknown> | null, name: string) {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

/** The server's answer under a form: a refusal (role="alert") or a confirmation (role="status"). */
export function FormMessage({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p role="alert" className="text-sm font-medium text-red-marianne-dark">
        {state.message}
      </p>
    );
  }
  return success ? (
    <p role="status" className="text-sm font-medium text-success">
      {success}
    </p>
  ) : null;
}
