import pino, { type DestinationStream, type Logger } from "pino";
import { REQUEST_ID_HEADER } from "@/lib/request-id";

/**
 * The server's logs: one JSON object per line on stdout (pino), with `level`,
 * `time`, `msg`, the node's `hostname` and `pid`, and the context fields of
 * the caller: `requestId`, `action` or `handler`, `userId` for a request;
 * `job` for the background jobs. An operator follows one request across nodes
 * by grepping its id (docs/operations.md, « Logs »).
 *
 * The level comes from LOG_LEVEL (trace, debug, info, warn, error, fatal,
 * silent; info by default). Fields that may carry a secret or a person's
 * words are replaced by « [redacted] » wherever they appear one or two levels
 * down: an error's context or a payload logged by mistake must not put a
 * password, a token, a cookie or an e-mail's body in the logs.
 */

const SECRET_FIELDS = [
  "password",
  "token",
  "sessionToken",
  "idToken",
  "accessToken",
  "refreshToken",
  "secret",
  "authorization",
  "cookie",
  "body",
  "html",
  "text",
];

export const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

export function createLogger(
  destination?: DestinationStream,
  level = process.env.LOG_LEVEL || "info",
): Logger {
  return pino(
    {
      level,
      // Levels as words ("error"), not pino's numbers: what an operator greps for.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

export const log = createLogger();

/** A background job's logger: every line carries `job` instead of a request id. */
export function jobLog(job: string) {
  return log.child({ job });
}

/**
 * A logger for the request being served, with its id and the given fields.
 * Reads the request's headers: call it only from a server action, a route
 * handler or an error path, never from code a cached (static) render runs,
 * which would make the page dynamic. Outside a request (a script, a test),
 * the id is null.
 */
export async function requestLog(fields: Record<string, unknown>) {
  let requestId: string | null = null;
  try {
    const { headers } = await import("next/headers");
    requestId = (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // Not in a request: no id to give.
  }
  return log.child({ requestId, ...fields });
}
