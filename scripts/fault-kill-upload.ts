/**
 * `npm run fault:kill-upload`: the app killed mid-upload.
 * Starts the app in production mode on its own embedded PostgreSQL
 * (scripts/support/app-under-test.ts), prepares a complete draft (every
 * mandatory document), then kills the app (SIGKILL of its process group, as
 * the OOM killer or a pulled plug would) at two moments of a replacement of
 * one of its documents over HTTP, restarting it after each:
 * 1. mid-body: a 9 MB PDF sent slowly, the kill once the app has read part of
 *    the body (measured with `ss`: bytes sent minus bytes still queued);
 * 2. between the file write and the row: the script holds a row lock on the
 *    document's current attachment, so the upload's transaction waits on it;
 *    the kill comes once its new file is on disk and its backend is seen
 *    waiting on that lock in `pg_stat_activity` (then the lock is released).
 * After the restarts it checks: every attachment row of the draft names a
 * file that exists, with its size and SHA-256 (no row points to a missing or
 * partial file); the previous document is still there; the file left without
 * a row is removed by the start-up clean-up (lib/files/orphans.ts; the app
 * runs with FILE_ORPHAN_GRACE_MINUTES=0, being alone on its folder); the
 * draft opens, is saved and submitted normally; an upload works again.
 * Exits 1 when a check fails.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import postgres from "postgres";
import { startAppUnderTest } from "./support/app-under-test";
import {
  actionRequest,
  answeredWithReceipt,
  faultPdf,
  prepareDrafts,
  serverActionId,
} from "./support/fault-drafts";

const TAG = "Panne téléversement";
const log = (line: string) => console.log(`[fault] ${line}`);
const FILE_STORE_DIR = process.env.FILE_STORE_DIR || path.join(process.cwd(), ".data", "fault-kill-uploads");
process.env.FILE_STORE_DIR = FILE_STORE_DIR;
const WAIT_MS = 30_000;

const checks: { name: string; ok: boolean; detail?: string }[] = [];
function check(name: string, ok: boolean, detail = "") {
  checks.push({ name, ok, detail });
  log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`);
}

/** Polls `probe` until it returns a value (not undefined), for at most WAIT_MS. */
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, everyMs = 20) {
  const started = Date.now();
  while (Date.now() - started < WAIT_MS) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${what}: not seen within ${WAIT_MS / 1000} s`);
}

/** The files of one application in the store (keys relative to the store). */
function filesOf(applicationId: string) {
  const dir = path.join(FILE_STORE_DIR, "applications", applicationId);
  return existsSync(dir) ? readdirSync(dir).map((name) => `applications/${applicationId}/${name}`) : [];
}

function multipart(fields: Record<string, string>, file: { name: string; bytes: Uint8Array }) {
  const boundary = `----fault${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

type UploadAnswer = { status: number; text: string } | { error: string };

/**
 * An upload to /api/files over a raw HTTP request: `firstBytes` of the body are
 * sent at once, the rest only when `finish()` is called (never, to cut it).
 */
function upload(
  base: string,
  token: string,
  fields: Record<string, string>,
  bytes: Uint8Array,
  firstBytes?: number,
) {
  const { body, contentType } = multipart(fields, { name: "piece.pdf", bytes });
  const url = new URL("/api/files", base);
  let answer!: (value: UploadAnswer) => void;
  const done = new Promise<UploadAnswer>((resolve) => {
    answer = resolve;
  });
  const request = http.request(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "content-length": body.byteLength,
      cookie: `authjs.session-token=${token}`,
      origin: base,
    },
  });
  request.on("response", (response) => {
    let text = "";
    response.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    response.on("end", () => answer({ status: response.statusCode ?? 0, text }));
    response.on("error", (error) => answer({ error: String(error) }));
  });
  request.on("error", (error) => answer({ error: (error as NodeJS.ErrnoException).code ?? String(error) }));
  const cut = Math.min(firstBytes ?? body.byteLength, body.byteLength);
  const written = new Promise<number>((resolve) => request.write(body.subarray(0, cut), () => resolve(cut)));
  if (cut === body.byteLength) request.end();
  return { done, written, total: body.byteLength, localPort: () => request.socket?.localPort ?? null };
}

