import { inflateRawSync } from "node:zlib";

/** Reads the files of a ZIP (an XLSX) through its central directory; stored and deflated entries. */
export function readZip(buffer: Buffer): Record<string, string> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const offset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const start = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
    const data = buffer.subarray(start, start + compressed);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The rows of the first sheet, each as the texts of its cells. */
export function sheetRows(files: Record<string, string>): string[][] {
  const sheet = files["xl/worksheets/sheet1.xml"] ?? "";
  return [...sheet.matchAll(/<row>(.*?)<\/row>/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<c[^>]*?(?:\/>|>(.*?)<\/c>)/g)].map((c) =>
      (c[1] ?? "")
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    ),
  );
}
