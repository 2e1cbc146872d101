/**
 * Amount rules and the decision aid: plain functions, unit-tested. Amounts are
 * integer cents.
 */

export type AmountLimits = {
  requestedCents: number;
  callMaxGrantCents: number;
  /** Percent of the project's total budget the ministry may fund at most. */
  maxSharePercent: number;
  /** Total budget of the project (expenses), in cents. */
  totalBudgetCents: number;
};

/** The highest amount these rules allow. */
export function maxGrantable(limits: AmountLimits): number {
  const shareCap = Math.floor((limits.totalBudgetCents * limits.maxSharePercent) / 100);
  return Math.max(0, Math.min(limits.requestedCents, limits.callMaxGrantCents, shareCap));
}

/** French messages for every rule a granted amount breaks (empty when it is valid). */
export function grantedAmountErrors(
  grantedCents: number,
  limits: AmountLimits,
  formatMoney: (cents: number) => string,
) {
  const errors: string[] = [];
  if (!Number.isInteger(grantedCents) || grantedCents <= 0) {
    errors.push("Le montant accordé doit être supérieur à zéro.");
    return errors;
  }
  if (grantedCents > limits.requestedCents) {
    errors.push(
      `Le montant accordé ne peut dépasser le montant demandé (${formatMoney(limits.requestedCents)}).`,
    );
  }
  if (grantedCents > limits.callMaxGrantCents) {
    errors.push(
      `Le montant accordé ne peut dépasser la subvention maximale de l’appel (${formatMoney(limits.callMaxGrantCents)}).`,
    );
  }
  const shareCap = Math.floor((limits.totalBudgetCents * limits.maxSharePercent) / 100);
  if (grantedCents > shareCap) {
    errors.push(
      `Le montant accordé ne peut dépasser ${limits.maxSharePercent} % du budget total du projet (${formatMoney(shareCap)}).`,
    );
  }
  return errors;
}

/** What is left of a call's envelope once the other applications' grants are counted (never below 0). */
export function envelopeLeft(envelopeCents: number, grantedElsewhereCents: number) {
  return Math.max(0, envelopeCents - grantedElsewhereCents);
}

/**
 * The envelope rule: the grants of a call, this one included, stay within its
 * envelope. `grantedElsewhereCents` counts every accepted decision of the call
 * but this application's own (a revision replaces it).
 */
export function envelopeErrors(
  grantedCents: number,
  envelope: { envelopeCents: number; grantedElsewhereCents: number },
  formatMoney: (cents: number) => string,
) {
  const left = envelopeLeft(envelope.envelopeCents, envelope.grantedElsewhereCents);
  if (grantedCents <= left) return [];
  return [
    `Ce montant dépasse l’enveloppe de l’appel\u00a0: il reste ${formatMoney(left)} à accorder sur ${formatMoney(envelope.envelopeCents)}.`,
  ];
}

/** The call's envelope may not go below what its accepted decisions already grant. */
export function envelopeBelowGranted(
  envelopeCents: number,
  grantedCents: number,
  formatMoney: (cents: number) => string,
) {
  return envelopeCents < grantedCents
    ? `L’enveloppe ne peut être inférieure au montant déjà accordé sur cet appel (${formatMoney(grantedCents)}).`
    : null;
}

export type DecisionDraft =
  | { outcome: "accepted"; grantedAmount: number }
  | { outcome: "rejected"; rejectionReason: string };

/** The sentence the admin confirms before the decision is recorded: the decision and amount restated. */
export function decisionRestatement(
  draft: DecisionDraft,
  formatMoney: (cents: number) => string,
  revision: boolean,
) {
  const verb = revision ? "corriger la décision\u00a0: " : "";
  return draft.outcome === "accepted"
    ? `Vous allez ${verb}accepter ce dossier pour ${formatMoney(draft.grantedAmount)}.`
    : `Vous allez ${verb}refuser ce dossier, avec le motif\u00a0: «\u00a0${draft.rejectionReason}\u00a0».`;
}

export type Candidate = {
  id: string;
  title: string;
  /** Mean weighted score /100 of the submitted reviews; null when none is submitted. */
  score: number | null;
  requestedCents: number;
  /** Submitted reviews, and how many are expected (assigned reviewers without a conflict). */
  reviewCount?: number;
  expectedReviews?: number;
  /** The reviewers disagree (spread above the threshold). */
  divergent?: boolean;
  /** Submitted reviews recommending rejection. */
  unfavourable?: number;
  /** Mean per-reviewer z-score; null when the reviewers' scores give none. */
  normalised?: number | null;
};
export type AidReason =
  | "selected"
  | "partial"
  | "not_reviewed"
  | "incomplete"
  | "below_min_score"
  | "over_envelope"
  | "lower_total"
  | "zero_request";
/** What the aid knows is weak about a line, shown whatever it proposes. */
export type AidFlag = "incomplete" | "divergent" | "unfavourable";
export type AidLine = Candidate & {
  selected: boolean;
  reason: AidReason;
  /** What the aid proposes to grant (the request, or less for a partial grant); 0 when left out. */
  proposedCents: number;
  flags: AidFlag[];
};
export type AidResult = { lines: AidLine[]; totalScore: number; totalCents: number; remainingCents: number };
export type AidOptions = {
  /** Applications below this mean score /100 are left out. */
  minScore?: number | null;
  /** Propose applications with fewer submitted reviews than expected (flagged); left out otherwise. */
  includeIncomplete?: boolean;
  /** What is left after the selection may go, as a partial grant, to the best application left out. */
  allowPartial?: boolean;
};

export function isIncomplete(c: Candidate) {
  return c.expectedReviews !== undefined && (c.reviewCount ?? 0) < c.expectedReviews;
}

