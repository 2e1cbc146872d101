/**
 * `npm run fault:pg-restart [-- --submissions N] [-- --down-seconds S]`:
 * PostgreSQL restarted under load. Starts the app in production mode on its
 * own embedded PostgreSQL (scripts/support/app-under-test.ts), prepares N
 * complete drafts, then sends a stream of submissions (the real server
 * action, over HTTP) and reads (health, public list, an applicant's page,
 * organisation search) while PostgreSQL is stopped and started again (a
 * fast shutdown, as `pg_ctl restart -m fast` does). The app is never
 * restarted. Checks, and prints as figures:
 * - the app recovers by itself: /api/health answers 200 again;
 * - requests in flight fail cleanly: an HTTP error (5xx), never a hang
 *   (each request is abandoned after 20 s and counted as hung);
 * - no submission is lost: every one that got its receipt is in the
 *   database, submitted, with its receipt number.
 * Exits 1 when one of them fails. Bounded: the load stops by itself.
 */
import path from "node:path";
import postgres from "postgres";
import { startAppUnderTest, waitFor } from "./support/app-under-test";
import { actionRequest, answeredWithReceipt, prepareDrafts, serverActionId } from "./support/fault-drafts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const SUBMISSIONS = option("submissions", 80);
const DOWN_SECONDS = option("down-seconds", 3);
const REQUEST_TIMEOUT_MS = 20_000;
const TAG = "Panne PostgreSQL";
const log = (line: string) => console.log(`[fault] ${line}`);
const FILE_STORE_DIR = process.env.FILE_STORE_DIR || path.join(process.cwd(), ".data", "fault-uploads");
process.env.FILE_STORE_DIR = FILE_STORE_DIR;

type Outcome = "ok" | "http-error" | "network-error" | "hung";
type Tally = Record<Outcome, number> & { frenchErrorPage: number };
const tally = (): Tally => ({ ok: 0, "http-error": 0, "network-error": 0, hung: 0, frenchErrorPage: 0 });

/** Every request, timed, to tell afterwards which one was slow, on what, and when. */
type Timed = { what: string; startedAt: number; ms: number; outcome: Outcome; status: number | null };
const timeline: Timed[] = [];

async function request(url: string, init: RequestInit = {}) {
  const startedAt = Date.now();
  const what = `${init.method ?? "GET"} ${new URL(url).pathname}${new URL(url).search}`;
  const result = await timedRequest(url, init);
  timeline.push({
    what,
    startedAt,
    ms: Date.now() - startedAt,
    outcome: result.outcome,
    status: result.response?.status ?? null,
  });
  return result;
}

async function timedRequest(url: string, init: RequestInit) {
  try {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return { response, text, outcome: (response.status < 500 ? "ok" : "http-error") as Outcome };
  } catch (error) {
    const name = (error as Error).name;
    return {
      response: null,
      text: "",
      outcome: (name === "TimeoutError" || name === "AbortError" ? "hung" : "network-error") as Outcome,
    };
  }
}

