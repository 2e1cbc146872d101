import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/public/site-url";

/** Public pages are open to crawlers; private spaces and APIs are not worth crawling (and are guarded anyway). */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/espace", "/instruction", "/admin", "/reseau", "/connexion", "/dev", "/api/"],
      },
    ],
    sitemap: new URL("/sitemap.xml", siteUrl()).toString(),
  };
}
