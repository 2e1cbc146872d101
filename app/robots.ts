import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/public/site-url";

/**
 * Public pages are open to crawlers; private spaces and APIs are not worth crawling (and are guarded
 * anyway). Rules match by prefix: the network editors' space is `/reseau$` and `/reseau/`, so that the
 * public `/reseaux/…` pages stay crawlable. The open-data files are public (longest rule wins, RFC 9309).
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: ["/", "/api/open-data/"],
        disallow: [
          "/espace",
          "/instruction",
          "/admin",
          "/reseau$",
          "/reseau/",
          "/connexion",
          "/dev",
          "/api/",
        ],
      },
    ],
    sitemap: new URL("/sitemap.xml", siteUrl()).toString(),
  };
}
