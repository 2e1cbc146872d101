import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDb>["db"];

/**
 * PostgreSQL refuses the NUL character in text ("invalid byte sequence"), and
 * no person types one: only a tampered request sends it. Dropping it from
 * every text parameter here, in the one place all queries pass, means hostile
 * input can never turn into a 500 (found by
 * lib/security/actions.fuzz.int.test.ts). Lone surrogates need nothing: the
 * driver's UTF-8 encoding already replaces them.
 */
export function withoutNul(value: unknown) {
  const text = typeof value === "string" ? value : String(value);
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

const TEXT_OIDS = [25, 1043]; // text, varchar

/** Seconds before the next connection attempt after `retries` failed ones: 50 ms doubling, capped at 1 s, times 0.5–1 (jitter). */
export function reconnectDelaySeconds(retries: number) {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 1);
}

/** A drizzle client on its own connection pool; call `close()` when done (scripts, tests). */
export function createDb(url: string, options: { max?: number } = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Quiet the "relation already exists, skipping" notices of idempotent DDL.
    onnotice: () => {},
    connection: { TimeZone: "UTC" },
    // While PostgreSQL is down (restart, fail-over), a request waiting for a connection
    // fails after this many seconds (a clean 5xx) instead of hanging for the default 30.
    connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT ?? 5),
    // The wait before a closed connection tries again, in seconds. The driver's default grows
    // with every failed attempt of the pool (3^n / 100, up to 20 s) and is not bounded by
    // connect_timeout: after a 4 s PostgreSQL restart, a request that met a closed connection
    // waited up to 18 s more once the server was back (`npm run fault:pg-restart` counted it
    // as hung). Capped at 1 s: a refused connection costs the server nothing, and a request
    // fails at once while it is down and waits at most a second once it is back.
    backoff: reconnectDelaySeconds,
    types: {
      text: { to: 25, from: TEXT_OIDS, serialize: withoutNul, parse: (value: string) => value },
    },
    // The custom text type only filters parameters: callers keep the driver's plain types.
  }) as unknown as postgres.Sql;
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
