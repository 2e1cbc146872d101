import { forbidden, redirect } from "next/navigation";
import type { Principal } from "@/lib/authz/principal";
import { getCurrentUser } from "./current-user";

/** The signed-in user, or a redirect to the sign-in page that comes back to `path`. */
export async function requireUser(path: string): Promise<Principal> {
  const user = await getCurrentUser();
  if (!user) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/** Answers 403 (app/forbidden.tsx) unless the policy allowed it. */
export function allowOrForbid(allowed: boolean): asserts allowed {
  if (!allowed) forbidden();
}
