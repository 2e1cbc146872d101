import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { type PersonaKey, signInAs } from "../support/personas";

/**
 * WCAG 2.1 criterion 1.4.10 (Reflow, AA): at 320 CSS pixels wide, the content
 * reads without scrolling the page sideways. Wide tables and the maps scroll
 * inside their own box; the page itself never does. Each page also goes
 * through axe at that width (a table that scrolls must be reachable with the
 * keyboard).
 */
test.use({ viewport: { width: 320, height: 800 } });

async function expectReflow(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // What sticks out, outside any box of its own that scrolls.
    return [...document.querySelectorAll("body *")]
      .filter((element) => {
        if (element.getBoundingClientRect().right <= width + 1) return false;
        for (let a = element.parentElement; a; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== "visible") return false;
        }
        return true;
      })
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()} « ${(element.textContent ?? "").trim().slice(0, 40)} »`,
      );
  });
  const scroll = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect({ scroll: Math.max(0, scroll), overflow }, `${page.url()} scrolls sideways`).toEqual({
    scroll: 0,
    overflow: [],
  });
}

async function check(page: Page, path: string) {
  await page.goto(path);
  await expectReflow(page);
  await expectNoAxeViolations(page);
}

/** The address of the first link of the page whose address starts with `prefix`. */
async function firstLink(page: Page, prefix: string) {
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  if (!href) throw new Error(`no link to ${prefix} on ${page.url()}`);
  return href;
}

test.describe("public pages at 320 px", () => {
  test("home, calls and a call", async ({ page }) => {
    test.slow(); // axe on each page
    for (const path of ["/", "/appels", "/connexion"]) await check(page, path);
    await page.goto("/appels");
    await check(page, await firstLink(page, "/appels/"));
  });

  test("laureates, a project page, statistics", async ({ page }) => {
    test.slow();
    await check(page, "/laureats?annee=2025&region=84");
    await check(page, await firstLink(page, "/laureats/"));
    await check(page, "/statistiques");
  });

  test("map, open data, networks and the legal pages", async ({ page }) => {
    test.slow();
    for (const path of [
      "/carte",
      "/donnees",
      "/reseaux",
      "/accessibilite",
      "/mentions-legales",
      "/donnees-personnelles",
    ]) {
      await check(page, path);
    }
    await page.goto("/reseaux");
    await check(page, await firstLink(page, "/reseaux/"));
  });
});

/** Each persona's pages, then one page reached from a list (the list's page, the link's prefix). */
const spaces: [PersonaKey, string[], [string, string]][] = [
  ["applicant-thiers", ["/espace", "/espace/dossiers"], ["/espace/dossiers", "/espace/dossiers/"]],
  ["reviewer", ["/instruction"], ["/instruction", "/instruction/dossiers/"]],
  ["admin", ["/admin", "/admin/appels", "/admin/utilisateurs"], ["/admin/appels", "/admin/appels/"]],
  ["editor-resacoop", ["/reseau"], ["/reseau", "/reseau/"]],
];

for (const [persona, paths, [list, prefix]] of spaces) {
  test(`the space of ${persona} at 320 px`, async ({ page }) => {
    test.slow();
    await signInAs(page, persona);
    for (const path of paths) await check(page, path);
    await page.goto(list);
    await check(page, await firstLink(page, prefix));
  });
}
