/**
 * `npm run bench [-- --quick] [-- --scale N] [-- --only rush,dashboard]`: measures the service at national
 * scale and reports against its targets, next to references measured in the
 * same run on the same machine. It reports; it is not a test (exit 0 even when
 * a target is missed). Writes bench/results/<date>.json and docs/performance.md.
 *
 * Steps: build into .next-bench (if sources changed), start an embedded
 * PostgreSQL (.data/pg-bench) with a database holding the demo data plus N
 * generated applications (created once per N, then reused), start the app in
 * production mode, run each scenario that exists, skip (and say so) the others.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import postgres from "postgres";
import { deadlineRush, submitActionId } from "../bench/rush";
import { createDb } from "../db/client";
import { ensureDatabaseExists, startEmbeddedPostgres } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { seedDemo, seedReferential, seedScale } from "../db/seed";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
/**
 * `--only rush,dashboard`: runs only these scenarios (public, autocomplete,
 * dashboard, export, rush, js, lighthouse) and leaves docs/performance.md as
 * it is (the results still go to bench/results/).
 */
const onlyArg = args.indexOf("--only");
const ONLY = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? "").split(",")) : null;
const want = (scenario: string) => !ONLY || ONLY.has(scenario);
const scaleArg = args.indexOf("--scale");
const SCALE = scaleArg >= 0 ? Number(args[scaleArg + 1]) : quick ? 5_000 : 100_000;
const DURATION = quick ? 4 : 10;
const RUNS = quick ? 1 : 3;
/**
 * BENCH_INSTANCE=<name> runs a second bench beside the first (own build, database, nginx
 * and upload folders suffixed with the name); BENCH_PORT (default 3700: app, +1 plain
 * Node, +2 nginx) and BENCH_PG_PORT (default 54500) move its ports.
 */
const INSTANCE = process.env.BENCH_INSTANCE ? `-${process.env.BENCH_INSTANCE}` : "";
const APP_PORT = Number(process.env.BENCH_PORT ?? 3700);
const PLAIN_PORT = APP_PORT + 1;
const NGINX_PORT = APP_PORT + 2;
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54500);
const DIST = `.next-bench${INSTANCE}`;
const root = process.cwd();
/** Uploaded files of the bench (the rush's mandatory documents), for this process and the app. */
const FILE_STORE_DIR = path.join(root, ".data", `bench-uploads${INSTANCE}`);
process.env.FILE_STORE_DIR = FILE_STORE_DIR;

type Row = {
  scenario: string;
  figure: string;
  value: number | null;
  unit: string;
  target: string;
  reference?: string;
  ratio?: number | null;
  verdict: "met" | "missed" | "skipped" | "info";
  note?: string;
};
const rows: Row[] = [];
const log = (line: string) => console.log(`[bench] ${line}`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] as number) : 0;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number)
    : 0;
};

/** Builds against the bench database: the build renders the public pages from it. */
function build(databaseUrl: string) {
  const buildId = path.join(root, DIST, "BUILD_ID");
  const started = Date.now();
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/ensure-build.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      // With a DATABASE_URL the public origin must be explicit (lib/public/site-url.ts): the app's, as it serves.
      AUTH_URL: `http://localhost:${APP_PORT}`,
      DEMO_DATA: "true",
    },
  });
  if (result.status !== 0 || !existsSync(buildId)) throw new Error("build failed");
  return (Date.now() - started) / 1000;
}

