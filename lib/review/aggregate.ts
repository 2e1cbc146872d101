/**
 * Aggregation of reviews: plain functions, unit-tested. The weighted score of a
 * review is out of 100: sum(weight × score / max) / sum(weight) × 100. The
 * database keeps the same figures on each application (migration
 * `review_dashboard`) so lists can sort and filter by them.
 */

export type Criterion = { id: string; weight: number; maxScore: number };
export type CriterionScore = { criterionId: string; score: number };

/** Above this standard deviation (points out of 100) between reviews, the reviewers disagree. */
export const DISAGREEMENT_THRESHOLD = 15;

/** Weighted score out of 100 of one review; null when a criterion of the grid is not scored. */
export function weightedScore(grid: readonly Criterion[], scores: readonly CriterionScore[]): number | null {
  if (grid.length === 0) return null;
  let weighted = 0;
  let weights = 0;
  for (const criterion of grid) {
    const found = scores.find((s) => s.criterionId === criterion.id);
    if (!found) return null;
    weighted += (criterion.weight * found.score) / criterion.maxScore;
    weights += criterion.weight;
  }
  return weights === 0 ? null : (weighted / weights) * 100;
}

export type Summary = {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation (0 for one review). */
  stdDev: number | null;
  disagreement: boolean;
};

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function standardDeviation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

export function isDisagreement(stdDev: number | null, threshold = DISAGREEMENT_THRESHOLD) {
  return stdDev !== null && stdDev > threshold;
}

/** Figures of one application from the weighted scores of its submitted reviews. */
export function summarize(values: readonly number[], threshold = DISAGREEMENT_THRESHOLD): Summary {
  const stdDev = standardDeviation(values);
  return {
    count: values.length,
    mean: mean(values),
    median: median(values),
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
    stdDev,
    disagreement: isDisagreement(stdDev, threshold),
  };
}

/**
 * Rank within a call by mean score, best first ("competition" ranking: equal
 * scores share a rank, the next rank skips). Unscored applications get no rank.
 */
export function rankByScore<T extends { id: string; mean: number | null }>(
  items: readonly T[],
): Map<string, number> {
  const scored = items.filter((i) => i.mean !== null).sort((a, b) => (b.mean as number) - (a.mean as number));
  const ranks = new Map<string, number>();
  scored.forEach((item, index) => {
    const previous = scored[index - 1];
    ranks.set(
      item.id,
      previous && previous.mean === item.mean ? (ranks.get(previous.id) as number) : index + 1,
    );
  });
  return ranks;
}

export type ReviewScore = { reviewerId: string; applicationId: string; score: number };

/**
 * Per-reviewer normalisation: each score becomes a z-score against that
 * reviewer's own scores ((score − reviewer mean) / reviewer standard
 * deviation), so a harsh and a lenient reviewer can be compared. A reviewer
 * with a single score, or identical scores, gives no z-score at all (absent
 * from the map, shown « insuffisant »): a 0 would read as « average ». Shown
 * next to the raw figures, never substituted for them.
 */
export function zScores(reviews: readonly ReviewScore[]): Map<string, number> {
  const byReviewer = new Map<string, number[]>();
  for (const r of reviews) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.score]);
  const stats = new Map(
    [...byReviewer].map(([id, values]) => [
      id,
      { mean: mean(values) ?? 0, sd: standardDeviation(values) ?? 0, count: values.length },
    ]),
  );
  const result = new Map<string, number>();
  for (const r of reviews) {
    const s = stats.get(r.reviewerId) as { mean: number; sd: number; count: number };
    if (s.count < 2 || s.sd === 0) continue;
    result.set(`${r.reviewerId}:${r.applicationId}`, (r.score - s.mean) / s.sd);
  }
  return result;
}

/** Mean z-score of each application over its reviews that have one (the normalised view). */
export function normalisedMeans(reviews: readonly ReviewScore[]): Map<string, number> {
  const z = zScores(reviews);
  const byApplication = new Map<string, number[]>();
  for (const r of reviews) {
    const value = z.get(`${r.reviewerId}:${r.applicationId}`);
    if (value === undefined) continue;
    byApplication.set(r.applicationId, [...(byApplication.get(r.applicationId) ?? []), value]);
  }
  return new Map([...byApplication].map(([id, values]) => [id, mean(values) as number]));
}
