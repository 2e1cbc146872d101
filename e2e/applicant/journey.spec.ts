import { DEMO_EMAIL_DOMAIN } from "../../db/seed/personas";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { receivedBy, waitForMessages } from "../support/mailbox";
import { signInAs } from "../support/personas";
import { e2eSql } from "./db";

const THIERS = `applicant-thiers@${DEMO_EMAIL_DOMAIN}`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082",
  "hex",
);

/** Full-page screenshots for a human look, when SCREENSHOTS_DIR is set (never in CI). */
async function shot(page: import("@playwright/test").Page, name: string) {
  if (process.env.SCREENSHOTS_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/${name}.png`, fullPage: true });
  }
}

test("an applicant prepares, completes and submits an application, and gets a receipt", async ({
  page,
  browser,
}) => {
  // The whole journey in one test: on a loaded CI machine it takes minutes.
  test.setTimeout(300_000);
  await signInAs(page, "applicant-thiers");
  await page.goto("/espace");
  await page.getByRole("link", { name: "Mes dossiers de candidature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes dossiers de candidature" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "list");

  // Create on the open call.
  const title = `Eau potable partagée Thiers – Pristina ${Date.now()}`;
  // Other tests may open calls of their own: pick the seeded open call's form.
  const titleField = page.getByRole("textbox", {
    name: "Titre provisoire du projet",
    description: /Appel à projets généraliste/,
  });
  await titleField.fill(title);
  await page
    .locator("form")
    .filter({ has: titleField })
    .getByRole("button", { name: "Créer le dossier" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const applicationUrl = page.url().split("?")[0] as string;
  const applicationId = applicationUrl.split("/").pop() as string;

  // Step 1: project.
  await page.getByLabel("Date de début").fill("2027-03-01");
  await page.getByLabel("Durée (en mois)").fill("24");
  await expectNoAxeViolations(page);
  await shot(page, "project");
  await page.getByRole("button", { name: "Étape suivante" }).click();

  // Step 2: participants — co-applicant found by typing without accent, by keyboard.
  await expect(page.getByRole("heading", { name: "Étape 2 sur 6 : Participants" })).toBeVisible();
  const combo = page.getByRole("combobox", { name: "Ajouter un co-demandeur" });
  await combo.pressSequentially("chambery");
  await expect(page.getByRole("option", { name: /^Chambéry \(commune, 73\)/ }).first()).toBeVisible();
  // No option is chosen before the user moves to one (ARIA combobox pattern): ↓ goes to the first.
  await expect(
    page.getByRole("listbox", { name: "Ajouter un co-demandeur" }).getByRole("option", { selected: true }),
  ).toHaveCount(0);
  await combo.press("ArrowDown");
  await expect(page.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await combo.press("Enter");
  await expect(
    page.getByRole("button", { name: "Retirer Chambéry (commune, 73)", exact: true }),
  ).toBeVisible();

  // A partner in Kosovo, refused first without a country.
  await page.getByLabel("Nom de la collectivité partenaire").fill("Pristina");
  await page.getByLabel("Type de collectivité").selectOption("municipality");
  await page.getByRole("button", { name: "Ajouter le partenaire" }).click();
  await expect(page.getByText("Choisissez le pays du partenaire.")).toBeVisible();
  await page.getByLabel("Pays").selectOption({ label: "Kosovo" });
  await page.getByRole("button", { name: "Ajouter le partenaire" }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Pristina — Municipalité, Kosovo" }),
  ).toBeVisible();

  // A pairing Chambéry ↔ Pristina.
  await page.getByLabel("Collectivité française").selectOption({ label: "Chambéry (commune, 73)" });
  await page.getByLabel("Partenaire étranger", { exact: true }).selectOption({ label: "Pristina (Kosovo)" });
  await page.getByRole("button", { name: "Ajouter le binôme" }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Chambéry (commune, 73) ↔ Pristina (Kosovo)" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "participants");
  await page.getByRole("button", { name: "Étape suivante" }).click();

  // Step 3: content.
  await expect(page.getByRole("heading", { name: "Étape 3 sur 6 : Contenu" })).toBeVisible();
  await page.getByLabel("Résumé du projet").fill("Partager les savoir-faire de la gestion de l’eau potable.");
  await page.getByLabel("Objectifs", { exact: true }).fill("Réduire les pertes du réseau de Pristina.");
  await page.getByLabel("Résultats attendus").fill("Un plan de renouvellement des conduites.");
  await page.getByLabel("Bénéficiaires").fill("Les habitants de Pristina.");
  await page.getByLabel("Gouvernance locale").check();
  await page.getByLabel(/^ODD 6\s:/).check();
  await expectNoAxeViolations(page);
  await shot(page, "content");
  await page.getByRole("button", { name: "Étape suivante" }).click();

  // Step 4: budget, amounts typed the French way; live totals.
  await expect(page.getByRole("heading", { name: "Étape 4 sur 6 : Budget" })).toBeVisible();
  await page.getByRole("button", { name: "Ajouter une dépense" }).click();
  await page.getByLabel("Libellé (dépense 1)").fill("Missions d’experts à Pristina");
  await page.getByLabel("Montant (dépense 1)").fill("20 000,50");
  await page.getByRole("button", { name: "Ajouter un apport propre" }).click();
  await page.getByLabel("Montant (apport 1)").fill("10 000,50");
  await page.getByLabel("Montant demandé au ministère").fill("12 000");
  await expect(page.getByText("Le budget n’est pas équilibré")).toBeVisible();
  await page.getByLabel("Montant demandé au ministère").fill("10 000");
  await expect(page.getByText("Le budget est équilibré.")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "budget");
  await expect(page.getByTestId("save-status")).toHaveText(/^Enregistré à \d{1,2}\u00a0h\u00a0\d{2}$/);

  // Reload mid-way: everything is there.
  await page.reload();
  await expect(page.getByLabel("Montant (dépense 1)")).toHaveValue("20\u202f000,50");
  await expect(page.getByLabel("Montant demandé au ministère")).toHaveValue("10\u202f000");
  await page.getByRole("button", { name: "2. Participants" }).click();
  await expect(
    page.getByRole("button", { name: "Retirer Chambéry (commune, 73)", exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Chambéry (commune, 73) ↔ Pristina (Kosovo)" }),
  ).toBeVisible();

  // Step 5: documents — a text file named .pdf is refused, a real PDF accepted, with progress.
  await page.getByRole("button", { name: "5. Pièces jointes" }).click();
  await expect(page.getByRole("heading", { name: "Étape 5 sur 6 : Pièces jointes" })).toBeVisible();
  const deliberation = page.getByLabel("Choisir un fichier pour « Délibération de la collectivité »");
  await deliberation.setInputFiles({
    name: "deliberation.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("ceci n'est pas un PDF"),
  });
  await page
    .getByRole("button", { name: "Envoyer le fichier pour « Délibération de la collectivité »" })
    .click();
  await expect(
    page.getByText("Le contenu de ce fichier n’est pas au format attendu\u00a0: déposez un fichier PDF."),
  ).toBeVisible();
  await deliberation.setInputFiles({ name: "deliberation.pdf", mimeType: "application/pdf", buffer: PDF });
  await page
    .getByRole("button", { name: "Envoyer le fichier pour « Délibération de la collectivité »" })
    .click();
  await expect(page.getByText("«\u00a0deliberation.pdf\u00a0» a été enregistré.")).toBeVisible();
  await page
    .getByLabel(/^Choisir un fichier pour «\sLettre d.engagement du partenaire étranger\s»/)
    .setInputFiles({ name: "lettre.png", mimeType: "image/png", buffer: PNG });
  await page
    .getByRole("button", {
      name: /^Envoyer le fichier pour «\sLettre d.engagement du partenaire étranger\s»/,
    })
    .click();
  await expect(page.getByText("«\u00a0lettre.png\u00a0» a été enregistré.")).toBeVisible();
  await expectNoAxeViolations(page);

  await shot(page, "documents");
  // Step 6: checklist, then submit.
  await page.getByRole("button", { name: "Vérifier et déposer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vérification et dépôt" })).toBeVisible();
  await expect(page.getByText("Le dossier est complet\u00a0: vous pouvez le déposer.")).toBeVisible();
  await expectNoAxeViolations(page);

  await shot(page, "checklist");
  // A second tab loaded before the submission, to try again afterwards.
  const other = await page.context().newPage();
  await other.goto(page.url());

  await page.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accusé de réception" })).toBeVisible();
  const receipt = (await page.getByTestId("receipt-number").textContent()) ?? "";
  expect(receipt).toMatch(new RegExp(`^${new Date().getFullYear()}-GEN-\\d{4}$`));
  await expectNoAxeViolations(page);

  await shot(page, "receipt");
  // The acknowledgement arrives on the SMTP server.
  await expect
    .poll(async () => (await receivedBy(THIERS)).filter((m) => m.subject.includes(receipt)).length, {
      timeout: 30_000,
    })
    .toBe(1);
  const [mail] = (await waitForMessages(THIERS)).filter((m) => m.subject.includes(receipt));
  expect(mail?.text).toContain(title);

  // A second submission changes nothing: same receipt, no second e-mail enqueued.
  await other.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(other.getByTestId("receipt-number")).toHaveText(receipt);
  const sql = e2eSql();
  const [row] =
    await sql`select status, receipt_number, (select count(*)::int from email_outbox where dedupe_key like ${`receipt:${applicationId}:%`}) as mails, (select count(*)::int from email_outbox where dedupe_key = ${`receipt:${applicationId}:${THIERS}`}) as mine from applications where id = ${applicationId}`;
  expect(row).toMatchObject({ status: "submitted", receipt_number: receipt, mine: 1 });
  await other.close();

  // Read-only afterwards.
  await page.goto(applicationUrl);
  await expect(page.getByRole("button", { name: "Étape suivante" })).toHaveCount(0);
  await expect(page.getByText(`sous le n° ${receipt}`)).toBeVisible();
  await shot(page, "submitted");
  await expectNoAxeViolations(page);
  void browser;
});
