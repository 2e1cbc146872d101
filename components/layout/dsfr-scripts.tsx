"use client";

import { useEffect } from "react";

/**
 * The DSFR's JavaScript, only the parts the layout uses: its core, the
 * themes (scheme), the dialogs (the narrow-screen menu, the display settings), the navigation and
 * the display settings. Bundled from the package, so it is served by the app
 * itself and loaded by Next's runtime under the pages' CSP; loaded after the
 * page is interactive, so it never delays the first paint. The core must run
 * before the components, which register with it.
 */
export function DsfrScripts() {
  useEffect(() => {
    (async () => {
      await import("@gouvfr/dsfr/dist/core/core.module.min.js");
      await import("@gouvfr/dsfr/dist/scheme/scheme.module.min.js");
      await Promise.all([
        import("@gouvfr/dsfr/dist/component/modal/modal.module.min.js"),
        import("@gouvfr/dsfr/dist/component/navigation/navigation.module.min.js"),
        import("@gouvfr/dsfr/dist/component/display/display.module.min.js"),
      ]);
    })().catch(() => {
      // Without it the pages still work: links, forms and the menu's links are plain HTML.
    });
  }, []);
  return null;
}
