/**
 * Absolute origin of the public site, for canonical URLs, OpenGraph and the
 * sitemap: AUTH_URL (the service's public URL, see .env.example), else the
 * local server.
 */
export function siteUrl(): URL {
  const raw = process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
  try {
    return new URL(new URL(raw).origin);
  } catch {
    return new URL("http://localhost:3000");
  }
}
