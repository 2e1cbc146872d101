/** What every server action returns: data, or a French message for the user (and per-field messages). */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[] | undefined> };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(
  code: string,
  message: string,
  fieldErrors?: Record<string, string[] | undefined>,
): ActionResult<never> {
  return { ok: false, code, message, fieldErrors };
}

/** A refusal the user can understand; anything else is logged and shown as a generic message. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[] | undefined>,
  ) {
    super(message);
  }
}

/** Runs an action's body: a DomainError thrown on the way is returned as its refusal; anything else propagates. */
export async function refusing<T>(body: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message, error.fieldErrors);
    throw error;
  }
}

export const GENERIC_ERROR =
  "Une erreur inattendue s'est produite. Réessayez dans un instant\u00a0; si elle persiste, contactez le support.";
