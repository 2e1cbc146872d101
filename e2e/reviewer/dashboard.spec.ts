import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { seedCallInReview } from "../support/calls-db";
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

/** What the dashboard shows of a list state: the form's controls, the count, the rows, the export. */
async function expectView(
  page: Page,
  view: {
    url: string | RegExp;
    q: string;
    perPage: string;
    count: string;
    rows: number;
    exportQuery: string;
  },
) {
  await expect(page).toHaveURL(view.url);
  await expect(page.getByTestId("result-count")).toHaveText(view.count);
  await expect(page.locator("tbody tr")).toHaveCount(view.rows);
  // By id: folded filters are out of the accessibility tree, and role locators skip them.
  await expect(page.locator("#q")).toHaveValue(view.q);
  await expect(page.locator("#perPage")).toHaveValue(view.perPage);
  await expect(page.getByRole("link", { name: "Exporter en CSV" })).toHaveAttribute(
    "href",
    `/api/exports/applications?${view.exportQuery}&format=csv`,
  );
}

test.describe("list state and history", () => {
  // Many navigations, each waited for.
  test.describe.configure({ timeout: 120_000 });

  test("after Back and Forward, the filters, the list and the export links match the URL", async ({
    page,
  }) => {
    const call = await seedCallInReview(60, "retour");
    expect(call.applications).toHaveLength(60);
    const base = `/instruction?call=${call.id}`;
    const filters = page.getByTestId("filters-summary");
    const search = page.getByRole("searchbox", { name: "Rechercher" });
    await signInAs(page, "admin");
    await page.goto(base);
    const first = { url: base, q: "", perPage: "25", count: "1 à 25 sur 60 dossiers", rows: 25 };
    await expectView(page, { ...first, exportQuery: `call=${call.id}` });

    // A new page size, submitted; then a search typed but never submitted, and a dossier opened.
    await filters.click();
    await page.getByLabel("Dossiers par page").selectOption("50");
    await page.getByRole("button", { name: "Filtrer" }).click();
    const fifty = {
      // The form submits every field, empty ones too.
      url: new RegExp(`\\?q=&call=${call.id}&.*&perPage=50$`),
      q: "",
      perPage: "50",
      count: "1 à 50 sur 60 dossiers",
      rows: 50,
      exportQuery: `call=${call.id}`,
    };
    await expectView(page, fifty);
    await filters.click();
    await search.fill("jamais soumis");
    await page.locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: /Projet témoin/ })).toBeVisible();

    // Back: the list of 50, without the unsubmitted search; Back again: 25 per page, as in the URL.
    await page.goBack();
    await expectView(page, fifty);
    await page.goBack();
    await expectView(page, { ...first, exportQuery: `call=${call.id}` });

    // Client navigations (a status link, the next page) with a search typed meanwhile, then Back and Forward.
    await filters.click();
    await search.fill("jamais soumis");
    await page.getByRole("link", { name: "Déposé (60)" }).click();
    const submitted = {
      url: `${base}&status=submitted`,
      q: "",
      perPage: "25",
      count: "1 à 25 sur 60 dossiers",
      rows: 25,
      exportQuery: `call=${call.id}&status=submitted`,
    };
    await expectView(page, submitted);
    await page.getByRole("link", { name: "Page suivante" }).click();
    const second = {
      ...submitted,
      url: `${base}&status=submitted&page=2`,
      count: "26 à 50 sur 60 dossiers",
    };
    await expectView(page, second);
    await page.goBack();
    await expectView(page, submitted);
    await page.goBack();
    await expectView(page, { ...first, exportQuery: `call=${call.id}` });
    await page.goForward();
    await expectView(page, submitted);
    await page.goForward();
    await expectView(page, second);
  });

  test("the page size is in the URL, checked by the server, and leaves the export whole", async ({
    page,
  }) => {
    const call = await seedCallInReview(60, "taille");
    expect(call.applications).toHaveLength(60);
    const base = `/instruction?call=${call.id}`;
    await signInAs(page, "admin");
    await page.goto(`${base}&perPage=50`);
    await expectView(page, {
      url: `${base}&perPage=50`,
      q: "",
      perPage: "50",
      count: "1 à 50 sur 60 dossiers",
      rows: 50,
      exportQuery: `call=${call.id}`,
    });
    await expectNoAxeViolations(page);
    // The pagination keeps the size; the second page holds the last 10.
    await page.getByRole("link", { name: "Page 2", exact: true }).click();
    await expectView(page, {
      url: `${base}&page=2&perPage=50`,
      q: "",
      perPage: "50",
      count: "51 à 60 sur 60 dossiers",
      rows: 10,
      exportQuery: `call=${call.id}`,
    });
    await expect(page.getByRole("link", { name: "Page 3", exact: true })).toHaveCount(0);
    // The export holds every row, whatever the page and its size.
    const exported = await page.request.head(
      (await page.getByRole("link", { name: "Exporter en CSV" }).getAttribute("href")) ?? "",
    );
    expect(exported.status()).toBe(200);
    expect(exported.headers()["x-export-rows"]).toBe("60");
    // A size not offered falls back to 25.
    for (const odd of ["30", "abc", "100000"]) {
      await page.goto(`${base}&perPage=${odd}`);
      await expect(page.getByTestId("result-count")).toHaveText("1 à 25 sur 60 dossiers");
      await expect(page.locator("tbody tr")).toHaveCount(25);
      await expect(page.locator("#perPage")).toHaveValue("25");
    }
    await page.goto(`${base}&perPage=100`);
    await expect(page.getByTestId("result-count")).toHaveText("60 dossiers");
    await expect(page.locator("tbody tr")).toHaveCount(60);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
  });

  test("the filters fold, say how many are active, and open from the keyboard", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/instruction");
    const filters = page.getByTestId("filters-summary");
    const search = page.getByRole("searchbox", { name: "Rechercher" });
    // No filter: open, to choose some.
    await expect(filters).toHaveText("Filtres (Aucun filtre actif)");
    await expect(search).toBeVisible();

    await expectNoAxeViolations(page);

    // Filtered: folded, so that the list starts on the first screen, with the number of filters.
    await page.goto("/instruction?q=coutellerie&sort=score_desc");
    await expect(filters).toHaveText("Filtres (1 filtre actif)");
    await expect(search).toBeHidden();
    await expect(page.locator("tbody tr").first()).toBeInViewport();
    await expectNoAxeViolations(page);
    // The summary is a button of the keyboard: Enter opens the filters, as they are in the URL.
    await filters.focus();
    await page.keyboard.press("Enter");
    await expect(search).toBeVisible();
    await expect(search).toHaveValue("coutellerie");
    await expect(page.getByLabel("Trier par")).toHaveValue("score_desc");
    await expectNoAxeViolations(page);
    await page.keyboard.press("Enter");
    await expect(search).toBeHidden();

    // Only what narrows the list counts (the sort, the page and its size do not).
    await page.goto("/instruction?q=coutellerie&mine=1&disagreement=1&perPage=50&page=2");
    await expect(filters).toHaveText("Filtres (3 filtres actifs)");
  });
});
