import { readFile } from "node:fs/promises";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { closeDatabase, createApplication, submitReviewAs } from "../reviewer/data";
import { sheetRows } from "../reviewer/xlsx";
import { seedCallInReview, withSql } from "../support/calls-db";
import { signInAs } from "../support/personas";

test.afterAll(closeDatabase);
// Journeys of several pages and steps, each checked by axe, on a shared machine.
test.describe.configure({ timeout: 120_000 });

/** « 1 234 567 € » → 1234567 */
const euros = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));

test("an admin accepts within the rules and sees the envelope meter move", async ({ page }) => {
  const app = await createApplication({ reviewers: ["reviewer"], requestedEuros: 20_000, label: "decision" });
  await submitReviewAs(app.id, "reviewer", 0.7);
  await signInAs(page, "admin");
  await page.goto(`/instruction/dossiers/${app.id}`);
  // The tab names the dossier, so that several open dossiers can be told apart.
  await expect(page).toHaveTitle(`${app.title} — Dossier en instruction — Coopération décentralisée`);
  await expectNoAxeViolations(page);
  const before = euros((await page.getByTestId("envelope-granted").textContent()) ?? "");

  // Above the requested amount: refused, nothing recorded.
  await page.getByLabel("Montant accordé (en euros)").fill(String(app.requestedCents / 100 + 1));
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByText(/ne peut dépasser le montant demandé/)).toBeVisible();

  await page.getByLabel("Montant accordé (en euros)").fill("15 000");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("decision-confirmation")).toContainText(
    "Vous allez accepter ce dossier pour 15 000 €.",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirmer la décision" }).click();
  await expect(page.getByTestId("decision")).toContainText("Accepté pour 15 000");
  const after = euros((await page.getByTestId("envelope-granted").textContent()) ?? "");
  // Other tests may decide on the same call meanwhile: at least this grant.
  expect(after).toBeGreaterThanOrEqual(before + 15_000);
  await expect(page.getByRole("listitem").filter({ hasText: "Décision enregistrée" })).toBeVisible();
});

test("two admins decide at once: the second is told someone decided first", async ({ browser }) => {
  const app = await createApplication({ reviewers: ["reviewer"], label: "concurrence" });
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signInAs(a, "admin");
  await signInAs(b, "admin");
  await a.goto(`/instruction/dossiers/${app.id}`);
  await b.goto(`/instruction/dossiers/${app.id}`);

  await a.getByLabel("Refuser").check();
  await a.getByLabel("Motif du refus").fill("Le projet ne correspond pas aux priorités de l’appel.");
  await a.getByRole("button", { name: "Enregistrer la décision" }).click();
  await a.getByRole("button", { name: "Confirmer la décision" }).click();
  await expect(a.getByTestId("decision")).toContainText("Refusé");

  await b.getByLabel("Montant accordé (en euros)").fill("10 000");
  await b.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(b.getByText(/^Un autre administrateur a déjà décidé/)).toBeVisible();
  await b.reload();
  await expect(b.getByTestId("decision")).toContainText("Refusé");
  await first.close();
  await second.close();
});

test("an admin exports the filtered list as CSV and XLSX", async ({ page }) => {
  const app = await createApplication({ reviewers: ["reviewer"], label: "export" });
  await submitReviewAs(app.id, "reviewer", 0.5);
  await signInAs(page, "admin");
  await page.goto(`/instruction?q=${encodeURIComponent(app.title)}`);
  await expect(page.getByTestId("result-count")).toHaveText("1 dossier");

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const csv = await readFile(String(await (await csvDownload).path()), "utf8");
  await expect(page.getByRole("status").filter({ hasText: "Export terminé\u00a0: 1 lignes." })).toBeVisible();
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain("Numéro de dossier;Titre;Appel à projets");
  expect(lines[1]).toContain(app.title);
  expect(lines[1]).toContain(";1;50;0;non;"); // one review, every criterion at half its maximum

  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en XLSX" }).click();
  const rows = await sheetRows(await readFile(String(await (await xlsxDownload).path())));
  expect(rows).toHaveLength(2);
  expect(rows[0]?.[1]).toBe("Titre");
  expect(rows[1]?.[1]).toBe(app.title);
  expect(rows[1]?.[11]).toBe("50");
});

test("the decision aid proposes a selection and explains it", async ({ page }) => {
  const app = await createApplication({ reviewers: ["reviewer"], label: "aide" });
  await signInAs(page, "admin");
  await page.goto(`/instruction/appels/${app.callId}/aide-a-la-decision`);
  await expect(page.getByRole("heading", { level: 1, name: "Aide à la décision" })).toBeVisible();
  await expect(page.getByTestId("aid-summary")).toContainText("Proposition\u00a0:");
  await expect(page.getByRole("row").filter({ hasText: app.title })).toContainText(
    "aucune évaluation soumise",
  );
  await expectNoAxeViolations(page);
});

