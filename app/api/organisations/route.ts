import { getDb } from "@/db/client";
import { searchOrganisationsCached } from "@/lib/organisations/search";
import { normalizeSearch } from "@/lib/text";

/**
 * Autocomplete over the official list of French local authorities. Public on
 * purpose: it is open data (INSEE / SIREN codes), used by sign-up and the forms.
 * Results are cached in the process (the list changes only at deploy).
 */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  if (q.length > 100 || normalizeSearch(q).length < 2) {
    return Response.json({ results: [] }, { headers: { "Cache-Control": "public, max-age=300" } });
  }
  const results = await searchOrganisationsCached(getDb(), q);
  return Response.json({ results }, { headers: { "Cache-Control": "public, max-age=300" } });
}
