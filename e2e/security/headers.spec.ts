import { THEME_SCRIPT_HASH } from "../../lib/theme-script";
import { expect, test } from "../fixtures";
import { signInAs } from "../support/personas";

// One route of each family: public page, sign-in, private page (redirect), route handler, open data, static asset.
const ROUTES = [
  "/",
  "/laureats",
  "/connexion",
  "/espace",
  "/api/health",
  "/api/open-data/subventions.csv",
  "/robots.txt",
];

for (const route of ROUTES) {
  test(`security headers on ${route}`, async ({ request }) => {
    const response = await request.get(route, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

/** The CSP each family gets (lib/security/csp.ts): a nonce where pages are rendered per request. */
const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

const STRICT = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"];

test("per-request pages (sign-in, signed-in spaces, their errors) get a fresh nonce", async ({ page }) => {
  const signIn1 = await page.request.get("/connexion");
  const signIn2 = await page.request.get("/connexion");
  const csp1 = signIn1.headers()["content-security-policy"] ?? "";
  const nonce1 = /'nonce-([^']+)'/.exec(csp1)?.[1];
  expect(nonce1).toBeTruthy();
  expect(signIn2.headers()["content-security-policy"]).not.toContain(String(nonce1));
  expect(directive(csp1, "script-src")).toBe(
    `script-src 'nonce-${nonce1}' ${THEME_SCRIPT_HASH} 'strict-dynamic'`,
  );
  expect(csp1).not.toContain("unsafe-eval");
  for (const d of [...STRICT, "img-src 'self' data:"]) expect(csp1).toContain(d);
  // The nonce is in the HTML of this response, and only this one.
  expect(await signIn1.text()).toContain(`nonce="${nonce1}"`);

  await signInAs(page, "admin");
  for (const path of [
    "/espace",
    "/instruction",
    "/admin",
    "/reseau",
    "/espace/dossiers/00000000-0000-4000-8000-000000000000",
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(directive(csp, "script-src"), path).toBe(
      `script-src ${/'nonce-[^']+'/.exec(csp)?.[0]} ${THEME_SCRIPT_HASH} 'strict-dynamic'`,
    );
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    // Over plain http (this run) no HSTS: it is sent only when AUTH_URL is https (csp.test.ts).
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
  }
});

test("public pages served from the cache get the public policy, script files only from the site", async ({
  request,
}) => {
  for (const path of [
    "/",
    "/laureats",
    "/statistiques",
    "/carte",
    "/appels",
    "/reseaux",
    "/page-inexistante",
  ]) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(directive(csp, "script-src"), path).toBe("script-src 'self' 'unsafe-inline'");
    expect(csp, path).not.toContain("nonce-");
    for (const d of STRICT) expect(csp, path).toContain(d);
  }
  const html = await (await request.get("/")).text();
  const scriptFiles = [...html.matchAll(/<script[^>]+src="[^"]+"[^>]*>/g)].map((m) => m[0]);
  expect(scriptFiles.length).toBeGreaterThan(0);
  for (const tag of scriptFiles) expect(tag).toMatch(/src="\/_next\/static\//);
});

test("route handlers and files get a policy where nothing runs", async ({ request }) => {
  for (const path of ["/api/health", "/api/open-data/subventions.csv", "/robots.txt", "/sitemap.xml"]) {
    const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
    expect(directive(csp, "default-src"), path).toBe("default-src 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
  }
});
