import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { normalizeSearch } from "@/lib/text";

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
