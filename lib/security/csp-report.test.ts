import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logSafeUrl, parseCspReports } from "./csp-report";
import { hostileString } from "./hostile";

// As Chromium sends them (report-to, Reporting API).
const chromium = JSON.stringify([
  {
    age: 12,
    type: "csp-violation",
    url: "https://cooperation.example/connexion?callbackUrl=%2Fespace",
    user_agent: "Mozilla/5.0",
    body: {
      blockedURL: "inline",
      columnNumber: 3,
      disposition: "enforce",
      documentURL: "https://cooperation.example/connexion?token=secret#x",
      effectiveDirective: "script-src-elem",
      lineNumber: 1,
      originalPolicy: "default-src 'self'",
      referrer: "",
      sample: "window.__injected = true",
      sourceFile: "https://cooperation.example/connexion?token=secret",
      statusCode: 200,
    },
  },
  { type: "deprecation", body: { id: "x" } },
]);

// As Firefox and Safari send them (report-uri).
const firefox = JSON.stringify({
  "csp-report": {
    "blocked-uri": "https://evil.example/x.js?session=abc",
    "document-uri": "https://cooperation.example/laureats?q=eau",
    "effective-directive": "script-src-elem",
    "original-policy": "default-src 'self'",
    "violated-directive": "script-src-elem",
    disposition: "enforce",
    "line-number": 4,
  },
});

describe("CSP violation reports", () => {
  it("reads Chromium's reports+json batch, keeping CSP violations only, without query strings", () => {
    expect(parseCspReports("application/reports+json", chromium)).toEqual([
      {
        directive: "script-src-elem",
        blocked: "inline",
        document: "https://cooperation.example/connexion",
        source: "https://cooperation.example/connexion",
        line: 1,
        disposition: "enforce",
        sample: "window.__injected = true",
      },
    ]);
  });

  it("reads the csp-report format of report-uri", () => {
    expect(parseCspReports("application/csp-report", firefox)).toEqual([
      {
        directive: "script-src-elem",
        blocked: "https://evil.example/x.js",
        document: "https://cooperation.example/laureats",
        source: "",
        line: 4,
        disposition: "enforce",
        sample: "",
      },
    ]);
  });

  it("refuses what is not a report: bad JSON, wrong shape, too many in one batch", () => {
    expect(parseCspReports("application/csp-report", "{")).toBeNull();
    expect(parseCspReports("application/csp-report", "[]")).toBeNull();
    expect(parseCspReports("application/reports+json", "{}")).toBeNull();
    const many = JSON.stringify(Array.from({ length: 51 }, () => ({ type: "csp-violation", body: {} })));
    expect(parseCspReports("application/reports+json", many)).toBeNull();
  });

  it("never throws, and never lets a line break or a query string into the log line", () => {
    const field = fc.oneof(
      hostileString,
      fc.integer(),
      fc.constant(null),
      fc.webUrl({ withQueryParameters: true }),
    );
    const legacy = fc
      .dictionary(
        fc.constantFrom("document-uri", "blocked-uri", "source-file", "script-sample", "line-number"),
        field,
      )
      .map((r) => JSON.stringify({ "csp-report": r }));
    const modern = fc
      .array(
        fc.record({
          type: fc.constantFrom("csp-violation", "deprecation"),
          body: fc.dictionary(
            fc.constantFrom("documentURL", "blockedURL", "sourceFile", "sample", "lineNumber"),
            field,
          ),
        }),
        { minLength: 1, maxLength: 5 },
      )
      .map((r) => JSON.stringify(r));
    fc.assert(
      fc.property(
        fc.constantFrom("application/csp-report", "application/reports+json", "application/json"),
        fc.oneof(legacy, modern, hostileString),
        (type, body) => {
          const violations = parseCspReports(type, body) ?? [];
          for (const v of violations) {
            const line = JSON.stringify(v);
            expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
            for (const url of [v.document, v.blocked, v.source])
              expect(url).not.toMatch(/^https?:\/\/.*[?#]/);
          }
        },
      ),
      { numRuns: 500 },
    );
    // 500 generated reports: well under a second on a quiet machine, but the
    // default 5 s budget is not a performance target and a shared CI machine can be slow.
  }, 30_000);

  it("keeps keywords the browser sends instead of a URL", () => {
    expect(logSafeUrl("inline")).toBe("inline");
    expect(logSafeUrl("eval")).toBe("eval");
    expect(logSafeUrl("data:text/html,<script>")).toBe("data");
  });
});
