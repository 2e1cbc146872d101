import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { normalizeSearch } from "@/lib/text";
import { z } from "@/lib/zod";

export const organisationSearchSchema = z.object({
  q: z.string().trim().min(2).max(100),
  kinds: z.array(z.enum(["commune", "epci", "departement", "region", "other"])).optional(),
});

export type OrganisationHit = {
  id: number;
  kind: "commune" | "epci" | "departement" | "region" | "other";
  name: string;
  inseeCode: string | null;
  siren: string | null;
  departementCode: string | null;
  postcodes: string[];
};

/**
 * Autocomplete over the official list: by name (accents, hyphens and case
 * ignored: "chambery" finds Chambéry), by INSEE code, SIREN or postcode.
 * Exact names first, then prefixes, then trigram similarity, then population.
 */
export async function searchOrganisations(
  db: Database,
  query: string,
  limit = 10,
): Promise<OrganisationHit[]> {
  const raw = query.trim();
  const q = normalizeSearch(raw);
  if (q.length < 2) return [];
  const isCode = /^[0-9][0-9AB][0-9]{0,12}$/i.test(raw.replace(/\s+/g, ""));
  const code = raw.replace(/\s+/g, "").toUpperCase();
  // Each branch can use an index (trigram GIN, btree, GIN on postcodes); an OR
  // across columns could not, and would scan every organisation.
  const rows = await db.execute<OrganisationHit>(sql`
    with candidates as (
      select id from organisations where search_name like ${`${q}%`}
      union select id from organisations where search_name % ${q}
      union select id from organisations where search_name like ${`% ${q}%`}
      ${
        isCode
          ? sql`union select id from organisations where insee_code = ${code}
                union select id from organisations where siren = ${code}
                union select id from organisations where postcodes @> array[${code}]::text[]`
          : sql``
      }
    )
    select o.id, o.kind, o.name, o.insee_code as "inseeCode", o.siren, o.departement_code as "departementCode", o.postcodes
    from organisations o join candidates c on c.id = o.id
    order by ${isCode ? sql`(o.insee_code = ${code} or o.siren = ${code}) desc,` : sql``}
             (o.search_name = ${q}) desc,
             (o.search_name like ${`${q}%`}) desc,
             similarity(o.search_name, ${q}) desc,
             o.population desc nulls last,
             o.name
    limit ${limit}`);
  return [...rows];
}

/**
 * The official list changes only when the referential is loaded (a deploy),
 * and autocomplete queries repeat a lot (every user types « sain », « saint »…):
 * results are kept in this process for an hour, at most 2 000 queries (the
 * oldest entry goes first). The SQL costs 2–30 ms for broad prefixes such as
 * « saint » (thousands of candidates ranked by similarity); a hit costs none.
 */
const CACHE_TTL_MS = 60 * 60 * 1000;
const CACHE_MAX = 2_000;
const cache = new Map<string, { at: number; hits: Promise<OrganisationHit[]> }>();

export function searchOrganisationsCached(db: Database, query: string): Promise<OrganisationHit[]> {
  // The query depends on the normalised text and, for what looks like a code, on the code.
  const code = query.replace(/\s+/g, "").toUpperCase();
  const key = `${normalizeSearch(query.trim())}|${/^[0-9][0-9AB][0-9]{0,12}$/.test(code) ? code : ""}`;
  const now = Date.now();
  const entry = cache.get(key);
  if (entry && now - entry.at < CACHE_TTL_MS) return entry.hits;
  const hits = searchOrganisations(db, query);
  cache.delete(key);
  cache.set(key, { at: now, hits });
  // A failed query is not kept.
  hits.catch(() => cache.delete(key));
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return hits;
}
