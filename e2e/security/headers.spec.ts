import { expect, test } from "../fixtures";

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
