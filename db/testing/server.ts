import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "../client";
import { startEmbeddedPostgres } from "../embedded";
import { MIGRATIONS_FOLDER, runMigrations } from "../migrate";
import { seedReferential } from "../seed/referential";

/**
 * Test databases. Every run gets its own databases, copied from a template that
 * holds the migrated schema and the official organisations (copying is much
 * faster than importing 36 000 organisations each time). The template's name
 * carries a hash of the migrations, so a schema change builds a new one.
 *
 * Server: TEST_SERVER_URL if set (scripts/test.ts sets it), else the server of
 * DATABASE_URL, else an embedded PostgreSQL of its own (.data/postgres-test).
 */

export async function openTestServer(log: (line: string) => void = () => {}) {
  const explicit = process.env.TEST_SERVER_URL;
  if (explicit) return { serverUrl: explicit, stop: async () => {} };
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    return { serverUrl: url.toString(), stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: process.env.TEST_PG_DIR ?? path.join(process.cwd(), ".data", "postgres-test"),
    port: Number(process.env.TEST_PG_PORT ?? 54339),
    log,
  });
  return { serverUrl: server.urlFor("postgres"), stop: server.stop };
}

function databaseUrl(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function templateName() {
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (file.endsWith(".sql") || file.endsWith(".json")) {
      hash.update(file);
      hash.update(readFileSync(path.join(MIGRATIONS_FOLDER, file)));
    }
  }
  return `coop_template_${hash.digest("hex").slice(0, 12)}`;
}

/** Creates (once) the template database: migrated, with the official organisations. */
async function ensureTemplate(serverUrl: string) {
  const name = templateName();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    // An advisory lock keeps two concurrent runs from building the same template.
    await admin`select pg_advisory_lock(727274)`;
    const exists = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists.length === 0) {
      const building = `${name}_building`;
      await admin.unsafe(`drop database if exists "${building}"`);
      await admin.unsafe(`create database "${building}"`);
      const url = databaseUrl(serverUrl, building);
      await runMigrations(url);
      const { db, close } = createDb(url, { max: 2 });
      await seedReferential(db);
      await close();
      await admin.unsafe(`alter database "${building}" rename to "${name}"`);
    }
    await admin`select pg_advisory_unlock(727274)`;
  } finally {
    await admin.end({ timeout: 5 });
  }
  return name;
}

/** A fresh database for this run, named after its purpose; returns its URL and a drop function. */
export async function createTestDatabase(serverUrl: string, purpose: string) {
  const template = await ensureTemplate(serverUrl);
  const name = `test_${purpose}_${Date.now().toString(36)}_${process.pid}`.toLowerCase();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}
