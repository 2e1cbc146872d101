/**
 * Zip bombs. Word, Excel and OpenDocument files are ZIP
 * archives: a few kilobytes can declare gigabytes once unpacked, which would
 * exhaust the memory or disk of a reviewer's office suite or of any later
 * processing. The central directory (at the end of the archive) lists every
 * entry with its compressed and uncompressed sizes: it is read without
 * unpacking anything, and the archive is refused when it declares too much.
 */

/** Most the entries of one document may declare once unpacked: 100 MB (a real 10 MB .xlsx rarely exceeds 60). */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Highest compression ratio of one entry of more than 1 MB; real office XML stays below 100. */
export const MAX_ENTRY_RATIO = 200;
/** Most entries in one document (a large workbook has a few hundred). */
export const MAX_ENTRIES = 5000;

export type ZipVerdict =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; reason: "unreadable" | "too_many_entries" | "too_large" | "ratio" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Reads the central directory and checks what it declares, without unpacking. */
export function inspectZip(bytes: Uint8Array): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65 535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "unreadable" };
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no office document under 10 MB needs them; a bomb would.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    return { ok: false, reason: "too_large" };
  if (count > MAX_ENTRIES) return { ok: false, reason: "too_many_entries" };
  if (offset + size > eocd) return { ok: false, reason: "unreadable" };

  let position = offset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (position + 46 > eocd || view.getUint32(position, true) !== CENTRAL)
      return { ok: false, reason: "unreadable" };
    const compressed = view.getUint32(position + 20, true);
    const uncompressed = view.getUint32(position + 24, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return { ok: false, reason: "too_large" };
    total += uncompressed;
    if (total > MAX_UNCOMPRESSED_BYTES) return { ok: false, reason: "too_large" };
    if (uncompressed > 1024 * 1024 && uncompressed > Math.max(compressed, 1) * MAX_ENTRY_RATIO) {
      return { ok: false, reason: "ratio" };
    }
    position +=
      46 +
      view.getUint16(position + 28, true) +
      view.getUint16(position + 30, true) +
      view.getUint16(position + 32, true);
  }
  return { ok: true, entries: count, uncompressedBytes: total };
}