async function prepareDatabase() {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, ".data", `pg-bench${INSTANCE}`),
    port: PG_PORT,
    log,
  });
  const name = `bench_${SCALE}`;
  const admin = postgres(server.urlFor("postgres"), { max: 1, onnotice: () => {} });
  const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  await admin.end();
  const url = server.urlFor(name);
  let seedSeconds: number | null = null;
  if (!exists) {
    await ensureDatabaseExists(server.urlFor("postgres"), `${name}_building`);
    const buildingUrl = server.urlFor(`${name}_building`);
    await runMigrations(buildingUrl);
    const { db, close } = createDb(buildingUrl, { max: 4 });
    await seedReferential(db);
    await seedDemo(db);
    const started = Date.now();
    log(`generating ${SCALE} applications…`);
    await seedScale(db, { count: SCALE });
    seedSeconds = (Date.now() - started) / 1000;
    await close();
    const rename = postgres(server.urlFor("postgres"), { max: 1, onnotice: () => {} });
    await rename.unsafe(`alter database "${name}_building" rename to "${name}"`);
    await rename.end();
  } else {
    await runMigrations(url);
  }
  return { server, url, seedSeconds };
}

async function waitFor(url: string, timeoutMs = 120_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

function startApp(databaseUrl: string): ChildProcess {
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(APP_PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "bench-secret-not-for-production-0123456789",
      AUTH_URL: `http://localhost:${APP_PORT}`,
      DEMO_DATA: "true",
      DEMO_MODE: "true",
      DATABASE_POOL_SIZE: "20",
      FILE_STORE_DIR,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return child;
}

/** The Node process actually serving (next start's child), for memory readings. */
function serverPid(): number | null {
  try {
    const out = execFileSync("sh", ["-c", `ss -ltnpH 'sport = :${APP_PORT}'`], { encoding: "utf8" });
    const match = out.match(/pid=(\d+)/);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, ms) the server process has used so far. Per
 * request, it is far less noisy than latency on a shared machine: it counts
 * the app's own work, not the time it waited for a core.
 */
function cpuMs(pid: number | null) {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
const cpuNote = (before: number | null, after: number | null, count: number) =>
  before === null || after === null || count === 0
    ? ""
    : `, server CPU ${((after - before) / count).toFixed(1)} ms per request`;

function rssMb(pid: number | null) {
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1]);
    return kb / 1024;
  } catch {
    return null;
  }
}

async function cannon(url: string, connections: number, headers: Record<string, string> = {}) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    results.push(await autocannon({ url, connections, duration: DURATION, headers }));
  }
  const rps = median(results.map((r) => r.requests.average));
  const p50 = median(results.map((r) => r.latency.p50));
  const p99 = median(results.map((r) => r.latency.p99));
  const errors = results.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  return { rps, p50, p99, errors };
}

/** A closed-loop load with exact percentiles (autocannon has no p95). */
async function loop(urls: string[], connections: number, headers: Record<string, string> = {}) {
  const latencies: number[] = [];
  const deadline = Date.now() + DURATION * 1000;
  let index = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const url = urls[index++ % urls.length] as string;
        const started = performance.now();
        const response = await fetch(url, { headers }).catch(() => null);
        if (!response?.ok) errors++;
        await response?.arrayBuffer();
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), count: latencies.length, errors };
}