function flagsOf(c: Candidate): AidFlag[] {
  const flags: AidFlag[] = [];
  if (c.score !== null && isIncomplete(c)) flags.push("incomplete");
  if (c.divergent) flags.push("divergent");
  if ((c.unfavourable ?? 0) > 0) flags.push("unfavourable");
  return flags;
}

/**
 * The decision aid: among reviewed applications, the set with the highest
 * total score whose requested amounts fit in the available envelope (0/1
 * knapsack by dynamic programming on amounts rounded to the euro-thousand
 * step, exact check on cents). What it does not know is said, never hidden:
 * incomplete reviews, divergence and unfavourable recommendations are flagged
 * on each line; a minimum score, incomplete reviews and partial grants are the
 * admin's choices. It only proposes; nothing is applied.
 */
export function proposeSelection(
  candidates: readonly Candidate[],
  availableCents: number,
  options: AidOptions = {},
  stepCents = 100_000,
): AidResult {
  const lines: AidLine[] = [];
  const eligible: Candidate[] = [];
  const tooLarge: Candidate[] = [];
  const out = (c: Candidate, reason: AidReason) =>
    lines.push({ ...c, selected: false, reason, proposedCents: 0, flags: flagsOf(c) });
  for (const c of candidates) {
    if (c.score === null) out(c, "not_reviewed");
    else if (isIncomplete(c) && !options.includeIncomplete) out(c, "incomplete");
    else if (options.minScore != null && c.score < options.minScore) out(c, "below_min_score");
    else if (c.requestedCents <= 0) out(c, "zero_request");
    else if (c.requestedCents > availableCents) tooLarge.push(c);
    else eligible.push(c);
  }
  // Weights in steps, rounded up so the chosen set always fits in cents.
  const capacity = Math.max(0, Math.floor(availableCents / stepCents));
  const weights = eligible.map((c) => Math.ceil(c.requestedCents / stepCents));
  const best = new Float64Array(capacity + 1);
  const keep: Uint8Array[] = eligible.map(() => new Uint8Array(capacity + 1));
  eligible.forEach((c, i) => {
    const w = weights[i] as number;
    for (let cap = capacity; cap >= w; cap--) {
      const withIt = (best[cap - w] as number) + (c.score as number);
      if (withIt > (best[cap] as number) + 1e-9) {
        best[cap] = withIt;
        (keep[i] as Uint8Array)[cap] = 1;
      }
    }
  });
  const chosen = new Set<string>();
  let cap = capacity;
  for (let i = eligible.length - 1; i >= 0; i--) {
    if ((keep[i] as Uint8Array)[cap]) {
      const c = eligible[i] as Candidate;
      chosen.add(c.id);
      cap -= weights[i] as number;
    }
  }
  let left =
    availableCents - eligible.filter((c) => chosen.has(c.id)).reduce((s, c) => s + c.requestedCents, 0);
  // A partial grant: the best-scored application left out gets what is left, if anything is.
  let partialId: string | null = null;
  if (options.allowPartial && left > 0) {
    const rest = [...eligible.filter((c) => !chosen.has(c.id)), ...tooLarge].sort(
      (a, b) => (b.score as number) - (a.score as number),
    );
    partialId = rest[0]?.id ?? null;
  }
  for (const c of [...eligible, ...tooLarge]) {
    if (chosen.has(c.id)) {
      lines.push({
        ...c,
        selected: true,
        reason: "selected",
        proposedCents: c.requestedCents,
        flags: flagsOf(c),
      });
    } else if (c.id === partialId) {
      lines.push({ ...c, selected: true, reason: "partial", proposedCents: left, flags: flagsOf(c) });
      left = 0;
    } else out(c, c.requestedCents > availableCents ? "over_envelope" : "lower_total");
  }
  lines.sort((a, b) => Number(b.selected) - Number(a.selected) || (b.score ?? -1) - (a.score ?? -1));
  const totalCents = lines.reduce((s, l) => s + l.proposedCents, 0);
  const totalScore = lines.filter((l) => l.selected).reduce((s, l) => s + (l.score as number), 0);
  return { lines, totalScore, totalCents, remainingCents: availableCents - totalCents };
}

export const AID_REASONS: Record<AidReason, string> = {
  selected: "Retenu\u00a0: fait partie de l’ensemble au meilleur total de notes qui tient dans l’enveloppe.",
  partial: "Retenu en partie\u00a0: reçoit ce qui reste de l’enveloppe, moins que le montant demandé.",
  not_reviewed: "Écarté\u00a0: aucune évaluation soumise.",
  incomplete: "Écarté\u00a0: toutes les évaluations attendues ne sont pas soumises.",
  below_min_score: "Écarté\u00a0: note inférieure à la note minimale choisie.",
  over_envelope: "Écarté\u00a0: le montant demandé dépasse à lui seul l’enveloppe disponible.",
  lower_total: "Écarté\u00a0: l’inclure ferait dépasser l’enveloppe ou baisser le total des notes retenues.",
  zero_request: "Écarté\u00a0: aucun montant demandé.",
};

/** The line's warnings, in French. */
export function aidFlagLabel(flag: AidFlag, c: Candidate) {
  if (flag === "incomplete")
    return `Évaluations incomplètes\u00a0: ${c.reviewCount ?? 0} sur ${c.expectedReviews ?? 0}`;
  if (flag === "divergent") return "Divergence entre instructeurs";
  const n = c.unfavourable ?? 0;
  return `${n} avis défavorable${n > 1 ? "s" : ""}`;
}

/** What the second of two admins deciding at once reads. */
export const DECIDED_FIRST =
  "Un autre administrateur a déjà décidé de ce dossier, ou l’a modifié, pendant que vous le consultiez. Rechargez la page pour voir sa décision\u00a0: la vôtre n’a pas été enregistrée.";
