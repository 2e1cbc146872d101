import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { DsfrScripts } from "@/components/layout/dsfr-scripts";
import { SiteFooter } from "@/components/layout/site-footer";
import { SERVICE_NAME, SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { siteUrl } from "@/lib/public/site-url";
import "./globals.css";
import { ThemeScript } from "@/components/layout/theme-script";

export const metadata: Metadata = {
  // Relative canonical and OpenGraph URLs of the pages resolve against the public origin.
  metadataBase: siteUrl(),
  openGraph: { siteName: SERVICE_NAME, locale: "fr_FR", type: "website" },
  // « Appels à projets — Coopération décentralisée », not « … — Coopération décentralisée — Appels à projets »,
  // which repeats itself on the calls pages and pushes the page's own title out of narrow tabs.
  title: { default: SERVICE_NAME, template: "%s — Coopération décentralisée" },
  description:
    "Appels à projets du ministère de l’Europe et des Affaires étrangères (DCTCIV) pour la coopération décentralisée\u00a0: dépôt des candidatures des collectivités territoriales et projets lauréats.",
  // The DSFR's icons and manifest, served from public/favicon.
  icons: {
    icon: [
      { url: "/favicon/favicon.svg", type: "image/svg+xml" },
      { url: "/favicon/favicon.ico", sizes: "any" },
    ],
    apple: "/favicon/apple-touch-icon.png",
  },
  manifest: "/favicon/manifest.webmanifest",
};

export const viewport: Viewport = { themeColor: "#000091" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // `data-fr-scheme`: the DSFR's display script applies the reader's theme (light, dark or the system's).
    // `suppressHydrationWarning`: the theme script sets `data-fr-theme` before React hydrates.
    <html lang="fr" data-fr-scheme="system" suppressHydrationWarning>
      <body className="flex min-h-screen flex-col antialiased">
        <ThemeScript />
        <SkipLink />
        <SiteHeader />
        <main id="contenu" tabIndex={-1} role="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
        <DsfrScripts />
      </body>
    </html>
  );
}
