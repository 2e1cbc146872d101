/**
 * The one origin every absolute URL the service writes comes from: sign-in
 * links and other e-mails, redirects, feeds, the sitemap, robots.txt,
 * canonical and OpenGraph links, ProConnect's return address. It is
 * AUTH_URL, never a request header (Host, X-Forwarded-Host): a header chosen
 * by a client would otherwise put a victim's sign-in token on the client's
 * host. The server sets AUTH_URL at start-up (`resolveSiteOrigin`, called by
 * db/startup.ts): required with a configured database (production), derived
 * from PORT on the embedded demo database.
 */

type SiteEnv = Record<string, string | undefined>;

/**
 * The configured origin, or why there is none. AUTH_URL must be an http(s)
 * origin without a path (Auth.js would take a path as its base path).
 * Without it: http://localhost:PORT on the embedded database, an error otherwise.
 */
export function resolveSiteOrigin(env: SiteEnv, embedded: boolean): string {
  const raw = env.AUTH_URL?.trim();
  if (!raw) {
    if (embedded) return `http://localhost:${env.PORT || "3000"}`;
    throw new Error(
      "AUTH_URL must be set when DATABASE_URL is: the public origin of the service, e.g. https://cooperation.example.gouv.fr (see .env.example).",
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`AUTH_URL is not a URL: ${JSON.stringify(raw)} (see .env.example).`);
  }
  const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !bare) {
    throw new Error(
      `AUTH_URL must be an origin only (https://host[:port], no path): ${JSON.stringify(raw)} (see .env.example).`,
    );
  }
  return url.origin;
}

/**
 * The site's origin as a URL. At run time AUTH_URL is always set (start-up
 * sets or requires it); the fallback serves `next build` run by hand, whose
 * pages are rendered before any start-up (scripts/ensure-build.ts sets it).
 */
export function siteUrl(): URL {
  try {
    return new URL(resolveSiteOrigin(process.env, true));
  } catch {
    return new URL("http://localhost:3000");
  }
}

/** The site's origin, e.g. `https://cooperation.example.gouv.fr`. */
export function siteOrigin(): string {
  return siteUrl().origin;
}

/**
 * An absolute URL on the site's origin for a path of the site (`/connexion?…`).
 * Joined as text, not resolved: `//evil.example/x` stays a path of the site.
 */
export function absoluteUrl(path: string): string {
  return new URL(`${siteOrigin()}${path.startsWith("/") ? path : `/${path}`}`).toString();
}

/**
 * The same address moved onto the site's origin (path, query and fragment kept):
 * for URLs another library built from the request, such as Auth.js' sign-in link.
 */
export function onSiteOrigin(url: string): string {
  const parsed = new URL(url, siteUrl());
  return absoluteUrl(`${parsed.pathname}${parsed.search}${parsed.hash}`);
}
