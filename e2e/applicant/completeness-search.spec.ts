import { expect, expectNoAxeViolations, test } from "../fixtures";
import { signInAs } from "../support/personas";
import { e2eSql } from "./db";

/** A draft of Ville de Thiers on the seeded open call, created for this test only. */
async function newThiersDraft(title: string) {
  const [row] = await e2eSql()`
    insert into applications (call_id, lead_organisation_id, title, is_fictitious)
    select c.id, o.id, ${title}, true
    from calls c, organisations o
    where c.opens_at <= now() and c.closes_at > now() and c.code = 'GEN'
      and o.kind = 'commune' and o.insee_code = '63430'
    order by c.year desc limit 1
    returning id`;
  return row?.id as string;
}

test("an application with an empty title and a start in 1990 is refused at submission", async ({ page }) => {
  test.setTimeout(180_000);
  const id = await newThiersDraft(`Dossier à vider ${Date.now()}`);
  await signInAs(page, "applicant-thiers");
  await page.goto(`/espace/dossiers/${id}`);
  // The tab names the dossier and its step.
  await expect(page).toHaveTitle(
    /^Dossier à vider \d+ — Étape 1 sur 6\u00a0: Projet — Dossier de candidature — Coopération décentralisée$/,
  );

  await page.getByLabel("Titre du projet").fill("");
  await page.getByLabel("Date de début").fill("1990-01-01");
  await page.getByLabel("Durée (en mois)").fill("24");
  // The form says at once, at the field, what the submission will refuse.
  await expect(page.getByLabel("Date de début")).toHaveAccessibleDescription(
    /ne peut pas précéder l’ouverture de l’appel/,
  );
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText(/^Enregistré à/);

  // Reloaded, the blank title is blank (not a placeholder that would pass for a title).
  await page.reload();
  await expect(page.getByLabel("Titre du projet")).toHaveValue("");

  await page.goto(`/espace/dossiers/${id}/verification`);
  await expect(page).toHaveTitle("Vérification et dépôt — Dossier sans titre — Coopération décentralisée");
  const missing = page.getByRole("region", { name: /à compléter avant le dépôt/ });
  await expect(
    missing.getByRole("link", { name: /^Projet : Le titre du projet est à compléter/ }),
  ).toHaveAttribute("href", `/espace/dossiers/${id}?etape=projet#title`);
  await expect(
    missing.getByRole("link", { name: /^Projet : La date de début du projet ne peut pas précéder/ }),
  ).toBeVisible();
  const submit = page.getByRole("button", { name: "Déposer le dossier" });
  await expect(submit).toBeDisabled();
  await expectNoAxeViolations(page);

  // The server refuses too, whatever the page allowed (the button forced on, as a crafted request would).
  await submit.evaluate((button) => {
    button.removeAttribute("disabled");
    button.removeAttribute("aria-disabled");
  });
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: "incomplet" })).toContainText(
    /Le dossier est incomplet \(\d+ éléments à compléter\)/,
  );
  const [row] = await e2eSql()`select status, receipt_number from applications where id = ${id}`;
  expect(row).toMatchObject({ status: "draft", receipt_number: null });
});

test("keyboard selection of Clermont-Ferrand, and removing a paired co-applicant asks first", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const id = await newThiersDraft(`Dossier Clermont ${Date.now()}`);
  await signInAs(page, "applicant-thiers");
  await page.goto(`/espace/dossiers/${id}?etape=participants`);

  await expect(page).toHaveTitle(/^Dossier Clermont \d+ — Étape 2 sur 6\u00a0: Participants — /);
  await page.getByRole("button", { name: "3. Contenu" }).click();
  await expect(page).toHaveTitle(/^Dossier Clermont \d+ — Étape 3 sur 6\u00a0: Contenu — /);
  await page.getByRole("button", { name: "2. Participants" }).click();

  const combo = page.getByRole("combobox", { name: "Ajouter un co-demandeur" });
  await combo.pressSequentially("clermont ferrand");
  // The user sees the list before moving in it; nothing is chosen yet.
  await expect(page.getByRole("option").first()).toHaveAccessibleName(/^Clermont-Ferrand \(commune, 63\)/);
  await expect(page.getByRole("option", { name: /^Clermont \(commune, 60\)/ })).toBeVisible();
  await expect(
    page.getByRole("listbox", { name: "Ajouter un co-demandeur" }).getByRole("option", { selected: true }),
  ).toHaveCount(0);
  await expect(combo).not.toHaveAttribute("aria-activedescendant", /.+/);
  await combo.press("ArrowDown");
  await expect(
    page.getByRole("listbox", { name: "Ajouter un co-demandeur" }).getByRole("option", { selected: true }),
  ).toHaveAccessibleName(/^Clermont-Ferrand \(commune, 63\)/);
  await combo.press("Enter");
  const chip = page.getByRole("button", { name: "Retirer Clermont-Ferrand (commune, 63)", exact: true });
  await expect(chip).toBeVisible();
  await expect(page.getByText("Clermont (commune, 60)")).toHaveCount(0);

  // A partner and a pairing with Clermont-Ferrand.
  await page.getByLabel("Nom de la collectivité partenaire").fill("Pristina");
  await page.getByLabel("Type de collectivité").selectOption("municipality");
  await page.getByLabel("Pays").selectOption({ label: "Kosovo" });
  await page.getByRole("button", { name: "Ajouter le partenaire" }).click();
  await page.getByLabel("Collectivité française").selectOption({ label: "Clermont-Ferrand (commune, 63)" });
  await page.getByLabel("Partenaire étranger", { exact: true }).selectOption({ label: "Pristina (Kosovo)" });
  await page.getByRole("button", { name: "Ajouter le binôme" }).click();
  const pairing = page
    .getByRole("listitem")
    .filter({ hasText: "Clermont-Ferrand (commune, 63) ↔ Pristina (Kosovo)" });
  await expect(pairing).toHaveCount(1);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText(/^Enregistré à/);

  // Reloaded, the co-applicant keeps its kind and département.
  await page.reload();
  await expect(chip).toBeVisible();

  // Removing it asks first and names the pairing that goes with it; « Annuler » keeps both.
  await chip.click();
  const dialog = page.getByRole("alertdialog", { name: "Retirer Clermont-Ferrand (commune, 63) ?" });
  await expect(dialog).toBeFocused();
  await expect(dialog).toContainText("Ce binôme sera aussi supprimé\u00a0:");
  await expect(dialog).toContainText("Clermont-Ferrand (commune, 63) ↔ Pristina (Kosovo)");
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(chip).toBeVisible();
  await expect(pairing).toHaveCount(1);

  await chip.click();
  await dialog.getByRole("button", { name: "Retirer le co-demandeur et ses binômes" }).click();
  await expect(chip).toHaveCount(0);
  await expect(pairing).toHaveCount(0);
  await expect(page.getByText("Aucun binôme.")).toBeVisible();
});

test("another organisation's applicant gets « Accès refusé », in the page and in its title", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const title = `Dossier confidentiel ${Date.now()}`;
  const id = await newThiersDraft(title);
  await signInAs(page, "applicant-other");
  for (const path of [`/espace/dossiers/${id}`, `/espace/dossiers/${id}/verification`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    await expect(page).toHaveTitle("Accès refusé — Coopération décentralisée");
    await expect(page.getByText(title)).toHaveCount(0);
  }
});
