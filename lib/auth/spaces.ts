import {
  canAccessAdmin,
  canAccessApplicantSpace,
  canAccessNetworkSpace,
  canAccessReviewSpace,
} from "@/lib/authz/policy";
import type { Viewer } from "@/lib/authz/principal";

export type SpaceLink = { href: string; label: string };

/** The private spaces a user may open, for the header menu. */
export function spacesOf(user: Viewer): SpaceLink[] {
  const links: SpaceLink[] = [];
  if (canAccessApplicantSpace(user)) links.push({ href: "/espace", label: "Mon espace" });
  if (canAccessReviewSpace(user)) links.push({ href: "/instruction", label: "Instruction" });
  if (canAccessNetworkSpace(user)) links.push({ href: "/reseau", label: "Réseau" });
  if (canAccessAdmin(user)) links.push({ href: "/admin", label: "Administration" });
  return links;
}
