/**
 * Where uploaded files live. The app keeps no file on its own disk beyond this
 * interface, so an S3-compatible store can replace the local folder when
 * several app nodes serve behind a load balancer: implement `FileStore` and
 * return it from `getFileStore`.
 */
import { randomUUID } from "node:crypto";
import { LocalFileStore } from "./local-store";

export interface FileStore {
  /** Writes the bytes under a key; the key is built by the app, never from a user's file name. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when the key does not exist. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** Every stored key with its last modification time (for the orphan cleanup). */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

let store: FileStore | undefined;

/** The configured store: a local folder (`FILE_STORE_DIR`, default `.data/uploads`). */
export function getFileStore(): FileStore {
  store ??= new LocalFileStore(process.env.FILE_STORE_DIR || ".data/uploads");
  return store;
}

/** A storage key safe on any store: a prefix of the app's own, then a random id. No user input. */
export function newStorageKey(prefix: "applications" | "messages", ownerId: string) {
  if (!/^[0-9a-f-]{36}$/.test(ownerId)) throw new Error("invalid owner id");
  return `${prefix}/${ownerId}/${randomUUID()}`;
}

/**
 * A file name fit for a Content-Disposition header and a listing: no path, no
 * control characters, no format characters (`\p{Cf}`): a right-to-left
 * override (U+202E) made `facture\u202efdp.exe` read « factureexe.pdf », and
 * zero-width characters hide what a name says.
 */
export function safeDisplayName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/\p{Cf}/gu, "")
    // Control characters (code points below 32, and 127) and characters Windows forbids.
    .replace(/./gsu, (c) =>
      c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || '"<>|:*?'.includes(c) ? "" : c,
    )
    .trim()
    .slice(0, 150)
    .replace(/\p{Cs}/gu, ""); // A pair cut in two, or a lone surrogate, would break encodeURIComponent.
  return clean === "" || clean === "." || clean === ".." ? "document" : clean;
}
