"use client";

import { useActionState } from "react";
import { primaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { applyBulkAssignment } from "@/lib/assignment/actions";

/** Applies the previewed plan; the server refuses if the plan changed since the preview. */
export function BulkAssignmentApply({
  callId,
  sameDepartementRule,
  fingerprint,
  count,
}: {
  callId: string;
  sameDepartementRule: boolean;
  fingerprint: string;
  count: number;
}) {
  const [state, action, pending] = useActionState(applyBulkAssignment, null);
  return (
    <form action={action} className="mt-4 flex flex-col gap-2">
      <input type="hidden" name="callId" value={callId} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      {sameDepartementRule ? <input type="hidden" name="sameDepartementRule" value="on" /> : null}
      {state?.ok ? (
        <Alert tone="success">
          {state.data.created} affectation{state.data.created > 1 ? "s" : ""} créée
          {state.data.created > 1 ? "s" : ""}.
        </Alert>
      ) : count > 0 ? (
        <div>
          <button type="submit" className={primaryButtonClass} disabled={pending}>
            Appliquer les {count} affectation{count > 1 ? "s" : ""} proposée{count > 1 ? "s" : ""}
          </button>
        </div>
      ) : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
