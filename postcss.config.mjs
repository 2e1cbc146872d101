/*
 * Tailwind builds the layout utilities the code uses. The design system's stylesheets (DSFR) come
 * whole, with every component's colour variants, the spacing and grid utilities and every icon:
 * four times what the pages use. PurgeCSS keeps of the DSFR's rules those whose classes appear in the
 * code (class names are written whole for that, never assembled), and leaves everything else alone
 * (Tailwind's output, elements, variables, fonts). What the DSFR's scripts add at run time is kept
 * by pattern: the state modifiers (`--expanded`, `--opened`, `--selected`), the collapse
 * being animated, and the `data-fr-*` attributes (theme, scheme, the script's own marks).
 */
export default {
  plugins: {
    "@tailwindcss/postcss": {},
    "@fullhuman/postcss-purgecss": {
      content: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.ts"],
      defaultExtractor: (content) => content.match(/[\w-]+/g) ?? [],
      safelist: {
        standard: [/^(?!fr-)/],
        greedy: [/data-fr-/, /--expanded/, /--opened/, /--selected/, /fr-collapsing/, /fr-js/],
      },
    },
  },
};
