import { THEME_SCRIPT } from "@/lib/theme-script";

/** The reader's theme applied before the first paint (lib/theme-script.ts). */
export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of the code, allowed by its hash in the CSP.
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
