import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { signInAs } from "../support/personas";

/**
 * Every page of the service, at 320 CSS pixels wide, in the light and the dark
 * theme of the design system.
 *
 * - WCAG 2.1 criterion 1.4.10 (Reflow, AA): the content reads without
 *   scrolling the page sideways. Wide tables and the maps scroll inside their
 *   own box; the page itself never does.
 * - axe (WCAG 2.1 AA) in both themes: the reader's system asks for the dark
 *   one, and the DSFR's display script applies it (`data-fr-theme`), as it does
 *   for a reader who chose it in the display settings. Contrast is what the
 *   theme changes; axe at 320 px also checks that a table that scrolls can be
 *   reached with the keyboard.
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

/** axe on the page as it is, then in the other theme, asked for by the system as a reader's would. */
async function expectAccessibleInBothThemes(page: Page) {
  const html = page.locator("html");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html).toHaveAttribute("data-fr-theme", "light");
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveAttribute("data-fr-theme", "dark");
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });
}

async function check(page: Page, path: string) {
  await page.goto(path);
  await expectReflow(page);
  await expectAccessibleInBothThemes(page);
}

/** The address of the first link of the page that matches `selector` (a link's address, e.g. `[href^="/appels/"]`). */
async function firstLink(page: Page, prefix: string) {
  const selector = prefix.startsWith("[") ? prefix : `[href^="${prefix}"]`;
  const href = await page.locator(`main a${selector}`).first().getAttribute("href");
  if (!href) throw new Error(`no link ${selector} on ${page.url()}`);
  return href;
}

/** Opens `list`, then checks the page of its first link matching `prefix`. */
async function checkFirst(page: Page, list: string, prefix: string) {
  await page.goto(list);
  const href = await firstLink(page, prefix);
  await check(page, href);
  return href;
}

test.describe("public pages", () => {
  test("home, calls and a call, sign-in, not found", async ({ page }) => {
    test.slow(); // axe twice on each page
    for (const path of ["/", "/appels", "/connexion", "/connexion/verifier", "/connexion/erreur"]) {
      await check(page, path);
    }
    await checkFirst(page, "/appels", "/appels/");
    await page.goto("/cette-page-n-existe-pas");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expectAccessibleInBothThemes(page);
  });

  test("laureates, a project page, statistics", async ({ page }) => {
    test.slow();
    await check(page, "/laureats?annee=2025&region=84");
    await checkFirst(page, "/laureats?annee=2025&region=84", "/laureats/");
    await check(page, "/statistiques");
  });

  test("map, open data, the legal pages", async ({ page }) => {
    test.slow();
    for (const path of [
      "/carte",
      "/donnees",
      "/accessibilite",
      "/mentions-legales",
      "/donnees-personnelles",
    ]) {
      await check(page, path);
    }
  });

  test("the networks, a network, its news and one issue", async ({ page }) => {
    test.slow();
    await check(page, "/reseaux");
    const network = await checkFirst(page, "/reseaux", "/reseaux/");
    await check(page, `${network}/actualites`);
    await checkFirst(page, `${network}/actualites`, `${network}/actualites/`);
  });
});

test.describe("signed-in spaces", () => {
  test("the applicant: the space, a draft's steps and check, a dossier, its receipt and its print", async ({
    page,
  }) => {
    test.slow();
    await signInAs(page, "applicant-thiers");
    for (const path of ["/espace", "/espace/dossiers", "/espace/rapports"]) await check(page, path);
    // A laureate's agreement, schedule and reports.
    await checkFirst(page, "/espace/rapports", '[href$="/convention"]');
    await page.goto("/espace");
    const verification = await firstLink(page, '[href$="/verification"]');
    const draft = verification.replace(/\/verification$/, "");
    for (const step of ["projet", "participants", "contenu", "budget", "documents"]) {
      await check(page, `${draft}?etape=${step}`);
    }
    await check(page, verification);
    await page.goto("/espace/dossiers");
    const dossiers = await page
      .locator('main a[href^="/espace/dossiers/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    // The first dossier that has a receipt (one that was submitted).
    let receipt: string | null = null;
    for (const dossier of dossiers) {
      await page.goto(dossier);
      const link = page.locator('main a[href$="/recepisse"]');
      if ((await link.count()) > 0) {
        await expectReflow(page);
        await expectAccessibleInBothThemes(page);
        receipt = await link.first().getAttribute("href");
        break;
      }
    }
    expect(receipt, "a submitted dossier with its receipt").not.toBeNull();
    await check(page, receipt as string);
    await page.emulateMedia({ media: "print" });
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "screen" });
    // A page of another role: the « access refused » page.
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
    await expectAccessibleInBothThemes(page);
  });

  test("the reviewer: the dashboard, a dossier, the decision aid", async ({ page }) => {
    test.slow();
    await signInAs(page, "reviewer");
    await check(page, "/instruction");
    await checkFirst(page, "/instruction", "/instruction/dossiers/");
    await page.goto("/instruction");
    const call = await page
      .locator('select[name="call"] option:not([value=""])')
      .first()
      .getAttribute("value");
    await check(page, `/instruction/appels/${call}/aide-a-la-decision`);
  });

  test("the admin: calls, one call's pages, users, e-mails, the journal", async ({ page }) => {
    test.slow();
    await signInAs(page, "admin");
    for (const path of [
      "/admin",
      "/admin/appels",
      "/admin/appels/nouveau",
      "/admin/utilisateurs",
      "/admin/courriels",
      "/admin/journal",
    ]) {
      await check(page, path);
    }
    const call = await checkFirst(page, "/admin/appels", "/admin/appels/");
    for (const part of ["modifier", "affectations", "publication"]) await check(page, `${call}/${part}`);
    // A call whose results are published: its grants, and one grant.
    await page.goto("/admin/appels");
    const calls = await page
      .locator('main a[href^="/admin/appels/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    let grants: string | null = null;
    for (const href of calls.filter((h) => /^\/admin\/appels\/[0-9a-f-]{36}$/.test(h))) {
      await page.goto(href);
      const link = page.locator('main a[href$="/conventions"]');
      if ((await link.count()) > 0) {
        grants = await link.first().getAttribute("href");
        break;
      }
    }
    expect(grants, "a published call with its grants").not.toBeNull();
    await check(page, grants as string);
    await checkFirst(page, grants as string, "/admin/conventions/");
  });

  test("the network editor: its space, its news, an issue, a page, a project", async ({ page }) => {
    test.slow();
    await signInAs(page, "editor-resacoop");
    await check(page, "/reseau");
    await check(page, "/reseau/actualites");
    const issue = await checkFirst(page, "/reseau/actualites", "/reseau/actualites/");
    await checkFirst(page, issue, "/reseau/pages/");
    await checkFirst(page, "/reseau", "/reseau/projets/");
  });
});
