import { expect, expectNoAxeViolations, test } from "../fixtures";

const THIERS_TANDIL = "Soutien et développement de l'industrie de la coutellerie";

test.describe("laureates", () => {
  test("filters 2025 laureates of Auvergne-Rhône-Alpes and opens the Thiers–Tandil project", async ({
    page,
  }) => {
    test.slow(); // three pages go through axe
    await page.goto("/laureats");
    await expectNoAxeViolations(page);

    await page.getByLabel("Année", { exact: true }).selectOption("2025");
    await page.getByLabel(/^Région/).selectOption({ label: "Auvergne-Rhône-Alpes" });
    await page.getByRole("button", { name: "Filtrer" }).click();

    await expect(page).toHaveURL(/[?&]annee=2025/);
    await expect(page).toHaveURL(/[?&]region=84/);
    await expect(page.getByRole("heading", { level: 2, name: /^9 projets lauréats/ })).toBeVisible();
    const results = page.getByRole("region", { name: /projets lauréats/ }).getByRole("article");
    await expect(results).toHaveCount(9);
    const thiers = results.filter({ hasText: THIERS_TANDIL });
    await expect(thiers).toContainText("Thiers");
    await expect(thiers).toContainText("Tandil (Argentine)");
    await expect(thiers).toContainText("€");
    await expectNoAxeViolations(page);

    await thiers.getByRole("link", { name: THIERS_TANDIL }).click();
    await expect(page.getByRole("heading", { level: 1, name: THIERS_TANDIL })).toBeVisible();
    const partners = page.getByRole("region", { name: "Partenaire étranger", exact: true });
    await expect(partners).toContainText("Tandil");
    await expect(partners).toContainText("Argentine");
    await expect(page.getByRole("region", { name: "Collectivités françaises" })).toContainText("Thiers");
    await expect(page.getByRole("region", { name: "Historique du partenariat" })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "En bref" })).toContainText("Montant accordé");
    await expectNoAxeViolations(page);
  });

  test("filters by département, from the form and from the statistics table", async ({ page }) => {
    await page.goto("/laureats");
    await page.getByLabel(/^Département/).selectOption({ label: "Puy-de-Dôme (63)" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/\/laureats\?departement=63$/);
    await expect(
      page.getByRole("heading", { level: 2, name: /département Puy-de-Dôme \(63\)/ }),
    ).toBeVisible();
    const results = page.getByRole("region", { name: /projets lauréats/ }).getByRole("article");
    await expect(results.filter({ hasText: THIERS_TANDIL })).toBeVisible();
    // Every project listed has its lead or a co-applicant in the Puy-de-Dôme (« Thiers (63) », or the département itself).
    for (const item of await results.all()) await expect(item).toContainText(/\(63\)|Puy-de-Dôme/);

    await page.goto("/statistiques");
    await page
      .getByRole("table", { name: /par département/ })
      .getByRole("link", { name: "Puy-de-Dôme (63)" })
      .click();
    await expect(page).toHaveURL(/\/laureats\?departement=63$/);
    await expect(page.getByLabel(/^Département/)).toHaveValue("63");
    await expectNoAxeViolations(page);
  });

  test("the filters come back from a shared URL and the list paginates on the server", async ({ page }) => {
    await page.goto("/laureats?annee=2025&pays=AR");
    await expect(page.getByLabel("Année", { exact: true })).toHaveValue("2025");
    await expect(page.getByLabel(/^Pays/)).toHaveValue("AR");
    await expect(page.getByRole("article").filter({ hasText: THIERS_TANDIL })).toBeVisible();

    await page.goto("/laureats");
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(20);
    await pagination.getByRole("link", { name: "Page suivante" }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(pagination.locator('[aria-current="page"]')).toHaveText("Page 2");
    await expectNoAxeViolations(page);
  });

  test("bad filter values are ignored, never an error", async ({ page }) => {
    const response = await page.goto(
      "/laureats?annee=deux-mille&region=%27%3B--&pays=ZZZ&page=-3&appel=%3Cscript%3E",
    );
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 2, name: /projets lauréats$/ })).toBeVisible();
    await expect(page.getByLabel("Année", { exact: true })).toHaveValue("");
  });

  test("decisions of calls whose results are not published stay hidden", async ({ page }) => {
    await page.goto("/laureats");
    const year = new Date().getFullYear();
    // The demo has a current-year call in review with decided applications: no year option, no result.
    await expect(page.getByLabel("Année", { exact: true }).locator(`option[value="${year}"]`)).toHaveCount(0);
    // Asked for anyway, the year is no filter value: the list without it (no cache entry per invented value).
    await page.goto(`/laureats?annee=${year}`);
    await expect(page).toHaveURL(/\/laureats$/);
    await expect(page.getByLabel("Année", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("Année", { exact: true }).locator(`option[value="${year}"]`)).toHaveCount(0);
  });

  test("an invalid or unknown project id is a 404", async ({ page }) => {
    let response = await page.goto("/laureats/pas-un-identifiant");
    expect(response?.status()).toBe(404);
    response = await page.goto("/laureats/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
