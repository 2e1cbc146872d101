/**
 * Reports of Content-Security-Policy violations sent by browsers to
 * `/api/csp-report`: the two formats in use, read with zod, reduced
 * to what an operator needs in a log line. Pure functions, tested in
 * csp-report.test.ts; the route handler adds the size and rate limits.
 *
 * - `application/csp-report` (`report-uri`, Firefox and Safari):
 *   `{ "csp-report": { "document-uri", "violated-directive", … } }`;
 * - `application/reports+json` (`report-to` and `Reporting-Endpoints`,
 *   Chromium): an array of `{ type: "csp-violation", body: { documentURL,
 *   effectiveDirective, blockedURL, … } }` (other report types are ignored).
 */
import { z } from "@/lib/zod";
/** A browser batches a few reports; more than this is not a browser. */
export const MAX_REPORT_BYTES = 64 * 1024;
export const MAX_REPORTS_PER_REQUEST = 50;
/** Per client IP: a page broken by a bad deploy sends a few each view; a flood is cut. */
export const CSP_REPORT_LIMIT = { limit: 120, windowSeconds: 60 };

export const CSP_REPORT_TYPES = ["application/csp-report", "application/reports+json", "application/json"];

const text = z.string().max(4_096).optional().catch(undefined);
const num = z.number().int().nonnegative().max(10_000_000).optional().catch(undefined);

const legacySchema = z.object({
  "csp-report": z.object({
    "document-uri": text,
    "violated-directive": text,
    "effective-directive": text,
    "blocked-uri": text,
    "source-file": text,
    "line-number": num,
    "column-number": num,
    disposition: text,
    "script-sample": text,
  }),
});

const reportSchema = z.object({
  type: z.string().max(100),
  url: text,
  body: z
    .object({
      documentURL: text,
      effectiveDirective: text,
      blockedURL: text,
      sourceFile: text,
      lineNumber: num,
      columnNumber: num,
      disposition: text,
      sample: text,
    })
    .optional(),
});
const reportsSchema = z.array(reportSchema).min(1).max(MAX_REPORTS_PER_REQUEST);

/** One violation, as logged. */
export type CspViolation = {
  directive: string;
  blocked: string;
  document: string;
  source: string;
  line: number | null;
  disposition: string;
  sample: string;
};

/**
 * A URL as it may go to a log: origin and path, no query string nor fragment
 * (a sign-in link's token, a search typed by a person). Keywords the browser
 * sends instead of a URL (`inline`, `eval`, `data`) stay as they are.
 */
export function logSafeUrl(value: string | undefined) {
  if (!value) return "";
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:")
      return `${url.origin}${url.pathname}`.slice(0, 300);
    return url.protocol.replace(/:$/, "");
  } catch {
    return value.replace(/[?#].*$/s, "").slice(0, 100);
  }
}

/** Control characters and line breaks out of a log line. */
const clean = (value: string | undefined, max: number) =>
  (value ?? "").replace(/[\p{Cc}\u2028\u2029]/gu, " ").slice(0, max);

/**
 * The violations of a report body, or null when it is not a CSP report
 * (malformed JSON, wrong shape). The content type picks the format; plain
 * `application/json` is read as either.
 */
export function parseCspReports(contentType: string, body: string): CspViolation[] | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/csp-report" || (type === "application/json" && !Array.isArray(json))) {
    const parsed = legacySchema.safeParse(json);
    if (!parsed.success) return null;
    const r = parsed.data["csp-report"];
    return [
      {
        directive: clean(r["effective-directive"] ?? r["violated-directive"], 100),
        blocked: clean(logSafeUrl(r["blocked-uri"]), 300),
        document: clean(logSafeUrl(r["document-uri"]), 300),
        source: clean(logSafeUrl(r["source-file"]), 300),
        line: r["line-number"] ?? null,
        disposition: clean(r.disposition, 20),
        sample: clean(r["script-sample"], 40),
      },
    ];
  }
  const parsed = reportsSchema.safeParse(json);
  if (!parsed.success) return null;
  return parsed.data
    .filter((r) => r.type === "csp-violation" && r.body)
    .map((r) => {
      const b = r.body ?? {};
      return {
        directive: clean(b.effectiveDirective, 100),
        blocked: clean(logSafeUrl(b.blockedURL), 300),
        document: clean(logSafeUrl(b.documentURL ?? r.url), 300),
        source: clean(logSafeUrl(b.sourceFile), 300),
        line: b.lineNumber ?? null,
        disposition: clean(b.disposition, 20),
        sample: clean(b.sample, 40),
      };
    });
}
