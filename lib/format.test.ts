import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatCountOf,
  formatDate,
  formatDateTime,
  formatMoneyCents,
  formatPercent,
  formatTime,
  frenchSpacing,
  isoDateInParis,
  rate,
} from "./format";

// U+202F between thousands, U+00A0 before € and %.
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatMoneyCents", () => {
  it("shows whole euros without cents", () => {
    expect(formatMoneyCents(1_250_000)).toBe(`12${NNBSP}500${NBSP}€`);
    expect(formatMoneyCents(0)).toBe(`0${NBSP}€`);
  });
  it("shows cents when there are some", () => {
    expect(formatMoneyCents(1_250_050)).toBe(`12${NNBSP}500,50${NBSP}€`);
  });
  it("groups millions", () => {
    expect(formatMoneyCents(123_456_700)).toBe(`1${NNBSP}234${NNBSP}567${NBSP}€`);
  });
});

describe("formatPercent and rate", () => {
  it("gives one decimal, French style", () => {
    expect(formatPercent(91 / 158)).toBe(`57,6${NBSP}%`);
    expect(formatPercent(1)).toBe(`100,0${NBSP}%`);
  });
  it("has no rate when nothing was submitted", () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(91, 158)).toBeCloseTo(0.5759, 4);
  });
});

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(36_359)).toBe(`36${NNBSP}359`);
    expect(formatCount(158)).toBe("158");
  });

  it("agrees the noun the French way: singular for 0 and 1", () => {
    expect(formatCountOf(0, "lauréat", "lauréats")).toBe("0 lauréat");
    expect(formatCountOf(1, "lauréat", "lauréats")).toBe("1 lauréat");
    expect(formatCountOf(2, "lauréat", "lauréats")).toBe("2 lauréats");
    expect(formatCountOf(1500, "dossier", "dossiers")).toBe(`1${NNBSP}500 dossiers`);
  });
});

describe("dates in Europe/Paris", () => {
  it("shows the Paris day and time in winter (UTC+1)", () => {
    const d = new Date("2026-03-15T11:00:00Z");
    expect(formatDate(d)).toBe("15 mars 2026");
    expect(formatTime(d)).toBe(`12${NBSP}h${NBSP}00`);
    expect(formatDateTime(d)).toBe(`15 mars 2026 à 12${NBSP}h${NBSP}00`);
  });
  it("shows the Paris day and time in summer (UTC+2)", () => {
    const d = new Date("2026-06-30T22:30:00Z");
    expect(formatDate(d)).toBe("1er juillet 2026");
    expect(formatTime(d)).toBe(`0${NBSP}h${NBSP}30`);
    expect(formatTime(new Date("2026-06-30T07:05:00Z"))).toBe(`9${NBSP}h${NBSP}05`);
    expect(isoDateInParis(d)).toBe("2026-07-01");
  });
});

describe("frenchSpacing", () => {
  it("binds guillemets and colons to their words, and ; ! ? with a narrow space", () => {
    expect(frenchSpacing("Appel à projets « Afrique » 2025")).toBe(
      `Appel à projets «${NBSP}Afrique${NBSP}» 2025`,
    );
    expect(frenchSpacing("Ukraine : soutien aux collectivités")).toBe(
      `Ukraine${NBSP}: soutien aux collectivités`,
    );
    expect(frenchSpacing("Pourquoi ? Parce que ; voilà !")).toBe(
      `Pourquoi${NNBSP}? Parce que${NNBSP}; voilà${NNBSP}!`,
    );
  });
  it("adds no space where there was none, and leaves other text alone", () => {
    expect(frenchSpacing("http://exemple.fr?a=1")).toBe("http://exemple.fr?a=1");
    expect(frenchSpacing("«Afrique»")).toBe("«Afrique»");
    expect(frenchSpacing("Thiers – Tandil")).toBe("Thiers – Tandil");
  });
});
