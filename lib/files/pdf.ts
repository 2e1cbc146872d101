/**
 * Active content in PDF files. A PDF may carry JavaScript
 * (`/JS`, `/JavaScript`, run on opening through `/OpenAction` or `/AA`), start
 * a program (`/Launch`), embed other files (`/EmbeddedFile`, where an
 * executable hides), or play Flash (`/RichMedia`). Deliberations, budgets and
 * letters need none of these: such a file is refused, and the applicant is
 * told how to produce a plain one (print to PDF). An `/OpenAction` alone (open
 * at page 1, fit the width) is harmless and accepted.
 *
 * Names may be written with `#xx` escapes (`/J#61vaScript`) and dictionaries
 * may hide in compressed object streams (PDF 1.5+): both are undone before
 * looking, within a bounded amount of unpacked data.
 */
import { inflateSync } from "node:zlib";

const ACTIVE = ["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"] as const;
export type PdfActiveContent = (typeof ACTIVE)[number];

/** Most bytes unpacked from object streams while looking (a 10 MB PDF's dictionaries fit easily). */
const MAX_INFLATED = 20 * 1024 * 1024;

/** `/J#61vaScript` → `/JavaScript`: the names as a PDF reader understands them. */
function decodeNames(text: string) {
  return text.replace(/\/[^\s/<>[\]()%{}]+/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}

function findActive(text: string): PdfActiveContent | null {
  const decoded = decodeNames(text);
  for (const name of ACTIVE) {
    // The name, followed by a delimiter (not `/JSON` nor `/JavaScriptFoo`).
    if (new RegExp(`/${name}(?=[\\s/<>\\[\\]()%]|$)`).test(decoded)) return name;
  }
  return null;
}

/** The compressed object streams' contents, unpacked up to MAX_INFLATED in all. */
function objectStreams(text: string, bytes: Uint8Array) {
  const out: string[] = [];
  let budget = MAX_INFLATED;
  const pattern = /<<((?:(?!>>\s*stream)[\s\S]){0,2000})>>\s*stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const dict = decodeNames(match[1] ?? "");
    if (!/\/Type\s*\/ObjStm/.test(dict) || !/\/FlateDecode/.test(dict)) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0 || budget <= 0) break;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget });
      budget -= inflated.byteLength;
      out.push(inflated.toString("latin1"));
    } catch {
      // Corrupt or over budget: what could not be read is not an active content found.
    }
  }
  return out;
}

/** The first active content the PDF holds, or null for a plain document. */
export function findPdfActiveContent(bytes: Uint8Array): PdfActiveContent | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const found = findActive(text);
  if (found) return found;
  for (const stream of objectStreams(text, bytes)) {
    const inside = findActive(stream);
    if (inside) return inside;
  }
  return null;
}