/** Two applications of a fresh call whose rules allow 60 000 € each, within an envelope of `envelopeEuros`. */
async function callWithEnvelope(envelopeEuros: number, label: string) {
  const call = await seedCallInReview(2, label);
  await withSql(async (sql) => {
    await sql`update calls set envelope_cents = ${envelopeEuros * 100} where id = ${call.id}`;
    for (const a of call.applications) {
      await sql`update applications set requested_amount_cents = 6000000 where id = ${a.id}`;
      await sql`insert into budget_lines (application_id, kind, category, label, amount_cents)
                values (${a.id}, 'expense', 'personnel', 'Dépenses du projet', 15000000)`;
    }
  });
  return call;
}

test("a mistyped 50 000,50 € is restated before it is recorded, then corrected with a reason", async ({
  page,
}) => {
  const call = await callWithEnvelope(500_000, "correction");
  const app = call.applications[0];
  if (!app) throw new Error("no application");
  await signInAs(page, "admin");
  await page.goto(`/instruction/dossiers/${app.id}`);
  await page.getByLabel("Montant accordé (en euros)").fill("50000.5");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  // Nothing is recorded until the admin confirms the amount as the server understood it.
  const confirmation = page.getByTestId("decision-confirmation");
  await expect(confirmation).toContainText("Vous allez accepter ce dossier pour 50 000,50 €.");
  await expect(confirmation).toBeFocused();
  await expect(page.getByTestId("decision")).toHaveCount(0);
  await page.getByRole("button", { name: "Confirmer la décision" }).click();
  await expect(page.getByTestId("decision")).toContainText("Accepté pour 50 000,50 €");

  // Corrected before publication, with a reason; the previous amount stays in the history.
  await page.locator("summary", { hasText: "Corriger la décision" }).click();
  const amount = page.locator("#revise-grantedAmount");
  await expect(amount).toHaveValue("50000,50");
  await amount.fill("5 000");
  await page.getByRole("button", { name: "Corriger la décision", exact: true }).click();
  await expect(page.getByText("Indiquez le motif de la correction (10 caractères au moins).")).toBeVisible();
  await expect(amount).toHaveValue("5 000");
  await page.getByLabel("Motif de la correction").fill("Erreur de saisie : 5 000 € et non 50 000,50 €.");
  await page.getByRole("button", { name: "Corriger la décision", exact: true }).click();
  await expect(confirmation).toContainText(
    "Vous allez corriger la décision : accepter ce dossier pour 5 000 €.",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirmer la correction" }).click();
  await expect(page.getByTestId("decision")).toContainText("Accepté pour 5 000 €");

  await page.reload();
  await expect(page.getByTestId("decision")).toContainText("Accepté pour 5 000 €");
  const history = page.getByRole("region", { name: "Historique" });
  await expect(history.getByRole("listitem").filter({ hasText: "Décision corrigée" })).toContainText(
    "accepté pour 50 000,50 € → accepté pour 5 000 € ; motif : Erreur de saisie",
  );
  const [row] = await withSql(
    (sql) => sql<{ granted: string }[]>`
      select granted_amount_cents::text as granted from decisions where application_id = ${app.id}`,
  );
  expect(row?.granted).toBe("500000");
});

test("the confirmation is a modal window: Escape goes back to the form, nothing recorded, the amount kept", async ({
  page,
}) => {
  const call = await callWithEnvelope(500_000, "fenetre");
  const app = call.applications[0];
  if (!app) throw new Error("no application");
  await signInAs(page, "admin");
  await page.goto(`/instruction/dossiers/${app.id}`);
  const amount = page.getByLabel("Montant accordé (en euros)");
  await amount.fill("12 000");
  const save = page.getByRole("button", { name: "Enregistrer la décision" });
  await save.click();
  const dialog = page.getByRole("dialog", { name: "Vous allez accepter ce dossier pour 12 000 €." });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("decision-confirmation")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("decision")).toHaveCount(0);
  await expect(amount).toHaveValue("12 000");
  // Asked again, and confirmed from the keyboard.
  await save.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Confirmer la décision" }).press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("decision")).toContainText("Accepté pour 12 000 €");
});

