"use client";

import { useActionState } from "react";
import { Field, inputClass, secondaryButtonClass } from "@/components/form/field";
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
        <label className="flex items-center gap-2">
          <input type="radio" name="role" value="member" defaultChecked /> Membre
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="role" value="manager" /> Gestionnaire
        </label>
      </fieldset>
      <div>
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Envoyer l’invitation
        </button>
      </div>
      {state?.ok ? (
        <p role="status" className="text-sm text-success">
          Invitation envoyée.
        </p>
      ) : null}
    </form>
  );
}
