import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { decisionLetterPdf, letterFileName } from "./letter";

const base = {
  applicationTitle: "Eau potable à Kayes : « phase 2 »",
  leadName: "Ville de Thiers",
  callTitle: "Appel à projets 2026",
  receiptNumber: "2026-AAP-0042",
  decidedAt: new Date("2026-06-15T08:00:00Z"),
};

// Embedding the font takes a few seconds on a busy machine.
describe("decisionLetterPdf", { timeout: 60_000 }, () => {
  it("writes a one-page PDF with the French title and the DejaVu font embedded", async () => {
    const bytes = await decisionLetterPdf({
      ...base,
      outcome: "accepted",
      grantedAmountCents: 25_000_00,
      rejectionReason: null,
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe("Décision — Eau potable à Kayes : « phase 2 »");
    // The embedded font is a TrueType file (FontFile2), not one of the standard WinAnsi fonts.
    const embedded = doc.context
      .enumerateIndirectObjects()
      .some(([, object]) => object instanceof PDFDict && object.has(PDFName.of("FontFile2")));
    expect(embedded).toBe(true);
  });
  it("also writes a rejection with its reason, and a long title wraps instead of failing", async () => {
    const bytes = await decisionLetterPdf({
      ...base,
      applicationTitle: "Très long titre ".repeat(40),
      outcome: "rejected",
      grantedAmountCents: null,
      rejectionReason: "Budget non équilibré.",
    });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
  it("names the file after the receipt number, nothing else", () => {
    expect(letterFileName("2026-AAP-0042")).toBe("decision-2026-AAP-0042.pdf");
    expect(letterFileName('../"x"')).toBe("decision-x.pdf");
    expect(letterFileName(null)).toBe("decision-dossier.pdf");
  });
});
