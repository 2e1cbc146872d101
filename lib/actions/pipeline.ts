import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { Principal } from "@/lib/authz/principal";
import { requestLog } from "@/lib/log";
import { type ActionResult, DomainError, fail, GENERIC_ERROR } from "@/lib/result";
import { z } from "@/lib/zod";

/**
 * The one pipeline of a server action (docs/development.md, « A server action »):
 *
 * 1. the signed-in user, or a refusal;
 * 2. the ids the action is about (`key`), read with their schema — a malformed
 *    id is « not found », never a field error;
 * 3. `access`: loads the resource and asks the policy, before anything else
 *    of the form is read, so a user who may not act learns nothing of the
 *    form's rules or of the record;
 * 4. the rest of the form (`input`), with its schema: field errors in French;
 * 5. `run`: the transaction, with its audit events and e-mails;
 * 6. on success, the paths to revalidate, then the page to open (`redirect`).
 *
 * Refusals are `DomainError`s (thrown anywhere in the steps) or a `fail()`
 * returned by `run`; anything else is logged with the action's name, the
 * request id and the user's id, and shown as the generic message. Next's own
 * redirects and `notFound()` go through.
 *
 * `anonymous: true` is for the few actions whose caller has no session by
 * definition (asking for a sign-in link): step 1 is skipped and `access` and
 * `run` get no user, so the rest of the steps (and the one error style) stay
 * the same instead of a second pipeline. It is a separate spec type so that an
 * action for signed-in users can never receive a missing user by mistake.
 */

export const NOT_SIGNED_IN = "Votre session a expiré\u00a0: reconnectez-vous.";
export const INVALID_FORM = "Le formulaire contient des erreurs\u00a0: corrigez les champs signalés.";

type Fields = readonly string[];
/** The form's fields by name, or how to read the form (a JSON payload…). */
type Reader = Fields | ((formData: FormData) => unknown);

type Steps<U, K, R, I, O> = {
  /** For the log. */
  name: string;
  /** The refusal of a signed-out caller, when the form has more to say (what was typed stays). */
  signedOut?: string;
  key?: { schema: z.ZodType<K>; notFound: string } & (
    | { fields: Fields }
    | { read: (formData: FormData) => unknown }
  );
  /** Loads the resource and checks the policy; refuses by throwing (see `refuse`). */
  access: (user: U, key: K) => Promise<R> | R;
  input?: {
    schema: z.ZodType<I>;
    read: Reader;
    /** One message instead of field errors (a form that only carries a choice). */
    invalid?: string;
    /** The message above the field errors, instead of INVALID_FORM (a form with one field says what it needs). */
    message?: string;
    /** Field errors from the schema's error, when the form's paths are nested. */
    fieldErrors?: (error: z.ZodError) => Record<string, string[] | undefined>;
  };
  run: (ctx: { user: U; key: K; resource: R; input: I }) => Promise<ActionResult<O>>;
  /** Paths whose pages change with a success. */
  revalidate?: (ctx: { key: K; resource: R; data: O }) => readonly string[];
  /** The page to open after a success (after the revalidation): Next's redirect, thrown. */
  redirect?: (ctx: { key: K; resource: R; data: O }) => string;
  /** Database errors the user can act on (a unique key…), told in words. */
  known?: (error: unknown) => ActionResult<never> | null;
};

export type ActionSpec<K, R, I, O> = Steps<Principal, K, R, I, O> & { anonymous?: false };
/** An action whose caller is not signed in (see above): no user in `access` nor `run`. */
export type AnonymousActionSpec<K, R, I, O> = Steps<null, K, R, I, O> & { anonymous: true };

const fieldsOf = (formData: FormData, names: Fields) =>
  Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));
const readWith = (formData: FormData, read: Reader) =>
  typeof read === "function" ? read(formData) : fieldsOf(formData, read);

/**
 * Refusals for `access`: thrown, returned by the pipeline as the action's result.
 * (Typed explicitly so that TypeScript knows the code after a call is unreachable.)
 */
export const refuse: { notFound(message: string): never; forbidden(message: string): never } = {
  notFound(message: string): never {
    throw new DomainError("not_found", message);
  },
  forbidden(message: string): never {
    throw new DomainError("forbidden", message);
  },
};

/** Refuses unless the policy said yes. */
export function permit(allowed: boolean, message: string): asserts allowed {
  if (!allowed) refuse.forbidden(message);
}

export function runAction<K = undefined, R = undefined, I = undefined, O = undefined>(
  formData: FormData,
  spec: ActionSpec<K, R, I, O>,
): Promise<ActionResult<O>>;
export function runAction<K = undefined, R = undefined, I = undefined, O = undefined>(
  formData: FormData,
  spec: AnonymousActionSpec<K, R, I, O>,
): Promise<ActionResult<O>>;
export async function runAction<K, R, I, O>(
  formData: FormData,
  spec: ActionSpec<K, R, I, O> | AnonymousActionSpec<K, R, I, O>,
): Promise<ActionResult<O>> {
  let user: Principal | null = null;
  try {
    if (!spec.anonymous) {
      user = await getCurrentUser();
      if (!user) return fail("unauthenticated", spec.signedOut ?? NOT_SIGNED_IN);
    }
    // One spec or the other: `user` is a Principal unless the spec said anonymous.
    const steps = spec as Steps<Principal | null, K, R, I, O>;
    let key = undefined as K;
    if (spec.key) {
      const read = "read" in spec.key ? spec.key.read : spec.key.fields;
      const parsed = spec.key.schema.safeParse(readWith(formData, read));
      if (!parsed.success) return fail("not_found", spec.key.notFound);
      key = parsed.data;
    }
    const resource = await steps.access(user, key);
    let input = undefined as I;
    if (spec.input) {
      const parsed = spec.input.schema.safeParse(readWith(formData, spec.input.read));
      if (!parsed.success) {
        if (spec.input.invalid) return fail("invalid", spec.input.invalid);
        const fieldErrors =
          spec.input.fieldErrors?.(parsed.error) ?? z.flattenError(parsed.error).fieldErrors;
        return fail(
          "invalid",
          spec.input.message ?? INVALID_FORM,
          fieldErrors as Record<string, string[] | undefined>,
        );
      }
      input = parsed.data;
    }
    const result = await steps.run({ user, key, resource, input });
    if (result.ok) {
      const done = { key, resource, data: result.data };
      for (const path of spec.revalidate?.(done) ?? []) revalidatePath(path);
      if (spec.redirect) redirect(spec.redirect(done));
    }
    return result;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof DomainError) return fail(error.code, error.message, error.fieldErrors);
    const known = spec.known?.(error);
    if (known) return known;
    (await requestLog({ action: spec.name, userId: user?.id ?? null })).error(
      { err: error },
      "action failed",
    );
    return fail("unexpected", GENERIC_ERROR);
  }
}
