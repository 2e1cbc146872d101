import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { hit } from "@/lib/rate-limit";
import { REQUEST_ID_HEADER } from "@/lib/request-id";
import { addressKey } from "@/lib/security/client-address";
import {
  CSP_REPORT_LIMIT,
  CSP_REPORT_TYPES,
  MAX_REPORT_BYTES,
  parseCspReports,
} from "@/lib/security/csp-report";

const answer = (status: number, message?: string) =>
  new Response(message ?? null, {
    status,
    headers: {
      "Cache-Control": "no-store",
      ...(message ? { "Content-Type": "text/plain; charset=utf-8" } : {}),
    },
  });

/** The body as text, or null past `max` bytes (read chunk by chunk: a lying Content-Length changes nothing). */
async function readLimited(request: Request, max: number) {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * Content-Security-Policy violation reports sent by browsers (`report-uri`
 * and `report-to` in lib/security/csp.ts). Public on purpose: a browser
 * sends them without cookies. Checked for type and size (64 KB) before
 * anything else, rate-limited per client address (lib/security/client-address.ts;
 * the shared counters of lib/rate-limit.ts), then each violation is logged on one line, without
 * query strings; nothing else is stored. 204 when read.
 */
export async function POST(request: Request) {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!CSP_REPORT_TYPES.includes(type)) {
    return answer(
      415,
      "Rapport refusé\u00a0: le type attendu est application/csp-report ou application/reports+json.",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_REPORT_BYTES) return answer(413, "Rapport refusé\u00a0: 64 Ko au plus.");
  const unreadable = "Rapport illisible\u00a0: ce n’est pas un rapport de violation CSP.";
  const body = await readLimited(request, MAX_REPORT_BYTES).catch(() => undefined);
  if (body === undefined) return answer(400, unreadable);
  if (body === null) return answer(413, "Rapport refusé\u00a0: 64 Ko au plus.");
  const violations = parseCspReports(type, body);
  if (!violations) return answer(400, unreadable);
  const limit = await hit(getDb(), `csp-report:${addressKey(request.headers)}`, CSP_REPORT_LIMIT);
  if (!limit.allowed) return answer(429, "Trop de rapports\u00a0: réessayez dans une minute.");
  const reportLog = log.child({
    requestId: request.headers.get(REQUEST_ID_HEADER),
    handler: "POST /api/csp-report",
  });
  for (const violation of violations) reportLog.warn({ violation }, "csp violation");
  return answer(204);
}
