import { getCurrentUser } from "@/lib/auth/current-user";
import { canExportReviewList } from "@/lib/authz/policy";
import { countExportRows, exportStream } from "@/lib/exports/applications";
import { isoDateInParis } from "@/lib/format";
import { parseListFilters } from "@/lib/review/filters";

/**
 * Export of the dashboard list (the current filters, every page) as CSV or
 * XLSX, streamed: the download starts at once and rows are read with a cursor
 * as the client reads (see exportStream).
 */
export async function GET(request: Request) {
  const ready = await prepare(request);
  if (ready instanceof Response) return ready;
  return new Response(exportStream(ready.user, ready.filters, ready.format), { headers: ready.headers });
}

/**
 * The export's headers (with `x-export-rows`) without the file. Left to Next,
 * HEAD would run GET, and Node drops a HEAD response's body without ever
 * pushing back: the whole export (100 000 rows read, encoded and thrown away)
 * would run at full speed beside the real download.
 */
export async function HEAD(request: Request) {
  const ready = await prepare(request);
  if (ready instanceof Response) return new Response(null, { status: ready.status, headers: ready.headers });
  return new Response(null, { headers: ready.headers });
}

/** Who asks, what, and the headers of the answer; or the refusal. */
async function prepare(request: Request) {
  const user = await getCurrentUser();
  if (!user) {
    // A download link followed while signed out: sign in, then come back to the list.
    return new Response(null, {
      status: 303,
      headers: { location: "/connexion?callbackUrl=%2Finstruction" },
    });
  }
  if (!canExportReviewList(user)) {
    return new Response("Accès refusé.", {
      status: 403,
      headers: { "cache-control": "private, no-store", "content-type": "text/plain; charset=utf-8" },
    });
  }
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const filters = parseListFilters(Object.fromEntries(url.searchParams));
  const rows = await countExportRows(user, filters);
  const name = `dossiers-${isoDateInParis(new Date())}.${format}`;
  const headers = {
    "content-type":
      format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "content-disposition": `attachment; filename="${name}"`,
    "cache-control": "private, no-store",
    "x-export-rows": String(rows),
  };
  return { user, filters, format, headers } as const;
}