test("a decision past the envelope is refused on the server with the amount left", async ({ page }) => {
  const call = await callWithEnvelope(100_000, "enveloppe");
  const [first, second] = call.applications;
  if (!first || !second) throw new Error("no application");
  await withSql(async (sql) => {
    await sql`insert into decisions (application_id, outcome, granted_amount_cents) values (${first.id}, 'accepted', 6000000)`;
    await sql`update applications set status = 'accepted' where id = ${first.id}`;
  });
  await signInAs(page, "admin");
  await page.goto(`/instruction/dossiers/${second.id}`);
  await page.getByLabel("Montant accordé (en euros)").fill("45 000");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(
    page.getByText("Ce montant dépasse l’enveloppe de l’appel : il reste 40 000 € à accorder sur 100 000 €."),
  ).toBeVisible();
  await expect(page.getByLabel("Montant accordé (en euros)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("decision-confirmation")).toHaveCount(0);
  await page.getByLabel("Montant accordé (en euros)").fill("40 000");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await page.getByRole("button", { name: "Confirmer la décision" }).click();
  await expect(page.getByTestId("decision")).toContainText("Accepté pour 40 000 €");
  const [sum] = await withSql(
    (sql) => sql<{ total: string }[]>`
      select sum(d.granted_amount_cents)::text as total from decisions d join applications a on a.id = d.application_id
      where a.call_id = ${call.id}`,
  );
  expect(sum?.total).toBe("10000000");
});

test("an admin reopens a submitted review with a reason; its reviewer sees why, corrects it and confirms the weighted total", async ({
  browser,
}) => {
  const app = await createApplication({ reviewers: ["reviewer"], label: "rouverte" });
  await submitReviewAs(app.id, "reviewer", 0.5);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  await admin.goto(`/instruction/dossiers/${app.id}`);
  await admin
    .getByText(/^Rouvrir l’évaluation de /)
    .first()
    .click();
  await admin.getByRole("button", { name: /^Rouvrir l’évaluation de / }).click();
  await expect(
    admin.getByText("Indiquez le motif de la réouverture (10 caractères au moins)."),
  ).toBeVisible();
  await admin.getByLabel(/^Motif de la réouverture/).fill("Le critère 2 a été noté sur le mauvais dossier.");
  await admin.getByRole("button", { name: /^Rouvrir l’évaluation de / }).click();
  // The notice comes from the server's state: it is still there after a reload.
  const notice = admin.getByTestId("reopened-reviews");
  await expect(notice).toContainText("Évaluation rouverte");
  await admin.reload();
  await expect(notice).toContainText("motif\u00a0: Le critère 2 a été noté sur le mauvais dossier.");
  await expect(
    admin
      .getByRole("region", { name: "Historique" })
      .getByRole("listitem")
      .filter({ hasText: "Évaluation rouverte" }),
  ).toContainText("motif\u00a0: Le critère 2 a été noté sur le mauvais dossier.");
  await expectNoAxeViolations(admin);
  const [mail] = await withSql(
    (sql) => sql<{ n: number }[]>`
      select count(*)::int as n from email_outbox where template = 'review-reopened' and subject like ${`%${app.title}%`}`,
  );
  expect(mail?.n).toBe(1);
  await adminContext.close();

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInAs(reviewer, "reviewer");
  await reviewer.goto(`/instruction/dossiers/${app.id}`);
  await expect(reviewer.getByTestId("own-review-reopened")).toContainText(
    "Le critère 2 a été noté sur le mauvais dossier.",
  );
  // The weighted total follows the scores while scoring.
  const live = reviewer.getByTestId("live-weighted-score");
  await expect(live).toContainText("/100");
  const before = await live.textContent();
  await reviewer
    .getByLabel(/^Note sur \d+$/)
    .first()
    .fill("0");
  await expect(live).not.toHaveText(before ?? "");
  const total = ((await live.textContent()) ?? "").replace(/^Note pondérée\s*:\s*/, "");
  await reviewer.getByRole("button", { name: "Soumettre l’évaluation" }).click();
  const confirm = reviewer.getByRole("group", {
    name: /^Soumettre votre évaluation avec une note pondérée de/,
  });
  await expect(confirm).toContainText(total.trim());
  await expect(confirm).toBeFocused();
  await expectNoAxeViolations(reviewer);
  await reviewer.getByRole("button", { name: "Confirmer la soumission" }).click();
  await expect(reviewer.getByText("Vous avez soumis votre évaluation")).toBeVisible();
  await reviewer.reload();
  await expect(reviewer.getByTestId("own-review-reopened")).toHaveCount(0);
  await reviewerContext.close();
});

test("the decision aid flags a half-reviewed application and leaves it out unless asked", async ({
  page,
}) => {
  const app = await createApplication({
    reviewers: ["reviewer", "reviewer-2"],
    requestedEuros: 1_000,
    label: "moitie",
  });
  await submitReviewAs(app.id, "reviewer", 0.9);
  await signInAs(page, "admin");
  await page.goto(`/instruction/appels/${app.callId}/aide-a-la-decision`);
  const row = page.getByRole("row").filter({ hasText: app.title });
  await expect(row).toContainText("Écarté\u00a0: toutes les évaluations attendues ne sont pas soumises.");
  await expect(row).toContainText("Évaluations incomplètes\u00a0: 1 sur 2");
  await page.getByLabel(/^Proposer aussi les dossiers/).check();
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/incompletes=1/);
  await expect(page.getByLabel(/^Proposer aussi les dossiers/)).toBeChecked();
  await expect(row).toContainText("Évaluations incomplètes\u00a0: 1 sur 2");
  await expect(row).not.toContainText("toutes les évaluations attendues ne sont pas soumises");
  await page.getByLabel("Note minimale /100 (facultatif)").fill("cent");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByText("Saisissez une note entre 0 et 100, par exemple 50.")).toBeVisible();
  await expectNoAxeViolations(page);
});
