"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/result";

/**
 * A one-button form calling a server action with hidden values, showing the
 * server's refusal next to the button. Works without JavaScript too.
 */
export function ActionButton({
  action,
  values,
  label,
  accessibleLabel,
  className,
}: {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  values: Record<string, string>;
  label: string;
  accessibleLabel?: string;
  className: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={pending} aria-label={accessibleLabel}>
        {label}
      </button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
