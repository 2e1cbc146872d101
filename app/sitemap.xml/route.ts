import { PUBLIC_REVALIDATE_SECONDS, publicCached } from "@/lib/public/cache";
import { siteUrl } from "@/lib/public/site-url";
import { sitemapEntries } from "@/lib/public/sitemap";

const STATIC_PATHS = [
  "/",
  "/appels",
  "/laureats",
  "/statistiques",
  "/carte",
  "/donnees",
  "/reseaux",
  "/accessibilite",
  "/mentions-legales",
  "/donnees-personnelles",
];

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
// A route handler rather than app/sitemap.ts, whose fixed `max-age=0, must-revalidate` a shared cache cannot hold.
export const dynamic = "force-static";
export const revalidate = 300;

const cachedEntries = publicCached(sitemapEntries, "sitemap");

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c,
  );

/** sitemaps.org 0.9: the public pages, every call page, the published laureates only, the networks' pages and published news. */
export async function GET() {
  const base = siteUrl();
  const entries = await cachedEntries();
  const urls = [
    ...STATIC_PATHS.map((path) => `<url><loc>${escapeXml(new URL(path, base).toString())}</loc></url>`),
    ...entries.map(
      (e) =>
        `<url><loc>${escapeXml(new URL(e.path, base).toString())}</loc>${e.lastModified ? `<lastmod>${escapeXml(e.lastModified)}</lastmod>` : ""}</url>`,
    ),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": `public, max-age=0, s-maxage=${PUBLIC_REVALIDATE_SECONDS}, stale-while-revalidate=60`,
    },
  });
}