async function plainServer(body: Buffer, contentType: string) {
  const server = createServer((_, response) => {
    response.writeHead(200, { "content-type": contentType, "content-length": body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(PLAIN_PORT, "127.0.0.1", resolve));
  return server;
}

function startNginx(): ChildProcess | null {
  const find = () => ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
  if (!find() && os.userInfo().uid === 0 && existsSync("/usr/bin/apt-get")) {
    log("installing Debian's nginx for the shared-cache scenario…");
    spawnSync(
      "sh",
      [
        "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx",
      ],
      { stdio: "ignore" },
    );
  }
  const nginx = find();
  if (!nginx) return null;
  const dir = path.join(root, ".data", `nginx-bench${INSTANCE}`);
  mkdirSync(path.join(dir, "cache"), { recursive: true });
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=app:10m max_size=200m inactive=10m use_temp_path=off;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location / {
      proxy_pass http://127.0.0.1:${APP_PORT};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache app;
      proxy_cache_lock on;
      add_header X-Cache-Status $upstream_cache_status;
    }
  }
}
`,
  );
  return spawn(nginx, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
}

/** What a first visit downloads, gzip-compressed as served: the page's scripts and its stylesheets (fonts and icons aside). */
async function firstLoad(pathname: string) {
  const html = await (await fetch(`http://127.0.0.1:${APP_PORT}${pathname}`)).text();
  // What a browser downloads: `noModule` scripts (Next's legacy polyfills) are skipped by every browser that runs modules.
  const scripts = [...html.matchAll(/<script([^>]+)>/g)]
    .map((m) => m[1] as string)
    .filter((attributes) => !/\snoModule/i.test(attributes))
    .map((attributes) => /\ssrc="([^"]+)"/.exec(attributes)?.[1])
    .filter((src): src is string => src !== undefined);
  const stylesheets = [...html.matchAll(/<link([^>]+)>/g)]
    .map((m) => m[1] as string)
    .filter((attributes) => /\srel="stylesheet"/.test(attributes))
    .map((attributes) => /\shref="([^"]+)"/.exec(attributes)?.[1])
    .filter((href): href is string => href !== undefined);
  const gzipKb = async (urls: string[]) => {
    let total = 0;
    for (const url of new Set(urls)) {
      const body = Buffer.from(
        await (await fetch(new URL(url, `http://127.0.0.1:${APP_PORT}`))).arrayBuffer(),
      );
      total += gzipSync(body).length;
    }
    return total / 1024;
  };
  return { js: await gzipKb(scripts), css: await gzipKb(stylesheets) };
}

async function sessionCookieFor(databaseUrl: string, personaKey: string) {
  const sql = postgres(databaseUrl, { max: 1 });
  const token = `bench-${personaKey}-${Date.now()}`;
  const [user] = await sql`select id from users where persona_key = ${personaKey}`;
  if (!user) {
    await sql.end();
    return null;
  }
  await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${user.id}, now() + interval '1 day')`;
  await sql.end();
  return `authjs.session-token=${token}`;
}

function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join("/")}`;
}

