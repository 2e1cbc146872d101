import { PUBLIC_REVALIDATE_SECONDS, publicCached } from "@/lib/public/cache";
import { openDataGrants } from "./subventions";

const cached = publicCached(openDataGrants, "open-data-grants");

/** The export, from the public cache (invalidated with the rest of the public content on publication). */
export async function openDataGrantsCached() {
  return cached();
}

/** A download that a shared cache (CDN, reverse proxy) may hold for a few minutes. */
export function openDataHeaders(contentType: string, filename: string): ResponseInit {
  return {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": `public, max-age=0, s-maxage=${PUBLIC_REVALIDATE_SECONDS}, stale-while-revalidate=60`,
      "Access-Control-Allow-Origin": "*",
    },
  };
}
