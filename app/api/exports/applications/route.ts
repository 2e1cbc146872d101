import { getCurrentUser } from "@/lib/auth/current-user";
import { canExportReviewList } from "@/lib/authz/policy";
import { countExportRows, exportStream } from "@/lib/exports/applications";
import { isoDateInParis } from "@/lib/format";
import { parseListFilters } from "@/lib/review/filters";

/**
 * Export of the dashboard list (the current filters, every page) as CSV or
 * XLSX, streamed: the download starts at once and rows are read with a cursor.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) {
    // A download link followed while signed out: sign in, then come back to the list.
    return new Response(null, {
      status: 303,
      headers: { location: "/connexion?callbackUrl=%2Finstruction" },
    });
  }
  if (!canExportReviewList(user)) return new Response("Accès refusé.", { status: 403 });
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const filters = parseListFilters(Object.fromEntries(url.searchParams));
  const rows = await countExportRows(user, filters);
  const name = `dossiers-${isoDateInParis(new Date())}.${format}`;
  return new Response(exportStream(user, filters, format), {
    headers: {
      "content-type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
      "x-export-rows": String(rows),
    },
  });
}
