/**
 * What the application's history says beyond the event's label, for the events
 * whose detail matters to staff: a corrected decision keeps its previous value
 * and reason, a reopened review its reason. Plain function, unit-tested.
 */

type DecisionValue = {
  outcome?: unknown;
  grantedAmountCents?: unknown;
  rejectionReason?: unknown;
};

function decisionText(d: DecisionValue, formatMoney: (cents: number) => string) {
  if (d.outcome === "accepted") return `accepté pour ${formatMoney(Number(d.grantedAmountCents))}`;
  if (d.outcome === "rejected") return "refusé";
  return "—";
}

export function historyDetail(
  action: string,
  data: Record<string, unknown> | null | undefined,
  formatMoney: (cents: number) => string,
): string | null {
  if (!data) return null;
  if (action === "decision.revised") {
    const previous = (data.previous ?? {}) as DecisionValue;
    return `${decisionText(previous, formatMoney)} → ${decisionText(data, formatMoney)}\u00a0; motif\u00a0: ${String(data.reason ?? "")}`;
  }
  if (action === "review.reopened") {
    const who = data.reviewerName ? `évaluation de ${String(data.reviewerName)}\u00a0; ` : "";
    return `${who}motif\u00a0: ${String(data.reason ?? "")}`;
  }
  if (action === "decision.recorded") return decisionText(data, formatMoney);
  return null;
}
