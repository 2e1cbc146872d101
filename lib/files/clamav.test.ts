/**
 * The clamd client against a real local server speaking clamd's INSTREAM
 * protocol over a real socket (TCP, then a Unix socket): it reads the
 * command, the length-prefixed chunks up to the empty one, and answers like
 * clamd does (OK, FOUND for the EICAR test string, ERROR when too large).
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseClamdReply, scanWithClamd } from "./clamav";
import { inspectUpload, MESSAGES } from "./inspect";

const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
const STREAM_MAX = 2 * 1024 * 1024;

/** What the fake clamd received last: the command and the reassembled file's SHA-256. */
const seen: { command: string; sha256: string; chunks: number }[] = [];

function clamd(socket: Socket) {
  let buffer = Buffer.alloc(0);
  let command: string | null = null;
  const parts: Buffer[] = [];
  let size = 0;
  socket.on("data", (data) => {
    buffer = Buffer.concat([buffer, data]);
    if (command === null) {
      const end = buffer.indexOf(0);
      if (end < 0) return;
      command = buffer.subarray(0, end).toString();
      buffer = buffer.subarray(end + 1);
      if (command !== "zINSTREAM") {
        socket.end("UNKNOWN COMMAND\0");
        return;
      }
    }
    while (buffer.length >= 4) {
      const length = buffer.readUInt32BE(0);
      if (length === 0) {
        const file = Buffer.concat(parts);
        seen.push({ command, sha256: createHash("sha256").update(file).digest("hex"), chunks: parts.length });
        socket.end(file.includes(EICAR) ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0");
        return;
      }
      if (buffer.length < 4 + length) return;
      parts.push(buffer.subarray(4, 4 + length));
      size += length;
      buffer = buffer.subarray(4 + length);
      if (size > STREAM_MAX) {
        socket.end("INSTREAM size limit exceeded. ERROR\0");
        return;
      }
    }
  });
}

let tcp: Server;
let unix: Server;
let socketDir: string;
let tcpUrl = "";
let unixUrl = "";

beforeAll(async () => {
  tcp = createServer(clamd);
  await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
  const address = tcp.address();
  tcpUrl = `tcp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  socketDir = await mkdtemp(path.join(tmpdir(), "clamd-"));
  unix = createServer(clamd);
  const socketPath = path.join(socketDir, "clamd.ctl");
  await new Promise<void>((resolve) => unix.listen(socketPath, resolve));
  unixUrl = `unix://${socketPath}`;
});

afterAll(async () => {
  await new Promise((resolve) => tcp.close(resolve));
  await new Promise((resolve) => unix.close(resolve));
  await rm(socketDir, { recursive: true, force: true });
});

describe("the clamd client (INSTREAM) on a real socket", () => {
  it("gets OK for a clean file sent in several chunks, reassembled byte for byte", async () => {
    const file = new Uint8Array(300 * 1024).map((_, i) => (i * 31) % 251);
    expect(await scanWithClamd(tcpUrl, file)).toEqual({ status: "clean" });
    const last = seen.at(-1);
    expect(last?.command).toBe("zINSTREAM");
    expect(last?.chunks).toBe(5);
    expect(last?.sha256).toBe(createHash("sha256").update(file).digest("hex"));
  });

  it("gets FOUND with the signature for the EICAR test file, over TCP and over a Unix socket", async () => {
    const file = new TextEncoder().encode(`%PDF-1.4\n${EICAR}\n`);
    expect(await scanWithClamd(tcpUrl, file)).toEqual({
      status: "infected",
      signature: "Eicar-Test-Signature",
    });
    expect(await scanWithClamd(unixUrl, file)).toEqual({
      status: "infected",
      signature: "Eicar-Test-Signature",
    });
  });

  it("reports clamd's refusal of a too large stream, and an unreachable clamd, as errors", async () => {
    const big = new Uint8Array(STREAM_MAX + 1024);
    expect(await scanWithClamd(tcpUrl, big)).toMatchObject({
      status: "error",
      detail: expect.stringContaining("ERROR"),
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    const port = typeof address === "object" && address ? address.port : 1;
    expect(await scanWithClamd(`tcp://127.0.0.1:${port}`, new Uint8Array(10))).toMatchObject({
      status: "error",
    });
  });

  it("parses clamd's replies", () => {
    expect(parseClamdReply("stream: OK\0")).toEqual({ status: "clean" });
    expect(parseClamdReply("stream: Win.Test.EICAR_HDB-1 FOUND\0")).toEqual({
      status: "infected",
      signature: "Win.Test.EICAR_HDB-1",
    });
    expect(parseClamdReply("")).toMatchObject({ status: "error" });
  });
});

describe("the antivirus in the upload checks", () => {
  const clean = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n");
  const infected = new TextEncoder().encode(`%PDF-1.4\n${EICAR}\n`);

  it("is off when CLAMAV_URL is not set: nothing is sent", async () => {
    const before = seen.length;
    expect(await inspectUpload("application/pdf", infected, scanWithClamd, {})).toEqual({ ok: true });
    expect(seen.length).toBe(before);
  });

  it("refuses an infected file with a French message, accepts a clean one", async () => {
    const env = { CLAMAV_URL: tcpUrl };
    expect(await inspectUpload("application/pdf", clean, scanWithClamd, env)).toEqual({ ok: true });
    expect(await inspectUpload("application/pdf", infected, scanWithClamd, env)).toEqual({
      ok: false,
      status: 422,
      message: MESSAGES.infected,
    });
  });

  it("refuses (503, try again) when clamd is configured but unreachable: no unscanned file gets through", async () => {
    const env = { CLAMAV_URL: `unix://${path.join(socketDir, "absent.ctl")}` };
    expect(await inspectUpload("application/pdf", clean, scanWithClamd, env)).toEqual({
      ok: false,
      status: 503,
      message: MESSAGES.scanFailed,
    });
  });
});
