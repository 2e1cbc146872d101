import "server-only";
/**
 * « Nothing was written »: a fingerprint of every table of the database, taken
 * before and after a refused request and compared. Shared by the
 * hostile-input and access tests that run on the real test PostgreSQL.
 *
 * - `cheap` (the default): row count and last `updated_at` of every table, fast
 *   enough to take around each of hundreds of fuzzed calls; an update of a
 *   table without `updated_at` escapes it.
 * - `content`: row count and an MD5 of every row's content, for every table
 *   under `contentRowLimit` rows (the reference tables, organisations and
 *   countries, keep the cheap form): any insert, update or delete shows.
 *
 * `rate_limits` is left out: a limited route (sign-in, uploads, CSP reports)
 * counts each request before deciding, so a refusal writes its counter.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

type Table = { name: string; hasUpdatedAt: boolean; rows: number };

const queries = new WeakMap<object, Map<string, ReturnType<typeof sql>>>();

async function tables(db: Database) {
  return (await db.execute(sql`
    select t.table_name as name,
      exists (select 1 from information_schema.columns c where c.table_schema = 'public'
        and c.table_name = t.table_name and c.column_name = 'updated_at') as "hasUpdatedAt",
      coalesce((select n_live_tup from pg_stat_user_tables s where s.relname = t.table_name), 0)::int as rows
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name not like '%drizzle%'
      -- Rate-limit counters are written by every request to a limited route, refused or not: that is their job.
      and t.table_name <> 'rate_limits'
    order by t.table_name`)) as unknown as Table[];
}

function cheapPart(t: Table) {
  return t.hasUpdatedAt
    ? `'${t.name}=' || (select count(*) || '@' || coalesce(max(updated_at)::text, '') from "${t.name}")`
    : `'${t.name}=' || (select count(*) from "${t.name}")`;
}

function contentPart(t: Table) {
  return `'${t.name}=' || (select count(*) || '#' || coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') from "${t.name}" x)`;
}

/** The fingerprint of the whole database; equal before and after means nothing was written. */
export async function databaseFingerprint(
  db: Database,
  mode: "cheap" | "content" = "cheap",
  contentRowLimit = 5_000,
) {
  let cache = queries.get(db);
  if (!cache) {
    cache = new Map();
    queries.set(db, cache);
  }
  let query = cache.get(mode);
  if (!query) {
    const parts = (await tables(db)).map((t) =>
      mode === "content" && t.rows < contentRowLimit ? contentPart(t) : cheapPart(t),
    );
    query = sql.raw(`select concat_ws(' ', ${parts.join(", ")}) as f`);
    cache.set(mode, query);
  }
  const rows = (await db.execute(query)) as unknown as { f: string }[];
  return rows[0]?.f ?? "";
}