/** Bytes queued in the kernel on the connection from `clientPort` to the app (both ends), from `ss`. */
function queuedBytes(appPort: number, clientPort: number) {
  const out = execFileSync("ss", ["-tnH", "state", "established"], { encoding: "utf8" });
  let queued = 0;
  for (const line of out.split("\n")) {
    const [recvQ, sendQ, local, peer] = line.trim().split(/\s+/);
    // The app's end: unread by the app (Recv-Q); the client's end: not yet delivered (Send-Q).
    if (local?.endsWith(`:${appPort}`) && peer?.endsWith(`:${clientPort}`)) queued += Number(recvQ);
    if (local?.endsWith(`:${clientPort}`) && peer?.endsWith(`:${appPort}`)) queued += Number(sendQ);
  }
  return queued;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function main() {
  const app = await startAppUnderTest({
    name: "kill-upload",
    pgPort: 54530,
    appPort: 3730,
    log,
    env: { FILE_STORE_DIR, FILE_ORPHAN_GRACE_MINUTES: "0" },
  });
  const appPort = Number(new URL(app.base).port);
  const sql = postgres(app.databaseUrl, { max: 3, onnotice: () => {} });
  let draft: Awaited<ReturnType<typeof prepareDrafts>>[number] | undefined;
  const started = Date.now();
  try {
    const dist = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next-tools");
    const saveId = serverActionId(dist, "lib/applications/actions.ts", "saveApplication");
    const submitId = serverActionId(dist, "lib/applications/actions.ts", "submitApplication");
    if (!saveId || !submitId)
      throw new Error("saveApplication or submitApplication not in the build's manifest");
    [draft] = await prepareDrafts(app.databaseUrl, 1, { tag: TAG });
    if (!draft) throw new Error("no draft");
    const { applicationId, token } = draft;
    const documentId = draft.documentIds[0] as string;
    const fields = { applicationId, requiredDocumentId: documentId };
    const rowsOf = () =>
      sql`select id, required_document_id, storage_key, size_bytes::int as size, sha256 from attachments
        where application_id = ${applicationId} order by storage_key`;
    const before = await rowsOf();
    log(`draft ${applicationId}: ${before.length} documents, replacing the first one`);

    // 1. Killed mid-body.
    const big = faultPdf("coupe", 9 * 1024 * 1024);
    const cutAt = 8 * 1024 * 1024;
    const midBody = upload(app.base, token, fields, big, cutAt);
    const sent = await midBody.written;
    const clientPort = midBody.localPort();
    const readByApp = clientPort ? sent - queuedBytes(appPort, clientPort) : -1;
    await app.kill("SIGKILL");
    const cutAnswer = await midBody.done;
    log(
      `1. SIGKILL after ${(sent / 1048576).toFixed(1)} MB of ${(midBody.total / 1048576).toFixed(1)} MB sent, ${(readByApp / 1048576).toFixed(1)} MB read by the app; the client saw ${"error" in cutAnswer ? cutAnswer.error : `HTTP ${cutAnswer.status}`}`,
    );
    check(
      "mid-body: the app had read part of the body when killed",
      readByApp > 0 && readByApp < midBody.total,
    );
    check("mid-body: no answer reached the client", "error" in cutAnswer);
    check(
      "mid-body: rows unchanged, no file written",
      JSON.stringify(await rowsOf()) === JSON.stringify(before) &&
        filesOf(applicationId).length === before.length,
    );
    let restartedAt = Date.now();
    await app.restart();
    log(`app restarted in ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`);

    // 2. Killed between the file write and the row.
    const filesBefore = new Set(filesOf(applicationId));
    const holder = await sql.reserve();
    const replacement = faultPdf("entre-fichier-et-ligne", 64 * 1024);
    let between: ReturnType<typeof upload>;
    let newFile: string;
    let waiting: number;
    try {
      await holder`begin`;
      await holder`select id from attachments where application_id = ${applicationId}
        and required_document_id = ${documentId} for update`;
      between = upload(app.base, token, fields, replacement);
      const upload2 = between;
      // Stop waiting as soon as the upload is answered (refused, or not held by the lock).
      const answered = (async () => {
        const answer = await upload2.done;
        return `the upload was answered before the kill: ${"error" in answer ? answer.error : `HTTP ${answer.status} ${answer.text}`}`;
      })();
      let early: string | undefined;
      void answered.then((reason) => {
        early = reason;
      });
      newFile = await until("the new file in the store", () => {
        if (early) throw new Error(early);
        return filesOf(applicationId).find((key) => !filesBefore.has(key));
      });
      waiting = await until("the upload's transaction waiting on the lock", async () => {
        if (early) throw new Error(early);
        const [row] = await sql`select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query ilike 'delete from "attachments"%'`;
        return row && row.n > 0 ? row.n : undefined;
      });
      await app.kill("SIGKILL");
    } finally {
      // Always let go of the lock, or the clean-up below would wait on it forever.
      await holder`rollback`.catch(() => {});
      holder.release();
    }
    const betweenAnswer = await between.done;
    const newFileBytes = readFileSync(path.join(FILE_STORE_DIR, newFile));
    log(
      `2. SIGKILL with the new file on disk (${newFileBytes.byteLength} bytes, ${newFile}) and ${waiting} transaction waiting to replace the row; the client saw ${"error" in betweenAnswer ? betweenAnswer.error : `HTTP ${betweenAnswer.status}`}`,
    );
    // The killed app's backend ends its transaction (rolled back) once it finds its client gone.
    await until("the killed app's transaction to end", async () => {
      const [row] = await sql`select count(*)::int as n from pg_stat_activity
        where query ilike 'delete from "attachments"%' and state <> 'idle'`;
      return row?.n === 0 ? true : undefined;
    });
    const afterKill = await rowsOf();
    check(
      "between file and row: the previous row is kept, no row for the new file",
      JSON.stringify(afterKill) === JSON.stringify(before),
    );
    check(
      "between file and row: the new file is on disk, complete, without a row (an orphan)",
      newFileBytes.byteLength === replacement.byteLength && !afterKill.some((r) => r.storage_key === newFile),
    );

    restartedAt = Date.now();
    await app.restart();
    log(`app restarted in ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`);
    // The start-up clean-up runs in the background: wait for the orphan to go.
    const cleanedMs = await until("the orphan removed by the start-up clean-up", () =>
      existsSync(path.join(FILE_STORE_DIR, newFile)) ? undefined : Date.now() - restartedAt,
    ).catch(() => null);
    check(
      "the start-up clean-up removed the orphan file",
      cleanedMs !== null && /\[files\] \d+ orphan file\(s\) removed/.test(readFileSync(app.logFile, "utf8")),
      cleanedMs === null ? "still there" : `${(cleanedMs / 1000).toFixed(1)} s after the restart began`,
    );

    // Every row names a complete file; every file of the draft has its row.
    const consistent = async () => {
      const rows = await rowsOf();
      const keys = new Set(rows.map((r) => r.storage_key as string));
      const bad = rows.filter((r) => {
        const file = path.join(FILE_STORE_DIR, r.storage_key as string);
        if (!existsSync(file) || statSync(file).size !== r.size) return true;
        return sha256(readFileSync(file)) !== r.sha256;
      });
      const strays = filesOf(applicationId).filter((key) => !keys.has(key));
      return { rows, bad, strays };
    };
    const state = await consistent();
    check(
      "every attachment row names an existing file of its size and SHA-256",
      state.bad.length === 0,
      `${state.rows.length} rows`,
    );
    check("no file of the draft without its row", state.strays.length === 0, state.strays.join(", "));

    // The draft opens, is saved, an upload works, it is submitted.
    const pagePath = `/espace/dossiers/${applicationId}`;
    const page = await fetch(`${app.base}${pagePath}`, {
      headers: { cookie: `authjs.session-token=${token}` },
    });
    const html = await page.text();
    check("the draft opens", page.status === 200 && html.includes(TAG), `HTTP ${page.status}`);
    const again = upload(app.base, token, fields, faultPdf("apres-redemarrage", 1024 * 1024));
    const againAnswer = await again.done;
    check(
      "an upload works again",
      "status" in againAnswer && againAnswer.status === 201,
      "status" in againAnswer ? `HTTP ${againAnswer.status}` : againAnswer.error,
    );
    const [{ version } = { version: 0 }] =
      await sql`select version from applications where id = ${applicationId}`;
    const saved = await fetch(
      `${app.base}${pagePath}`,
      actionRequest({
        base: app.base,
        pagePath,
        actionId: saveId,
        token,
        fields: {
          payload: JSON.stringify({
            applicationId,
            version,
            changes: { summary: "Résumé, enregistré après la panne." },
            base: { summary: draft.form.summary },
          }),
        },
      }),
    );
    await saved.text();
    const [afterSave] = await sql`select version, summary from applications where id = ${applicationId}`;
    check(
      "the draft is saved",
      saved.status === 200 &&
        afterSave?.version === version + 1 &&
        afterSave?.summary === "Résumé, enregistré après la panne.",
      `version ${version} → ${afterSave?.version}`,
    );
    const submitted = await fetch(
      `${app.base}${pagePath}`,
      actionRequest({ base: app.base, pagePath, actionId: submitId, token, fields: { applicationId } }),
    );
    const submittedText = await submitted.text();
    const [afterSubmit] =
      await sql`select status, receipt_number from applications where id = ${applicationId}`;
    check(
      "the draft is submitted, with its receipt",
      answeredWithReceipt(submitted, submittedText, applicationId) &&
        afterSubmit?.status === "submitted" &&
        Boolean(afterSubmit.receipt_number),
      `${afterSubmit?.status} ${afterSubmit?.receipt_number ?? ""}`,
    );
    const final = await consistent();
    check("after all of it, rows and files still agree", final.bad.length === 0 && final.strays.length === 0);
  } finally {
    if (draft) {
      // Clean-up: the fault's rows and files (the audit trail keeps its lines; it is append-only).
      const id = draft.applicationId;
      await sql`delete from email_outbox where dedupe_key like ${`receipt:${id}:%`}`.catch(() => {});
      await sql`delete from attachments where application_id = ${id}`.catch(() => {});
      await sql`delete from applications where id = ${id}`.catch(() => {});
      await sql`delete from sessions where session_token = ${draft.token}`.catch(() => {});
      rmSync(path.join(FILE_STORE_DIR, "applications", id), { recursive: true, force: true });
    }
    await sql.end({ timeout: 5 }).catch(() => {});
    await app.stop().catch(() => {});
  }
  const failed = checks.filter((c) => !c.ok);
  log(
    `${checks.length - failed.length}/${checks.length} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s (2 kills, 2 restarts)${failed.length ? `; FAILED: ${failed.map((c) => c.name).join("; ")}` : ""}`,
  );
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
