import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { jobLog } from "../lib/log";
import { resolveSiteOrigin } from "../lib/public/site-url";
import { openDatabase } from "./bootstrap";
import { createDb } from "./client";
import { runMigrations } from "./migrate";
import { seedDemo, seedReferential } from "./seed";

/**
 * Demo data is loaded by default on the embedded PostgreSQL (a newcomer's
 * machine) and not on a configured DATABASE_URL (production), unless DEMO_DATA says otherwise.
 */
export function demoDataWanted(embedded: boolean) {
  const setting = process.env.DEMO_DATA;
  if (setting === undefined || setting === "") return embedded;
  return setting === "true" || setting === "1";
}

const databaseLog = jobLog("database");
const log = (line: string) => databaseLog.info(line);

/**
 * A setting the server cannot run without: say which and stop. Thrown from
 * instrumentation, the error would leave Next listening and answering 500 to
 * every request; a process that exits is what a supervisor (systemd, a
 * container) reports.
 */
function refuseToStart(reason: string): never {
  // Written synchronously (pino's default destination): the line is out before the exit.
  jobLog("config").fatal(reason);
  process.exit(1);
}

/**
 * AUTH_SECRET is required with a configured database (production). On the
 * embedded database (a developer's machine, the demo), one is generated once
 * and kept in .data/auth-secret so sessions survive restarts.
 */
function ensureAuthSecret(embedded: boolean) {
  if (process.env.AUTH_SECRET) return;
  if (!embedded) refuseToStart("AUTH_SECRET must be set when DATABASE_URL is (see .env.example).");
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

/**
 * Migrations, the official organisations and, when wanted, the demo data: what
 * the app needs in its database. Also run before `next build`, which renders
 * the public pages from the database (scripts/ensure-build.ts, scripts/test.ts).
 */
export async function prepareDatabase(url: string, embedded: boolean, demo = demoDataWanted(embedded)) {
  await runMigrations(url);
  const { db, close } = createDb(url, { max: 2 });
  try {
    await seedReferential(db);
    if (demo && (await seedDemo(db))) log("Demo data loaded.");
  } finally {
    await close();
  }
}

export async function startDatabase() {
  const started = Date.now();
  // The one origin of every absolute URL (sign-in links above all), never a request's Host:
  // required with DATABASE_URL as AUTH_SECRET is, http://localhost:PORT on the embedded demo
  // (openDatabase's rule: embedded when DATABASE_URL is unset). Checked before anything starts.
  try {
    process.env.AUTH_URL = resolveSiteOrigin(process.env, !process.env.DATABASE_URL);
  } catch (error) {
    refuseToStart((error as Error).message);
  }
  const handle = await openDatabase(log);
  process.env.DATABASE_URL = handle.url;
  // Read by lib/demo.ts: DEMO_MODE=embedded allows demo mode only on this database.
  process.env.DATABASE_EMBEDDED = handle.embedded ? "true" : "false";
  ensureAuthSecret(handle.embedded);
  // Refuses a malformed setting now rather than at the first request.
  const { demoModeAllowed } = await import("../lib/demo");
  const { trustedProxyHops } = await import("../lib/security/client-address");
  const { signInLimits, uploadLimit } = await import("../lib/rate-limit");
  demoModeAllowed();
  trustedProxyHops();
  signInLimits();
  uploadLimit();

  if (handle.server?.owned) {
    // Stop PostgreSQL with the app. Next exits on SIGINT/SIGTERM; "exit" handlers
    // must be synchronous, so the signal handlers do the (fast) stop first.
    let stopping = false;
    const stop = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping PostgreSQL…`);
      await handle.stop().catch((error) => log(String(error)));
      process.exit(0);
    };
    process.prependListener("SIGINT", () => void stop("SIGINT"));
    process.prependListener("SIGTERM", () => void stop("SIGTERM"));
  }

  await prepareDatabase(handle.url, handle.embedded);
  const { isDemoDataLoaded } = await import("../lib/demo");
  if (await isDemoDataLoaded()) {
    log(
      demoModeAllowed()
        ? "Demo mode: one-click persona sign-in and /dev/courriels are on."
        : "Demo data found, but demo mode is off (DEMO_MODE): no one-click sign-in, no /dev/courriels.",
    );
  }
  // Background delivery of the outbox (only when SMTP_URL is set). Several
  // nodes may run it: rows are claimed with FOR UPDATE SKIP LOCKED.
  const { getDb } = await import("./client");
  const { startMailSender } = await import("../lib/mail/sender");
  startMailSender(getDb(), { intervalMs: Number(process.env.MAIL_SENDER_INTERVAL_MS ?? 10_000) });
  // Retention of personal data (docs/operations.md): at start-up, then every 6 hours.
  const { startRetentionJob } = await import("../lib/retention/retention");
  startRetentionJob(getDb());
  // Reminders of reports due soon or overdue (docs/grants.md), through the outbox.
  const { startReportReminders } = await import("../lib/grants/reminders");
  startReportReminders(getDb());
  log(`Ready in ${Date.now() - started} ms.`);
}
