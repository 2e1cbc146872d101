import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_ISSUER,
  OIDC_PORT,
  SMTP_SINK_HTTP_PORT,
  SMTP_SINK_PORT,
} from "./e2e/support/ports";

// The e2e run is prepared by scripts/test.ts: it builds the app, creates a fresh
// database and passes its URL in E2E_DATABASE_URL. Run alone, it falls back to
// the embedded PostgreSQL of `npm start`.
const port = Number(process.env.E2E_PORT ?? 3100);
// localhost, not 127.0.0.1: Next hands Auth.js a URL whose 127.0.0.1 host became
// "localhost", and OIDC redirect URIs and cookies must match what the browser uses.
const baseURL = `http://localhost:${port}`;
const systemChromium = "/usr/bin/chromium";
const chromium = {
  ...devices["Desktop Chrome"],
  // Browsers cannot be downloaded on CI here: use Debian's Chromium when present.
  launchOptions: existsSync(systemChromium)
    ? {
        executablePath: systemChromium,
        args: ["--disable-background-networking", "--disable-component-update", "--disable-sync"],
      }
    : {},
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: process.env.PW_OUTPUT_DIR ?? "./test-results",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: chromium, grepInvert: /@alone|@after/ },
    // Tests that change what the others read (a grant of Thiers – Tandil put back to an overdue
    // report, the same project's public page invalidated by payments): after the others.
    { name: "after", use: chromium, grep: /@after/, dependencies: ["chromium"] },
    // Tests that measure the server's shared state (the route cache's files) while nothing else
    // runs: last, one at a time.
    { name: "alone", use: chromium, grep: /@alone/, dependencies: ["after"], fullyParallel: false },
  ],
  // Real peers started for the run: an SMTP server that keeps what it receives
  // (readable over HTTP by the tests) and an OIDC server standing in for ProConnect.
  webServer: [
    {
      command: "npx tsx e2e/support/smtp-sink.ts",
      url: `http://127.0.0.1:${SMTP_SINK_HTTP_PORT}/health`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { SMTP_SINK_PORT: String(SMTP_SINK_PORT), SMTP_SINK_HTTP_PORT: String(SMTP_SINK_HTTP_PORT) },
    },
    {
      command: "npx tsx e2e/support/oidc-server.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { OIDC_PORT: String(OIDC_PORT), E2E_BASE_URL: baseURL },
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${port}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
        DEMO_DATA: "true",
        DEMO_MODE: "true",
        // Every request of the suite comes from 127.0.0.1: one client address for hundreds of sign-ins and uploads.
        SIGN_IN_LIMIT_PER_ADDRESS: "1000000",
        UPLOAD_LIMIT_PER_ADDRESS: "1000000",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
        AUTH_URL: baseURL,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
        MAIL_SENDER_INTERVAL_MS: "500",
        PROCONNECT_ISSUER: OIDC_ISSUER,
        PROCONNECT_CLIENT_ID: OIDC_CLIENT_ID,
        PROCONNECT_CLIENT_SECRET: OIDC_CLIENT_SECRET,
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
