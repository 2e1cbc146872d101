/**
 * The reader's theme (light or dark), applied before the page is painted. The DSFR's display script
 * does the same, but it loads after the page is interactive: a reader who chose the dark theme, or
 * whose system asks for it, saw the light page flash first on every full load. This script reads the
 * DSFR's own setting (`localStorage.scheme`: "light", "dark" or "system") and sets the attribute the
 * DSFR's styles follow (`data-fr-theme`); the DSFR's script then takes over.
 *
 * It is inline, first in the body, so that it runs before anything is drawn. The public pages' policy
 * allows inline scripts (they are cached for every visitor, without a nonce); the per-request pages'
 * policy names this script by its hash (lib/security/csp.ts), so the text and the hash must change
 * together: `theme-script.test.ts` checks them.
 */
export const THEME_SCRIPT =
  'try{var s=localStorage.getItem("scheme"),d=s==="dark"||(s!=="light"&&matchMedia("(prefers-color-scheme:dark)").matches);document.documentElement.setAttribute("data-fr-theme",["light","dark"][+d])}catch(e){}';

/** The CSP source naming THEME_SCRIPT. */
export const THEME_SCRIPT_HASH = "'sha256-YwGyRA8pizUU/zvmnKLLt/C9oMxD/VaIyqSpIiHuxiY='";
