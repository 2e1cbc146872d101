/**
 * `npm test`: every check, in order, stopping at the first failure —
 * type-check, lint and format, unit tests, integration tests (real PostgreSQL,
 * a fresh database per run), production build, and Playwright end-to-end tests
 * against the built app on another fresh database loaded with the demo data
 * (created before the build, which renders the public pages from it).
 *
 * PostgreSQL: the server of DATABASE_URL when set (databases are created on it
 * and dropped after), else an embedded one in .data/postgres-test.
 */
import { spawn } from "node:child_process";
import { prepareDatabase } from "../db/startup";
import { createTestDatabase, openTestServer } from "../db/testing/server";

type Step = { name: string; command: string[]; env?: Record<string, string> };

// `npm test -- unit lint` runs some steps; arguments after `--` go to Playwright
// (`npx tsx scripts/test.ts e2e -- e2e/admin`).
const separator = process.argv.indexOf("--");
const stepArgs = separator >= 0 ? process.argv.slice(2, separator) : process.argv.slice(2);
const playwrightArgs = separator >= 0 ? process.argv.slice(separator + 1) : [];
const only = stepArgs.filter((arg) => !arg.startsWith("-"));
const timings: { name: string; seconds: number; ok: boolean }[] = [];

function run(step: Step) {
  return new Promise<boolean>((resolve) => {
    const started = Date.now();
    console.log(`\n▶ ${step.name}: ${step.command.join(" ")}`);
    const [cmd, ...args] = step.command as [string, ...string[]];
    const child = spawn(cmd, args, {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env },
    });
    child.on("exit", (code) => {
      const ok = code === 0;
      timings.push({ name: step.name, seconds: (Date.now() - started) / 1000, ok });
      resolve(ok);
    });
  });
}

function wanted(name: string) {
  return only.length === 0 || only.includes(name);
}

async function main() {
  const started = Date.now();
  let ok = true;
  const staticSteps: Step[] = [
    { name: "typecheck", command: ["npx", "tsc", "--noEmit", "-p", "."] },
    { name: "lint", command: ["npx", "biome", "check", "."] },
    { name: "unit", command: ["npx", "vitest", "run", "--project", "unit"] },
  ];
  for (const step of staticSteps) {
    if (ok && wanted(step.name)) ok = await run(step);
  }

  // The build renders the public pages from the database: it uses the e2e one.
  const needsDatabase = ["integration", "build", "e2e"].some(wanted);
  if (ok && needsDatabase) {
    const server = await openTestServer((line) => console.log(`[test-db] ${line}`));
    const dropAfter: (() => Promise<void>)[] = [];
    // Created once, before the build, and migrated and loaded with the demo data as the app would.
    let e2eDatabase: { url: string } | undefined;
    const e2eDatabaseUrl = async () => {
      if (!e2eDatabase) {
        const database = await createTestDatabase(server.serverUrl, "e2e");
        dropAfter.push(database.drop);
        await prepareDatabase(database.url, false, true);
        e2eDatabase = database;
      }
      return e2eDatabase.url;
    };
    try {
      if (ok && wanted("integration")) {
        ok = await run({
          name: "integration",
          command: ["npx", "vitest", "run", "--project", "integration"],
          env: { TEST_SERVER_URL: server.serverUrl },
        });
      }
      if (ok && wanted("build")) {
        ok = await run({
          name: "build",
          command: ["npx", "next", "build"],
          // The origin the e2e server has (playwright.config.ts): pages rendered at build time use it.
          env: {
            DATABASE_URL: await e2eDatabaseUrl(),
            DEMO_DATA: "true",
            AUTH_URL: `http://localhost:${process.env.E2E_PORT ?? 3100}`,
          },
        });
      }
      if (ok && wanted("e2e")) {
        ok = await run({
          name: "e2e",
          command: ["npx", "playwright", "test", ...playwrightArgs],
          env: { E2E_DATABASE_URL: await e2eDatabaseUrl(), TEST_SERVER_URL: server.serverUrl },
        });
      }
    } finally {
      for (const drop of dropAfter) await drop().catch(() => {});
      await server.stop();
    }
  }

  console.log("\nSummary");
  for (const t of timings)
    console.log(`  ${t.ok ? "✔" : "✘"} ${t.name.padEnd(12)} ${t.seconds.toFixed(1)} s`);
  console.log(`  total        ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
