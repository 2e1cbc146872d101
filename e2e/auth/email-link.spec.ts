import { expect, expectNoAxeViolations, test } from "../fixtures";
import { receivedBy, signInLink, waitForMessages } from "../support/mailbox";

test("a new agent signs in with an e-mail link received on a real SMTP server", async ({ page }) => {
  const email = `nouvelle.agente.${Date.now()}@mairie-exemple.fr`;
  await page.goto("/connexion");
  await expectNoAxeViolations(page);
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  await expectNoAxeViolations(page);

  const [message] = await waitForMessages(email);
  expect(message?.subject).toMatch(/connexion/i);
  const link = signInLink(message?.text ?? "");

  await page.goto(link);
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole("heading", { name: "Mon espace" })).toBeVisible();
  await expect(page.getByText("Vous n’êtes rattaché à aucune organisation pour l’instant.")).toBeVisible();
  await expectNoAxeViolations(page);

  // A link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByText(/expiré ou a déjà été utilisé/)).toBeVisible();
});

test("a bad address gets a French message at the field and keeps what was typed", async ({ page }) => {
  await page.goto("/connexion");
  const field = page.getByLabel("Adresse e-mail professionnelle");
  await field.fill("pas-une-adresse");
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(
    page.getByText("Saisissez une adresse e-mail valide, par exemple prenom.nom@mairie.fr."),
  ).toBeVisible();
  await expect(field).toHaveValue("pas-une-adresse");
  await expect(field).toHaveAttribute("aria-invalid", "true");
});

test("known and unknown addresses get the same answer (no user enumeration)", async ({ page }) => {
  const answers: string[] = [];
  for (const email of ["admin@demo.cooperation.example", `inconnu.${Date.now()}@exemple.fr`]) {
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail professionnelle").fill(email);
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
    answers.push(`${new URL(page.url()).pathname} ${await page.getByRole("main").textContent()}`);
  }
  expect(answers[0]).toBe(answers[1]);
});

test("sign-in links are limited per address", async ({ page }) => {
  const email = `limite.${Date.now()}@mairie-exemple.fr`;
  for (let i = 0; i < 5; i++) {
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail professionnelle").fill(email);
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  }
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByText(/Trop de demandes de lien de connexion/)).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail professionnelle")).toHaveValue(email);
  // Five e-mails went out, not six.
  await expect.poll(async () => (await receivedBy(email)).length, { timeout: 20_000 }).toBe(5);
});

test("signing in from the header's « Se connecter » comes back to the page being read", async ({ page }) => {
  const email = `retour.${Date.now()}@mairie-exemple.fr`;
  await page.goto("/laureats");
  await page.getByRole("banner").getByRole("link", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Flaureats$/);
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  const [message] = await waitForMessages(email);
  await page.goto(signInLink(message?.text ?? ""));
  await expect(page).toHaveURL(/\/laureats$/);
  // An absolute address elsewhere is never followed: the space instead.
  await page.context().clearCookies();
  const other = `ailleurs.${Date.now()}@mairie-exemple.fr`;
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent("https://exemple.com/piege")}`);
  await page.getByLabel("Adresse e-mail professionnelle").fill(other);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  const [second] = await waitForMessages(other);
  await page.goto(signInLink(second?.text ?? ""));
  await expect(page).toHaveURL(/\/espace$/);
});
