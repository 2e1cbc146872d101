import { readFile } from "node:fs/promises";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { closeDatabase, createApplication, submitReviewAs } from "../reviewer/data";
import { readZip, sheetRows } from "../reviewer/zip";
import { signInAs } from "../support/personas";

test.afterAll(closeDatabase);

/** « 1 234 567 € » → 1234567 */
const euros = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));

test("an admin accepts within the rules and sees the envelope meter move", async ({ page }) => {
  const app = await createApplication({ reviewers: ["reviewer"], requestedEuros: 20_000, label: "decision" });
  await submitReviewAs(app.id, "reviewer", 0.7);
  await signInAs(page, "admin");
  await page.goto(`/instruction/dossiers/${app.id}`);
  await expectNoAxeViolations(page);
  const before = euros((await page.getByTestId("envelope-granted").textContent()) ?? "");

  // Above the requested amount: refused, nothing recorded.
  await page.getByLabel("Montant accordé (en euros)").fill(String(app.requestedCents / 100 + 1));
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByText(/ne peut dépasser le montant demandé/)).toBeVisible();

  await page.getByLabel("Montant accordé (en euros)").fill("15 000");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
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
  await expect(page.getByRole("status").filter({ hasText: "Export terminé : 1 lignes." })).toBeVisible();
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain("Numéro de dossier;Titre;Appel à projets");
  expect(lines[1]).toContain(app.title);
  expect(lines[1]).toContain(";1;50;0;non;"); // one review, every criterion at half its maximum

  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en XLSX" }).click();
  const rows = sheetRows(readZip(await readFile(String(await (await xlsxDownload).path()))));
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
  await expect(page.getByTestId("aid-summary")).toContainText("Proposition :");
  await expect(page.getByRole("row").filter({ hasText: app.title })).toContainText(
    "aucune évaluation soumise",
  );
  await expectNoAxeViolations(page);
});
