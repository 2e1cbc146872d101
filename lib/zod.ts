/**
 * zod, configured once for the whole app: its default messages (wrong type,
 * missing field, malformed UUID… what a tampered request or a server action
 * called with the wrong values gets) are in French, and it never uses eval. Every schema imports `z`
 * from here, never from "zod", so the configuration runs wherever a schema is
 * used: on the server, in the browser (react-hook-form) and in tests. Biome
 * refuses a direct import of "zod" elsewhere.
 */
import { z } from "zod";

const fr = z.locales.fr();

/** French typography: a non-breaking space before « : », as in the rest of the interface. */
const typeset = (message: string) => message.replace(/ :/g, "\u00a0:");

z.config({
  // No `new Function` (zod's faster object parsing): the Content-Security-Policy forbids eval, and
  // zod's probe for it would be reported as a violation on every page with a form.
  jitless: true,
  localeError: (issue) => {
    const result = fr.localeError(issue);
    if (typeof result === "string") return typeset(result);
    if (result?.message) return { ...result, message: typeset(result.message) };
    return result;
  },
});

export { z };
