/**
 * The app in production mode on its own embedded PostgreSQL, for the scripts
 * that attack it (`npm run security:sqlmap`, `npm run fault:pg-restart`), as
 * the bench does: its own build folder, cluster folder and ports, so that a
 * run never touches a developer's app or database. Defaults can be changed
 * with NEXT_DIST_DIR, EMBEDDED_PG_DIR, EMBEDDED_PG_PORT and PORT.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { EMBEDDED_DATABASE } from "../../db/bootstrap";
import { type EmbeddedServer, ensureDatabaseExists, startEmbeddedPostgres } from "../../db/embedded";

export type AppUnderTest = {
  base: string;
  databaseUrl: string;
  server: EmbeddedServer;
  /** The `next start` process (a new one after `restart`). */
  readonly app: ChildProcess;
  /** Where the app's output goes (stdout and stderr, appended across restarts). */
  logFile: string;
  /** Kills the app's whole process group with this signal and waits for it to exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts the app again (same build, database and port) and waits for /api/health. */
  restart: () => Promise<void>;
  /** A session cookie of a demo persona (a row in `sessions`, as a sign-in makes). */
  sessionCookie: (persona: string) => Promise<string>;
  stop: () => Promise<void>;
};

export async function waitFor(url: string, timeoutMs = 120_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) return Date.now() - started;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export async function startAppUnderTest(options: {
  name: string;
  pgPort: number;
  appPort: number;
  log: (line: string) => void;
  env?: Record<string, string>;
}): Promise<AppUnderTest> {
  const root = process.cwd();
  const dist = process.env.NEXT_DIST_DIR ?? ".next-tools";
  const dataDir = process.env.EMBEDDED_PG_DIR ?? path.join(root, ".data", `pg-${options.name}`);
  const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? options.pgPort);
  const appPort = Number(process.env.PORT ?? options.appPort);
  const server = await startEmbeddedPostgres({ dataDir, port: pgPort, log: options.log });
  await ensureDatabaseExists(server.urlFor("postgres"), EMBEDDED_DATABASE);
  const databaseUrl = server.urlFor(EMBEDDED_DATABASE);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: dist,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: `${options.name}-secret-not-for-production-0123456789`,
    AUTH_URL: `http://localhost:${appPort}`,
    DEMO_DATA: "true",
    DEMO_MODE: "true",
    ...options.env,
  };
  // Builds (when sources changed) and prepares the database: migrations, organisations, demo data.
  options.log(`build in ${dist} (skipped when up to date)…`);
  const build = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/ensure-build.ts"], {
    stdio: "inherit",
    env,
  });
  if (build.status !== 0 || !existsSync(path.join(root, dist, "BUILD_ID"))) {
    await server.stop();
    throw new Error("build failed");
  }
  // The app's output goes to a file, never to a pipe nobody reads: a full pipe would block
  // the app's next console.error (writes to a pipe are synchronous on Linux), so every request.
  const logFile = `${dataDir}-app.log`;
  const launch = () =>
    spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(appPort)], {
      env,
      stdio: ["ignore", openSync(logFile, "a"), openSync(logFile, "a")],
      detached: true,
    });
  let app = launch();
  const base = `http://127.0.0.1:${appPort}`;
  await waitFor(`${base}/api/health`);
  options.log(`app ready on ${base} (PostgreSQL ${pgPort}, data in ${dataDir}, output in ${logFile})`);

  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (!app.pid || app.exitCode !== null || app.signalCode !== null) return;
    const exited = new Promise((resolve) => app.once("exit", resolve));
    try {
      process.kill(-app.pid, signal);
    } catch {}
    await exited;
  };
  const tokens: string[] = [];
  return {
    base,
    databaseUrl,
    server,
    get app() {
      return app;
    },
    logFile,
    kill,
    restart: async () => {
      await kill("SIGTERM");
      app = launch();
      await waitFor(`${base}/api/health`);
    },
    sessionCookie: async (persona) => {
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      try {
        const [user] = await sql`select id from users where persona_key = ${persona}`;
        if (!user) throw new Error(`no demo persona ${persona}`);
        const token = `${options.name}-${persona}-${Date.now()}`;
        await sql`insert into sessions (session_token, user_id, expires)
          values (${token}, ${user.id}, now() + interval '1 day')`;
        tokens.push(token);
        return `authjs.session-token=${token}`;
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
    stop: async () => {
      if (app.pid && app.exitCode === null) {
        try {
          process.kill(-app.pid, "SIGTERM");
        } catch {}
      }
      if (tokens.length) {
        const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
        await sql`delete from sessions where session_token = any(${tokens})`.catch(() => {});
        await sql.end({ timeout: 5 }).catch(() => {});
      }
      await server.stop();
    },
  };
}
