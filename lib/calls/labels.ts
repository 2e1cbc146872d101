import type { applications } from "@/db/schema";

type ApplicationStatus = (typeof applications.status.enumValues)[number];

/** Application statuses as the admin dashboard names them, in lifecycle order. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: "Brouillon",
  submitted: "Déposé",
  in_review: "En instruction",
  information_requested: "Compléments demandés",
  accepted: "Retenu",
  rejected: "Non retenu",
  withdrawn: "Retiré",
};
