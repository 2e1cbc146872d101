import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDb>["db"];

/** A drizzle client on its own connection pool; call `close()` when done (scripts, tests). */
export function createDb(url: string, options: { max?: number } = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Quiet the "relation already exists, skipping" notices of idempotent DDL.
    onnotice: () => {},
    connection: { TimeZone: "UTC" },
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

let shared: ReturnType<typeof createDb> | undefined;

/**
 * The application's shared client. DATABASE_URL is set by the environment or,
 * with the embedded PostgreSQL, by the start-up (instrumentation.ts) before any request.
 */
export function getDb(): Database {
  if (!shared) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set: start the app with `npm start` (embedded PostgreSQL) or set DATABASE_URL.",
      );
    }
    shared = createDb(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  }
  return shared.db;
}
