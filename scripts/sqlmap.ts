/**
 * `npm run security:sqlmap [-- --thorough]`: runs sqlmap (Debian package
 * `sqlmap`, installed by hand: `sudo apt-get install -y sqlmap`; this script
 * installs nothing) against the search and filter endpoints, public and
 * signed-in, of the app started in production mode on its own database (see
 * scripts/support/app-under-test.ts). Prints a summary; exits 1 when sqlmap
 * finds an injectable parameter, 2 when it cannot run.
 *
 * Default: level 1, risk 1, techniques BEUST, every parameter of each target,
 * each target time-boxed (5 minutes). `--thorough`: level 3, risk 2 (cookies
 * and headers too), 20 minutes a target; much slower.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { startAppUnderTest } from "./support/app-under-test";

const thorough = process.argv.includes("--thorough");
const TARGET_TIMEOUT_MS = Number(process.env.SQLMAP_TARGET_MINUTES ?? (thorough ? 20 : 5)) * 60_000;
const log = (line: string) => console.log(`[sqlmap] ${line}`);

type Target = { label: string; url: string; cookie?: string; params: string[]; ignoreRedirects?: boolean };
type Outcome = Target & {
  requests: number;
  tested: string[];
  injectable: string[];
  falsePositives: string[];
  timedOut: boolean;
  exitCode: number | null;
};

function sqlmapPath() {
  const found = spawnSync("sh", ["-c", "command -v sqlmap"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

function runSqlmap(target: Target, outputDir: string): Promise<Outcome> {
  const traffic = path.join(outputDir, `${target.label.replace(/\W+/g, "-")}.traffic`);
  const args = [
    "-u",
    target.url,
    "--batch",
    `--level=${thorough ? 3 : 1}`,
    `--risk=${thorough ? 2 : 1}`,
    "--dbms=PostgreSQL",
    "--technique=BEUST",
    "--time-sec=2",
    "--threads=4",
    "--timeout=15",
    "--retries=1",
    "-p",
    target.params.join(","),
    `--output-dir=${outputDir}`,
    "--flush-session",
    "-t",
    traffic,
    "--disable-coloring",
    ...(target.cookie ? [`--cookie=${target.cookie}`] : []),
    // A page that answers a tampered filter with a redirect to its canonical URL
    // (the value dropped before any query): compare the answers, do not follow.
    ...(target.ignoreRedirects ? ["--ignore-redirects"] : []),
  ];
  return new Promise((resolve) => {
    const child = spawn("sqlmap", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, TARGET_TIMEOUT_MS);
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      let requests = 0;
      try {
        requests = (readFileSync(traffic, "utf8").match(/^HTTP request \[#\d+\]/gm) ?? []).length;
      } catch {}
      // Every parameter sqlmap reported on (tested, found not injectable, or skipped).
      const tested = [
        ...new Set([...output.matchAll(/(?:GET|URI) parameter '([^']+)'/g)].map((m) => m[1] as string)),
      ].filter((p) => target.params.includes(p));
      // Only what sqlmap confirms (its « identified the following injection point(s) »
      // block); a heuristic « appears to be injectable » it then rejects as a false
      // positive is counted apart.
      const confirmed = output.split(/sqlmap identified the following injection point/)[1] ?? "";
      const injectable = [
        ...new Set(
          [...confirmed.matchAll(/Parameter: (\S+) \((?:GET|URI|Cookie)\)/g)].map((m) => m[1] as string),
        ),
      ];
      if (confirmed && injectable.length === 0) injectable.push("(see sqlmap's output)");
      const falsePositives = [
        ...new Set(
          [
            ...output.matchAll(
              /false positive or unexploitable injection point detected[\s\S]*?parameter '([^']+)' does not seem/g,
            ),
          ].map((m) => m[1] as string),
        ),
      ];
      if (injectable.length || process.env.SQLMAP_VERBOSE) console.log(output);
      resolve({ ...target, requests, tested, injectable, falsePositives, timedOut, exitCode });
    });
  });
}

async function main() {
  if (!sqlmapPath()) {
    console.error(
      "sqlmap is not installed. Install Debian's package: sudo apt-get install -y sqlmap (then run this again).",
    );
    process.exit(2);
  }
  const version = spawnSync("sqlmap", ["--version"], { encoding: "utf8" })
    .stdout.split("\n")
    .find((line) => /^\d/.test(line.trim()));
  log(`sqlmap ${version}, ${thorough ? "thorough (level 3, risk 2)" : "level 1, risk 1"}`);
  const app = await startAppUnderTest({ name: "sqlmap", pgPort: 54510, appPort: 3710, log });
  const outputDir = path.join(process.cwd(), ".data", "sqlmap");
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const outcomes: Outcome[] = [];
  try {
    const sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
    const [call] = await sql`select id, slug, year from calls
      where results_published_at is not null order by opens_at desc limit 1`;
    await sql.end({ timeout: 5 });
    const admin = await app.sessionCookie("admin");
    const reviewer = await app.sessionCookie("reviewer");
    const filters = `q=eau&call=${call?.id}&status=in_review&region=84&departement=63&country=XK&theme=Eau&mine=1&disagreement=1&scoreMin=1&scoreMax=20&tri=score&page=1&perPage=50`;
    const filterParams = [
      "q",
      "call",
      "status",
      "region",
      "departement",
      "country",
      "theme",
      "mine",
      "disagreement",
      "scoreMin",
      "scoreMax",
      "tri",
      "page",
      "perPage",
    ];
    const targets: Target[] = [
      {
        label: "public laureates list",
        url: `${app.base}/laureats?annee=${call?.year}&appel=${call?.slug}&region=84&pays=SN&theme=Eau&q=eau&page=2`,
        params: ["annee", "appel", "region", "pays", "theme", "q", "page"],
        ignoreRedirects: true,
      },
      {
        label: "organisation search",
        url: `${app.base}/api/organisations?q=thiers`,
        params: ["q"],
      },
      {
        label: "review dashboard (admin)",
        url: `${app.base}/instruction?${filters}`,
        cookie: admin,
        params: filterParams,
      },
      {
        label: "review dashboard (reviewer)",
        url: `${app.base}/instruction?${filters}`,
        cookie: reviewer,
        params: filterParams,
      },
      {
        label: "applications export (admin)",
        url: `${app.base}/api/exports/applications?format=csv&${filters}`,
        cookie: admin,
        params: ["format", ...filterParams],
      },
    ];
    for (const target of targets) {
      // The pages redirect to their canonical URL (invalid or default filters dropped):
      // test that one, with the parameters it keeps.
      const landed = await fetch(target.url, { headers: target.cookie ? { cookie: target.cookie } : {} });
      const canonical = new URL(landed.url);
      const dropped = target.params.filter((p) => !canonical.searchParams.has(p));
      if (dropped.length) log(`${target.label}: dropped by the page's canonical URL: ${dropped.join(", ")}`);
      target.url = canonical.toString();
      target.params = target.params.filter((p) => canonical.searchParams.has(p));
      const started = Date.now();
      log(`${target.label}: ${target.params.length} parameters…`);
      const outcome = await runSqlmap(target, outputDir);
      outcomes.push(outcome);
      log(
        `${target.label}: ${outcome.requests} requests, ${outcome.tested.length} parameters tested, ${
          outcome.injectable.length ? `INJECTABLE: ${outcome.injectable.join(", ")}` : "nothing injectable"
        }${outcome.timedOut ? " (time-boxed: stopped)" : ""} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  } finally {
    await app.stop();
  }
  const requests = outcomes.reduce((sum, o) => sum + o.requests, 0);
  const tested = outcomes.reduce((sum, o) => sum + o.tested.length, 0);
  const findings = outcomes.flatMap((o) => o.injectable.map((p) => `${o.label}: ${p}`));
  console.table(
    outcomes.map((o) => ({
      target: o.label,
      requests: o.requests,
      tested: o.tested.length,
      injectable: o.injectable.join(", ") || "none",
      rejectedFalsePositives: o.falsePositives.join(", "),
      timedOut: o.timedOut,
    })),
  );
  log(
    `${outcomes.length} targets, ${tested} parameters tested, ${requests} requests, ${findings.length} injectable parameter(s).`,
  );
  if (findings.length) {
    for (const finding of findings) console.error(`[sqlmap] INJECTABLE ${finding}`);
    process.exit(1);
  }
  // Make sure every target really was tested (a silent sqlmap failure is not a pass).
  if (outcomes.some((o) => o.tested.length === 0)) {
    console.error("[sqlmap] a target was not tested at all: see the output above.");
    process.exit(2);
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
