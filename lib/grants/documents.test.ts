import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { agreementFileName, agreementPdf, paymentNoticePdf } from "./documents";

const agreement = {
  reference: "2025-GEN-0027-C",
  beneficiaryName: "Thiers",
  projectTitle: "Soutien et développement de l’industrie de la coutellerie : « Thiers – Tandil »",
  callTitle: "Appel à projets généraliste 2025",
  grantedCents: 40_000_01,
  years: 2,
  finalBalancePercent: 20,
  maxSharePercent: 50,
  startsOn: "2026-12-01",
  durationMonths: 24,
  sentAt: new Date("2026-12-02T09:00:00Z"),
  signatoryName: null,
  signatoryFunction: null,
  signedAt: null,
};

// Embedding the font takes a few seconds on a busy machine.
describe("the grant's PDFs", { timeout: 60_000 }, () => {
  it("regenerates the agreement byte for byte from the same rows, and changes it once signed", async () => {
    const [a, b] = await Promise.all([agreementPdf(agreement), agreementPdf(agreement)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const signed = await agreementPdf({
      ...agreement,
      signatoryName: "Claude Exemple",
      signatoryFunction: "Maire",
      signedAt: new Date("2026-12-03T10:00:00Z"),
    });
    expect(Buffer.from(signed).equals(Buffer.from(a))).toBe(false);
    const doc = await PDFDocument.load(a);
    expect(doc.getTitle()).toBe(`Convention de subvention 2025-GEN-0027-C — ${agreement.projectTitle}`);
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-12-02T09:00:00.000Z");
  });

  it("names the file after the agreement, and writes the payment notice", async () => {
    expect(agreementFileName("2025-GEN-0027-C")).toBe("convention-2025-GEN-0027-C.pdf");
    const notice = await paymentNoticePdf({
      reference: "2025-GEN-0027-C",
      beneficiaryName: "Thiers",
      projectTitle: "Coutellerie",
      years: 2,
      instalment: {
        position: 1,
        kind: "annual",
        year: 1,
        paidCents: 20_000_01,
        paidOn: "2026-12-15",
        paymentReference: "MANDAT-1",
      },
      recordedAt: new Date("2026-12-15T10:00:00Z"),
    });
    const doc = await PDFDocument.load(notice);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe("Avis de versement — 2025-GEN-0027-C — Versement de l’année 1");
  });
});
