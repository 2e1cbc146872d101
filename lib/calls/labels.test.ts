import { describe, expect, it } from "vitest";
import { callName, callReference } from "./labels";

describe("call names", () => {
  it("never says « Appel à projets » twice", () => {
    expect(callName("Appel à projets « Jeunesse VI » 2026")).toBe("Appel à projets « Jeunesse VI » 2026");
    expect(callReference("Appel à projets « Jeunesse VI » 2026")).toBe(
      "l’appel à projets « Jeunesse VI » 2026",
    );
    expect(callReference("appel à projets généraliste 2026")).toBe("l’appel à projets généraliste 2026");
  });
  it("quotes a title that does not name itself, with no-break spaces inside the guillemets", () => {
    expect(callName("Francophonie 2026")).toBe("Appel à projets «\u00a0Francophonie 2026\u00a0»");
    expect(callReference("Francophonie 2026")).toBe("l’appel à projets «\u00a0Francophonie 2026\u00a0»");
  });
});
