import { expect, expectNoAxeViolations, test } from "../fixtures";
import { seedCallInReview, token, withSql } from "../support/calls-db";
import { refuseMailTo, signInLink, waitForMessages } from "../support/mailbox";
import { signInAs } from "../support/personas";

test.describe("the admin's journal and outbox", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an envelope changed in the call form is in the call's history, before and after", async ({
    page,
  }) => {
    const call = await seedCallInReview(1, "journal");
    await signInAs(page, "admin");
    await page.goto(`/admin/appels/${call.id}/modifier`);
    await page.getByLabel("Enveloppe budgétaire (€)").fill("600 000");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.getByRole("status").filter({ hasText: "L’appel a été enregistré." })).toBeVisible();

    await page.goto(`/admin/appels/${call.id}`);
    await page.getByRole("link", { name: "Historique de l’appel" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Journal des actions" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "Appel modifié" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Enveloppe\u00a0: 500\u202f000\u00a0€ → 600\u202f000\u00a0€");
    await expect(row).toContainText(call.title);
    // No raw key anywhere in the list.
    await expect(page.locator("table")).not.toContainText("call.updated");
    await expectNoAxeViolations(page);

    // The export has the same rows.
    const csv = await (
      await page.request.get(`/api/exports/journal?appel=${call.id}&quoi=call.updated`)
    ).text();
    expect(csv).toContain("Appel modifié");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  test("an e-mail refused by the SMTP server shows its error and is resent once the mailbox accepts", async ({
    page,
  }) => {
    const address = `refus.${token().toLowerCase()}@mairie-exemple.fr`;
    await refuseMailTo(address);
    await withSql(
      (sql) => sql`insert into email_outbox (to_address, subject, text_body, template)
        values (${address}, 'Accusé de réception de votre candidature', 'Bonjour', 'receipt')`,
    );
    await signInAs(page, "admin");
    const list = `/admin/courriels?destinataire=${encodeURIComponent(address)}`;
    await expect(async () => {
      await page.goto(list);
      await expect(page.getByText(/Dernière erreur\s*:.*550/)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 40_000 });
    await expect(page.getByText("Prochain essai", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);

    await refuseMailTo(address, false);
    await page
      .getByRole("button", {
        name: new RegExp(`^Renvoyer l’e-mail n° \\d+ à ${address.replace(/\./g, "\\.")}$`),
      })
      .click();
    const [message] = await waitForMessages(address);
    expect(message?.subject).toContain("Accusé de réception");
    await expect(async () => {
      await page.goto(list);
      await expect(page.getByRole("cell", { name: /^Envoyé le/ })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });

    // The resend is in the journal, under the admin's name.
    await page.goto("/admin/journal?quoi=email.resent");
    await expect(page.getByRole("row").filter({ hasText: "E-mail renvoyé" }).first()).toBeVisible();
  });

  test("no page or export of the admin outbox holds a sign-in link or its token", async ({
    page,
    browser,
  }) => {
    const address = `cible.${token().toLowerCase()}@mairie-exemple.fr`;
    const visitor = await browser.newPage();
    await visitor.goto("/connexion");
    await visitor.getByLabel("Adresse e-mail professionnelle").fill(address);
    await visitor.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(visitor.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
    await visitor.close();
    const [message] = await waitForMessages(address);
    const link = signInLink(message?.text ?? "");
    const secret = new URL(link).searchParams.get("token") ?? "";
    expect(secret.length).toBeGreaterThan(20);

    await signInAs(page, "admin");
    await page.goto(`/admin/courriels?destinataire=${encodeURIComponent(address)}`);
    // The kind and the state, in the table (the filter's options hold the same words).
    const row = page.getByRole("row").filter({ hasText: address });
    await expect(row.first()).toContainText("Lien de connexion");
    const html = await page.content();
    expect(html).not.toContain(secret);
    expect(html).not.toContain("callback/nodemailer");
    await expect(page.getByRole("link", { name: "Ouvrir le lien du message" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    for (const url of [
      "/api/exports/courriels",
      `/api/exports/courriels?destinataire=${encodeURIComponent(address)}`,
    ]) {
      const csv = await (await page.request.get(url)).text();
      expect(csv).toContain(address);
      expect(csv).not.toContain(secret);
      expect(csv).not.toContain("callback/nodemailer");
    }
  });
});
