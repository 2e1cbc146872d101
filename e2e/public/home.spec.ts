import { expect, expectNoAxeViolations, test } from "../fixtures";

const THIERS_TANDIL = "Soutien et développement de l'industrie de la coutellerie";

test.describe("public home", () => {
  test("shows the 2025 figures computed from the data, and the open calls", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByText("Données de démonstration.")).toBeVisible();

    const figures = page.getByRole("region", { name: "Les résultats 2025 en chiffres" });
    const figure = (label: string) => figures.getByRole("listitem").filter({ hasText: label });
    await expect(figure("appels à projets")).toContainText("10");
    await expect(figure("dossiers déposés")).toContainText("158");
    await expect(figure("projets lauréats")).toContainText("91");
    await expect(figure("taux de sélection")).toContainText("57,6 %");

    const openCalls = page.getByRole("region", { name: "Appels à projets ouverts" });
    await expect(openCalls.getByText("Date limite de dépôt").first()).toBeVisible();
    await expect(openCalls.getByRole("link").first()).toBeVisible();
    // Each open call has its way to apply: the applicant's space (through the sign-in for a visitor).
    await expect(
      openCalls.getByRole("link", { name: /^Déposer un dossier pour «\s.+\s»$/ }).first(),
    ).toHaveAttribute("href", "/espace/dossiers");
    await expectNoAxeViolations(page);

    await figures.getByRole("link", { name: "Voir les 91 projets lauréats 2025" }).click();
    await expect(page).toHaveURL(/\/laureats\?annee=2025$/);
    await expect(page.getByRole("heading", { level: 2, name: /^91 projets lauréats/ })).toBeVisible();
  });

  test("starts with a skip link to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await skip.press("Enter");
    await expect(page.locator("#contenu")).toBeFocused();
  });

  test("has a navigation to the calls, the laureates and the sign-in", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    await expect(nav.getByRole("link", { name: "Accueil" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toHaveAttribute(
      "href",
      "/connexion",
    );
    await nav.getByRole("link", { name: "Appels à projets" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Appels à projets" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Appels à projets" })).toHaveAttribute("aria-current", "page");
  });
});

test.describe("calls", () => {
  test("lists calls by status and shows a call with its grid and documents", async ({ page }) => {
    test.slow(); // two pages go through axe
    await page.goto("/appels");
    await expect(page.getByRole("heading", { level: 2, name: /^Ouverts/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Résultats publiés/ })).toBeVisible();
    await expectNoAxeViolations(page);

    const published = page.getByRole("region", { name: /^Résultats publiés/ });
    await published.getByRole("link", { name: "Appel à projets généraliste 2025" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Appel à projets généraliste 2025" }),
    ).toBeVisible();
    await expect(page.getByText("Résultats publiés").first()).toBeVisible();
    await expect(page.getByRole("table", { name: /Critères d’évaluation/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Pièces à joindre" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a past call shows its results: figures and laureates, each linked to its page", async ({ page }) => {
    await page.goto("/appels/generaliste-2025");
    const results = page.getByRole("region", { name: "Résultats" });
    await expect(results).toContainText(/\d+ dossiers déposés, \d+ projets lauréats \(taux de sélection/);
    await expect(results).toContainText("montant total accordé");
    const laureates = results.getByRole("table", { name: /^Projets lauréats de l’appel/ });
    const thiers = laureates.getByRole("row").filter({ hasText: THIERS_TANDIL });
    await expect(thiers).toContainText("Thiers (63)");
    await expect(thiers).toContainText("Tandil (Argentine)");
    await expect(thiers).toContainText("€");
    await expect(page.getByRole("link", { name: "Déposer un dossier" })).toHaveCount(0);
    await thiers.getByRole("link", { name: THIERS_TANDIL }).click();
    await expect(page.getByRole("heading", { level: 1, name: THIERS_TANDIL })).toBeVisible();
  });

  test("an open call has an apply button that leads a visitor to the sign-in, then to the applications", async ({
    page,
  }) => {
    await page.goto("/appels");
    await page
      .getByRole("region", { name: /^Ouverts/ })
      .getByRole("heading", { level: 3 })
      .first()
      .getByRole("link")
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Résultats" })).toHaveCount(0);
    await page
      .getByRole("complementary", { name: "En bref" })
      .getByRole("link", { name: "Déposer un dossier" })
      .click();
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace%2Fdossiers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
  });

  test("answers 404 for an unknown call", async ({ page }) => {
    const response = await page.goto("/appels/appel-qui-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  });
});

test.describe("legal pages and errors", () => {
  for (const [path, linkName, title] of [
    ["/mentions-legales", "Mentions légales", "Mentions légales"],
    ["/accessibilite", "Accessibilité : partiellement conforme", "Déclaration d’accessibilité"],
    ["/donnees-personnelles", "Données personnelles", "Données personnelles"],
  ] as const) {
    test(`${path} is reachable from the footer and accessible`, async ({ page }) => {
      await page.goto("/");
      await page
        .getByRole("navigation", { name: "Pied de page" })
        .getByRole("link", { name: linkName })
        .click();
      await expect(page).toHaveURL(path);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(page.getByText("Données de démonstration.")).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("the accessibility statement says « partiellement conforme » to RGAA 4.1", async ({ page }) => {
    await page.goto("/accessibilite");
    await expect(page.getByText(/partiellement conforme/).first()).toBeVisible();
    await expect(page.getByText(/RGAA\), version 4\.1/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Voies de recours" })).toBeVisible();
  });

  test("an unknown page is a French 404", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Retourner à l’accueil" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
