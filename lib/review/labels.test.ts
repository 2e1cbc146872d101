import { describe, expect, it } from "vitest";
import { formatRank, formatScore, formatZScore } from "./labels";

describe("score formats", () => {
  it("never writes « -0,00 »", () => {
    expect(formatScore(-0.001, 2)).toBe("0,00");
    expect(formatScore(-0, 1)).toBe("0,0");
    expect(formatScore(-0.006, 2)).toBe("-0,01");
  });
  it("says « insuffisant » when there is no z-score", () => {
    expect(formatZScore(null)).toBe("insuffisant");
    expect(formatZScore(1.234)).toBe("1,23");
  });
  it("writes French ordinals", () => {
    expect(formatRank(1)).toBe("1er");
    expect(formatRank(2)).toBe("2ᵉ");
  });
});