async function main() {
  const startedAt = new Date();
  log(`scale ${SCALE}, ${DURATION} s per run, median of ${RUNS}`);
  const { server, url: databaseUrl, seedSeconds } = await prepareDatabase();
  const buildSeconds = build(databaseUrl);
  rows.push({
    scenario: "build",
    figure: "next build (or up-to-date check)",
    value: buildSeconds,
    unit: "s",
    target: "—",
    verdict: "info",
  });

  rows.push({
    scenario: `scale generator, ${SCALE} applications`,
    figure: "wall time",
    value: seedSeconds,
    unit: "s",
    target: SCALE >= 100_000 ? "< 120 s" : "—",
    verdict:
      seedSeconds === null ? "skipped" : SCALE >= 100_000 ? (seedSeconds < 120 ? "met" : "missed") : "info",
    note: seedSeconds === null ? "database reused from an earlier run" : undefined,
  });

  const app = startApp(databaseUrl);
  const stop: (() => void)[] = [() => app.pid && process.kill(-app.pid, "SIGTERM")];
  try {
    const base = `http://127.0.0.1:${APP_PORT}`;
    await waitFor(`${base}/api/health`);
    const pid = serverPid();
    const idleMb = rssMb(pid);
    log(`app ready (pid ${pid}, ${idleMb?.toFixed(0)} MB)`);

    // A laureate's page to measure.
    const listHtml = await (await fetch(`${base}/laureats`)).text();
    const projectPath = listHtml.match(/href="(\/laureats\/[0-9a-f-]{36})"/)?.[1] ?? null;
    const staticPath = "/mentions-legales";
    const prerendered = existsSync(path.join(root, DIST, "server", "app", "mentions-legales.html"));

    // References: a static page of the app and a plain Node server returning the laureates bytes.
    if (want("public")) {
      const staticRun = await cannon(`${base}${staticPath}`, 50);
      const listBody = Buffer.from(await (await fetch(`${base}/laureats`)).arrayBuffer());
      const plain = await plainServer(listBody, "text/html; charset=utf-8");
      stop.push(() => plain.close());
      const plainRun = await cannon(`http://127.0.0.1:${PLAIN_PORT}/`, 50);
      rows.push({
        scenario: `reference: ${staticPath}${prerendered ? " (prerendered)" : " (NOT prerendered)"}`,
        figure: "req/s, 50 connections",
        value: staticRun.rps,
        unit: "req/s",
        target: "reference",
        verdict: "info",
        note: `p50 ${staticRun.p50} ms, p99 ${staticRun.p99} ms`,
      });
      rows.push({
        scenario: "reference: plain Node http, same bytes as /laureats",
        figure: "req/s, 50 connections",
        value: plainRun.rps,
        unit: "req/s",
        target: "reference",
        verdict: "info",
      });

      for (const [label, pagePath] of [
        ["laureates list /laureats", "/laureats"],
        ["project page", projectPath],
      ] as const) {
        if (!pagePath) {
          rows.push({
            scenario: label,
            figure: "req/s",
            value: null,
            unit: "req/s",
            target: "≥ 0.8 × static",
            verdict: "skipped",
            note: "no project link found",
          });
          continue;
        }
        const run = await cannon(`${base}${pagePath}`, 50);
        const ratio = run.rps / staticRun.rps;
        rows.push({
          scenario: `${label}, 50 connections`,
          figure: "req/s (p50 / p99)",
          value: run.rps,
          unit: "req/s",
          target: "≥ 0.8 × static page",
          reference: `${staticRun.rps.toFixed(0)} req/s static; ${plainRun.rps.toFixed(0)} req/s plain Node (ratio ${(run.rps / plainRun.rps).toFixed(3)})`,
          ratio,
          verdict: ratio >= 0.8 ? "met" : "missed",
          note: `p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors}`,
        });
      }

      const nginx = startNginx();
      if (!nginx) {
        rows.push({
          scenario: "behind nginx proxy_cache",
          figure: "req/s",
          value: null,
          unit: "req/s",
          target: "≥ 0.5 × plain Node",
          verdict: "skipped",
          note: "nginx is not installed (apt-get install nginx)",
        });
      } else {
        stop.push(() => nginx.kill("SIGTERM"));
        await waitFor(`http://127.0.0.1:${NGINX_PORT}/api/health`);
        await fetch(`http://127.0.0.1:${NGINX_PORT}/laureats`);
        const cached = await fetch(`http://127.0.0.1:${NGINX_PORT}/laureats`);
        const run = await cannon(`http://127.0.0.1:${NGINX_PORT}/laureats`, 50);
        const ratio = run.rps / plainRun.rps;
        rows.push({
          scenario: "/laureats behind nginx proxy_cache (honouring Cache-Control)",
          figure: "req/s",
          value: run.rps,
          unit: "req/s",
          target: "≥ 0.5 × plain Node",
          reference: `${plainRun.rps.toFixed(0)} req/s plain Node`,
          ratio,
          verdict: ratio >= 0.5 ? "met" : "missed",
          note: `cache status ${cached.headers.get("x-cache-status")}, Cache-Control « ${cached.headers.get("cache-control")} »`,
        });
      }
    }

    // Organisation autocomplete over all communes and EPCI.
    if (want("autocomplete")) {
      const queries = [
        "thiers",
        "chambery",
        "saint",
        "lyon",
        "grenoble",
        "cc de l",
        "63430",
        "vaulx en",
        "isere",
        "bretagne",
      ];
      const autoCpu = cpuMs(pid);
      const auto = await loop(
        queries.map((q) => `${base}/api/organisations?q=${encodeURIComponent(q)}`),
        10,
      );
      rows.push({
        scenario: "organisation autocomplete, 10 connections",
        figure: "p95 latency",
        value: auto.p95,
        unit: "ms",
        target: "< 30 ms",
        verdict: auto.p95 < 30 ? "met" : "missed",
        note: `p50 ${auto.p50.toFixed(1)} ms, ${auto.count} requests, errors ${auto.errors}${cpuNote(autoCpu, cpuMs(pid), auto.count)}`,
      });
    }

    // Reviewer dashboard at scale, signed in as the admin persona.
    const cookie = await sessionCookieFor(databaseUrl, "admin");
    const dashboard = cookie ? await fetch(`${base}/instruction?tri=score`, { headers: { cookie } }) : null;
    const dashboardHtml = dashboard ? await dashboard.text() : "";
    if (!want("dashboard")) {
      // not asked (--only)
    } else if (!cookie || !dashboard?.ok || dashboardHtml.includes("arrive prochainement")) {
      rows.push({
        scenario: "reviewer dashboard list at scale",
        figure: "p95 latency",
        value: null,
        unit: "ms",
        target: "< 200 ms",
        verdict: "skipped",
        note: "the review dashboard list is not built yet",
      });
    } else {
      const dashCpu = cpuMs(pid);
      const dash = await loop(
        [`${base}/instruction`, `${base}/instruction?page=3`, `${base}/instruction?statut=in_review`],
        10,
        { cookie },
      );
      rows.push({
        scenario: `reviewer dashboard list, ${SCALE} applications, 10 connections`,
        figure: "p95 latency",
        value: dash.p95,
        unit: "ms",
        target: "< 200 ms",
        verdict: dash.p95 < 200 ? "met" : "missed",
        note: `p50 ${dash.p50.toFixed(1)} ms, ${dash.count} requests, errors ${dash.errors}${cpuNote(dashCpu, cpuMs(pid), dash.count)}`,
      });
    }

    // Exports: wall time and server memory above idle.
    const exportUrl = `${base}/api/exports/applications?format=csv`;
    const probe = cookie
      ? await fetch(exportUrl, { headers: { cookie }, method: "HEAD" }).catch(() => null)
      : null;
    if (!want("export")) {
      // not asked (--only)
    } else if (!cookie || !probe || probe.status === 404) {
      rows.push({
        scenario: "CSV / XLSX export",
        figure: "wall time, peak memory",
        value: null,
        unit: "s",
        target: "< 10 s, < 200 MB",
        verdict: "skipped",
        note: "export route not built yet",
      });
    } else {
      for (const format of ["csv", "xlsx"]) {
        // « Idle » is the server's RSS just before the download, when it serves nothing:
        // after the earlier scenarios (50 connections on the public pages, Next's page
        // cache) the RSS at start says nothing about what the export itself costs. Both
        // are in the note.
        const before = rssMb(pid) ?? idleMb ?? 0;
        let peak = before;
        const sampler = setInterval(() => {
          peak = Math.max(peak, rssMb(pid) ?? 0);
        }, 50);
        const exportCpu = cpuMs(pid);
        const started = Date.now();
        const response = await fetch(`${base}/api/exports/applications?format=${format}`, {
          headers: { cookie },
        });
        const bytes = (await response.arrayBuffer()).byteLength;
        const seconds = (Date.now() - started) / 1000;
        clearInterval(sampler);
        const spent = cpuMs(pid);
        const above = peak - before;
        const cpuText =
          exportCpu === null || spent === null
            ? ""
            : `, server CPU ${((spent - exportCpu) / 1000).toFixed(1)} s`;
        rows.push({
          scenario: `${format.toUpperCase()} export of every application (${SCALE})`,
          figure: "wall time / memory above idle",
          value: seconds,
          unit: "s",
          target: "< 10 s, < 200 MB",
          verdict: seconds < 10 && above < 200 && response.ok ? "met" : "missed",
          note: `${(bytes / 2 ** 20).toFixed(1)} MiB, +${above.toFixed(0)} MB RSS above the ${before.toFixed(0)} MB before the download (+${(peak - (idleMb ?? 0)).toFixed(0)} MB above the ${(idleMb ?? 0).toFixed(0)} MB at start)${cpuText}, HTTP ${response.status}`,
        });
      }
    }

    // Deadline rush: complete drafts submitted at once through the applicant form's server action.
    const actionId = submitActionId(path.join(root, DIST));
    const rushCount = 1_000;
    const rushCpu = cpuMs(pid);
    const rush = !want("rush")
      ? { error: "not asked" }
      : actionId
        ? await deadlineRush({ databaseUrl, base, actionId, count: rushCount, concurrency: 50, log }).catch(
            (error: unknown) => ({ error: String(error) }),
          )
        : { error: "submitApplication not found in the server reference manifest" };
    if (!want("rush")) {
      // not asked (--only)
    } else if ("error" in rush) {
      rows.push({
        scenario: "deadline rush (1 000 submissions at 50 concurrent)",
        figure: "throughput, lost, duplicated",
        value: null,
        unit: "subm/s",
        target: "0 lost, 0 duplicated, ≥ 50/s",
        verdict: "skipped",
        note: rush.error,
      });
    } else {
      const clean = rush.lost === 0 && rush.duplicatedReceipts === 0 && rush.duplicatedEmails === 0;
      rows.push({
        scenario: `deadline rush: ${rush.prepared} complete applications submitted at 50 concurrent (server action)`,
        figure: "throughput (p50 / p95), lost, duplicated",
        value: rush.throughput,
        unit: "subm/s",
        target: "0 lost, 0 duplicated, ≥ 50/s",
        verdict: clean && rush.throughput >= 50 ? "met" : "missed",
        note: `p50 ${rush.p50.toFixed(0)} ms, p95 ${rush.p95.toFixed(0)} ms, ${rush.wallSeconds.toFixed(1)} s wall; lost ${rush.lost}, duplicated receipts ${rush.duplicatedReceipts}, duplicated e-mails ${rush.duplicatedEmails}; refused by HTTP ${rush.httpRefused}${rush.sample ? ` (${rush.sample.replace(/[|\n]/g, " ")})` : ""}; drafts prepared in ${rush.prepareSeconds.toFixed(0)} s${cpuNote(rushCpu, cpuMs(pid), rush.prepared)}`,
      });
    }

    for (const route of ["/", "/laureats", projectPath, "/appels", "/statistiques", "/carte"]
      .filter(() => want("js"))
      .filter(Boolean) as string[]) {
      const response = await fetch(`${base}${route}`);
      if (!response.ok) continue;
      const { js, css } = await firstLoad(route);
      const name = route.startsWith("/laureats/") ? "/laureats/[id]" : route;
      rows.push({
        scenario: `first-load JavaScript ${name}`,
        figure: "gzip",
        value: js,
        unit: "KB",
        target: "≤ 100 KB",
        verdict: js <= 100 ? "met" : "missed",
      });
      // No target of its own: recorded so that a restyle shows what it adds.
      rows.push({
        scenario: `first-load CSS ${name}`,
        figure: "gzip",
        value: css,
        unit: "KB",
        target: "—",
        verdict: "info",
      });
    }

    if (!want("lighthouse")) {
      // not asked (--only)
    } else if (!quick) await lighthouse(base, projectPath);
    else
      rows.push({
        scenario: "Lighthouse",
        figure: "performance / accessibility",
        value: null,
        unit: "",
        target: "≥ 95 / 100",
        verdict: "skipped",
        note: "not in --quick",
      });
  } finally {
    for (const s of stop) {
      try {
        s();
      } catch {}
    }
    await server.stop();
  }
  report(startedAt);
}

