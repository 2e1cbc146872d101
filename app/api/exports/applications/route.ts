import { deny, runRoute } from "@/lib/actions/route";
import { canExportReviewList } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { accessRefused, exportFailed, signIn } from "@/lib/exports/answers";
import { countExportRows, exportStream } from "@/lib/exports/applications";
import { isoDateInParis } from "@/lib/format";
import { parseListFilters } from "@/lib/review/filters";

/**
 * Export of the dashboard list (the current filters, every page) as CSV or
 * XLSX, streamed: the download starts at once and rows are read with a cursor
 * as the client reads (see exportStream).
 */
export async function GET(request: Request) {
  return runRoute(request, {
    name: "GET /api/exports/applications",
    ...steps,
    run: async ({ user }) => {
      const ready = await prepare(request, user);
      return new Response(exportStream(user, ready.filters, ready.format), { headers: ready.headers });
    },
  });
}

/**
 * The export's headers (with `x-export-rows`) without the file. Left to Next,
 * HEAD would run GET, and Node drops a HEAD response's body without ever
 * pushing back: the whole export (100 000 rows read, encoded and thrown away)
 * would run at full speed beside the real download.
 */
export async function HEAD(request: Request) {
  const bodiless = (response: Response) =>
    new Response(null, { status: response.status, headers: response.headers });
  return bodiless(
    await runRoute(request, {
      name: "HEAD /api/exports/applications",
      ...steps,
      run: async ({ user }) => new Response(null, { headers: (await prepare(request, user)).headers }),
    }),
  );
}

/** Who may ask: the same for the file and its headers. */
const steps = {
  // A download link followed while signed out: sign in, then come back to the list.
  signedOut: () => signIn("/instruction"),
  access: (user: Principal) => {
    if (!canExportReviewList(user)) deny(accessRefused());
  },
  failed: exportFailed,
};

/** What is asked, and the headers of the answer. */
async function prepare(request: Request, user: Principal) {
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
  return { filters, format, headers } as const;
}
