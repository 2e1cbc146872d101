/**
 * Pure rules of an application's life: who may change it in which status, the
 * deadline, the receipt number, and what is still missing before submission.
 */
import { parseFrenchAmount } from "./amounts";
import { type BudgetIssue, budgetIssues, type CallLimits } from "./budget";
import type { ApplicationStatus } from "./lifecycle";
import { type CallWindow, scheduleIssues } from "./schedule";
import { type ApplicationForm, partnerKey } from "./schema";

/**
 * What the save stores when the title is blank (the column is never empty, lists
 * need a name). It is no title: the form shows it blank and submission refuses it.
 */
export const UNTITLED_APPLICATION = "Dossier sans titre";

/** A title the submission accepts: three characters at least, and not the placeholder of a blank one. */
export function hasRealTitle(title: string) {
  const t = title.trim();
  return t.length >= 3 && t !== UNTITLED_APPLICATION;
}

export type { ApplicationStatus };

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: "Brouillon",
  submitted: "Déposé",
  in_review: "En instruction",
  information_requested: "Compléments demandés",
  accepted: "Retenu",
  rejected: "Non retenu",
  withdrawn: "Retiré",
};

/**
 * Submission is accepted up to the closing second included: a call closing at
 * 23:59:59 (Paris) accepts 23:59:59.999 and refuses 00:00:00.000.
 */
export function isBeforeDeadline(now: Date, closesAt: Date) {
  return Math.floor(now.getTime() / 1000) <= Math.floor(closesAt.getTime() / 1000);
}

/** `2026-FSP-0042`: the call's year and code, and the call's sequence on four digits. */
export function formatReceiptNumber(year: number, callCode: string, seq: number) {
  return `${year}-${callCode}-${String(seq).padStart(4, "0")}`;
}

/** Seconds left before the closing time (0 when closed). */
export function secondsLeft(now: Date, closesAt: Date) {
  return Math.max(0, Math.floor((closesAt.getTime() - now.getTime()) / 1000));
}