async function main() {
  const app = await startAppUnderTest({
    name: "fault",
    pgPort: 54520,
    appPort: 3720,
    log,
    env: { FILE_STORE_DIR, DATABASE_POOL_SIZE: "10" },
  });
  let failed = false;
  let server = app.server;
  try {
    const actionId = serverActionId(
      path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next-tools"),
      "lib/applications/actions.ts",
      "submitApplication",
    );
    if (!actionId) throw new Error("submitApplication not found in the build's server reference manifest");
    log(`preparing ${SUBMISSIONS} complete drafts…`);
    const items = await prepareDrafts(app.databaseUrl, SUBMISSIONS, { tag: TAG });
    const reader = await app.sessionCookie("applicant-thiers");

    const reads = tally();
    const submits = tally();
    const receipts = new Map<string, boolean>();
    const failedSubmissions: string[] = [];
    let stopReads = false;
    let next = 0;

    const submitOne = async (item: { applicationId: string; token: string }) => {
      const pagePath = `/espace/dossiers/${item.applicationId}`;
      const result = await request(
        `${app.base}${pagePath}`,
        actionRequest({
          base: app.base,
          pagePath,
          actionId,
          token: item.token,
          fields: { applicationId: item.applicationId },
        }),
      );
      if (result.outcome === "ok" && answeredWithReceipt(result.response, result.text, item.applicationId)) {
        receipts.set(item.applicationId, true);
        submits.ok++;
      } else {
        submits[result.outcome === "ok" ? "http-error" : result.outcome]++;
        failedSubmissions.push(item.applicationId);
      }
    };
    // Submissions, 4 at a time, paced so that they span the outage.
    const submitters = Array.from({ length: 4 }, async () => {
      while (next < items.length) {
        const item = items[next++] as { applicationId: string; token: string };
        await submitOne(item);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    });
    const readUrls = ["/api/health", "/laureats?q=eau", "/api/organisations?q=thiers", "/espace/dossiers"];
    let readIndex = 0;
    const readers = Array.from({ length: 4 }, async () => {
      while (!stopReads) {
        const url = readUrls[readIndex++ % readUrls.length] as string;
        const result = await request(`${app.base}${url}`, { headers: { cookie: reader } });
        reads[result.outcome]++;
        if (
          result.outcome === "http-error" &&
          /Le service rencontre un problème|indisponible|database unavailable/.test(result.text)
        ) {
          reads.frenchErrorPage++;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    // The outage, once a few submissions went through.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const stoppedAt = Date.now();
    log(`stopping PostgreSQL (fast shutdown) after ${receipts.size} submissions…`);
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, DOWN_SECONDS * 1000));
    const { startEmbeddedPostgres } = await import("../db/embedded");
    server = await startEmbeddedPostgres({ dataDir: server.dataDir, port: server.port, log });
    const restartedAt = Date.now();
    log(`PostgreSQL back after ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s; waiting for the app…`);
    const recoveryMs = await waitFor(`${app.base}/api/health`, 60_000).catch(() => null);
    await Promise.all(submitters);
    stopReads = true;
    await Promise.all(readers);

    // Every receipt is in the database; the failed ones can be submitted again.
    const sql = postgres(server.urlFor("cooperation"), { max: 1, onnotice: () => {} });
    const rows = await sql`select id, status, receipt_number from applications
      where id = any(${items.map((i) => i.applicationId)})`;
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    const lost = [...receipts.keys()].filter((id) => {
      const row = byId.get(id);
      return row?.status !== "submitted" || !row.receipt_number;
    });
    const committedDespiteError = failedSubmissions.filter((id) => byId.get(id)?.receipt_number).length;
    let retriedOk = 0;
    for (const id of failedSubmissions) {
      const item = items.find((i) => i.applicationId === id) as { applicationId: string; token: string };
      const before = receipts.size;
      await submitOne(item);
      if (receipts.size > before) retriedOk++;
    }
    const duplicated = (
      await sql`select count(*)::int as n from (select receipt_number from applications
        where id = any(${items.map((i) => i.applicationId)}) and receipt_number is not null
        group by receipt_number having count(*) > 1) d`
    )[0]?.n as number;
    await sql.end({ timeout: 5 });

    console.table({
      submissions: { ...submits },
      reads: { ...reads },
    });
    log(
      `PostgreSQL down ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s; app healthy again ${
        recoveryMs === null ? "NEVER (60 s)" : `${(recoveryMs / 1000).toFixed(1)} s after PostgreSQL was back`
      }, without restarting it.`,
    );
    log(
      `submissions: ${items.length} sent, ${items.length - failedSubmissions.length} receipts at once, ${failedSubmissions.length} failed with an HTTP error (${committedDespiteError} of them committed nonetheless, shown as submitted on reload), ${retriedOk}/${failedSubmissions.length} succeeded when sent again; lost ${lost.length}, duplicated receipts ${duplicated}.`,
    );
    log(
      `reads: ${reads.ok + reads["http-error"] + reads["network-error"] + reads.hung} sent, ${reads["http-error"]} HTTP 5xx (${reads.frenchErrorPage} with the French error page or JSON error), ${reads["network-error"]} connection errors, ${reads.hung + submits.hung} hung.`,
    );
    // When each slow request started and ended, against the outage (seconds from the stop).
    const at = (t: number) => `${((t - stoppedAt) / 1000).toFixed(1)} s`;
    const slow = [...timeline].sort((a, b) => b.ms - a.ms).slice(0, 5);
    log(
      `slowest requests (PostgreSQL stopped at 0 s, back at ${at(restartedAt)}; app output in ${app.logFile}):`,
    );
    for (const t of slow) {
      log(
        `  ${(t.ms / 1000).toFixed(1)} s  ${t.what}  ${t.outcome}${t.status ? ` ${t.status}` : ""}  from ${at(t.startedAt)} to ${at(t.startedAt + t.ms)}`,
      );
    }
    failed = recoveryMs === null || lost.length > 0 || duplicated > 0 || reads.hung + submits.hung > 0;

    // Clean-up: the fault's rows (the audit trail keeps its lines; it is append-only).
    const clean = postgres(server.urlFor("cooperation"), { max: 1, onnotice: () => {} });
    const ids = items.map((i) => i.applicationId);
    await clean`delete from email_outbox where dedupe_key like any(${ids.map((id) => `receipt:${id}:%`)})`;
    await clean`delete from attachments where application_id = any(${ids})`;
    await clean`delete from applications where id = any(${ids})`;
    await clean`delete from sessions where session_token like 'fault-%'`;
    await clean.end({ timeout: 5 });
  } finally {
    await app.stop().catch(() => {});
    await server.stop().catch(() => {});
  }
  log(failed ? "FAILED" : "passed: recovered by itself, no hang, nothing lost");
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
