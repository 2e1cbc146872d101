import { expect, expectNoAxeViolations, test } from "../fixtures";
import { signInAs } from "../support/personas";
import { closeDatabase, createApplication, outboxFor, submitReviewAs } from "./data";

test.afterAll(closeDatabase);

test("a reviewer lists their applications, filters them and keeps the view in the URL", async ({ page }) => {
  await signInAs(page, "reviewer");
  await page.goto("/instruction");
  await expect(page.getByRole("heading", { level: 1, name: "Instruction des dossiers" })).toBeVisible();
  await expect(page.getByTestId("result-count")).toContainText("dossiers");
  await expectNoAxeViolations(page);

  await page.getByLabel("Statut", { exact: true }).selectOption({ label: "Compléments demandés" });
  await page.getByLabel("Trier par").selectOption({ label: "Montant demandé décroissant" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/status=information_requested/);
  await expect(page).toHaveURL(/sort=amount_desc/);
  await expect(page.getByRole("link", { name: /Forêts et couteaux/ })).toBeVisible();
  for (const badge of await page
    .locator("tbody")
    .getByText(/^Compléments demandés$/)
    .all())
    await expect(badge).toBeVisible();
  await expect(page.locator("tbody tr").getByText("En instruction", { exact: true })).toHaveCount(0);
});

test("a search for « coutellerie » finds the Thiers application", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/instruction");
  await page.getByRole("searchbox", { name: "Rechercher" }).fill("coutellerie");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/q=coutellerie/);
  await expect(
    page.getByRole("link", { name: /Coutellerie : échanges de savoir-faire entre Thiers et Tandil/ }),
  ).toBeVisible();
  // Accents and inflections are ignored: a partner's name finds it too.
  await page.goto("/instruction?q=TANDIL");
  await expect(page.getByRole("link", { name: /Coutellerie : échanges de savoir-faire/ })).toBeVisible();
});

test("a reviewer declares a conflict and then neither scores nor sees the scores", async ({ page }) => {
  const app = await createApplication({ reviewers: ["reviewer", "reviewer-2"], label: "conflit" });
  await submitReviewAs(app.id, "reviewer-2", 0.8);
  await signInAs(page, "reviewer");
  await page.goto(`/instruction/dossiers/${app.id}`);
  await expect(page.getByRole("heading", { level: 1, name: app.title })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Déclarer un conflit d’intérêts" }).click();
  await expect(page.getByText("Précisez la raison du conflit")).toBeVisible();
  await page.getByLabel("Raison du conflit d’intérêts").fill("Je suis élu de la commune chef de file.");
  await page.getByRole("button", { name: "Déclarer un conflit d’intérêts" }).click();
  await expect(page.getByTestId("conflict-declared")).toBeVisible();
  await expect(page.getByRole("button", { name: "Soumettre l’évaluation" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Évaluations soumises" })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Conflit d’intérêts déclaré" })).toBeVisible();
});

test("a reviewer scores every criterion, then sees the others' reviews and the aggregate", async ({
  page,
}) => {
  const app = await createApplication({ reviewers: ["reviewer", "reviewer-2"], label: "notation" });
  await submitReviewAs(app.id, "reviewer-2", 0.4);
  await signInAs(page, "reviewer");
  await page.goto(`/instruction/dossiers/${app.id}`);
  // Before submitting: the other review stays hidden.
  await expect(page.getByRole("heading", { name: "Évaluations soumises" })).toHaveCount(0);

  const scores = page.getByLabel(/^Note sur \d+$/);
  const count = await scores.count();
  expect(count).toBeGreaterThan(1);
  // A score above the range is refused next to its field.
  const first = scores.first();
  await first.fill("99");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByText(/Une note entière entre 0 et \d+/)).toBeVisible();
  for (let i = 0; i < count; i++) {
    const max = Number((await scores.nth(i).getAttribute("max")) ?? 5);
    await scores.nth(i).fill(String(max));
  }
  await page.getByLabel("Avis général").fill("Projet solide, partenariat ancien et budget cohérent.");
  await page.getByLabel("Favorable", { exact: true }).check();
  // Every criterion at its maximum: the total shown while scoring, then restated for confirmation.
  await expect(page.getByTestId("live-weighted-score")).toHaveText("Note pondérée : 100,0 /100");
  await page.getByRole("button", { name: "Soumettre l’évaluation" }).click();
  await expect(
    page.getByText("Soumettre votre évaluation avec une note pondérée de 100,0 /100 ?"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Confirmer la soumission" }).click();
  await expect(page.getByText("Vous avez soumis votre évaluation")).toBeVisible();
  await expect(page.getByTestId("aggregate-count")).toHaveText("2");
  // 100 (all maximums) and about 40: a mean near 70 and a disagreement flag.
  await expect(page.getByTestId("aggregate-mean")).toHaveText(/^(6\d|7\d),\d$/);
  await expect(page.getByText("Divergence entre instructeurs")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Évaluation soumise" }).first()).toBeVisible();
});

test("a reviewer asks the applicant for information", async ({ page }) => {
  const app = await createApplication({ reviewers: ["reviewer"], label: "complements" });
  await signInAs(page, "reviewer");
  await page.goto(`/instruction/dossiers/${app.id}`);
  await page.getByLabel("Votre demande au porteur").fill("Merci de joindre la délibération signée.");
  await page.getByRole("button", { name: "Demander des compléments" }).click();
  // The request joins the exchanges; no second request while the first waits for its answer.
  await expect(page.getByText("Merci de joindre la délibération signée.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Demander des compléments" })).toHaveCount(0);
  await expect(page.getByText("Compléments demandés", { exact: true }).first()).toBeVisible();
  await expect.poll(() => outboxFor(app.title)).toBeGreaterThan(0);
});
