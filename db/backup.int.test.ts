import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, readBackupHeader, restoreDatabase, tableChecksums } from "./backup";
import { createDb } from "./client";
import { seedDemo } from "./seed";
import { createTestDatabase } from "./testing/server";

const serverUrl = (() => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://invalid/x");
  url.pathname = "/postgres";
  return url.toString();
})();

let source: Awaited<ReturnType<typeof createTestDatabase>>;
let folder = "";
let file = "";
let summary: Awaited<ReturnType<typeof backupDatabase>>;
const created: string[] = [];

async function emptyDatabase(name: string) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "backup-"));
  source = await createTestDatabase(serverUrl, "backup_source");
  const { db, close } = createDb(source.url, { max: 4 });
  try {
    // The demo data: every table the service writes holds rows (audit, outbox, reviews…).
    await seedDemo(db);
  } finally {
    await close();
  }
  file = path.join(folder, "coop.backup.gz");
  summary = await backupDatabase(source.url, file);
}, 240_000);

afterAll(async () => {
  await source?.drop();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  for (const name of created) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
  await rm(folder, { recursive: true, force: true });
});

describe("backup and restore", () => {
  // 36 000 organisations restored row by row through JSON: about 30 s on a shared machine.
  it("restores into another database every row of every table, byte for byte", {
    timeout: 180_000,
  }, async () => {
    const header = await readBackupHeader(file);
    expect(header.migrations).toBeGreaterThan(0);
    expect(header.tables.map((t) => t.name)).toContain("applications");
    // Parents come before children (foreign-key order).
    const order = header.tables.map((t) => t.name);
    expect(order.indexOf("calls")).toBeLessThan(order.indexOf("applications"));
    expect(order.indexOf("applications")).toBeLessThan(order.indexOf("decisions"));
    expect(summary.rows.applications).toBeGreaterThan(0);
    expect(summary.rows.audit_events).toBeGreaterThan(0);

    const target = await emptyDatabase(`test_restore_${Date.now().toString(36)}`);
    const restored = await restoreDatabase(target, file);
    expect(restored.rows).toEqual(summary.rows);

    const before = await tableChecksums(source.url);
    const after = await tableChecksums(target);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, figures] of Object.entries(before)) {
      expect({ table, ...after[table] }).toEqual({ table, ...figures });
    }

    // Sequences continue after the restored rows: a new audit row and a new e-mail get fresh ids.
    const sql = postgres(target, { max: 1, onnotice: () => {} });
    try {
      const [audit] = await sql`insert into audit_events (action, subject_type, subject_id, data)
        values ('restore.checked', 'database', 'x', '{}') returning id`;
      const [max] = await sql`select max(id) as max from audit_events where action <> 'restore.checked'`;
      expect(BigInt(audit?.id)).toBeGreaterThan(BigInt(max?.max));
      // Triggers are back on after the load: the audit trail is append-only again.
      await expect(sql`delete from audit_events where action = 'restore.checked'`).rejects.toThrow();
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it("refuses to restore over a database that holds data, unless told to erase it", {
    timeout: 180_000,
  }, async () => {
    const target = await emptyDatabase(`test_restore_over_${Date.now().toString(36)}`);
    await restoreDatabase(target, file);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty/);
    const erased = await restoreDatabase(target, file, { erase: true });
    expect(erased.rows).toEqual(summary.rows);
  });
});
