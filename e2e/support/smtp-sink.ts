/**
 * A real SMTP server for the e2e run: the app's background sender delivers to
 * it, and tests read what it received over a small HTTP API:
 * GET /messages?to=<address> → [{ to, subject, text }] (quoted-printable decoded);
 * POST /refuse?to=<address> makes the server answer 550 to that recipient (a
 * real SMTP refusal, as a mailbox that does not exist), DELETE /refuse?to= accepts it again.
 */
import { createServer } from "node:http";
import { startSmtpServer } from "../../lib/mail/testing/smtp-server";

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 3925);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 3926);

/** Decodes a quoted-printable body (soft line breaks and =XX bytes, as UTF-8). */
export function decodeQuotedPrintable(value: string) {
  const bytes = value
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-F]{2})/gi, "%25");
  try {
    return decodeURIComponent(bytes);
  } catch {
    return value;
  }
}

async function main() {
  const smtp = await startSmtpServer(smtpPort);
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://127.0.0.1:${httpPort}`);
    if (url.pathname === "/health") {
      response.end("ok");
      return;
    }
    if (url.pathname === "/refuse") {
      const to = url.searchParams.get("to")?.toLowerCase();
      if (to && request.method === "POST") smtp.refused.add(to);
      else if (to && request.method === "DELETE") smtp.refused.delete(to);
      response.end("ok");
      return;
    }
    if (url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      const list = smtp.messages
        .filter((m) => !to || m.to.map((a) => a.toLowerCase()).includes(to))
        .map((m) => ({ to: m.to, subject: m.subject, text: decodeQuotedPrintable(m.raw) }));
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(list));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  http.listen(httpPort, "127.0.0.1");
  const stop = async () => {
    http.close();
    await smtp.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  console.log(`SMTP sink on 127.0.0.1:${smtpPort}, messages on http://127.0.0.1:${httpPort}/messages`);
}

void main();
