import { describe, expect, it } from "vitest";
import { applicationStepTitle, recordPageTitle } from "./page-titles";

describe("page titles", () => {
  it("names the application and its step, with French spacing", () => {
    expect(applicationStepTitle("Eau potable à Pristina", 1, "Participants")).toBe(
      "Eau potable à Pristina — Étape 2 sur 6\u00a0: Participants — Dossier de candidature",
    );
  });
  it("puts the page before the record it belongs to", () => {
    expect(recordPageTitle("Accusé de réception", "Eau potable")).toBe("Accusé de réception — Eau potable");
    expect(recordPageTitle("Vérification et dépôt", "  ")).toBe("Vérification et dépôt — Dossier sans titre");
  });
});
