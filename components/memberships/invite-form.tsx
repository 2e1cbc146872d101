"use client";

import { useActionState } from "react";
import { Radio } from "@/components/form/choice";
import { Field, inputClass, secondaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { inviteMember } from "@/lib/memberships/actions";

export function InviteForm({ organisationId }: { organisationId: number }) {
  const [state, action, pending] = useActionState(inviteMember, null);
  const error = state && !state.ok ? (state.fieldErrors?.email?.[0] ?? state.message) : undefined;
  return (
    <form action={action} className="mt-4 flex flex-col gap-3 sm:max-w-lg">
      <input type="hidden" name="organisationId" value={organisationId} />
      <Field
        id={`invite-${organisationId}`}
        label="Inviter un ou une collègue (adresse e-mail)"
        error={error}
      >
        {(aria) => <input name="email" type="email" autoComplete="off" className={inputClass} {...aria} />}
      </Field>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Rôle</legend>
        <Radio
          id={`invite-${organisationId}-member`}
          name="role"
          value="member"
          defaultChecked
          label="Membre"
        />
        <Radio id={`invite-${organisationId}-manager`} name="role" value="manager" label="Gestionnaire" />
      </fieldset>
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Envoyer l’invitation
        </button>
      </div>
      {state?.ok ? <Alert tone="success">Invitation envoyée.</Alert> : null}
    </form>
  );
}
