/**
 * Upload checks on `storeRequiredDocument`, the only way a
 * file enters the service: the database is a stand-in recording what would be
 * written, the store a temporary folder.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { detectMimeType } from "./magic";
import { safeDisplayName } from "./store";
import { MAX_UPLOAD_BYTES, storeRequiredDocument } from "./uploads";

const APPLICATION = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const CALL = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const DOCUMENT = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
const USER = "user-1";

const ascii = (text: string) => new TextEncoder().encode(text);
const PDF = ascii("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

/** A stand-in for drizzle: the required document accepts `acceptedTypes`; rows written are recorded. */
function fakeDb(acceptedTypes: string[]) {
  const rows: Record<string, unknown>[] = [];
  const writer = {
    // The application's row, locked and still a draft (the state is checked inside the transaction).
    select: () => ({ from: () => ({ where: () => ({ for: async () => [{ status: "draft" }] }) }) }),
    delete: () => ({ where: () => ({ returning: async () => [] }) }),
    insert: () => ({
      values: (value: Record<string, unknown> | Record<string, unknown>[]) => {
        const written = Array.isArray(value) ? value : [value];
        rows.push(...written);
        const row = written[0] ?? {};
        return Object.assign(Promise.resolve(), {
          returning: async () => [
            {
              id: "attachment-1",
              originalName: row.originalName,
              sizeBytes: row.sizeBytes,
              contentType: row.contentType,
            },
          ],
        });
      },
    }),
  };
  const db = {
    select: () => ({ from: () => ({ where: async () => [{ id: DOCUMENT, callId: CALL, acceptedTypes }] }) }),
    transaction: async (run: (tx: typeof writer) => Promise<unknown>) => run(writer),
  };
  return { db: db as unknown as Database, rows };
}

let storeDir: string;

async function storedFiles() {
  const entries = await readdir(storeDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function upload(db: Database, fileName: string, bytes: Uint8Array) {
  return storeRequiredDocument(db, {
    applicationId: APPLICATION,
    callId: CALL,
    requiredDocumentId: DOCUMENT,
    userId: USER,
    fileName,
    bytes,
  });
}

beforeAll(async () => {
  storeDir = await mkdtemp(path.join(tmpdir(), "uploads-"));
  process.env.FILE_STORE_DIR = storeDir;
});

afterAll(async () => {
  await rm(storeDir, { recursive: true, force: true });
});

describe("storeRequiredDocument refuses, with a French message, before writing anything", () => {
  it.each([
    ["an executable renamed rapport.pdf (wrong magic bytes)", "rapport.pdf", EXE, 415],
    ["a PNG where only PDF is accepted", "scan.pdf", PNG, 415],
    ["plain text named .pdf", "rapport.pdf", ascii("ceci n’est pas un PDF"), 415],
    ["an empty file", "vide.pdf", new Uint8Array(), 422],
    ["a file of 10 MB and one byte", "gros.pdf", new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x25), 413],
  ])("%s", async (_label, fileName, bytes, status) => {
    const { db, rows } = fakeDb(["application/pdf"]);
    const before = await storedFiles();
    const outcome = await upload(db, fileName, bytes);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(status);
    expect(outcome.message).toMatch(/^(Le fichier|Le contenu de ce fichier)/);
    expect(rows).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it("names the accepted types in the message", async () => {
    const { db } = fakeDb(["application/pdf", "image/jpeg", "image/png"]);
    const outcome = await upload(db, "x.pdf", EXE);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("PDF, JPEG ou PNG") });
  });
});

describe("storeRequiredDocument neutralises names", () => {
  it("a double extension (rapport.pdf.exe) with PDF content is kept as a PDF: the content decides, never the name", async () => {
    const { db, rows } = fakeDb(["application/pdf"]);
    const outcome = await upload(db, "rapport.pdf.exe", PDF);
    expect(outcome).toMatchObject({ ok: true, attachment: { contentType: "application/pdf" } });
    const attachment = rows.find((r) => "storageKey" in r);
    expect(attachment?.contentType).toBe("application/pdf");
    // Its extension follows the content too: downloaded as a PDF, never as an .exe.
    expect(attachment?.originalName).toBe("rapport.pdf.pdf");
    // The name is only displayed (and sent as an attachment with nosniff), never used to store or to type the file.
    expect(String(attachment?.storageKey)).toMatch(/^applications\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  });

  it("a path traversal name (../../etc/passwd.pdf) keeps only its base name and is stored inside the store", async () => {
    const { db, rows } = fakeDb(["application/pdf"]);
    const outcome = await upload(db, "../../etc/passwd.pdf", PDF);
    expect(outcome).toMatchObject({ ok: true, attachment: { originalName: "passwd.pdf" } });
    const attachment = rows.find((r) => "storageKey" in r);
    expect(String(attachment?.storageKey)).not.toContain("..");
    const files = await storedFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file.startsWith(storeDir + path.sep)).toBe(true);
  });

  it("every audit row of an accepted upload records the file's hash", async () => {
    const { db, rows } = fakeDb(["application/pdf"]);
    await upload(db, "deliberation.pdf", PDF);
    const audit = rows.find((r) => r.action === "application.document_uploaded");
    expect(audit?.data).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe("properties of the checks", () => {
  it("bytes that start with no accepted signature are never given a type", () => {
    const signatureStarts = new Set([0x25, 0x89, 0xff, 0x50]);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 512 }), (bytes) => {
        fc.pre(bytes.length === 0 || !signatureStarts.has(bytes[0] ?? 0));
        expect(detectMimeType(bytes)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it("detectMimeType never throws on a truncated or forged ZIP header", () => {
    const zipHeader = [0x50, 0x4b, 0x03, 0x04];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        expect(() => detectMimeType(new Uint8Array([...zipHeader, ...tail]))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it("safeDisplayName returns a non-empty base name: no separator, no control character, no « .. », 150 characters at most", () => {
    const name = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.string({ unit: "grapheme", minLength: 140, maxLength: 200 }),
      fc
        .array(
          fc.constantFrom(
            "..",
            "/",
            "\\",
            "etc",
            "passwd",
            ".pdf",
            "\u0000",
            "\n",
            "\u202e",
            "C:",
            "é",
            "👩‍👩‍👧",
            "\ud800",
          ),
          {
            maxLength: 12,
          },
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(name, (raw) => {
        const clean = safeDisplayName(raw);
        expect(clean.length).toBeGreaterThan(0);
        expect(clean.length).toBeLessThanOrEqual(150);
        expect(clean).not.toMatch(/[\\/"<>|:*?]/);
        expect([...clean].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)).toBe(false);
        expect(clean).not.toBe("..");
        expect(clean).not.toBe(".");
        // Sent in Content-Disposition through encodeURIComponent, which throws on a lone surrogate.
        expect(clean.isWellFormed()).toBe(true);
        expect(() => encodeURIComponent(clean)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
