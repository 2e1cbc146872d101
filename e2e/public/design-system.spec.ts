import { expect, expectNoAxeViolations, test } from "../fixtures";

test.describe("the State's design system", () => {
  test("every page has the DSFR header and footer, served with its fonts from the site itself", async ({
    page,
    baseURL,
  }) => {
    const origins = new Set<string>();
    page.on("request", (request) => {
      if (!request.url().startsWith("data:")) origins.add(new URL(request.url()).origin);
    });
    await page.goto("/laureats");
    const header = page.getByRole("banner");
    await expect(header.getByText(/République\s*Française/)).toBeVisible();
    await expect(
      header.getByRole("link", { name: "Coopération décentralisée — Appels à projets" }),
    ).toBeVisible();
    await expect(header.getByText("Ministère de l’Europe et des Affaires étrangères · DCTCIV")).toBeVisible();

    const footer = page.getByRole("contentinfo");
    for (const name of [
      "Accessibilité : partiellement conforme",
      "Mentions légales",
      "Données personnelles",
    ]) {
      await expect(footer.getByRole("link", { name })).toBeVisible();
    }
    await expect(footer.getByRole("link", { name: /^info\.gouv\.fr/ })).toHaveAttribute("target", "_blank");
    await expect(footer.getByRole("button", { name: "Paramètres d’affichage" })).toBeVisible();

    // Marianne is the text's font, loaded from the site (no CDN, no other origin).
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^Marianne/);
    expect(await page.evaluate(() => document.fonts.check("1rem Marianne"))).toBe(true);
    expect([...origins]).toEqual([new URL(baseURL ?? "").origin]);
  });

  test("the reader's theme is applied before any of the app's scripts runs: no light page first", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, colorScheme: "dark" });
    const page = await context.newPage();
    // Without Next's and the DSFR's scripts, only the inline theme script can set the theme. /connexion
    // is rendered per request: its policy lets the script run by its hash.
    await page.route("**/_next/static/chunks/*.js", (route) => route.abort());
    const html = page.locator("html");
    for (const path of ["/", "/connexion"]) {
      await page.goto(path);
      await expect(html, path).toHaveAttribute("data-fr-theme", "dark");
    }
    // A choice made in the display settings (stored by the DSFR) wins over the system's.
    await page.evaluate(() => localStorage.setItem("scheme", "light"));
    await page.goto("/connexion");
    await expect(html).toHaveAttribute("data-fr-theme", "light");
    await context.close();
  });

  test("the display settings switch to the dark theme, kept from page to page, and axe passes in it", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "light");
    const open = page.getByRole("button", { name: "Paramètres d’affichage" });
    // The DSFR's scripts load after the page is interactive; until then the button does nothing.
    await expect(open).toHaveAttribute("data-fr-js-modal-button", "true");
    await open.click();
    const settings = page.getByRole("dialog", { name: "Paramètres d’affichage" });
    await expect(settings).toBeVisible();
    await settings.getByText("Thème sombre").click();
    await expect(settings.getByRole("radio", { name: "Thème sombre" })).toBeChecked();
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
    await settings.getByRole("button", { name: "Fermer" }).click();
    await expect(settings).toBeHidden();
    await expectNoAxeViolations(page);

    await page
      .getByRole("navigation", { name: "Menu principal" })
      .getByRole("link", { name: "Lauréats" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: /Projets lauréats/ })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-fr-theme", "dark");
    await expectNoAxeViolations(page);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 375, height: 800 } });

    test("the menu opens as a dialog with the navigation and the sign-in", async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Menu principal" });
      await expect(nav).toBeHidden();
      const menu = page.getByRole("button", { name: "Menu" });
      // The DSFR's scripts load after the page is interactive; until then the button does nothing.
      await expect(menu).toHaveAttribute("data-fr-js-modal-button", "true");
      await menu.click();
      await expect(nav).toBeVisible();
      await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
      await expectNoAxeViolations(page);
      await nav.getByRole("link", { name: "Statistiques" }).click();
      await expect(page.getByRole("heading", { level: 1, name: /Statistiques/ })).toBeVisible();
      await expect(nav).toBeHidden();
    });
  });
});
