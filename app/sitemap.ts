import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { publicCached } from "@/lib/public/cache";
import { siteUrl } from "@/lib/public/site-url";
import { sitemapEntries } from "@/lib/public/sitemap";

const STATIC_PATHS = [
  "/",
  "/appels",
  "/laureats",
  "/statistiques",
  "/carte",
  "/donnees",
  "/accessibilite",
  "/mentions-legales",
  "/donnees-personnelles",
];

const cachedEntries = publicCached(sitemapEntries, "sitemap");

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = siteUrl();
  const entries = await cachedEntries();
  return [
    ...STATIC_PATHS.map((path) => ({ url: new URL(path, base).toString() })),
    ...entries.map((e) => ({ url: new URL(e.path, base).toString(), lastModified: e.lastModified })),
  ];
}
