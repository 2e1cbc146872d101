import { describe, expect, it } from "vitest";
import { formatAmountInput, parseFrenchAmount } from "./amounts";

describe("parseFrenchAmount", () => {
  it.each([
    ["12 500,50", 1_250_050],
    ["12500,5", 1_250_050],
    ["12\u202f500,50\u00a0€", 1_250_050],
    ["12 500 €", 1_250_000],
    ["1 000 000", 100_000_000],
    ["12500.50", 1_250_050],
    ["12.500", 1_250_000],
    ["12.500,25", 1_250_025],
    ["0", 0],
    [",5", 50],
    ["  42  ", 4200],
  ])("reads « %s » as %i cents", (text, cents) => {
    expect(parseFrenchAmount(text)).toBe(cents);
  });

  it.each(["", "abc", "12,345", "-5", "1,2,3", "12 500,5x", "1e5", "99999999999999"])(
    "refuses « %s »",
    (text) => {
      expect(parseFrenchAmount(text)).toBeNull();
    },
  );
});

describe("formatAmountInput", () => {
  it("writes euros with grouped thousands, and cents only when there are some", () => {
    expect(formatAmountInput(1_250_050)).toBe("12\u202f500,50");
    expect(formatAmountInput(1_250_000)).toBe("12\u202f500");
    expect(formatAmountInput(5)).toBe("0,05");
  });

  it("round-trips through parseFrenchAmount", () => {
    for (const cents of [0, 1, 99, 100, 123_456_789]) {
      expect(parseFrenchAmount(formatAmountInput(cents))).toBe(cents);
    }
  });
});
