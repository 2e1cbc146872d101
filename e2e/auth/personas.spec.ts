import { expect, expectNoAxeViolations, test } from "../fixtures";
import { signInLink, waitForMessages } from "../support/mailbox";
import { type PersonaKey, personaName, signInAs } from "../support/personas";

const landing: Record<PersonaKey, { url: RegExp; heading: string }> = {
  "applicant-thiers": { url: /\/espace$/, heading: "Mon espace" },
  "applicant-other": { url: /\/espace$/, heading: "Mon espace" },
  reviewer: { url: /\/instruction$/, heading: "Instruction des dossiers" },
  "reviewer-2": { url: /\/instruction$/, heading: "Instruction des dossiers" },
  admin: { url: /\/admin$/, heading: "Administration" },
  "editor-resacoop": { url: /\/reseau$/, heading: "Espace réseau" },
  "editor-other": { url: /\/reseau$/, heading: "Espace réseau" },
};

for (const [key, expected] of Object.entries(landing) as [PersonaKey, (typeof landing)[PersonaKey]][]) {
  test(`demo one-click sign-in as ${key}`, async ({ page }) => {
    await signInAs(page, key);
    await expect(page).toHaveURL(expected.url);
    await expect(page.getByRole("heading", { level: 1, name: expected.heading })).toBeVisible();
    await expect(page.getByText(personaName(key)).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("a signed-in visitor is never offered « Se connecter » while the header asks who they are", async ({
  page,
}) => {
  await signInAs(page, "applicant-thiers");
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The header's question reaches the real server, but only once the page has been checked without its answer.
  await page.route("**/api/me", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/laureats");
  const nav = page.getByRole("navigation", { name: "Menu principal" });
  await expect(nav.getByRole("link", { name: "Lauréats" })).toHaveAttribute("aria-current", "page");
  // The quick access of the header (DSFR), beside the service's name.
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Se connecter" })).toHaveCount(0);
  release();
  // Drawn twice by the DSFR (header, narrow-screen menu): the one on screen.
  await expect(header.getByText(personaName("applicant-thiers")).filter({ visible: true })).toBeVisible();
  await expect(header.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Se connecter" })).toHaveCount(0);
});

test("the applicant of Thiers sees Ville de Thiers in their space", async ({ page }) => {
  await signInAs(page, "applicant-thiers");
  await expect(page.getByText("Thiers", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Membres de Thiers" })).toBeVisible();
});

test("an admin grants a role, which works at once, then revokes it, which takes effect on the next request", async ({
  page,
  browser,
}) => {
  const email = `instructeur.${Date.now()}@diplomatie.example`;
  await signInAs(page, "admin");
  await page.goto("/admin/utilisateurs");
  await expectNoAxeViolations(page);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Rôle", { exact: true }).selectOption("reviewer");
  await page.getByRole("button", { name: "Attribuer le rôle" }).click();
  await expect(page.getByRole("status")).toHaveText("Rôle attribué.");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Instructeur");

  // The new reviewer signs in with an e-mail link and reaches the review space.
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.goto("/connexion?callbackUrl=/instruction");
  await reviewer.getByLabel("Adresse e-mail professionnelle").fill(email);
  await reviewer.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  const [message] = await waitForMessages(email);
  await reviewer.goto(signInLink(message?.text ?? ""));
  await expect(reviewer.getByRole("heading", { name: "Instruction des dossiers" })).toBeVisible();

  await row.getByRole("button", { name: `Retirer le rôle Instructeur de ${email}` }).click();
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  // The page says what was done, and no longer the grant's « Rôle attribué. ».
  await expect(page.getByRole("status")).toHaveText("Rôle Instructeur retiré.");
  await expect(page.getByText("Rôle attribué.")).toHaveCount(0);
  const response = await reviewer.goto("/instruction");
  expect(response?.status()).toBe(403);
  await expect(reviewer.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await context.close();
});
