import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { THEME_SCRIPT_HASH } from "@/lib/theme-script";
import {
  cspOptionsFromEnv,
  isRenderedPerRequest,
  newNonce,
  nonceCsp,
  policyForRequest,
  publicCsp,
  resourceCsp,
  securityHeaders,
  strictTransportSecurity,
} from "./csp";

const prod = { dev: false, https: true, formOrigins: ["https://proconnect.gouv.fr"] };
const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  ) as Record<string, string[]>;

describe("the policy of pages rendered per request", () => {
  const nonce = newNonce();
  const csp = directives(nonceCsp(nonce, prod));

  it("runs only scripts with this request's nonce, and what they load", () => {
    expect(csp["script-src"]).toEqual([`'nonce-${nonce}'`, THEME_SCRIPT_HASH, "'strict-dynamic'"]);
    expect(csp["style-src"]).toEqual(["'self'", `'nonce-${nonce}'`]);
  });

  it("forbids plugins, <base>, framing, and forms to other sites than ProConnect", () => {
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'", "https://proconnect.gouv.fr"]);
    expect(csp["img-src"]).toEqual(["'self'", "data:"]);
    expect(csp["upgrade-insecure-requests"]).toEqual([]);
  });

  it("has no eval and no inline script in production, eval only in development", () => {
    const text = nonceCsp(nonce, prod);
    expect(text).not.toContain("unsafe-eval");
    expect(directives(text)["script-src"]).not.toContain("'unsafe-inline'");
    expect(directives(nonceCsp(nonce, { ...prod, dev: true }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("gives a new unguessable nonce each time and refuses a malformed one", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    expect(Buffer.from(newNonce(), "base64")).toHaveLength(16);
    expect(() => nonceCsp("abc'; script-src *", prod)).toThrow();
  });

  it("does not upgrade requests over plain http (local runs)", () => {
    expect(nonceCsp(nonce, { ...prod, https: false })).not.toContain("upgrade-insecure-requests");
  });
});

describe("the policy of the public pages served from the cache", () => {
  const csp = directives(publicCsp(prod));

  it("allows the site's own scripts and Next's inline flight data, nothing else", () => {
    expect(csp["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp["style-src"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
  });

  it("keeps every other restriction of the strict policy", () => {
    for (const name of ["object-src", "base-uri", "frame-ancestors", "frame-src", "worker-src"]) {
      expect(csp[name], name).toEqual(["'none'"]);
    }
    expect(publicCsp(prod)).not.toContain("unsafe-eval");
  });
});

describe("which policy a request gets", () => {
  it("gives a nonce to every space rendered per request, the public policy to the public site", () => {
    const folders = (group: string) =>
      readdirSync(path.join(process.cwd(), "app", group), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `/${e.name}`);
    const perRequest = ["(candidat)", "(instruction)", "(admin)", "(reseau)", "(auth)", "(dev)"].flatMap(
      folders,
    );
    expect(perRequest.length).toBe(6);
    for (const page of perRequest) {
      expect(isRenderedPerRequest(page), page).toBe(true);
      expect(isRenderedPerRequest(`${page}/x/y`), page).toBe(true);
    }
    const publicPages = folders("(public)");
    expect(publicPages.length).toBeGreaterThan(5);
    for (const page of ["/", ...publicPages, "/reseaux/resacoop", "/adresse-inconnue"]) {
      expect(isRenderedPerRequest(page), page).toBe(false);
    }
  });

  it("sets the nonce on the request for Next, and drops one sent by the client", () => {
    const forged = new Headers({ "content-security-policy": "script-src *", "x-nonce": "forged" });
    const { csp, requestHeaders } = policyForRequest("/espace", forged, prod);
    const nonce = requestHeaders.get("x-nonce");
    expect(nonce).not.toBe("forged");
    expect(csp).toContain(`'nonce-${nonce}'`);
    expect(requestHeaders.get("content-security-policy")).toBe(csp);

    const cached = policyForRequest("/laureats", forged, prod);
    expect(cached.csp).toBe(publicCsp(prod));
    expect(cached.requestHeaders.get("content-security-policy")).toBeNull();
    expect(cached.requestHeaders.get("x-nonce")).toBeNull();

    expect(policyForRequest("/robots.txt", new Headers(), prod).csp).toBe(resourceCsp());
  });

  it("lets nothing run in a route handler's answer", () => {
    expect(directives(resourceCsp())["default-src"]).toEqual(["'none'"]);
  });
});

describe("options and other headers from the environment", () => {
  it("reads ProConnect's origin, https and development mode", () => {
    const options = cspOptionsFromEnv({
      NODE_ENV: "production",
      AUTH_URL: "https://cooperation.example.gouv.fr",
      PROCONNECT_DOMAIN: "auth.agentconnect.gouv.fr",
    });
    expect(options).toEqual({
      dev: false,
      https: true,
      formOrigins: ["https://auth.agentconnect.gouv.fr"],
    });
    expect(cspOptionsFromEnv({ NODE_ENV: "development", PROCONNECT_ISSUER: "not a url" })).toEqual({
      dev: true,
      https: false,
      formOrigins: [],
    });
  });

  it("sends HSTS only over https", () => {
    expect(strictTransportSecurity({ https: true })).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity({ https: false })).toBeNull();
    // Not among the build-time headers: the running server decides (proxy.ts).
    expect(securityHeaders({ https: true }).map((h) => h.key)).not.toContain("Strict-Transport-Security");
    expect(securityHeaders({ https: false }).map((h) => h.key)).toEqual([
      "X-Frame-Options",
      "X-Content-Type-Options",
      "Referrer-Policy",
      "Permissions-Policy",
      "Reporting-Endpoints",
    ]);
  });

  it("names the report endpoint in both page policies (report-uri and report-to), not in the resource one", () => {
    for (const csp of [nonceCsp(newNonce(), prod), publicCsp(prod)].map(directives)) {
      expect(csp["report-uri"]).toEqual(["/api/csp-report"]);
      expect(csp["report-to"]).toEqual(["csp"]);
    }
    expect(resourceCsp()).not.toContain("report");
    expect(securityHeaders({ https: true }).find((h) => h.key === "Reporting-Endpoints")?.value).toBe(
      'csp="/api/csp-report"',
    );
  });
});
