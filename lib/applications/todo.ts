/**
 * What waits for an applicant, shown first in « Mon espace » and « Mes
 * dossiers »: information requests to answer, drafts of calls still open
 * (days left, items missing), decisions to read. A decision has no « read »
 * mark: it stays on the list for DECISION_TODO_DAYS after the call's results
 * are published, the time the applicant is expected to act on it.
 */

import { isReviewable } from "./lifecycle";
import { countdownLabel, isBeforeDeadline } from "./rules";

export const DECISION_TODO_DAYS = 30;

export type TodoSource = {
  id: string;
  title: string;
  status: string;
  callTitle: string;
  callClosesAt: Date;
  callResultsPublishedAt: Date | null;
  /** An information request's thread waits for this application's answer. */
  awaitingAnswer: boolean;
  /** For a draft: how many items the completeness check still lists. */
  missingCount: number | null;
};

export type TodoItem = {
  kind: "answer" | "draft" | "decision";
  applicationId: string;
  href: string;
  /** The link's text: what to do, on which application. */
  label: string;
  detail: string;
};

const plural = (n: number, one: string, many: string) => `${n}\u00a0${n > 1 ? many : one}`;

export function applicantTodos(sources: readonly TodoSource[], now: Date): TodoItem[] {
  const answers: TodoItem[] = [];
  const drafts: (TodoItem & { closesAt: number })[] = [];
  const decisions: (TodoItem & { publishedAt: number })[] = [];
  for (const a of sources) {
    if (a.awaitingAnswer && isReviewable(a.status)) {
      answers.push({
        kind: "answer",
        applicationId: a.id,
        href: `/espace/dossiers/${a.id}#echanges`,
        label: `Répondre à la demande de compléments sur «\u00a0${a.title}\u00a0»`,
        detail: `Appel à projets «\u00a0${a.callTitle}\u00a0»\u00a0: l’instruction reprend dès votre réponse.`,
      });
    } else if (a.status === "draft" && isBeforeDeadline(now, a.callClosesAt)) {
      const missing = a.missingCount ?? 0;
      drafts.push({
        kind: "draft",
        applicationId: a.id,
        href: missing > 0 ? `/espace/dossiers/${a.id}/verification` : `/espace/dossiers/${a.id}`,
        label: `${missing > 0 ? "Compléter" : "Déposer"} le brouillon «\u00a0${a.title}\u00a0»`,
        detail: `${countdownLabel(now, a.callClosesAt)} — ${
          missing > 0
            ? `${plural(missing, "élément manquant", "éléments manquants")}`
            : "complet, prêt à déposer"
        }.`,
        closesAt: a.callClosesAt.getTime(),
      });
    } else if (
      (a.status === "accepted" || a.status === "rejected") &&
      a.callResultsPublishedAt !== null &&
      a.callResultsPublishedAt.getTime() <= now.getTime() &&
      now.getTime() - a.callResultsPublishedAt.getTime() < DECISION_TODO_DAYS * 86_400_000
    ) {
      decisions.push({
        kind: "decision",
        applicationId: a.id,
        href: `/espace/dossiers/${a.id}#decision-title`,
        label: `Lire la décision sur «\u00a0${a.title}\u00a0»`,
        detail:
          a.status === "accepted"
            ? "Projet retenu\u00a0: la lettre de décision est disponible."
            : "Décision publiée.",
        publishedAt: a.callResultsPublishedAt.getTime(),
      });
    }
  }
  drafts.sort((x, y) => x.closesAt - y.closesAt);
  decisions.sort((x, y) => y.publishedAt - x.publishedAt);
  const strip = <T extends TodoItem>({ kind, applicationId, href, label, detail }: T): TodoItem => ({
    kind,
    applicationId,
    href,
    label,
    detail,
  });
  return [...answers, ...drafts.map(strip), ...decisions.map(strip)];
}
