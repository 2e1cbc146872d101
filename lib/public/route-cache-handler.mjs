/**
 * Next's cache handler (next.config.ts `cacheHandler`): Next's own file-system
 * cache, with two limits an anonymous visitor cannot get around.
 *
 * 1. Only successful answers are kept. A page or route answering 404 (an
 *    unknown project id, call or network slug, news number) or a redirect is
 *    rendered again on each request instead of being written to the disk: one
 *    entry per URL anyone can invent was a way to fill the disk (7 files, about
 *    47 KB, per random id). A query result that is `null` (« no laureate with
 *    this id ») is not kept either, for the same reason.
 * 2. The number of entries on disk is bounded: pages and route answers
 *    (server/route-cache) and cached query results (cache/fetch-cache) count
 *    together, at most PUBLIC_CACHE_MAX_ENTRIES (default 2 000); past it the
 *    least recently used entry is deleted (its next visitor renders it again).
 *    With the largest public pages at ~250 KB an entry (/laureats, /carte),
 *    that bounds the cache at about 500 MB whatever the traffic; Next's
 *    in-memory copy is bounded already (cacheMaxMemorySize, 50 MB).
 *
 * Everything else (reading, tags, revalidation, the build's prerendered pages)
 * is Next's FileSystemCache as it is. The entries found on disk at start count
 * from the first write. Plain JavaScript: Next loads this file itself, at run
 * time, without compiling it.
 */
import { readdir, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

export const DEFAULT_MAX_ENTRIES = 2000;
const ROUTE_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);
const ROUTE_CACHE_DIRECTORY = "route-cache";

/** The bound from the environment (a positive integer), or the default. */
export function maxEntriesFrom(env) {
  const value = Number(env.PUBLIC_CACHE_MAX_ENTRIES);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_ENTRIES;
}

/** Whether an entry is worth keeping: a successful answer, a query result that is not null. */
export function isKept(data) {
  if (!data) return false;
  if (ROUTE_KINDS.has(data.kind)) return data.status === undefined || data.status === 200;
  if (data.kind === "FETCH") return data.data?.status === 200 && data.data?.body !== "null";
  return data.kind !== "REDIRECT";
}

/** Files of one entry, from the paths of Next's FileSystemCache (`getFilePath`). */
function filesOf(cache, key, kind) {
  if (kind === "FETCH") return [cache.getFilePath(key, "FETCH")];
  if (kind === "APP_ROUTE") {
    const body = cache.getFilePath(`${key}.body`, "APP_ROUTE");
    return [body, body.replace(/\.body$/, ".meta")];
  }
  const html = cache.getFilePath(`${key}.html`, kind);
  const base = html.replace(/\.html$/, "");
  return [html, `${base}.rsc`, `${base}.meta`, `${base}.json`, `${base}.segments`];
}

async function walk(dir, visit) {
  let names;
  try {
    names = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of names) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.endsWith(".segments")) await walk(full, visit);
    } else await visit(full);
  }
}

export default class BoundedFileSystemCache extends FileSystemCache {
  /** key → kind, least recently used first (a Map keeps insertion order). */
  #entries = new Map();
  #loaded;
  #maxEntries = maxEntriesFrom(process.env);

  /** The entries already on disk (an earlier run), oldest first. */
  async #load() {
    this.#loaded ??= (async () => {
      if (!this.serverDistDir) return;
      const found = [];
      const routes = path.join(this.serverDistDir, ROUTE_CACHE_DIRECTORY);
      await walk(routes, async (file) => {
        if (!file.endsWith(".meta")) return;
        const relative = path.relative(this.serverDistDir, file).split(path.sep).join("/");
        const kind = relative.split("/")[1];
        if (!ROUTE_KINDS.has(kind)) return;
        found.push({ key: `/${relative.slice(0, -".meta".length)}`, kind, at: (await stat(file)).mtimeMs });
      });
      const fetches = path.join(this.serverDistDir, "..", "cache", "fetch-cache");
      await walk(fetches, async (file) => {
        if (path.dirname(file) !== fetches) return;
        found.push({ key: path.basename(file), kind: "FETCH", at: (await stat(file)).mtimeMs });
      });
      found.sort((a, b) => a.at - b.at);
      for (const { key, kind } of found) if (!this.#entries.has(key)) this.#entries.set(key, kind);
    })();
    await this.#loaded;
  }

  #touch(key, kind) {
    this.#entries.delete(key);
    this.#entries.set(key, kind);
  }

  async get(key, ctx) {
    const data = await super.get(key, ctx);
    if (data && this.#entries.has(key)) this.#touch(key, this.#entries.get(key));
    return data;
  }

  async set(key, data, ctx) {
    if (!isKept(data)) return;
    const kind = data.kind === "FETCH" ? "FETCH" : data.kind;
    const counted = kind === "FETCH" || key.startsWith(`/${ROUTE_CACHE_DIRECTORY}/`);
    if (counted) {
      await this.#load();
      this.#touch(key, kind);
    }
    await super.set(key, data, ctx);
    if (counted) await this.#evict();
  }

  async #evict() {
    while (this.#entries.size > this.#maxEntries) {
      const [key, kind] = this.#entries.entries().next().value;
      this.#entries.delete(key);
      await Promise.all(
        filesOf(this, key, kind).map((file) => rm(file, { recursive: true, force: true }).catch(() => {})),
      );
    }
  }
}