/** « 12 jours », « 5 heures », « 1 minute », or null when closed: the time left, in the unit that says it. */
export function timeLeftLabel(now: Date, closesAt: Date): string | null {
  const seconds = secondsLeft(now, closesAt);
  if (seconds === 0) return null;
  const days = Math.floor(seconds / 86_400);
  if (days >= 2) return `${days} jours`;
  const hours = Math.floor(seconds / 3600);
  if (hours >= 2) return `${hours} heures`;
  const minutes = Math.max(1, Math.floor(seconds / 60));
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

/** « dans 12 jours », « dans 5 heures », « clos »: the countdown shown in lists. */
export function countdownLabel(now: Date, closesAt: Date) {
  const left = timeLeftLabel(now, closesAt);
  return left === null ? "Clos" : `Clôture dans ${left}`;
}

export type Step = "projet" | "participants" | "contenu" | "budget" | "documents";

/** The form's steps, in order (the sixth, « vérification et dépôt », is a page of its own). */
export const STEPS: { key: Step; label: string }[] = [
  { key: "projet", label: "Projet" },
  { key: "participants", label: "Participants" },
  { key: "contenu", label: "Contenu" },
  { key: "budget", label: "Budget" },
  { key: "documents", label: "Pièces jointes" },
];

export type MissingItem = { step: Step; field: string; message: string };

export type RequiredDocumentState = { id: string; label: string; mandatory: boolean; uploaded: boolean };

const BUDGET_MESSAGES: Record<BudgetIssue, (limits: CallLimits) => string> = {
  empty: () => "Le budget ne comporte aucune dépense.",
  no_request: () => "Le montant demandé au ministère n’est pas renseigné.",
  unbalanced: () =>
    "Le budget n’est pas équilibré\u00a0: le total des ressources doit égaler le total des dépenses.",
  above_max_grant: () => "Le montant demandé dépasse la subvention maximale de l’appel.",
  above_max_share: (limits) =>
    `Le montant demandé dépasse ${limits.maxSharePercent}\u00a0% du budget total, la part maximale de l’appel.`,
};

/** Cents of an amount as typed; blank or unreadable counts as 0 (the schema reports unreadable ones). */
export function centsOf(amount: string) {
  return parseFrenchAmount(amount) ?? 0;
}

/**
 * Everything that prevents submission, each with the step and the field id it
 * links to. The server runs it again at submission, whatever the page showed.
 */
export function missingItems(
  form: ApplicationForm,
  limits: CallLimits & CallWindow,
  documents: readonly RequiredDocumentState[],
): MissingItem[] {
  const items: MissingItem[] = [];
  const need = (ok: boolean, step: Step, field: string, message: string) => {
    if (!ok) items.push({ step, field, message });
  };
  need(
    hasRealTitle(form.title),
    "projet",
    "title",
    "Le titre du projet est à compléter (3\u00a0caractères au moins).",
  );
  for (const issue of scheduleIssues(form, limits)) items.push({ step: "projet", ...issue });

  need(form.partners.length > 0, "participants", "partner-name", "Ajoutez au moins un partenaire étranger.");
  const paired = new Set(form.pairings.map((p) => p.partnerKey));
  need(
    form.partners.length === 0 || form.partners.every((p) => paired.has(partnerKey(p))),
    "participants",
    "pairing-organisation",
    "Chaque partenaire étranger doit faire partie d’au moins un binôme.",
  );

  need(form.summary.trim() !== "", "contenu", "summary", "Le résumé du projet est à rédiger.");
  need(form.objectives.trim() !== "", "contenu", "objectives", "Les objectifs du projet sont à rédiger.");
  need(
    form.expectedResults.trim() !== "",
    "contenu",
    "expectedResults",
    "Les résultats attendus sont à décrire.",
  );
  need(form.beneficiaries.trim() !== "", "contenu", "beneficiaries", "Les bénéficiaires sont à décrire.");
  need(form.themes.length > 0, "contenu", "themes", "Choisissez au moins une thématique.");
  need(form.sdgs.length > 0, "contenu", "sdgs", "Choisissez au moins un objectif de développement durable.");

  form.expenses.forEach((line, index) => {
    need(
      line.label.trim() !== "",
      "budget",
      `expenses.${index}.label`,
      `Le libellé de la dépense n° ${index + 1} est à compléter.`,
    );
    need(
      centsOf(line.amount) > 0,
      "budget",
      `expenses.${index}.amount`,
      `Le montant de la dépense n° ${index + 1} est à compléter.`,
    );
  });
  form.cofinancings.forEach((line, index) => {
    need(
      line.funderName.trim() !== "",
      "budget",
      `cofinancings.${index}.funderName`,
      `Le nom du co-financeur n° ${index + 1} est à compléter.`,
    );
  });
  for (const issue of budgetIssues(
    {
      expenses: form.expenses.map((l) => centsOf(l.amount)),
      ownContributions: form.ownContributions.map((l) => centsOf(l.amount)),
      cofinancings: form.cofinancings.map((l) => centsOf(l.amount)),
      requestedCents: centsOf(form.requestedAmount),
    },
    limits,
  )) {
    const field =
      issue === "empty" ? "add-expense" : issue === "unbalanced" ? "budget-totals" : "requestedAmount";
    items.push({ step: "budget", field, message: BUDGET_MESSAGES[issue](limits) });
  }

  for (const document of documents) {
    need(
      !document.mandatory || document.uploaded,
      "documents",
      `document-${document.id}`,
      `Pièce obligatoire manquante\u00a0: ${document.label}.`,
    );
  }
  return items;
}

/**
 * The status the applicant sees: a decision stays hidden (shown as « en
 * instruction ») until the call's results are published.
 */
export function applicantVisibleStatus(
  status: ApplicationStatus,
  resultsPublished: boolean,
): ApplicationStatus {
  if ((status === "accepted" || status === "rejected") && !resultsPublished) return "in_review";
  return status;
}
