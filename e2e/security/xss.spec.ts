import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { type PersonaKey, signInAs } from "../support/personas";
import { seedHostileContent, type XssFixture } from "./xss-data";

/**
 * Stored XSS: hostile text in every free-text column users type, then every
 * page that shows it opened in Chromium by the roles that see it. No script
 * may run (no dialog, `window.__xss` never set), no link may carry a
 * `javascript:` or `data:` URL, no event attribute may reach the DOM, and the
 * text itself must be shown (escaped), which proves the page rendered it.
 */
let fixture: XssFixture;

test.beforeAll(async () => {
  fixture = await seedHostileContent();
});

type Visit = { who: PersonaKey | "anonymous"; path: (f: XssFixture) => string };

const VISITS: Visit[] = [
  { who: "anonymous", path: (f) => `/laureats/${f.publicApplicationId}` },
  { who: "anonymous", path: () => "/laureats?annee=2017" },
  { who: "anonymous", path: (f) => `/appels/${f.publicCallSlug}` },
  { who: "applicant-other", path: (f) => `/espace/dossiers/${f.privateApplicationId}` },
  { who: "applicant-other", path: () => "/espace/dossiers" },
  { who: "reviewer", path: (f) => `/instruction/dossiers/${f.privateApplicationId}` },
  { who: "reviewer", path: (f) => `/instruction?q=${f.marker}` },
  { who: "admin", path: (f) => `/instruction/dossiers/${f.privateApplicationId}` },
  { who: "editor-resacoop", path: (f) => `/reseau/pages/${f.draftPostId}` },
];

async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(dialogs, "dialogs opened").toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  const dangerous = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("main *")) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.startsWith("on")) found.push(`${element.tagName} ${attribute}`);
      }
      const url =
        element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("xlink:href");
      if (url && /^\s*(javascript|data|vbscript):/i.test(url)) found.push(`${element.tagName} ${url}`);
      if (["IFRAME", "OBJECT", "EMBED"].includes(element.tagName)) found.push(element.tagName);
    }
    return found;
  });
  expect(dangerous, "dangerous markup in the page").toEqual([]);
}

for (const visit of VISITS) {
  test(`hostile text is shown as text to ${visit.who} on ${visit.path({ marker: "…", privateApplicationId: "[id]", publicApplicationId: "[id]", publicCallSlug: "[slug]", draftPostId: "[id]" })}`, async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    if (visit.who !== "anonymous") await signInAs(page, visit.who);
    const response = await page.goto(visit.path(fixture));
    expect(response?.status()).toBe(200);
    await expect(page.getByText(fixture.marker).filter({ visible: true }).first()).toBeVisible();
    // The script tag is shown as typed, not interpreted.
    await expect(
      page.getByText("<script>window.__xss=1;alert(1)</script>", { exact: false }).first(),
    ).toBeAttached();
    await expectNothingRan(page, dialogs);
    // Links produced by Markdown go to the web or to this site only.
    const hrefs = await page
      .locator("main a[href]")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:|\/|#|\?)/);
  });
}
