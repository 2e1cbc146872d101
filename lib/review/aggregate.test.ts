import { describe, expect, it } from "vitest";
import {
  isDisagreement,
  median,
  normalisedMeans,
  rankByScore,
  standardDeviation,
  summarize,
  weightedScore,
  zScores,
} from "./aggregate";

const grid = [
  { id: "a", weight: 2, maxScore: 5 },
  { id: "b", weight: 1, maxScore: 10 },
];

describe("weightedScore", () => {
  it("weights each criterion's share of its maximum, out of 100", () => {
    // (2 × 5/5 + 1 × 5/10) / 3 × 100 = 83.33…
    expect(
      weightedScore(grid, [
        { criterionId: "a", score: 5 },
        { criterionId: "b", score: 5 },
      ]),
    ).toBeCloseTo(83.333, 2);
  });
  it("is null while a criterion is not scored", () => {
    expect(weightedScore(grid, [{ criterionId: "a", score: 5 }])).toBeNull();
  });
  it("is null without a grid", () => {
    expect(weightedScore([], [])).toBeNull();
  });
});

describe("summarize", () => {
  it("gives count, mean, median, min, max and population standard deviation", () => {
    expect(summarize([60, 80, 70, 90])).toEqual({
      count: 4,
      mean: 75,
      median: 75,
      min: 60,
      max: 90,
      stdDev: Math.sqrt(125),
      disagreement: false,
    });
  });
  it("flags a disagreement above the threshold only", () => {
    expect(summarize([40, 80]).disagreement).toBe(true); // sd 20
    expect(isDisagreement(15)).toBe(false);
    expect(isDisagreement(15.01)).toBe(true);
    expect(isDisagreement(null)).toBe(false);
  });
  it("is empty without reviews", () => {
    expect(summarize([])).toMatchObject({
      count: 0,
      mean: null,
      median: null,
      stdDev: null,
      disagreement: false,
    });
  });
  it("takes the median of an odd count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(standardDeviation([5])).toBe(0);
  });
});

describe("rankByScore", () => {
  it("ranks best first, ties share a rank, unscored have none", () => {
    const ranks = rankByScore([
      { id: "x", mean: 50 },
      { id: "y", mean: 80 },
      { id: "z", mean: 80 },
      { id: "w", mean: null },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ y: 1, z: 1, x: 3 });
  });
});

describe("per-reviewer normalisation", () => {
  const reviews = [
    // A harsh reviewer and a lenient one who agree on the order.
    { reviewerId: "harsh", applicationId: "p", score: 40 },
    { reviewerId: "harsh", applicationId: "q", score: 60 },
    { reviewerId: "lenient", applicationId: "p", score: 80 },
    { reviewerId: "lenient", applicationId: "q", score: 100 },
  ];
  it("centres and scales each reviewer's scores", () => {
    const z = zScores(reviews);
    expect(z.get("harsh:p")).toBeCloseTo(-1);
    expect(z.get("lenient:p")).toBeCloseTo(-1);
    expect(z.get("lenient:q")).toBeCloseTo(1);
  });
  it("averages z-scores per application", () => {
    const n = normalisedMeans(reviews);
    expect(n.get("p")).toBeCloseTo(-1);
    expect(n.get("q")).toBeCloseTo(1);
  });
  it("gives no z-score to a reviewer with a single score or identical scores", () => {
    expect(zScores([{ reviewerId: "r", applicationId: "p", score: 70 }]).has("r:p")).toBe(false);
    const same = [
      { reviewerId: "r", applicationId: "p", score: 70 },
      { reviewerId: "r", applicationId: "q", score: 70 },
    ];
    expect(zScores(same).size).toBe(0);
    expect(normalisedMeans(same).has("p")).toBe(false);
  });
});
