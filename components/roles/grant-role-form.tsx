"use client";

import { useActionState } from "react";
import { Field, inputClass, primaryButtonClass, selectClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { grantRole } from "@/lib/roles/actions";

export function GrantRoleForm({ networks }: { networks: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(grantRole, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="mt-4 grid gap-4 sm:max-w-xl">
      <Field id="grant-email" label="Adresse e-mail" error={errors?.email?.[0]}>
        {(aria) => <input name="email" type="email" className={inputClass} {...aria} />}
      </Field>
      <Field id="grant-role" label="Rôle" error={errors?.role?.[0]}>
        {(aria) => (
          <select name="role" className={selectClass} {...aria}>
            <option value="reviewer">Instructeur</option>
            <option value="admin">Administrateur</option>
            <option value="network_editor">Éditeur de réseau</option>
          </select>
        )}
      </Field>
      <Field id="grant-network" label="Réseau (éditeurs seulement)" error={errors?.networkId?.[0]}>
        {(aria) => (
          <select name="networkId" className={selectClass} {...aria}>
            <option value="">—</option>
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">Rôle attribué.</Alert> : null}
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Attribuer le rôle
        </button>
      </div>
    </form>
  );
}
