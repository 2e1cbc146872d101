import type { Principal } from "@/lib/authz/principal";
import { FORBIDDEN_TITLE } from "@/lib/page-titles";
import { getCurrentUser } from "./current-user";

/** What a staff page's title reader answers: the record's title, or why it may not name it. */
export type StaffTitle = string | "forbidden" | "not-found";

/**
 * The `<title>` of a staff page about one record, computed under the same
 * policy as the page (the reader asks `lib/authz/policy.ts`): a user who may
 * not see the record never reads its name in the tab. Signed out, the page
 * redirects to sign-in, so the generic title is enough.
 */
export async function staffPageTitle(
  fallback: string,
  read: (user: Principal) => Promise<StaffTitle>,
): Promise<string> {
  const user = await getCurrentUser();
  if (!user) return fallback;
  const title = await read(user);
  if (title === "forbidden") return FORBIDDEN_TITLE;
  if (title === "not-found") return fallback;
  return title;
}
