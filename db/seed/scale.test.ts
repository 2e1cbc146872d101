import { describe, expect, it } from "vitest";
import { summarize, weightedScore } from "../../lib/review/aggregate";
import { scoreAggregates } from "./scale";

const grid = [
  { id: "a", weight: 3, maxScore: 20 },
  { id: "b", weight: 2, maxScore: 10 },
  { id: "c", weight: 1, maxScore: 5 },
];
const review = (scores: number[]) =>
  grid.map((c, k) => ({ weight: c.weight, maxScore: c.maxScore, score: scores[k] ?? 0 }));

describe("scoreAggregates (what the scale generator writes in its COPY)", () => {
  it("gives no score without a review", () => {
    expect(scoreAggregates([])).toEqual({ reviewCount: 0, scoreMean: null, scoreSpread: null });
  });

  it("gives the review's weighted score and no spread for one review", () => {
    // (3 × 10/20 + 2 × 5/10 + 1 × 5/5) / 6 × 100 = 3.5 / 6 × 100
    expect(scoreAggregates([review([10, 5, 5])])).toEqual({
      reviewCount: 1,
      scoreMean: (3.5 / 6) * 100,
      scoreSpread: 0,
    });
  });

  it("agrees with the dashboard's own aggregation (mean, population standard deviation)", () => {
    const reviews = [review([20, 10, 5]), review([10, 5, 0]), review([0, 0, 0]), review([13, 7, 3])];
    const values = reviews.map(
      (r) =>
        weightedScore(
          grid,
          r.map((s, k) => ({ criterionId: grid[k]?.id ?? "", score: s.score })),
        ) ?? 0,
    );
    const expected = summarize(values);
    const result = scoreAggregates(reviews);
    expect(result.reviewCount).toBe(4);
    expect(result.scoreMean).toBeCloseTo(expected.mean ?? Number.NaN, 10);
    expect(result.scoreSpread).toBeCloseTo(expected.stdDev ?? Number.NaN, 10);
  });
});
