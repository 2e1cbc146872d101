/**
 * `npm start` builds the app first when there is no build yet or when a source
 * file changed since the last one, so that a fresh clone starts with one command.
 *
 * The build renders the public pages from the database (they are then served
 * from Next's cache): the database is opened first, exactly as the app opens
 * it (DATABASE_URL or the embedded PostgreSQL; migrations, organisations, demo
 * data), and its URL handed to `next build`. The app expires those pages when
 * it starts (lib/public/startup-cache.ts), so a database changed in between
 * never shows stale figures.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/bootstrap";
import { prepareDatabase } from "../db/startup";
import { resolveSiteOrigin } from "../lib/public/site-url";

const root = process.cwd();
const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
const sources = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "next.config.ts",
  "instrumentation.ts",
  "proxy.ts",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestChange(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full, { recursive: true })) {
    newest = Math.max(newest, statSync(path.join(full, String(child))).mtimeMs);
  }
  return newest;
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestChange));
// `npm run build` (--force) builds whatever the state, with the database open as below.
if (builtAt > changedAt && !process.argv.includes("--force")) {
  console.log("Build is up to date.");
} else {
  console.log(builtAt ? "Sources changed since the last build: building…" : "First start: building the app…");
  // What changes while the build runs must count as newer than it: the build is dated when it started.
  const startedAt = new Date();
  const database = await openDatabase((line) => console.log(`[database] ${line}`));
  let status = 1;
  try {
    await prepareDatabase(database.url, database.embedded);
    const result = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        // Pages rendered now carry canonical links on it: required for a production build, as at start.
        AUTH_URL: resolveSiteOrigin(process.env, database.embedded),
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    status = result.status ?? 1;
    if (status === 0 && existsSync(buildId)) utimesSync(buildId, startedAt, startedAt);
  } finally {
    await database.stop();
  }
  process.exit(status);
}
