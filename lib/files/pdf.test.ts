import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { findPdfActiveContent } from "./pdf";

const pdf = (body: string) =>
  new TextEncoder().encode(`%PDF-1.7\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const catalog = "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj";

describe("active content in PDF files", () => {
  it("finds nothing in a plain document, nor in an /OpenAction that only shows page 1", () => {
    expect(findPdfActiveContent(pdf(catalog))).toBeNull();
    expect(
      findPdfActiveContent(pdf("1 0 obj << /Type /Catalog /OpenAction [3 0 R /FitH null] >> endobj")),
    ).toBeNull();
    // Names that only start like an active one.
    expect(findPdfActiveContent(pdf("1 0 obj << /JSON 1 /JavaScriptish 2 /Launcher 3 >> endobj"))).toBeNull();
  });

  it.each([
    [
      "JavaScript run on opening",
      "1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj",
      "JavaScript",
    ],
    ["a /JS action on a page", "3 0 obj << /AA << /O << /S /JavaScript /JS 9 0 R >> >> >> endobj", "JS"],
    ["a program launched", "4 0 obj << /S /Launch /F (cmd.exe) >> endobj", "Launch"],
    ["an embedded file", "5 0 obj << /Type /EmbeddedFile /Length 10 >> endobj", "EmbeddedFile"],
    ["a name written with # escapes", "1 0 obj << /S /J#61vaScript /J#53 (x) >> endobj", "JS"],
  ])("finds %s", (_label, body, expected) => {
    const found = findPdfActiveContent(pdf(body));
    expect(found).not.toBeNull();
    expect([expected, "JS", "JavaScript"]).toContain(found);
  });

  it("finds JavaScript hidden in a compressed object stream (PDF 1.5+)", () => {
    const hidden = deflateSync(
      Buffer.from("<< /S /JavaScript /JS (app.launchURL('https://evil.example')) >>"),
    );
    const bytes = Buffer.concat([
      Buffer.from(
        `%PDF-1.7\n${catalog}\n7 0 obj << /Type /ObjStm /N 1 /First 0 /Filter /FlateDecode /Length ${hidden.byteLength} >>\nstream\n`,
      ),
      hidden,
      Buffer.from("\nendstream\nendobj\n%%EOF\n"),
    ]);
    expect(new TextDecoder("latin1").decode(bytes)).not.toContain("/JavaScript");
    expect(["JS", "JavaScript"]).toContain(findPdfActiveContent(new Uint8Array(bytes)));
  });
});
