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
  const rows = await db.execute<OrganisationHit>(sql`
    select id, kind, name, insee_code as "inseeCode", siren, departement_code as "departementCode", postcodes
    from organisations
    where search_name like ${`${q}%`}
       or search_name % ${q}
       or search_name like ${`% ${q}%`}
       ${isCode ? sql`or insee_code = ${code} or siren = ${code} or ${code} = any(postcodes)` : sql``}
    order by ${isCode ? sql`(insee_code = ${code} or siren = ${code}) desc,` : sql``}
             (search_name = ${q}) desc,
             (search_name like ${`${q}%`}) desc,
             similarity(search_name, ${q}) desc,
             population desc nulls last,
             name
    limit ${limit}`);
  return [...rows];
}
