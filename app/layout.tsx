import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SERVICE_NAME, SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { siteUrl } from "@/lib/public/site-url";
import "./globals.css";

export const metadata: Metadata = {
  // Relative canonical and OpenGraph URLs of the pages resolve against the public origin.
  metadataBase: siteUrl(),
  openGraph: { siteName: SERVICE_NAME, locale: "fr_FR", type: "website" },
  // « Appels à projets — Coopération décentralisée », not « … — Coopération décentralisée — Appels à projets »,
  // which repeats itself on the calls pages and pushes the page's own title out of narrow tabs.
  title: { default: SERVICE_NAME, template: "%s — Coopération décentralisée" },
  description:
    "Appels à projets du ministère de l’Europe et des Affaires étrangères (DCTCIV) pour la coopération décentralisée\u00a0: dépôt des candidatures des collectivités territoriales et projets lauréats.",
};

export const viewport: Viewport = { themeColor: "#000091" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col bg-white text-grey-950 antialiased">
        <SkipLink />
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
