/**
 * Antivirus hook: a small client of ClamAV's daemon,
 * `clamd`, over its INSTREAM protocol, when `CLAMAV_URL` is set
 * (`tcp://127.0.0.1:3310` or `unix:///run/clamav/clamd.ctl`); off by default.
 * See docs/security.md for installing clamav-daemon.
 *
 * Protocol: send `zINSTREAM\0`, then the file in chunks, each preceded by its
 * length on 4 bytes (big-endian), then a chunk of length 0; clamd answers one
 * line ending with `\0`: `stream: OK`, `stream: <signature> FOUND`, or
 * `… ERROR` (e.g. the file exceeds its StreamMaxLength).
 */
import { connect, type Socket } from "node:net";

export type ScanResult =
  | { status: "clean" }
  | { status: "infected"; signature: string }
  | { status: "error"; detail: string };

const CHUNK = 64 * 1024;

/** The configured clamd address, or null when scanning is off. */
export function clamdUrl(env: Record<string, string | undefined> = process.env) {
  const value = env.CLAMAV_URL?.trim();
  return value ? value : null;
}

function open(url: string): Socket {
  const parsed = new URL(url);
  if (parsed.protocol === "unix:") return connect({ path: parsed.pathname });
  if (parsed.protocol === "tcp:")
    return connect({ host: parsed.hostname, port: Number(parsed.port || 3310) });
  throw new Error(`CLAMAV_URL must be tcp://host:port or unix:///path, not ${parsed.protocol}`);
}

/** Parses clamd's answer line (without its final NUL). */
export function parseClamdReply(reply: string): ScanResult {
  const line = reply.replace(/\0+$/, "").trim();
  if (/^stream: OK$/.test(line)) return { status: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { status: "infected", signature: found[1] ?? "inconnu" };
  return { status: "error", detail: line || "empty reply" };
}

/** Sends the bytes to clamd and returns its verdict; never throws (a failure is a `status: "error"`). */
export function scanWithClamd(url: string, bytes: Uint8Array, timeoutMs = 30_000): Promise<ScanResult> {
  return new Promise((resolve) => {
    let socket: Socket;
    try {
      socket = open(url);
    } catch (error) {
      resolve({ status: "error", detail: String(error) });
      return;
    }
    const received: Buffer[] = [];
    let settled = false;
    const finish = (result: ScanResult) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish({ status: "error", detail: "clamd timed out" }));
    socket.on("error", (error) => finish({ status: "error", detail: error.message }));
    socket.on("data", (data) => {
      received.push(data);
      if (data.includes(0)) finish(parseClamdReply(Buffer.concat(received).toString("utf8")));
    });
    socket.on("end", () => finish(parseClamdReply(Buffer.concat(received).toString("utf8"))));
    socket.on("connect", () => {
      socket.write("zINSTREAM\0");
      for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
        const chunk = bytes.subarray(offset, Math.min(offset + CHUNK, bytes.byteLength));
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.byteLength);
        socket.write(length);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}
