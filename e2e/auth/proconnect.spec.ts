import { expect, expectNoAxeViolations, test } from "../fixtures";
import { PROCONNECT_AGENT } from "../support/oidc-server";
import { OIDC_ISSUER } from "../support/ports";

/** "Thiers": the official organisation of the agent's SIRET (SIREN 216304303, INSEE 63430). */
const AGENT_ORGANISATION = "Thiers";
const agentName = `${PROCONNECT_AGENT.given_name} ${PROCONNECT_AGENT.usual_name}`;

test("an agent signs in with ProConnect, is attached to their commune by SIRET, then signs out everywhere", async ({
  page,
  baseURL,
}) => {
  await test.step("sign in through the OIDC server", async () => {
    await page.goto("/connexion");
    await page.getByRole("button", { name: "S’identifier avec ProConnect" }).click();

    // The OIDC server's own login page.
    await expect(page).toHaveURL(
      (url) => url.origin === OIDC_ISSUER && url.pathname.startsWith("/interaction/"),
    );
    await expect(page.getByRole("heading", { name: "Connexion", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();

    await expect(page).toHaveURL(`${baseURL}/espace`);
    await expect(page.getByRole("heading", { name: "Mon espace" })).toBeVisible();
    await expect(page.getByText(`Connecté en tant que ${agentName}.`)).toBeVisible();
  });

  await test.step("the SIRET claim attached the agent to Thiers, active at once", async () => {
    const organisations = page.getByRole("region", { name: "Mes organisations" });
    const thiers = organisations
      .getByRole("listitem")
      .filter({ has: page.getByText(AGENT_ORGANISATION, { exact: true }) });
    await expect(thiers).toHaveCount(1);
    await expect(thiers).toContainText("Actif");
    await expectNoAxeViolations(page);
  });

  await test.step("sign out through the app ends the ProConnect session too", async () => {
    const endSession = page.waitForRequest(
      (request) => request.url().startsWith(`${OIDC_ISSUER}/session/end`) && request.isNavigationRequest(),
    );
    // The user menu's sign-out button (it runs signOutAction, which redirects to end_session_endpoint).
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    const request = await endSession;
    const hint = new URL(request.url()).searchParams;
    expect(hint.get("id_token_hint")).toBeTruthy();
    expect(hint.get("post_logout_redirect_uri")).toBe(`${baseURL}/`);

    // Back home from the OIDC server, signed out of the app…
    await expect(page).toHaveURL((url) => url.origin === baseURL && url.pathname === "/");
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace$/);

    // …and of ProConnect: signing in again asks for the login again.
    await page.getByRole("button", { name: "S’identifier avec ProConnect" }).click();
    await expect(page).toHaveURL(
      (url) => url.origin === OIDC_ISSUER && url.pathname.startsWith("/interaction/"),
    );
    await expect(page.getByRole("heading", { name: "Connexion", exact: true })).toBeVisible();
  });
});
