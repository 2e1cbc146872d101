import { describe, expect, it } from "vitest";
import { applicationStepTitle, recordPageTitle, staffRecordTitle } from "./page-titles";

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
  it("names the staff page's record first, then the page and the space", () => {
    expect(staffRecordTitle("Eau potable à Pristina", "Dossier en instruction")).toBe(
      "Eau potable à Pristina — Dossier en instruction",
    );
    expect(staffRecordTitle("Appel 2026", "Publication des résultats", "Administration")).toBe(
      "Appel 2026 — Publication des résultats — Administration",
    );
    expect(staffRecordTitle(" ", "Page de suivi")).toBe("Sans titre — Page de suivi");
  });
});
