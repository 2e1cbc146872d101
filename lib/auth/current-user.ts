import { cache } from "react";
import type { Principal } from "@/lib/authz/principal";
import { auth } from "./auth";
import { loadPrincipal } from "./principal";

export { loadPrincipal };

/** The signed-in user of this request, or null. Cached for the duration of one request. */
export const getCurrentUser = cache(async (): Promise<Principal | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadPrincipal(id) : null;
});
