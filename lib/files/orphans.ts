import "server-only";
/**
 * Files without a row. An upload writes the file first and
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

/**
 * The grace period of the start-up clean-up: `FILE_ORPHAN_GRACE_MINUTES`, one
 * hour by default. The grace protects uploads in progress in another process
 * sharing the folder (two nodes, a rolling restart). A node alone on its store
 * may set 0: at its start none of its own uploads can be in progress, and a
 * file written after the start is never a candidate (see `removeOrphanFiles`).
 */
export function orphanGraceMs() {
  const minutes = Number(process.env.FILE_ORPHAN_GRACE_MINUTES ?? "");
  return process.env.FILE_ORPHAN_GRACE_MINUTES && Number.isFinite(minutes) && minutes >= 0
    ? minutes * 60_000
    : ORPHAN_GRACE_MS;
}

export async function removeOrphanFiles(
  db: Database,
  store: FileStore,
  options: { olderThanMs?: number; now?: Date } = {},
) {
  const cutoff = (options.now ?? new Date()).getTime() - (options.olderThanMs ?? ORPHAN_GRACE_MS);
  const candidates: string[] = [];
  for await (const file of store.list()) {
    // Strictly older: with no grace, a file written at the very instant of `now` is kept.
    if (file.modifiedAt.getTime() < cutoff) candidates.push(file.key);
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
  // The start time, taken before any await: requests may be served while this runs in the
  // background, and the files their uploads write are newer than it, so never candidates.
  const now = new Date();
  try {
    const { getDb } = await import("@/db/client");
    const { getFileStore } = await import("./store");
    const { examined, removed } = await removeOrphanFiles(getDb(), getFileStore(), {
      now,
      olderThanMs: orphanGraceMs(),
    });
    if (removed.length > 0) log(`${removed.length} orphan file(s) removed out of ${examined} examined`);
  } catch (error) {
    log(`orphan cleanup failed: ${String(error)}`);
  }
}
