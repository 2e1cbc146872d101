import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { personaName } from "../support/personas";

/**
 * Rate limits and demo mode against a production server as deployed (`next
 * start`, NODE_ENV=production), on the e2e build and database. The suite's own
 * server has a very high per-address sign-in limit (every test signs in from
 * 127.0.0.1) and DEMO_MODE=true; so each case here starts a second server with
 * the settings it is about:
 *
 * - DEMO_MODE=true, SIGN_IN_LIMIT_PER_ADDRESS=3: a forged X-Forwarded-For on
 *   every request no longer resets the per-address limit, for e-mailed links
 *   and one-click persona sign-ins alike;
 * - DEMO_MODE unset, with the demo data in the database: neither the persona
 *   sign-in nor /dev/courriels exists (404).
 *
 * The counters are shared with the rest of the run (same database, same
 * address), so a test counts on nothing but this: within a few requests, the
 * limit is met. Before the fix, each new header value started a new counter
 * and no request was ever refused.
 */

test.describe.configure({ mode: "serial" });

async function freePort() {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { DEMO_MODE: _inherited, ...parent } = process.env;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: {
        ...parent,
        ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
        NODE_ENV: "production",
        DEMO_DATA: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
        AUTH_TRUST_HOST: "true",
        AUTH_URL: origin,
        ...env,
      },
      stdio: "ignore",
      detached: true,
    },
  );
  await expect
    .poll(
      () =>
        new Promise<number>((resolve) => {
          http
            .get({ host: "127.0.0.1", port, path: "/api/health" }, (r) => {
              r.resume();
              resolve(r.statusCode ?? 0);
            })
            .on("error", () => resolve(0));
        }),
      { timeout: 150_000, intervals: [500] },
    )
    .toBe(200);
  return { origin, child };
}

function stopServer(child: ChildProcess | undefined) {
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
}

// A window of the limit may end during a test: after it, 4 requests are enough again.
const ATTEMPTS = 8;
const forged = (i: number) => `198.51.100.${i + 1}, 203.0.113.${i + 1}`;

async function contextWithForgedAddress(browser: Browser, origin: string, i: number) {
  return browser.newContext({ baseURL: origin, extraHTTPHeaders: { "X-Forwarded-For": forged(i) } });
}

test.describe("with a low per-address limit", () => {
  let server: { origin: string; child: ChildProcess } | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startServer({ DEMO_MODE: "true", SIGN_IN_LIMIT_PER_ADDRESS: "3" });
  });
  test.afterAll(() => stopServer(server?.child));

  test("a new X-Forwarded-For on every request does not reset the sign-in link limit", async ({
    browser,
  }) => {
    // Up to 8 sign-ins, each in a new browser context, on a shared machine.
    test.setTimeout(150_000);
    const origin = server?.origin ?? "";
    let refusedAt = -1;
    for (let i = 0; i < ATTEMPTS && refusedAt < 0; i++) {
      // A new address each time too: the per-e-mail limit (5) is not the one met.
      const email = `adresse.${Date.now()}.${i}@mairie-exemple.fr`;
      const context = await contextWithForgedAddress(browser, origin, i);
      const page = await context.newPage();
      await page.goto("/connexion");
      await page.getByLabel("Adresse e-mail professionnelle").fill(email);
      await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
      const refused = page.getByText(/Trop de demandes de lien de connexion/);
      const sent = page.getByRole("heading", { name: "Consultez votre messagerie" });
      await expect(refused.or(sent)).toBeVisible();
      if (await refused.isVisible()) refusedAt = i;
      await context.close();
    }
    expect(refusedAt, "a request was refused although each claimed another address").toBeGreaterThanOrEqual(
      0,
    );
  });

  test("the one-click persona sign-in is limited by the same rule", async ({ browser }) => {
    // Up to 8 sign-ins, each in a new browser context, on a shared machine.
    test.setTimeout(150_000);
    const origin = server?.origin ?? "";
    let refusedAt = -1;
    for (let i = 0; i < ATTEMPTS && refusedAt < 0; i++) {
      const context = await contextWithForgedAddress(browser, origin, i);
      const page = await context.newPage();
      await page.goto("/connexion");
      await page
        .getByRole("button", {
          name: new RegExp(`^Se connecter en tant que ${personaName("applicant-other")}`),
        })
        .click();
      await page.waitForURL((url) => url.pathname !== "/connexion" || url.searchParams.has("limite"));
      if (new URL(page.url()).searchParams.has("limite")) {
        await expect(page.getByRole("main").getByRole("alert")).toHaveText(
          /^Trop de connexions depuis votre adresse\. Réessayez à partir de \d{2}:\d{2}\.$/,
        );
        await expectNoAxeViolations(page);
        // No session was opened.
        expect((await context.cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
        refusedAt = i;
      }
      await context.close();
    }
    expect(
      refusedAt,
      "a persona sign-in was refused although each claimed another address",
    ).toBeGreaterThanOrEqual(0);
  });
});

/** The hidden fields of a persona's one-click form, as the suite's server (demo mode) renders them. */
async function personaFormFields(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/connexion");
  const form = page.locator("form").filter({
    has: page.getByRole("button", { name: new RegExp(`^Se connecter en tant que ${personaName("admin")}`) }),
  });
  const fields = await form
    .locator('input[type="hidden"]')
    .evaluateAll((inputs) =>
      inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]),
    );
  await context.close();
  return Object.fromEntries(fields) as Record<string, string>;
}

async function postAction(request: APIRequestContext, origin: string, fields: Record<string, string>) {
  return request.post(`${origin}/connexion`, {
    multipart: fields,
    headers: { Origin: origin },
    maxRedirects: 0,
  });
}

test.describe("without DEMO_MODE, the demo data alone", () => {
  let server: { origin: string; child: ChildProcess } | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startServer({});
  });
  test.afterAll(() => stopServer(server?.child));

  test("opens neither the public mailbox nor the one-click sign-in", async ({
    browser,
    request,
    baseURL,
  }) => {
    const origin = server?.origin ?? "";
    // The database holds the demo flag: the suite's server (DEMO_MODE=true) shows both.
    expect((await request.get("/dev/courriels")).status()).toBe(200);
    const fields = await personaFormFields(browser);
    expect(
      Object.keys(fields).some((name) => name.startsWith("$ACTION_ID_")),
      JSON.stringify(fields),
    ).toBe(true);
    expect(fields.persona).toBe("admin");

    expect((await request.get(`${origin}/dev/courriels`)).status()).toBe(404);
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    await page.goto("/connexion");
    await expect(page.getByRole("button", { name: "Recevoir un lien de connexion" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Se connecter en tant que/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /Démonstration/ })).toHaveCount(0);
    await context.close();

    // The persona action itself, called as its form would (same build, same action id): 404, no session.
    const answer = await postAction(request, origin, fields);
    expect(answer.status()).toBe(404);
    expect(answer.headers()["set-cookie"] ?? "").not.toMatch(/session-token/);

    // The same request on the suite's server (demo mode) signs the admin in: the request itself is right.
    const control = await postAction(request, baseURL ?? "", fields);
    expect(control.status()).toBe(303);
    expect(control.headers()["set-cookie"] ?? "").toMatch(/session-token/);
  });
});
