import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import BoundedFileSystemCache, { isKept, maxEntriesFrom } from "./route-cache-handler.mjs";

const { nodeFs } = createRequire(import.meta.url)("next/dist/server/lib/node-fs-methods.js");

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const page = (status?: number) => ({
  kind: "APP_PAGE",
  html: "<html>Projet</html>",
  rscData: Buffer.from("rsc"),
  headers: {},
  postponed: undefined,
  status,
  segmentData: new Map([["/_tree", Buffer.from("tree")]]),
});
const query = (body: string) => ({
  kind: "FETCH",
  data: { headers: {}, body, status: 200, url: "" },
  revalidate: 300,
});
const pageCtx = {
  cacheControl: { revalidate: 300, expire: 3600 },
  isRoutePPREnabled: false,
  isFallback: false,
};
const key = (n: number | string) => `/route-cache/APP_PAGE/${"a".repeat(64)}/$/laureats/${n}`;

let root: string;
let previous: string | undefined;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "route-cache-"));
  previous = process.env.PUBLIC_CACHE_MAX_ENTRIES;
  process.env.PUBLIC_CACHE_MAX_ENTRIES = "3";
});
afterEach(async () => {
  if (previous === undefined) delete process.env.PUBLIC_CACHE_MAX_ENTRIES;
  else process.env.PUBLIC_CACHE_MAX_ENTRIES = previous;
  await rm(root, { recursive: true, force: true });
});

const newCache = () =>
  new BoundedFileSystemCache({ fs: nodeFs, flushToDisk: true, serverDistDir: path.join(root, "server") });

describe("the bounded route cache", () => {
  it("keeps successful pages and query results, never a 404, a redirect or a null result", () => {
    expect(isKept(page())).toBe(true);
    expect(isKept(page(200))).toBe(true);
    expect(isKept(page(404))).toBe(false);
    expect(isKept(page(307))).toBe(false);
    expect(isKept({ kind: "APP_ROUTE", status: 404, body: Buffer.from(""), headers: {} })).toBe(false);
    expect(isKept(query('{"id":"x"}'))).toBe(true);
    expect(isKept(query("null"))).toBe(false);
  });

  it("writes nothing to the disk for a 404 or an unknown id's null", async () => {
    const cache = newCache();
    await cache.set(key("inconnu"), page(404), pageCtx);
    await cache.set("f".repeat(64), query("null"), { fetchCache: true, tags: [] });
    expect(await filesUnder(root)).toEqual([]);
  });

  it("deletes the least recently used entries past PUBLIC_CACHE_MAX_ENTRIES", async () => {
    const cache = newCache();
    for (const n of [1, 2, 3]) await cache.set(key(n), page(), pageCtx);
    const perEntry = (await filesUnder(root)).length / 3;
    expect(perEntry).toBeGreaterThanOrEqual(3);
    // Page 1 read again: page 2 is now the least recently used.
    expect(await cache.get(key(1), { kind: "APP_PAGE", isRoutePPREnabled: false })).toBeTruthy();
    await cache.set("b".repeat(64), query('{"ok":true}'), { fetchCache: true, tags: [] });
    for (const n of [4, 5, 6, 7, 8]) await cache.set(key(n), page(), pageCtx);
    const files = await filesUnder(root);
    // Three entries whatever the number written, the last ones.
    expect(files.filter((f) => f.endsWith(".html")).map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(["6.html", "7.html", "8.html"]),
    );
    expect(files.filter((f) => f.endsWith(".html"))).toHaveLength(3);
    expect(files.some((f) => f.includes("fetch-cache"))).toBe(false);
  });

  it("counts the entries an earlier run left on disk", async () => {
    const first = newCache();
    for (const n of [1, 2, 3]) await first.set(key(n), page(), pageCtx);
    const second = newCache();
    await second.set(key(4), page(), pageCtx);
    const html = (await filesUnder(root)).filter((f) => f.endsWith(".html")).map((f) => path.basename(f));
    expect(html.sort()).toEqual(["2.html", "3.html", "4.html"]);
  });

  it("reads its bound from PUBLIC_CACHE_MAX_ENTRIES", () => {
    expect(maxEntriesFrom({})).toBe(2000);
    expect(maxEntriesFrom({ PUBLIC_CACHE_MAX_ENTRIES: "500" })).toBe(500);
    expect(maxEntriesFrom({ PUBLIC_CACHE_MAX_ENTRIES: "-1" })).toBe(2000);
  });
});
