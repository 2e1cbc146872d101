import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "../fixtures";
import { signInLink, waitForMessages } from "../support/mailbox";

/**
 * One configured origin (AUTH_URL) for every absolute URL the service writes,
 * never a request header: the outside tester's attack was a sign-in link asked
 * for a victim with `X-Forwarded-Host: evil.example` (or `Host: evil.example`),
 * which e-mailed a genuine token on https://evil.example. The e2e server's
 * origin is the run's baseURL (playwright.config.ts sets AUTH_URL to it).
 */

const FORGED = "evil.example";

const address = (label: string) =>
  `origine.${label}.${Date.now()}.${randomUUID().slice(0, 8)}@mairie-exemple.fr`;

for (const header of ["X-Forwarded-Host", "Host"] as const) {
  test(`a sign-in link asked for through the form's server action with ${header}: evil.example is on the configured origin, and it signs in there`, async ({
    page,
    request,
    baseURL,
  }) => {
    const email = address(header.toLowerCase());
    // The form's real server-action POST, held back and sent again as an attacker's script would:
    // with the forged header and a matching Origin (Next refuses an action whose Origin and
    // host differ, which a browser alone could not forge; curl can).
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail professionnelle").fill(email);
    const posted = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
      void page.route("**/connexion**", async (route) => {
        const held = route.request();
        if (held.method() !== "POST") return route.continue();
        resolve({ headers: await held.allHeaders(), body: held.postDataBuffer() ?? Buffer.alloc(0) });
        await route.abort();
      });
    });
    await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    const { headers, body } = await posted;
    expect(headers["next-action"]).toBeTruthy();
    const replay = await request.post("/connexion", {
      headers: {
        "Next-Action": headers["next-action"] ?? "",
        "Content-Type": headers["content-type"] ?? "",
        Accept: "text/x-component",
        Origin: `https://${FORGED}`,
        [header]: FORGED,
        "X-Forwarded-Proto": "https",
      },
      data: body,
      maxRedirects: 0,
    });
    expect(replay.status()).toBeLessThan(400);

    const [message] = await waitForMessages(email);
    const link = signInLink(message?.text ?? "");
    expect(new URL(link).origin).toBe(baseURL);
    expect(message?.text).not.toContain(FORGED);
    // The token is genuine: the link opens a session on the real site.
    await page.unroute("**/connexion**");
    await page.goto(link);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByRole("heading", { name: "Mon espace" })).toBeVisible();
  });
}

test("Auth.js's own e-mail sign-in endpoint is closed: links are asked for only through the form, which is rate-limited", async ({
  request,
  page,
}) => {
  // Before: POST /api/auth/signin/nodemailer sent a link with no limit per address or
  // e-mail (the limits live in the form's server action, which calls Auth.js in-process).
  const email = address("endpoint");
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await request.post("/api/auth/signin/nodemailer", {
    form: { email, csrfToken, callbackUrl: "/espace" },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(404);
  expect(answer.headers()["cache-control"]).toContain("no-store");
  // The form still works, and its link is the only message the address ever got.
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  expect(await waitForMessages(email)).toHaveLength(1);
});

test("the session endpoint and pages never hand the session token to the page's scripts", async ({
  page,
  request,
}) => {
  const email = address("session");
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  const [message] = await waitForMessages(email);
  await page.goto(signInLink(message?.text ?? ""));
  await expect(page).toHaveURL(/\/espace$/);

  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie?.value.length).toBeGreaterThan(20);
  const token = cookie?.value ?? "";

  // What a script of the origin gets (fetch sends the HttpOnly cookie, and reads the answer).
  const session = await page.evaluate(async () => {
    const response = await fetch("/api/auth/session");
    return { status: response.status, text: await response.text() };
  });
  expect(session.status).toBe(200);
  expect(session.text).not.toContain(token);
  const body = JSON.parse(session.text) as { user: Record<string, unknown>; expires: string };
  expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
  expect(Object.keys(body.user).sort()).toEqual(["email", "id", "name"]);
  expect(body.user.email).toBe(email);

  // Nor does any page the user opens (HTML and the React payload).
  for (const path of ["/espace", "/", "/connexion", "/laureats", "/api/me"]) {
    const answer = await page.request.get(path);
    expect(await answer.text(), path).not.toContain(token);
  }
  // Signed out, the endpoint answers no session at all.
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
});

test("a signed-out download link redirects to the sign-in page relatively, whatever the Host", async ({
  request,
}) => {
  const id = randomUUID();
  const variants: Record<string, string>[] = [{}, { Host: FORGED }, { "X-Forwarded-Host": FORGED }];
  for (const headers of variants) {
    const answer = await request.get(`/api/files/${id}`, { headers, maxRedirects: 0 });
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toBe(
      `/connexion?callbackUrl=${encodeURIComponent(`/api/files/${id}`)}`,
    );
  }
});

/** A free loopback port, chosen by the system. */
async function freePort() {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("the production build refuses to start on a configured database without AUTH_URL", async () => {
  test.setTimeout(120_000);
  const { AUTH_URL: _dropped, AUTH_TRUST_HOST: _ignored, ...env } = process.env;
  const app = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(await freePort())],
    {
      env: {
        ...env,
        // Refused before the database is opened: any configured URL shows it.
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "postgres://nobody@127.0.0.1:9/none",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
        // What .env.example used to ship: it let the request's Host choose the links' origin.
        AUTH_TRUST_HOST: "true",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  app.stdout.on("data", (chunk) => (output += String(chunk)));
  app.stderr.on("data", (chunk) => (output += String(chunk)));
  const code = await new Promise<number | null>((resolve) => app.on("exit", (exitCode) => resolve(exitCode)));
  expect(code).not.toBe(0);
  expect(output).toContain("AUTH_URL must be set when DATABASE_URL is");
});
