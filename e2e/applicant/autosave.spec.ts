import { expect, expectNoAxeViolations, test } from "../fixtures";
import { signInAs } from "../support/personas";
import { e2eSql } from "./db";
import { newThiersDraft } from "./drafts";

test("an invalid « Objectifs » does not block the expense added on the budget step: after a reload both are there", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const id = await newThiersDraft(`Dossier aux objectifs trop longs ${Date.now()}`);
  await signInAs(page, "applicant-thiers");
  await page.goto(`/espace/dossiers/${id}?etape=contenu`);
  const tooLong = "Réduire les pertes du réseau. ".repeat(200);
  expect(tooLong.length).toBe(6000);
  await page.getByLabel("Objectifs", { exact: true }).fill(tooLong);

  // « Étape suivante » says that the step it leaves has an error.
  await page.getByRole("button", { name: "Étape suivante" }).click();
  await expect(page.getByRole("heading", { name: "Étape 4 sur 6 : Budget" })).toBeVisible();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "L’étape 3 «\u00a0Contenu\u00a0» que vous venez de quitter contient une erreur" }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Ajouter une dépense" }).click();
  await page.getByLabel("Libellé (dépense 1)").fill("Missions d’experts à Pristina");
  await page.getByLabel("Montant (dépense 1)").fill("2 000");
  const status = page.getByTestId("save-status");
  await expect(status).toHaveText(/^Enregistré à .*, sauf un champ à corriger, non enregistré/);
  await expect
    .poll(async () =>
      (await e2eSql()`select label from budget_lines where application_id = ${id}`).map((r) => r.label),
    )
    .toEqual(["Missions d’experts à Pristina"]);
  await expectNoAxeViolations(page);

  // The status names the step and the field, and its link leads there.
  const link = status.getByRole("link", { name: "« Objectifs » (étape 3, Contenu)" });
  await link.click();
  await expect(page.getByRole("heading", { name: "Étape 3 sur 6 : Contenu" })).toBeVisible();
  await expect(page.getByLabel("Objectifs", { exact: true })).toBeFocused();
  await expect(page.getByText(/Les objectifs ne .*pas dépasser 5.?000.caractères/)).toBeVisible();

  // Reloading asks first (the invalid value is not on the server), then keeps everything.
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(["beforeunload"]);
  await expect(page.getByLabel("Objectifs", { exact: true })).toHaveValue(tooLong);
  await expect(page.getByText(/Les objectifs ne .*pas dépasser 5.?000.caractères/)).toBeVisible();
  await page.getByRole("button", { name: "4. Budget" }).click();
  await expect(page.getByLabel("Libellé (dépense 1)")).toHaveValue("Missions d’experts à Pristina");
  await expect(page.getByLabel("Montant (dépense 1)")).toHaveValue("2\u202f000");

  // Corrected, the objectives are saved too.
  await page.getByRole("button", { name: "3. Contenu" }).click();
  await page.getByLabel("Objectifs", { exact: true }).fill("Réduire les pertes du réseau de Pristina.");
  await expect(status).toHaveText(/^Enregistré à \d{1,2}\u00a0h\u00a0\d{2}$/);
  const [row] = await e2eSql()`select objectives from applications where id = ${id}`;
  expect(row?.objectives).toBe("Réduire les pertes du réseau de Pristina.");
});

test("the breadcrumb « Mes dossiers » with unsaved changes asks before leaving", async ({ page }) => {
  test.setTimeout(60_000);
  const id = await newThiersDraft(`Dossier quitté trop vite ${Date.now()}`);
  await signInAs(page, "applicant-thiers");
  await page.goto(`/espace/dossiers/${id}`);
  // A title over 200 characters cannot be saved: the change stays unsaved.
  await page.getByLabel("Titre du projet").fill("Un titre beaucoup trop long ".repeat(10));
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByTestId("save-status")).toContainText(
    "«\u00a0Titre du projet\u00a0» (étape 1, Projet)",
  );

  const breadcrumb = page.getByRole("navigation", { name: "Vous êtes ici" }).getByRole("link", {
    name: "Mes dossiers",
  });
  const messages: string[] = [];
  page.once("dialog", (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await breadcrumb.click();
  await expect
    .poll(() => messages)
    .toEqual([
      "Des modifications de ce dossier ne sont pas encore enregistrées. Quitter la page quand même\u00a0?",
    ]);
  // Staying keeps the page and what was typed.
  await expect(page).toHaveURL(new RegExp(`/espace/dossiers/${id}`));
  await expect(page.getByLabel("Titre du projet")).toHaveValue("Un titre beaucoup trop long ".repeat(10));

  page.once("dialog", (dialog) => void dialog.accept());
  await breadcrumb.click();
  await expect(page).toHaveURL(/\/espace\/dossiers$/);
});
