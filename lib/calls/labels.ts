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

const NBSP = "\u00a0";
const PREFIX = /^appel à projets\b/i;

/**
 * The call as a sentence names it: most titles already start with « Appel à
 * projets » (« Appel à projets « Jeunesse VI » 2026 »), and quoting them after
 * the words would say it twice. « Appel à projets « Généraliste » » otherwise.
 */
export function callName(title: string): string {
  const t = title.trim();
  return PREFIX.test(t) ? t : `Appel à projets «${NBSP}${t}${NBSP}»`;
}

/** The same inside a sentence: « au titre de l’appel à projets « Jeunesse VI » 2026 ». */
export function callReference(title: string): string {
  const name = callName(title);
  return `l’a${name.slice(1)}`;
}
