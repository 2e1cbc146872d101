"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Field, inputClass, primaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { requestSignInLink } from "@/lib/auth/actions";
import { emailSignInSchema } from "@/lib/auth/schema";
import type { z } from "@/lib/zod";

type Input = z.input<typeof emailSignInSchema>;

/**
 * E-mail link form. Works without JavaScript (plain form action); with it,
 * react-hook-form checks the address with the server's own schema first.
 */
export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(requestSignInLink, null);
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Input>({ resolver: zodResolver(emailSignInSchema), defaultValues: { email: "", callbackUrl } });

  const serverFieldError = state && !state.ok ? state.fieldErrors?.email?.[0] : undefined;
  const error = errors.email?.message ?? serverFieldError;

  return (
    <form
      action={formAction}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
      }}
      className="flex flex-col gap-4"
    >
      <input type="hidden" {...register("callbackUrl")} />
      <Field
        id="email"
        label="Adresse e-mail professionnelle"
        hint="Par exemple&nbsp;: prenom.nom@mairie-thiers.fr"
        error={error}
      >
        {(aria) => (
          <input type="email" autoComplete="email" className={inputClass} {...aria} {...register("email")} />
        )}
      </Field>
      {state && !state.ok && !state.fieldErrors && state.message ? (
        <Alert tone="error">{state.message}</Alert>
      ) : null}
      <div>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? "Envoi en cours…" : "Recevoir un lien de connexion"}
        </button>
      </div>
    </form>
  );
}
