import { openDataGrantsCached, openDataHeaders } from "@/lib/open-data/cached";
import { toCsv } from "@/lib/open-data/csv";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const dynamic = "force-static";
export const revalidate = 300;

/** Laureates of published calls, SCDL « subventions » 2.1.1, CSV. Public on purpose (Licence Ouverte 2.0). */
export async function GET() {
  const { grants } = await openDataGrantsCached();
  return new Response(
    toCsv(grants.map((g) => g.row)),
    openDataHeaders("text/csv; charset=utf-8", "subventions-cooperation-decentralisee.csv"),
  );
}
