/**
 * The type of a file from its first bytes (its "magic number"), never from its
 * name or the type the browser claims: a renamed executable stays refused.
 */

export const MIME_LABELS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (.xlsx)",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
  "application/vnd.oasis.opendocument.text": "OpenDocument texte (.odt)",
  "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument tableur (.ods)",
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (value: string) => [...value].map((c) => c.charCodeAt(0));

/** The first entries of a ZIP archive (local file headers): names and where their data starts. */
function zipEntries(bytes: Uint8Array, limit = 20) {
  const entries: { name: string; dataStart: number }[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (
    entries.length < limit &&
    offset + 30 <= bytes.length &&
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], offset)
  ) {
    const flags = view.getUint16(offset + 6, true);
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const nameStart = offset + 30;
    const dataStart = nameStart + nameLength + extraLength;
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(nameStart, nameStart + nameLength)),
      dataStart,
    });
    // With a data descriptor (bit 3) the size is not known here: stop at what was read.
    if (flags & 0x08) break;
    offset = dataStart + compressedSize;
  }
  return entries;
}

/** The MIME type the content shows, or null when it is none of the types the service accepts. */
export function detectMimeType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const entries = zipEntries(bytes);
    const names = entries.map((e) => e.name);
    // ODF: the first entry is an uncompressed "mimetype" file holding the type.
    const first = entries[0];
    if (first?.name === "mimetype") {
      const type = new TextDecoder().decode(bytes.subarray(first.dataStart, first.dataStart + 60));
      if (type.startsWith("application/vnd.oasis.opendocument.text"))
        return "application/vnd.oasis.opendocument.text";
      if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
        return "application/vnd.oasis.opendocument.spreadsheet";
      }
      return null;
    }
    if (names.some((n) => n.startsWith("xl/"))) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    if (names.some((n) => n.startsWith("word/"))) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    // OOXML writers put [Content_Types].xml first and the parts later: look for the folder names.
    const text = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
    if (names[0] === "[Content_Types].xml" || text.includes("[Content_Types].xml")) {
      if (text.includes("xl/workbook"))
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      if (text.includes("word/document")) {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      }
    }
    return null;
  }
  return null;
}

/** File name extensions of each type the service stores, the first one written when the name has none of them. */
export const TYPE_EXTENSIONS: Record<string, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
};

/**
 * The name a file is stored and downloaded under: its extension is the one of
 * the type its content shows, whatever the applicant named it. A PDF named
 * `budget.bat` was saved by the reviewer's browser as `budget.bat`, an HTML
 * file behind a PNG signature as `x.html`: the extension, not the content,
 * decides what the reviewer's computer does with a file. An extension of
 * another type is replaced (`budget.bat` → `budget.pdf`), one of the right
 * type kept (`photo.JPEG`); a name that is only an extension becomes
 * « document ».
 */
export function nameForType(name: string, type: string): string {
  const extensions = TYPE_EXTENSIONS[type];
  if (!extensions) return name;
  const match = /^(.*)\.([^.\s]{1,10})$/u.exec(name);
  const stem = (match ? match[1] : name)?.replace(/[.\s]+$/u, "") || "document";
  const current = match?.[2]?.toLowerCase();
  if (current && extensions.includes(current)) return `${stem}.${match?.[2]}`;
  return `${stem}.${extensions[0]}`;
}

/** « PDF, JPEG ou PNG »: accepted types for a sentence. */
export function acceptedTypesLabel(types: readonly string[]) {
  const labels = types.map((t) => MIME_LABELS[t] ?? t);
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} ou ${labels.at(-1)}`;
}
