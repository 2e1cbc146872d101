import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canViewOwnApplication } from "@/lib/authz/policy";
import { UUID } from "@/lib/ids";
import { FORBIDDEN_TITLE } from "@/lib/page-titles";
import { findApplication } from "./queries";

/** One read per request for the page and its metadata. */
export const findApplicationOnce = cache((id: string) => findApplication(getDb(), id));

/**
 * The title of an applicant's page about one application, computed under the
 * same policy as the page: a user who may not see the application never reads
 * its title in the tab (« Accès refusé »).
 */
export async function applicantPageTitle(
  id: string,
  titleOf: (application: { title: string; status: string }) => string,
  fallback: string,
): Promise<string> {
  if (!UUID.test(id)) return "Dossier introuvable";
  const user = await getCurrentUser();
  if (!user) return fallback;
  const loaded = await findApplicationOnce(id);
  if (!loaded) return "Dossier introuvable";
  if (!canViewOwnApplication(user, loaded.application)) return FORBIDDEN_TITLE;
  return titleOf(loaded.application);
}
