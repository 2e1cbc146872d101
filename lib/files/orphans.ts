/**
 * Files without a row (issue 10, item 7). An upload writes the file first and
 * its row afterwards, in one transaction: a failure or a killed process in
 * between leaves a file that no row names, never a row without its file, so
 * the application itself never breaks. This removes such files once they are
 * older than a grace period (an upload in progress has written its file and
 * not yet committed its row).
 */
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { attachments } from "@/db/schema";
import type { FileStore } from "./store";

/** An upload takes seconds: a file without a row for an hour is an orphan. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

export async function removeOrphanFiles(
  db: Database,
  store: FileStore,
  options: { olderThanMs?: number; now?: Date } = {},
) {
  const cutoff = (options.now ?? new Date()).getTime() - (options.olderThanMs ?? ORPHAN_GRACE_MS);
  const candidates: string[] = [];
  for await (const file of store.list()) {
    if (file.modifiedAt.getTime() <= cutoff) candidates.push(file.key);
  }
  const removed: string[] = [];
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    const known = await db
      .select({ key: attachments.storageKey })
      .from(attachments)
      .where(inArray(attachments.storageKey, batch));
    const referenced = new Set(known.map((k) => k.key));
    for (const key of batch) {
      if (referenced.has(key)) continue;
      await store.delete(key);
      removed.push(key);
    }
  }
  return { examined: candidates.length, removed };
}

/** At server start, in the background: removes orphan files and says how many (never fails the start). */
export async function removeOrphanFilesAtStartup(log: (line: string) => void) {
  try {
    const { getDb } = await import("@/db/client");
    const { getFileStore } = await import("./store");
    const { examined, removed } = await removeOrphanFiles(getDb(), getFileStore());
    if (removed.length > 0) log(`${removed.length} orphan file(s) removed out of ${examined} examined`);
  } catch (error) {
    log(`orphan cleanup failed: ${String(error)}`);
  }
}
