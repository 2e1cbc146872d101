/**
 * The Content-Security-Policy of every response,
 * built here and set by proxy.ts (pages) and next.config.ts (route handlers,
 * files). Three policies:
 *
 * - **Rendered per request** (signed-in spaces, sign-in, errors): a fresh
 *   nonce per request; `script-src 'nonce-…' 'strict-dynamic'` runs only the
 *   scripts Next marks with it (and what they load), so an injected
 *   `<script>` or `onerror=` never runs.
 * - **Public pages and unknown addresses** (served from Next's cache, shared by every visitor, see
 *   docs/performance.md): a cached page cannot carry a per-request nonce, and
 *   the hashes of its inline flight scripts change with every regeneration
 *   and are not known to the proxy. They get `script-src 'self'
 *   'unsafe-inline'`: no other origin, no eval, no plugin, no `<base>`,
 *   forms only to the site. The trade-off is in docs/security.md.
 * - **Route handlers and files** (JSON, CSV, documents, feeds): nothing may
 *   run or load at all.
 *
 * Every page policy names the report endpoint (`report-uri` for Firefox and
 * Safari, `report-to` with the `Reporting-Endpoints` header for Chromium):
 * violations in users' browsers reach the logs (app/api/csp-report).
 *
 * Pure functions, unit-tested in csp.test.ts.
 */

import { THEME_SCRIPT_HASH } from "../theme-script";

/** Where browsers send violation reports (app/api/csp-report/route.ts). */
export const CSP_REPORT_PATH = "/api/csp-report";
/** The `Reporting-Endpoints` name the policies' `report-to` refers to. */
export const CSP_REPORT_GROUP = "csp";

export type CspOptions = {
  /** `next dev`: React needs eval for its debugging stacks, and styles come from JS. */
  dev: boolean;
  /** The public URL is https (production): upgrade every sub-request. */
  https: boolean;
  /** Origins a sign-in form may lead to (ProConnect's), besides the site itself. */
  formOrigins?: readonly string[];
};

/**
 * First segments of the spaces rendered per request (app/(candidat), (instruction),
 * (admin), (reseau), (auth), (dev)): they get a nonce. Every other path is the
 * public site or an unknown address, whose 404 page Next serves prerendered:
 * neither can carry a per-request nonce. csp.test.ts checks this list against app/.
 */
export const PER_REQUEST_SPACES = ["espace", "instruction", "admin", "reseau", "connexion", "dev"];

export function isRenderedPerRequest(pathname: string) {
  const first = pathname.split("/")[1] ?? "";
  return PER_REQUEST_SPACES.includes(first);
}

/** 16 random bytes, base64: unguessable, new for every request. */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

const join = (directives: Record<string, (string | false)[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values.filter(Boolean)].join(" "))
    .join("; ");

function common(options: CspOptions) {
  const origins = (options.formOrigins ?? []).filter((o) => /^https?:\/\/[^/\s;,']+$/.test(o));
  return {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    // Style attributes (bar widths, map colours) cannot carry a nonce; a style cannot run code.
    "style-src-attr": ["'unsafe-inline'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'", ...origins],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'none'"],
    "manifest-src": ["'self'"],
    ...(options.https ? { "upgrade-insecure-requests": [] } : {}),
    "report-uri": [CSP_REPORT_PATH],
    "report-to": [CSP_REPORT_GROUP],
  };
}

/** Pages rendered per request: scripts and style elements need this request's nonce. */
export function nonceCsp(nonce: string, options: CspOptions) {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("invalid nonce");
  const { "style-src-attr": styleAttr, ...rest } = common(options);
  return join({
    ...rest,
    // The theme script runs before the page is painted, inline and the same on every page: named by its
    // hash (lib/theme-script.ts), as it is rendered by the root layout, which has no nonce to give it.
    "script-src": [`'nonce-${nonce}'`, THEME_SCRIPT_HASH, "'strict-dynamic'", options.dev && "'unsafe-eval'"],
    "style-src": ["'self'", options.dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    "style-src-attr": styleAttr,
  });
}

/** Public pages served from the shared cache (see the module's comment for why no nonce). */
export function publicCsp(options: CspOptions) {
  const { "style-src-attr": styleAttr, ...rest } = common(options);
  return join({
    ...rest,
    "script-src": ["'self'", "'unsafe-inline'", options.dev && "'unsafe-eval'"],
    "style-src": ["'self'", options.dev && "'unsafe-inline'"],
    "style-src-attr": styleAttr,
  });
}

/** Route handlers and files: a downloaded document or a JSON answer opened in a tab runs and loads nothing. */
export function resourceCsp() {
  // `sandbox`: a file opened in the browser (an uploaded image, a JSON answer) runs as an opaque origin,
  // without scripts, forms or popups, whatever its content. next.config.ts sets this policy on every
  // route handler, over the one a handler sets itself (the image route's sandbox was lost that way).
  return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";
}

/**
 * The policy of one request to the proxy, and the request headers Next renders
 * with: for a page rendered per request, Next reads the nonce from the
 * request's Content-Security-Policy header and puts it on its scripts.
 */
export function policyForRequest(pathname: string, headers: Headers, options: CspOptions) {
  const requestHeaders = new Headers(headers);
  // A client could send its own: only the proxy's counts.
  requestHeaders.delete("content-security-policy");
  requestHeaders.delete("x-nonce");
  if (/^\/[^/]*\.[a-z0-9]+$/i.test(pathname)) return { csp: resourceCsp(), requestHeaders };
  if (!isRenderedPerRequest(pathname)) return { csp: publicCsp(options), requestHeaders };
  const nonce = newNonce();
  const csp = nonceCsp(nonce, options);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  return { csp, requestHeaders };
}

/** The options of this process, from its environment. */
export function cspOptionsFromEnv(env: Record<string, string | undefined> = process.env): CspOptions {
  const issuer =
    env.PROCONNECT_ISSUER ?? (env.PROCONNECT_DOMAIN ? `https://${env.PROCONNECT_DOMAIN}` : undefined);
  let formOrigins: string[] = [];
  try {
    formOrigins = issuer ? [new URL(issuer).origin] : [];
  } catch {
    formOrigins = [];
  }
  return {
    dev: env.NODE_ENV === "development",
    https: (env.AUTH_URL ?? "").startsWith("https://"),
    formOrigins,
  };
}

/**
 * HSTS, only when the public URL is https (production): over http a browser
 * ignores it anyway. Set by proxy.ts on every page at run time, from the
 * running server's AUTH_URL: next.config.ts's headers are fixed when the app
 * is built, and a build made without AUTH_URL (a CI image) would never send it.
 */
export function strictTransportSecurity(options: Pick<CspOptions, "https">) {
  return options.https ? "max-age=63072000; includeSubDomains" : null;
}

/** Headers every response carries besides the CSP and HSTS (fixed at build time by next.config.ts). */
export function securityHeaders(_options: Pick<CspOptions, "https">) {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    },
    // Where the page policies' `report-to` sends violations (Reporting API).
    { key: "Reporting-Endpoints", value: `${CSP_REPORT_GROUP}="${CSP_REPORT_PATH}"` },
  ];
}
