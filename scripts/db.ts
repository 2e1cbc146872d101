/**
 * Database commands: `npm run db:migrate`, `npm run db:seed [-- --scale N]`,
 * `npm run db:reset [-- --yes] [-- --force]`, `npm run db:backup [-- file]`,
 * `npm run db:restore -- <file> [--yes]`, `npm run db:retention`. They use DATABASE_URL when set,
 * otherwise the embedded PostgreSQL (started for the command, or shared with a
 * running app).
 */
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { backupDatabase, databaseIsEmpty, readBackupHeader, restoreDatabase } from "../db/backup";
import { isLocalDatabase, openDatabase } from "../db/bootstrap";
import { createDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDemo, seedReferential, seedScale } from "../db/seed";

const [command, ...args] = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

async function confirm(question: string) {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question} [y/N] `);
  rl.close();
  return /^(y|yes|o|oui)$/i.test(answer.trim());
}

async function main() {
  if (!command || !["migrate", "seed", "reset", "backup", "restore", "retention"].includes(command)) {
    console.error(
      "usage: tsx scripts/db.ts migrate | seed [--scale N] | reset [--yes] [--force] | backup [file] | restore <file> [--yes] [--force] | retention",
    );
    process.exit(2);
  }
  const positional = args.find((a) => !a.startsWith("--"));
  if (command === "restore" && !positional) {
    console.error("usage: npm run db:restore -- <file> [--yes]");
    process.exit(2);
  }
  const handle = await openDatabase((line) => console.log(`[db] ${line}`));
  try {
    if (command === "backup") {
      const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
      const file = positional ?? path.join(".data", "backups", `cooperation-${stamp}.backup.gz`);
      const started = Date.now();
      const summary = await backupDatabase(handle.url, file);
      const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
      console.log(
        `Backup written to ${file}: ${Object.keys(summary.rows).length} tables, ${total} rows, ${(summary.bytes / 2 ** 20).toFixed(1)} MiB, schema at migration ${summary.header.lastMigration} (${Date.now() - started} ms).`,
      );
      return;
    }
    if (command === "restore") {
      const file = positional as string;
      const header = await readBackupHeader(file);
      console.log(`Backup of ${header.createdAt}, schema at migration ${header.lastMigration}.`);
      if (!isLocalDatabase(handle.url) && !flag("force")) {
        throw new Error(
          "Refusing to restore into a database that is not on this machine (add --force to insist).",
        );
      }
      const empty = await databaseIsEmpty(handle.url);
      if (
        !empty &&
        !flag("yes") &&
        !(await confirm("Erase every table of this database and restore the backup?"))
      ) {
        console.log("Nothing done (pass --yes to skip this question).");
        return;
      }
      const started = Date.now();
      const result = await restoreDatabase(handle.url, file, { erase: !empty });
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(
        `Restored ${total} rows in ${Object.keys(result.rows).length} tables (${Date.now() - started} ms).`,
      );
      return;
    }
    if (command === "retention") {
      const { applyRetention, retentionPolicy } = await import("../lib/retention/retention");
      const { db, close } = createDb(handle.url, { max: 2 });
      try {
        const result = await applyRetention(db, retentionPolicy());
        console.log(`Retention applied: ${JSON.stringify(result)}`);
      } finally {
        await close();
      }
      return;
    }
    if (command === "reset") {
      if (!isLocalDatabase(handle.url) && !flag("force")) {
        throw new Error("Refusing to reset a database that is not on this machine (add --force to insist).");
      }
      if (!flag("yes") && !(await confirm("Erase every table of this database?"))) {
        console.log("Nothing done (pass --yes to skip this question).");
        return;
      }
      const { sql, close } = createDb(handle.url, { max: 1 });
      await sql.unsafe(
        "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;",
      );
      await close();
      console.log("Database emptied.");
    }
    const started = Date.now();
    await runMigrations(handle.url);
    console.log(`Migrations applied (${Date.now() - started} ms).`);
    if (command === "migrate") return;

    const { db, close } = createDb(handle.url, { max: 4 });
    try {
      const t0 = Date.now();
      const organisations = await seedReferential(db);
      console.log(`Official organisations: ${organisations} (${Date.now() - t0} ms).`);
      const scale = option("scale");
      if (scale) {
        const count = Number(scale);
        if (!Number.isInteger(count) || count <= 0) throw new Error("--scale expects a positive integer.");
        const result = await seedScale(db, { count });
        console.log(`Scale data: ${JSON.stringify(result)}`);
      } else {
        const t1 = Date.now();
        const seeded = await seedDemo(db);
        console.log(
          seeded ? `Demo data loaded (${Date.now() - t1} ms).` : "Demo data already present: nothing to do.",
        );
      }
    } finally {
      await close();
    }
  } finally {
    await handle.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
