import { describe, expect, it } from "vitest";
import { acceptedTypesLabel, detectMimeType, nameForType } from "./magic";
import { safeDisplayName } from "./store";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** A ZIP local file header for one stored entry. */
function zipEntry(name: string, data: string) {
  const header = new Uint8Array(30);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint32(18, data.length, true);
  view.setUint32(22, data.length, true);
  view.setUint16(26, name.length, true);
  return [...header, ...bytes(name, data)];
}

describe("detectMimeType", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", () => {
    expect(detectMimeType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectMimeType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(detectMimeType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
  });

  it("tells an xlsx, a docx and an odt apart inside their ZIP", () => {
    expect(
      detectMimeType(
        new Uint8Array([...zipEntry("[Content_Types].xml", "<x/>"), ...zipEntry("xl/workbook.xml", "<w/>")]),
      ),
    ).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(detectMimeType(new Uint8Array([...zipEntry("word/document.xml", "<w/>")]))).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(
      detectMimeType(new Uint8Array(zipEntry("mimetype", "application/vnd.oasis.opendocument.text"))),
    ).toBe("application/vnd.oasis.opendocument.text");
  });

  it("refuses text, executables and other archives, whatever their name", () => {
    expect(detectMimeType(bytes("hello, this is not a PDF"))).toBeNull();
    expect(detectMimeType(bytes("MZ", [0x90, 0]))).toBeNull();
    expect(detectMimeType(new Uint8Array(zipEntry("payload.exe", "MZ")))).toBeNull();
    expect(detectMimeType(new Uint8Array())).toBeNull();
  });
});

describe("names", () => {
  it("lists accepted types in French", () => {
    expect(acceptedTypesLabel(["application/pdf", "image/jpeg", "image/png"])).toBe("PDF, JPEG ou PNG");
    expect(acceptedTypesLabel(["application/pdf"])).toBe("PDF");
  });

  it("keeps only a safe base name", () => {
    expect(safeDisplayName("../../etc/passwd")).toBe("passwd");
    expect(safeDisplayName('C:\\Users\\a\\Délibération "n°3".pdf')).toBe("Délibération n°3.pdf");
    expect(safeDisplayName("..")).toBe("document");
  });
});

describe("the name a file is stored and downloaded under", () => {
  const PDF = "application/pdf";
  const PNG = "image/png";

  it("takes the extension of the type the content shows", () => {
    // A file starting with %PDF- named budget.bat; HTML behind a PNG signature named x.html.
    expect(detectMimeType(bytes("%PDF-1.7\n"))).toBe(PDF);
    expect(nameForType(safeDisplayName("budget.bat"), PDF)).toBe("budget.pdf");
    expect(nameForType(safeDisplayName("x.html"), PNG)).toBe("x.png");
    expect(nameForType(safeDisplayName("rapport"), PDF)).toBe("rapport.pdf");
    expect(nameForType(safeDisplayName("budget.pdf.exe"), PDF)).toBe("budget.pdf.pdf");
    expect(nameForType(safeDisplayName(".bat"), PDF)).toBe("document.pdf");
    expect(nameForType(safeDisplayName("archive.tar.gz"), "application/vnd.oasis.opendocument.text")).toBe(
      "archive.tar.odt",
    );
  });

  it("keeps an extension of the right type as the applicant wrote it", () => {
    expect(nameForType("Délibération n°3.PDF", PDF)).toBe("Délibération n°3.PDF");
    expect(nameForType("photo.jpeg", "image/jpeg")).toBe("photo.jpeg");
    expect(nameForType("photo.png", "image/jpeg")).toBe("photo.jpg");
  });

  it("removes format characters: a right-to-left override cannot disguise an extension", () => {
    // « facture\u202efdp.exe » displays as « factureexe.pdf ».
    expect(safeDisplayName("facture\u202efdp.exe")).toBe("facturefdp.exe");
    expect(nameForType(safeDisplayName("facture\u202efdp.exe"), PDF)).toBe("facturefdp.pdf");
    expect(safeDisplayName("a\u200bb\u200ec\u2066d\ufeffe\u00adf.pdf")).toBe("abcdef.pdf");
    expect(safeDisplayName("\u202e\u200b")).toBe("document");
  });
});
