import { openDataGrantsCached, openDataHeaders } from "@/lib/open-data/cached";
import { SCDL_SUBVENTIONS_VERSION } from "@/lib/open-data/scdl-schema";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const dynamic = "force-static";
export const revalidate = 300;

/**
 * Laureates of published calls, SCDL « subventions » 2.1.1, JSON: `data` holds
 * the rows with exactly the schema's fields (strings, as in the CSV).
 */
export async function GET() {
  const { grants } = await openDataGrantsCached();
  const body = {
    schema: `scdl/subventions@${SCDL_SUBVENTIONS_VERSION}`,
    licence: "Licence Ouverte / Open Licence version 2.0",
    licenceUrl: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    data: grants.map((g) => g.row),
  };
  return new Response(
    JSON.stringify(body, null, 1),
    openDataHeaders("application/json; charset=utf-8", "subventions-cooperation-decentralisee.json"),
  );
}
