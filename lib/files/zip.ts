import yauzl from "yauzl";

/**
 * Zip bombs. Word, Excel and OpenDocument files are ZIP archives: a few
 * kilobytes can declare gigabytes once unpacked, which would exhaust the
 * memory or disk of a reviewer's office suite or of any later processing.
 *
 * The archive is read with yauzl (the maintained ZIP reader of the Node
 * ecosystem: central directory, ZIP64, local headers checked against it),
 * from the bytes already in memory, entry by entry:
 * - what the central directory declares is checked before anything is
 *   unpacked: too many entries, too many bytes or one entry compressed too
 *   much is refused at once;
 * - the entry is then inflated and its real bytes counted, nothing kept: an
 *   archive that lies about its sizes is refused (yauzl checks each entry's
 *   real size against the declared one, and we count the total), and so is
 *   one whose data is truncated or not valid deflate (« unreadable »).
 * Inflating costs a few milliseconds for a real document; a bomb stops at
 * most after 100 MB inflated, streamed and never held.
 */

/** Most the entries of one document may unpack to: 100 MB (a real 10 MB .xlsx rarely exceeds 60). */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Highest compression ratio of one entry of more than 1 MB; real office XML stays below 100. */
export const MAX_ENTRY_RATIO = 200;
/** Most entries in one document (a large workbook has a few hundred). */
export const MAX_ENTRIES = 5000;

export type ZipVerdict =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; reason: "unreadable" | "too_many_entries" | "too_large" | "ratio" };

type Refusal = Extract<ZipVerdict, { ok: false }>;

const ONE_MB = 1024 * 1024;

class Refused extends Error {
  constructor(readonly verdict: Refusal) {
    super(verdict.reason);
  }
}

const open = (bytes: Uint8Array) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      // validateEntrySizes: yauzl errors when an entry inflates to another size than declared.
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (error, zip) => (error || !zip ? reject(error) : resolve(zip)),
    ),
  );

/** Checks what the archive declares, then what it really unpacks to. */
export async function inspectZip(bytes: Uint8Array): Promise<ZipVerdict> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(bytes);
  } catch (error) {
    // ZIP64 is for archives of more than 65 535 entries or 4 GB: no office document under 10 MB needs it.
    return { ok: false, reason: /zip64/i.test(String(error)) ? "too_large" : "unreadable" };
  }
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    return { ok: false, reason: "too_many_entries" };
  }
  try {
    return await walk(zip);
  } catch (error) {
    if (error instanceof Refused) return error.verdict;
    return { ok: false, reason: "unreadable" };
  } finally {
    zip.close();
  }
}

const refuse = (reason: Refusal["reason"]) => new Refused({ ok: false, reason });

/** Each entry in turn: refused on what it declares, else inflated and its real bytes counted. */
function walk(zip: yauzl.ZipFile) {
  return new Promise<ZipVerdict>((resolve, reject) => {
    let declared = 0;
    let unpacked = 0;
    let entries = 0;
    zip.on("entry", (entry: yauzl.Entry) => {
      entries++;
      if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff) {
        return reject(refuse("too_large"));
      }
      declared += entry.uncompressedSize;
      if (declared > MAX_UNCOMPRESSED_BYTES) return reject(refuse("too_large"));
      if (
        entry.uncompressedSize > ONE_MB &&
        entry.uncompressedSize > Math.max(entry.compressedSize, 1) * MAX_ENTRY_RATIO
      ) {
        return reject(refuse("ratio"));
      }
      if (entry.fileName.endsWith("/")) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        stream.on("data", (chunk: Buffer) => {
          unpacked += chunk.byteLength;
          if (unpacked > MAX_UNCOMPRESSED_BYTES) {
            stream.destroy();
            reject(refuse("too_large"));
          }
        });
        // A size other than declared, a bad CRC or truncated data: yauzl's error, « unreadable ».
        stream.on("error", reject);
        stream.on("end", () => zip.readEntry());
      });
    });
    zip.on("end", () => resolve({ ok: true, entries, uncompressedBytes: unpacked }));
    zip.on("error", reject);
    zip.readEntry();
  });
}
