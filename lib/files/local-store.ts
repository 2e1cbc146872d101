import { mkdir, open, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { FileStore } from "./store";

/** Files in a local folder; keys map to paths inside it and can never leave it. */
export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string) {
    if (!/^[a-z]+(\/[0-9a-f-]{36}){2}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new Error("storage key outside the store");
    return full;
  }

  async put(key: string, bytes: Uint8Array) {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename would be atomic; keys are never rewritten, so a plain exclusive write is enough:
    // its row is written only once this resolves, so a write cut short (a killed process, a full
    // disk) leaves a file no row names, an orphan (orphans.ts). Flushed to disk before the row is
    // committed, as PostgreSQL flushes the row: after a power cut no row names a partial file.
    const handle = await open(file, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async get(key: string) {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string) {
    await rm(this.pathOf(key), { force: true });
  }

  async *list() {
    let entries: string[];
    try {
      entries = (await readdir(this.root, { recursive: true })).map(String);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const key = entry.split(path.sep).join("/");
      // Only what the app writes: temporary or foreign files are none of its business.
      if (!/^[a-z]+(\/[0-9a-f-]{36}){2}$/.test(key)) continue;
      const info = await stat(path.join(this.root, entry)).catch(() => null);
      if (info?.isFile()) yield { key, modifiedAt: info.mtime };
    }
  }
}
