import { expect, test } from "../fixtures";

/**
 * The CSP report endpoint as Firefox and Safari use it
 * (`report-uri`, `application/csp-report`), and what it refuses. Chromium's
 * own delivery (`report-to`, the Reporting API) needs https: it is tested in
 * https.spec.ts.
 */

test("the report-uri format is accepted, and anything else refused in French", async ({ request }) => {
  const legacy = await request.post("/api/csp-report", {
    headers: { "content-type": "application/csp-report" },
    data: JSON.stringify({
      "csp-report": {
        "document-uri": "http://localhost/laureats?q=eau",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js",
        disposition: "enforce",
      },
    }),
  });
  expect(legacy.status()).toBe(204);
  const garbage = await request.post("/api/csp-report", {
    headers: { "content-type": "application/csp-report" },
    data: "{pas du json",
  });
  expect(garbage.status()).toBe(400);
  expect(await garbage.text()).toContain("Rapport illisible");
  const tooLarge = await request.post("/api/csp-report", {
    headers: { "content-type": "application/reports+json" },
    data: "x".repeat(70_000),
  });
  expect(tooLarge.status()).toBe(413);
  const wrongType = await request.post("/api/csp-report", {
    headers: { "content-type": "text/html" },
    data: "<p>",
  });
  expect(wrongType.status()).toBe(415);
});
