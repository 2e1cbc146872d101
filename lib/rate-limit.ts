import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export type RateLimitRule = { limit: number; windowSeconds: number };

/** Start of the fixed window containing `now`. */
export function windowStart(now: Date, windowSeconds: number) {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/**
 * Counts one hit against `key` and says whether it is within the limit.
 * Counters live in PostgreSQL (one upsert), so every app node shares them.
 */
export async function hit(db: Database, key: string, rule: RateLimitRule, now = new Date()) {
  const start = windowStart(now, rule.windowSeconds);
  const rows = await db.execute<{ count: number }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${start.toISOString()}, 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count`);
  const count = Number(rows[0]?.count ?? 0);
  return {
    allowed: count <= rule.limit,
    count,
    retryAt: new Date(start.getTime() + rule.windowSeconds * 1000),
  };
}

/** A positive integer from the environment, else `fallback`; a malformed value is refused (a typo must not lift a limit). */
export function limitSetting(name: string, fallback: number, value = process.env[name]) {
  if (value === undefined || value.trim() === "") return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`${name} must be a positive integer (got « ${value} »).`);
  return limit;
}

const FIFTEEN_MINUTES = 15 * 60;

/**
 * Sign-ins: per e-mail address and per client address (lib/security/client-address.ts).
 * The per-address rule counts e-mailed links and demo one-click sign-ins alike.
 */
export function signInLimits(env: Record<string, string | undefined> = process.env) {
  return {
    perEmail: { limit: 5, windowSeconds: FIFTEEN_MINUTES },
    perAddress: {
      limit: limitSetting("SIGN_IN_LIMIT_PER_ADDRESS", 30, env.SIGN_IN_LIMIT_PER_ADDRESS),
      windowSeconds: FIFTEEN_MINUTES,
    },
  } satisfies Record<string, RateLimitRule>;
}

/** Uploads (documents, network images) per client address: far above what a person sends, below a flood. */
export function uploadLimit(env: Record<string, string | undefined> = process.env): RateLimitRule {
  return {
    limit: limitSetting("UPLOAD_LIMIT_PER_ADDRESS", 300, env.UPLOAD_LIMIT_PER_ADDRESS),
    windowSeconds: FIFTEEN_MINUTES,
  };
}
