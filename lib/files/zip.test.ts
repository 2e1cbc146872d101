import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inspectUpload, MESSAGES } from "./inspect";
import { detectMimeType } from "./magic";
import { inspectZip, MAX_UNCOMPRESSED_BYTES } from "./zip";

/** A real ZIP archive (deflate), as office suites write them; `declare` overrides an entry's declared size. */
function zip(entries: { name: string; data: Uint8Array; declare?: number }[]) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data);
    const size = entry.declare ?? entry.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.byteLength + packed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const text = (value: string) => new TextEncoder().encode(value);
const docxParts = [
  { name: "[Content_Types].xml", data: text('<?xml version="1.0"?><Types/>') },
  {
    name: "word/document.xml",
    data: text(`<w:document>${"<w:p>Délibération du conseil</w:p>".repeat(2000)}</w:document>`),
  },
];

describe("zip bombs in office documents", () => {
  it("accepts a real document and reports what it declares", async () => {
    const bytes = zip(docxParts);
    expect(detectMimeType(bytes)).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const verdict = await inspectZip(bytes);
    expect(verdict).toMatchObject({ ok: true, entries: 2 });
  });

  it("refuses an archive that unpacks to more than 100 MB (a real bomb of 150 MB of zeros)", async () => {
    const bomb = zip([
      ...docxParts,
      { name: "word/media/zeros.bin", data: new Uint8Array(150 * 1024 * 1024) },
    ]);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(detectMimeType(bomb)).not.toBeNull();
    expect(await inspectZip(bomb)).toEqual({ ok: false, reason: "too_large" });
  });

  it("refuses one entry compressed more than 200 times, even under the total limit", async () => {
    const bytes = zip([
      ...docxParts,
      { name: "word/media/zeros.bin", data: new Uint8Array(20 * 1024 * 1024) },
    ]);
    expect(await inspectZip(bytes)).toEqual({ ok: false, reason: "ratio" });
  });

  it("refuses sizes declared in the central directory, without unpacking (and ZIP64 markers)", async () => {
    const declared = zip([
      ...docxParts.slice(0, 1),
      { ...docxParts[1], declare: MAX_UNCOMPRESSED_BYTES + 1 } as never,
    ]);
    expect(await inspectZip(declared)).toMatchObject({ ok: false });
    const zip64 = zip([{ name: "word/document.xml", data: text("x"), declare: 0xffffffff }]);
    expect(await inspectZip(zip64)).toEqual({ ok: false, reason: "too_large" });
  });

  it("refuses an entry that unpacks to more than it declares (a bomb lying in its headers)", async () => {
    const liar = zip([
      ...docxParts,
      { name: "word/media/zeros.bin", data: new Uint8Array(150 * 1024 * 1024), declare: 1000 },
    ]);
    // yauzl stops the entry once it passes its declared size: the archive reads as damaged.
    expect(await inspectZip(liar)).toEqual({ ok: false, reason: "unreadable" });
  });

  it("reports the bytes really unpacked", async () => {
    const verdict = await inspectZip(zip(docxParts));
    const real = docxParts.reduce((sum, part) => sum + part.data.byteLength, 0);
    expect(verdict).toEqual({ ok: true, entries: 2, uncompressedBytes: real });
  });

  it("refuses an archive without a readable central directory (truncated upload)", async () => {
    const bytes = zip(docxParts);
    expect(await inspectZip(bytes.subarray(0, bytes.byteLength - 30))).toEqual({
      ok: false,
      reason: "unreadable",
    });
    const corrupt = new Uint8Array(bytes);
    const view = new DataView(corrupt.buffer);
    view.setUint32(corrupt.byteLength - 6, 1, true); // central directory offset points into the data
    expect(await inspectZip(corrupt)).toEqual({ ok: false, reason: "unreadable" });
  });

  it("is what an upload of an office document goes through: a bomb is refused in French, a real one passes", async () => {
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const noAntivirus = {};
    const bomb = zip([
      ...docxParts,
      { name: "word/media/zeros.bin", data: new Uint8Array(150 * 1024 * 1024) },
    ]);
    expect(await inspectUpload(docx, bomb, undefined, noAntivirus)).toEqual({
      ok: false,
      status: 422,
      message: MESSAGES.zipTooLarge,
    });
    expect(await inspectUpload(docx, zip(docxParts), undefined, noAntivirus)).toEqual({ ok: true });
  });
});
