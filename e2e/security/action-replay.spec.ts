import { type Page, request as playwrightRequest, type Request } from "@playwright/test";
import { expect, test } from "../fixtures";
import { signInAs } from "../support/personas";

/** Fills the grant-role form as the admin, and captures the server action's request without letting it through. */
async function captureGrantRole(page: Page, email: string) {
  await page.goto("/admin/utilisateurs");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Rôle", { exact: true }).selectOption("admin");
  let captured: Request | undefined;
  await page.route("**/admin/utilisateurs", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await page.getByRole("button", { name: "Attribuer le rôle" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/admin/utilisateurs");
  return captured as Request;
}

async function replay(
  captured: Request,
  storageState: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>> | undefined,
  origin?: string,
) {
  const baseURL = new URL(captured.url()).origin;
  const context = await playwrightRequest.newContext({ baseURL, storageState });
  const headers = { ...captured.headers() };
  delete headers.cookie;
  if (origin) headers.origin = origin;
  const response = await context.fetch(captured.url(), {
    method: "POST",
    headers,
    data: captured.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
  const body = await response.text();
  await context.dispose();
  return { status: response.status(), body };
}

async function roleRows(page: Page, email: string) {
  await page.goto("/admin/utilisateurs");
  return page.getByRole("row").filter({ hasText: email }).count();
}

test("an admin's server action replayed under an applicant's session is refused", async ({ browser }) => {
  const email = `replay.${Date.now()}@exemple.fr`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  const captured = await captureGrantRole(admin, email);

  const applicantContext = await browser.newContext();
  await signInAs(await applicantContext.newPage(), "applicant-thiers");
  const { status, body } = await replay(captured, await applicantContext.storageState());
  expect(status).toBe(200);
  expect(body).toContain("Seuls les administrateurs peuvent gérer les rôles.");
  expect(await roleRows(admin, email)).toBe(0);
  await applicantContext.close();
  await adminContext.close();
});

test("a server action posted from another origin is refused, even with the admin's cookies", async ({
  browser,
}) => {
  const email = `csrf.${Date.now()}@exemple.fr`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  const captured = await captureGrantRole(admin, email);
  const { status } = await replay(captured, await adminContext.storageState(), "http://evil.example");
  expect(status).toBeGreaterThanOrEqual(400);
  expect(await roleRows(admin, email)).toBe(0);

  // The same request from the right origin goes through: the refusal above was the origin check.
  const same = await replay(captured, await adminContext.storageState());
  expect(same.status).toBe(200);
  expect(await roleRows(admin, email)).toBe(1);
  await adminContext.close();
});

test("session cookies are HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInAs(page, "applicant-other");
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});
