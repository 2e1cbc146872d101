import { describe, expect, it } from "vitest";
import { frenchSpacingProblems, SUBSTITUTION } from "./typography";
import { interfaceFiles, spacingFindings } from "./typography-scan";

describe("frenchSpacingProblems", () => {
  it("refuses an ordinary space, or none, before « : ; ! ? »", () => {
    expect(frenchSpacingProblems("Statut : brouillon")).toHaveLength(1);
    expect(frenchSpacingProblems("Statut: brouillon")).toHaveLength(1);
    expect(frenchSpacingProblems("Vraiment ?")).toHaveLength(1);
    expect(frenchSpacingProblems("Attention ; la suite")).toHaveLength(1);
    expect(frenchSpacingProblems("Envoyé !")).toHaveLength(1);
    expect(frenchSpacingProblems("Pièces :")).toHaveLength(1);
  });
  it("accepts a no-break space, wide or narrow", () => {
    expect(frenchSpacingProblems("Statut\u00a0: brouillon")).toEqual([]);
    expect(frenchSpacingProblems("Vraiment\u202f?")).toEqual([]);
    expect(frenchSpacingProblems("Envoyé\u00a0! Attention\u00a0; la suite")).toEqual([]);
  });
  it("asks for no-break spaces inside guillemets", () => {
    expect(frenchSpacingProblems("le statut « brouillon »")).toHaveLength(2);
    expect(frenchSpacingProblems("le statut «brouillon»")).toHaveLength(2);
    expect(frenchSpacingProblems("le statut «\u00a0brouillon\u00a0»")).toEqual([]);
  });
  it("trusts a substitution of a template to bring its own no-break space, not an ordinary one before it", () => {
    expect(frenchSpacingProblems(`l’appel «${SUBSTITUTION}${SUBSTITUTION}${SUBSTITUTION}»`)).toEqual([]);
    expect(frenchSpacingProblems(`Statut :${SUBSTITUTION}`)).toHaveLength(1);
  });
  it("leaves code alone: times, URLs, query strings, doubled signs", () => {
    for (const code of [
      "10:30",
      "https://example.org",
      "/laureats?page=2",
      "a ?? b",
      "a::int",
      "x!",
      "key:value",
    ]) {
      expect(frenchSpacingProblems(code), code).toEqual([]);
    }
  });
});

describe("French typography of the interface", () => {
  it("puts a no-break space before « : ; ! ? » and inside « » in every interface string", () => {
    const findings = interfaceFiles().flatMap(spacingFindings);
    expect(findings).toEqual([]);
    // Parsing every source file takes seconds on a busy machine.
  }, 60_000);
});
