/**
 * An upload that dies midway on the real test PostgreSQL:
 * the file is written, then the transaction that records its row fails (here
 * a foreign key violation, as a killed process or a lost connection would
 * leave it). No row appears, the application keeps its previous document and
 * stays complete, and the orphan cleanup removes the file without a row,
 * after its grace period, and nothing else.
 */
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, attachments, calls, organisations, requiredDocuments, users } from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { documentStates, documentsOf } from "@/lib/applications/queries";
import { removeOrphanFiles } from "./orphans";
import { getFileStore } from "./store";
import { storeRequiredDocument } from "./uploads";

const { db, close } = testDb();
afterAll(close);

let storeDir = "";
const ids = { call: "", document: "", application: "", user: "" };
const pdf = (label: string) => new TextEncoder().encode(`%PDF-1.7\n% ${label}\n`);

async function storedKeys() {
  const entries = await readdir(storeDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(storeDir, path.join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  storeDir = await mkdtemp(path.join(tmpdir(), "orphans-"));
  process.env.FILE_STORE_DIR = storeDir;
  const tag = `orphans-${Date.now().toString(36)}`;
  const [user] = await db
    .insert(users)
    .values({ email: `${tag}@exemple.fr` })
    .returning();
  ids.user = user?.id ?? "";
  const [org] = await db.select().from(organisations).where(eq(organisations.kind, "commune")).limit(1);
  const [call] = await db
    .insert(calls)
    .values({
      slug: tag,
      code: "ORP",
      year: 2099,
      title: "Appel de test (orphelins)",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 1_000_000_00,
    })
    .returning();
  ids.call = call?.id ?? "";
  const [doc] = await db
    .insert(requiredDocuments)
    .values({ callId: ids.call, position: 1, label: "Délibération", acceptedTypes: ["application/pdf"] })
    .returning();
  ids.document = doc?.id ?? "";
  const [app] = await db
    .insert(applications)
    .values({ callId: ids.call, leadOrganisationId: org?.id ?? 0, title: "Brouillon", isFictitious: false })
    .returning();
  ids.application = app?.id ?? "";
});

describe("an upload that dies between the file and its row", () => {
  it("leaves no row, keeps the previous document, and its file is cleaned up later", async () => {
    const input = { applicationId: ids.application, callId: ids.call, requiredDocumentId: ids.document };
    const first = await storeRequiredDocument(db, {
      ...input,
      userId: ids.user,
      fileName: "deliberation.pdf",
      bytes: pdf("v1"),
    });
    expect(first.ok).toBe(true);
    const kept = await storedKeys();
    expect(kept).toHaveLength(1);

    // The replacement's transaction fails after its file is written (an unknown uploader: FK violation).
    await expect(
      storeRequiredDocument(db, { ...input, userId: "inconnu", fileName: "v2.pdf", bytes: pdf("v2") }),
    ).rejects.toThrow();
    const rows = await db.select().from(attachments).where(eq(attachments.applicationId, ids.application));
    expect(rows.map((r) => r.originalName)).toEqual(["deliberation.pdf"]);
    expect(documentStates(await documentsOf(db, ids.call, ids.application))).toEqual([
      expect.objectContaining({ id: ids.document, uploaded: true }),
    ]);
    expect(await getFileStore().get(rows[0]?.storageKey ?? "")).toEqual(pdf("v1"));
    const withOrphan = await storedKeys();
    expect(withOrphan).toHaveLength(2);

    // Within the grace period (an upload may still be committing), nothing is removed.
    expect((await removeOrphanFiles(db, getFileStore())).removed).toEqual([]);
    // Later, only the file without a row goes.
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const cleaned = await removeOrphanFiles(db, getFileStore(), { now: later });
    expect(cleaned.examined).toBe(2);
    expect(cleaned.removed).toEqual(withOrphan.filter((k) => !kept.includes(k)));
    expect(await storedKeys()).toEqual(kept);
    expect(await getFileStore().get(rows[0]?.storageKey ?? "")).toEqual(pdf("v1"));
  });
});
