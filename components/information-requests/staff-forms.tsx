"use client";

import { useActionState } from "react";
import { Field, inputClass, secondaryButtonClass } from "@/components/form/field";
import { Outcome } from "@/components/review/forms";
import type { ActionResult } from "@/lib/result";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A reviewer's request: a new thread, or (threadId) a new request in an open thread. */
export function InformationRequestForm({
  action,
  applicationId,
  threadId,
}: {
  action: (
    prev: ActionResult<{ recipients: number }> | null,
    formData: FormData,
  ) => Promise<ActionResult<{ recipients: number }>>;
  applicationId: string;
  threadId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = threadId ? `information-message-${threadId}` : "information-message";
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      {threadId ? <input type="hidden" name="threadId" value={threadId} /> : null}
      <Field
        id={id}
        label={threadId ? "Nouvelle demande dans cet échange" : "Votre demande au porteur"}
        hint="Le porteur la reçoit par courriel et y répond depuis son espace, avec des documents s’il le faut. 5 000 caractères au plus."
        error={state && !state.ok ? state.fieldErrors?.message?.join(" ") : undefined}
      >
        {(p) => <textarea {...p} name="message" rows={4} className={inputClass} />}
      </Field>
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {threadId ? "Demander de nouveau" : "Demander des compléments"}
        </button>
      </div>
      <Outcome
        state={state}
        success={
          state?.ok && state.data.recipients === 0
            ? "Demande enregistrée, mais aucun courriel n’a pu partir\u00a0: l’organisation porteuse n’a aucun membre actif. Elle verra la demande dans son espace quand un membre la rejoindra\u00a0; prévenez-la par un autre moyen."
            : "Demande envoyée au porteur par courriel."
        }
      />
    </form>
  );
}

/** Closing a thread: no answer is expected any more. */
export function CloseThreadForm({
  action,
  applicationId,
  threadId,
}: {
  action: Action;
  applicationId: string;
  threadId: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="threadId" value={threadId} />
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Clore cette demande
        </button>
      </div>
      <Outcome state={state} success="Demande close." />
    </form>
  );
}
