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

/** Sign-in e-mails: per address and per IP. */
export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;
