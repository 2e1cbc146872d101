import { expect, type Page } from "@playwright/test";
import { PERSONAS, type PersonaKey } from "../../db/seed/personas";

export { PERSONAS, type PersonaKey };

export function personaName(key: PersonaKey) {
  const persona = PERSONAS.find((p) => p.key === key);
  if (!persona) throw new Error(`unknown persona ${key}`);
  return persona.name;
}

/** Signs in as a demo persona through the sign-in page's one-click button, as a newcomer would. */
export async function signInAs(page: Page, key: PersonaKey) {
  await page.goto("/connexion");
  const name = personaName(key);
  await page.getByRole("button", { name: new RegExp(`^Se connecter en tant que ${name}`) }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
}
