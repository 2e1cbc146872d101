import { expect, expectNoAxeViolations, test } from "../fixtures";

/**
 * As a visitor on a project page: the lead and co-applicants lead to their
 * other published projects, and the partnership's history across years.
 * Reads the demo's Thiers–Tandil projects (2025 and 2022), which no test modifies.
 */

const THIERS_TANDIL_2025 = "Soutien et développement de l'industrie de la coutellerie";
const THIERS_TANDIL_2022 = "Coutellerie : échanges de savoir-faire entre Thiers et Tandil";

test("the lead links to its other projects, and the partnership's history spans the years", async ({
  page,
}) => {
  test.slow(); // two project pages go through axe
  await page.goto("/laureats?annee=2025&region=84");
  await page.getByRole("link", { name: THIERS_TANDIL_2025 }).click();
  await expect(page.getByRole("heading", { level: 1, name: THIERS_TANDIL_2025 })).toBeVisible();

  await expect(page.getByRole("region", { name: "Historique du partenariat" })).toContainText(
    THIERS_TANDIL_2022,
  );

  const french = page.getByRole("region", { name: "Collectivités françaises" });
  await french.getByRole("link", { name: /^\d+ autres? projets? lauréats? de Thiers \(63\)$/ }).click();
  await expect(page).toHaveURL(/#autres-projets-\d+$/);
  const others = page.getByRole("region", { name: "Thiers (63)" });
  await expect(others).toBeInViewport();
  await expect(others).toContainText("Chef de file");
  await expectNoAxeViolations(page);

  await others.getByRole("link", { name: THIERS_TANDIL_2022 }).click();
  await expect(page.getByRole("heading", { level: 1, name: THIERS_TANDIL_2022 })).toBeVisible();
  // And back: the 2022 project lists the 2025 one among Thiers's other projects.
  await expect(
    page
      .getByRole("region", { name: /^Autres projets lauréats de/ })
      .getByRole("link", { name: THIERS_TANDIL_2025 }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the demo's follow-up by RESACOOP shows on the project page and in its news issue", async ({ page }) => {
  await page.goto("/laureats?annee=2025&region=84");
  await page.getByRole("link", { name: THIERS_TANDIL_2025 }).click();
  const post = page.getByRole("article", { name: /^Thiers et Tandil préparent la première mission/ });
  await expect(post).toContainText("Texte fictif de démonstration");
  await expect(post.getByRole("heading", { name: "Prochaines étapes" })).toBeVisible();
  const steps = page.getByRole("region", { name: "Étapes" });
  await expect(
    steps.getByRole("listitem").filter({ hasText: "Convention de partenariat signée" }),
  ).toContainText("Réalisée");
  await expect(steps.getByRole("listitem").filter({ hasText: "Première mission d’apprentis" })).toContainText(
    "En cours",
  );

  await page.goto("/reseaux/resacoop/actualites/1");
  await expect(
    page.getByRole("heading", { level: 1, name: /Résa’Clic — les lauréats 2025 au travail/ }),
  ).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(2);
  await expectNoAxeViolations(page);
});
