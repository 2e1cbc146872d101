import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { ORPHAN_GRACE_MS, orphanGraceMs, removeOrphanFiles } from "./orphans";
import type { FileStore } from "./store";

const saved = process.env.FILE_ORPHAN_GRACE_MINUTES;
afterEach(() => {
  if (saved === undefined) delete process.env.FILE_ORPHAN_GRACE_MINUTES;
  else process.env.FILE_ORPHAN_GRACE_MINUTES = saved;
});

describe("orphanGraceMs (FILE_ORPHAN_GRACE_MINUTES)", () => {
  it("is one hour unless set to a number of minutes, 0 included", () => {
    delete process.env.FILE_ORPHAN_GRACE_MINUTES;
    expect(orphanGraceMs()).toBe(ORPHAN_GRACE_MS);
    process.env.FILE_ORPHAN_GRACE_MINUTES = "0";
    expect(orphanGraceMs()).toBe(0);
    process.env.FILE_ORPHAN_GRACE_MINUTES = "15";
    expect(orphanGraceMs()).toBe(15 * 60_000);
  });

  it("falls back to one hour on a value that is not a number of minutes", () => {
    for (const value of ["", "abc", "-5", "Infinity"]) {
      process.env.FILE_ORPHAN_GRACE_MINUTES = value;
      expect(orphanGraceMs()).toBe(ORPHAN_GRACE_MS);
    }
  });
});

describe("removeOrphanFiles without grace", () => {
  it("never takes a file written at or after `now` (an upload of this process in progress)", async () => {
    const now = new Date();
    const deleted: string[] = [];
    const store: FileStore = {
      put: async () => {},
      get: async () => null,
      delete: async (key) => {
        deleted.push(key);
      },
      async *list() {
        yield { key: "applications/a/at-start", modifiedAt: now };
        yield { key: "applications/a/after-start", modifiedAt: new Date(now.getTime() + 5) };
      },
    };
    // No candidate, so the database is never asked.
    const result = await removeOrphanFiles(null as unknown as Database, store, { olderThanMs: 0, now });
    expect(result).toEqual({ examined: 0, removed: [] });
    expect(deleted).toEqual([]);
  });
});