async function lighthouse(base: string, projectPath: string | null) {
  const chrome = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  for (const route of ["/", "/laureats", projectPath].filter(Boolean) as string[]) {
    const out = path.join(root, ".data", `lighthouse${INSTANCE}.json`);
    const result = spawnSync(
      "npx",
      [
        "lighthouse",
        `${base}${route}`,
        "--only-categories=performance,accessibility",
        "--output=json",
        `--output-path=${out}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
        "--quiet",
      ],
      {
        env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) },
        stdio: "ignore",
        timeout: 180_000,
      },
    );
    if (result.status !== 0 || !existsSync(out)) {
      rows.push({
        scenario: `Lighthouse ${route}`,
        figure: "performance / accessibility",
        value: null,
        unit: "",
        target: "≥ 95 / 100",
        verdict: "skipped",
        note: "lighthouse failed to run",
      });
      continue;
    }
    const report = JSON.parse(readFileSync(out, "utf8")) as { categories: Record<string, { score: number }> };
    const perf = Math.round((report.categories.performance?.score ?? 0) * 100);
    const a11y = Math.round((report.categories.accessibility?.score ?? 0) * 100);
    rows.push({
      scenario: `Lighthouse ${route.startsWith("/laureats/") ? "/laureats/[id]" : route}`,
      figure: "performance / accessibility",
      value: perf,
      unit: `/ ${a11y}`,
      target: "≥ 95 / 100",
      verdict: perf >= 95 && a11y >= 100 ? "met" : "missed",
    });
  }
}

function report(startedAt: Date) {
  const date = startedAt.toISOString().slice(0, 19).replace(/:/g, "-");
  mkdirSync(path.join(root, "bench", "results"), { recursive: true });
  const result = {
    startedAt,
    quick,
    scale: SCALE,
    durationSeconds: DURATION,
    runs: RUNS,
    machine: machine(),
    rows,
  };
  writeFileSync(
    path.join(root, "bench", "results", `${date}${INSTANCE}.json`),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  const format = (row: Row) =>
    row.value === null
      ? "—"
      : `${row.value >= 100 ? row.value.toFixed(0) : row.value.toFixed(1)} ${row.unit}`.trim();
  const lines = [
    "# Performance",
    "",
    "Measured by `npm run bench` (see `scripts/bench.ts`); figures of the latest run,",
    "each next to its target and to references measured in the same run on the same",
    "machine. Machines are noisy: throughput figures are medians of several runs, and",
    "ratios to the references matter more than absolute numbers. The raw results of",
    "every run are in `bench/results/`.",
    "",
    `Latest run: ${startedAt.toISOString()}${quick ? " (quick mode)" : ""}, ${SCALE} generated applications,`,
    `${DURATION} s per load run, median of ${RUNS}. Machine: ${machine()}.`,
    "",
    "| scenario | figure | value | target | reference | ratio | verdict | note |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.figure} | ${format(r)} | ${r.target} | ${r.reference ?? ""} | ${
          r.ratio == null ? "" : r.ratio.toFixed(2)
        } | ${r.verdict} | ${r.note ?? ""} |`,
    ),
    "",
  ];
  const docPath = path.join(root, "docs", "performance.md");
  const previous = existsSync(docPath) ? readFileSync(docPath, "utf8") : "";
  // Hand-written analysis ("## Where the time goes") and history are kept below the table.
  const kept = ["## Where the time goes", "## Earlier runs"]
    .map((heading) => previous.indexOf(heading))
    .filter((index) => index >= 0);
  const history = kept.length ? previous.slice(Math.min(...kept)) : "## Earlier runs\n";
  // A partial run (--only) does not replace the table of the last full run.
  if (!ONLY) writeFileSync(docPath, `${lines.join("\n")}\n${history}`);
  console.table(
    rows.map((r) => ({ scenario: r.scenario, value: format(r), target: r.target, verdict: r.verdict })),
  );
  log(`written bench/results/${date}.json${ONLY ? "" : " and docs/performance.md"}`);
}

main()
  .catch((error) => {
    console.error(error);
  })
  .finally(() => process.exit(0));
