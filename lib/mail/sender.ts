import "server-only";
/**
 * Delivering the outbox. Any number of app nodes may run the sender at once:
 * rows are claimed with FOR UPDATE SKIP LOCKED in a short transaction that
 * marks them `sending` under a lease (their next_attempt_at is pushed forward),
 * and the SMTP conversation happens outside any transaction. A node that dies
 * mid-send leaves its rows `sending`; once the lease has expired they are due
 * again and another node takes them over (delivery is at least once; the
 * Message-ID stays the same across attempts so that receivers can spot a repeat).
 *
 * `attempts` counts the attempts started: it is incremented when a row is
 * claimed, so that an e-mail that crashes the process every time still ends `failed`.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { jobLog } from "@/lib/log";
import { retryDelayMs } from "./backoff";
import { createTransportFromEnv, type MailTransport, mailFrom, smtpConfigured } from "./transport";

const mailLog = jobLog("mail");

export const DEFAULT_BATCH_SIZE = 20;
/** How long a claim protects a row from the other nodes. */
export const DEFAULT_LEASE_MS = 2 * 60_000;
/** After this many failed attempts an e-mail is `failed` and no longer retried. */
export const DEFAULT_MAX_ATTEMPTS = 10;
const LAST_ERROR_MAX_LENGTH = 1000;

export type DeliveryOptions = {
  batchSize?: number;
  /** The time of this run: rows due at or before it are claimed. Default: the clock. */
  now?: Date;
  leaseMs?: number;
  maxAttempts?: number;
  /** Default: MAIL_FROM. */
  from?: string;
  /** Jitter source of the back-off (tests make it deterministic). */
  random?: () => number;
};

export type DeliveryResult = {
  /** Rows claimed by this run. */
  claimed: number;
  sent: number;
  /** Failed this time, to be retried later. */
  retried: number;
  /** Given up for good. */
  failed: number;
  /** Put back unsent because this run's lease was running out. */
  released: number;
};

type OutboxRow = typeof emailOutbox.$inferSelect;

/**
 * Claims the due e-mails (pending, or `sending` with an expired lease), sends
 * them one by one and records the outcome. Two concurrent calls, in one process
 * or on two nodes, never claim the same row.
 */
export async function deliverDueEmails(
  db: Database,
  transport: MailTransport,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const from = options.from ?? mailFrom();
  const random = options.random ?? Math.random;
  const now = options.now ?? new Date();
  // A clock that starts at `now` and runs in real time, for every time this run writes.
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const clock = () => new Date(now.getTime() + elapsed());

  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await claim(db, { now, leaseUntil, batchSize });
  const result: DeliveryResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0, released: 0 };

  // Only touch a row while this run's claim still holds: if the lease expired
  // and another node took the row over, its outcome is that node's to record.
  const stillOurs = (row: OutboxRow) =>
    and(
      eq(emailOutbox.id, row.id),
      eq(emailOutbox.status, "sending"),
      eq(emailOutbox.nextAttemptAt, leaseUntil),
    );
  const record = async (row: OutboxRow, values: Partial<typeof emailOutbox.$inferInsert>) => {
    const updated = await db
      .update(emailOutbox)
      .set(values)
      .where(stillOurs(row))
      .returning({ id: emailOutbox.id });
    if (updated.length === 0) {
      mailLog.warn({ emailId: row.id, status: values.status }, "lease lost before the outcome was recorded");
    }
  };

  for (const row of rows) {
    if (row.attempts > maxAttempts) {
      // Claimed again after a node died while sending it, too many times.
      await record(row, {
        status: "failed",
        attempts: row.attempts - 1,
        lastError: truncate(`Abandoned after ${maxAttempts} attempts (the sender stopped while sending).`),
      });
      result.failed++;
      continue;
    }
    if (elapsed() > leaseMs * 0.75) {
      // The batch took so long that the lease is running out: hand the rest back
      // rather than risk sending an e-mail that another node is about to take over.
      await record(row, { status: "pending", attempts: row.attempts - 1, nextAttemptAt: clock() });
      result.released++;
      continue;
    }
    try {
      await transport.sendMail(message(row, from));
    } catch (error) {
      const giveUp = row.attempts >= maxAttempts;
      await record(row, {
        status: giveUp ? "failed" : "pending",
        lastError: truncate(describeError(error)),
        nextAttemptAt: giveUp ? clock() : new Date(clock().getTime() + retryDelayMs(row.attempts, random)),
      });
      if (giveUp) result.failed++;
      else result.retried++;
      continue;
    }
    await record(row, { status: "sent", sentAt: clock() });
    result.sent++;
  }
  return result;
}

/** The short claiming transaction: lock due rows others have not locked, and lease them. */
async function claim(
  db: Database,
  { now, leaseUntil, batchSize }: { now: Date; leaseUntil: Date; batchSize: number },
) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.status, ["pending", "sending"]), lte(emailOutbox.nextAttemptAt, now)))
      .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(emailOutbox)
      .set({ status: "sending", nextAttemptAt: leaseUntil, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(
        inArray(
          emailOutbox.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
    return claimed.sort((a, b) => a.id - b.id);
  });
}

function message(row: OutboxRow, from: string) {
  return {
    from,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody ?? undefined,
    // The same on every attempt, so that a repeat (after a lost lease) can be recognised.
    messageId: `<outbox.${row.id}.${row.createdAt.getTime()}@${domainOf(from)}>`,
    // RFC 3834: automatic message, no out-of-office replies please.
    headers: { "Auto-Submitted": "auto-generated" },
  };
}

function domainOf(address: string) {
  return /@([^\s<>@]+)>?\s*$/.exec(address)?.[1] ?? "localhost";
}

function describeError(error: unknown) {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}

function truncate(value: string) {
  return value.length > LAST_ERROR_MAX_LENGTH ? `${value.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…` : value;
}

export type MailSenderOptions = {
  /** Pause between two runs when there was nothing more to send. */
  intervalMs?: number;
  batchSize?: number;
  /** Default: a transport on SMTP_URL; with neither, the sender does not start. */
  transport?: MailTransport;
};

const RUNNING = Symbol.for("cooperation.mailSender");
type Running = { stop: () => Promise<void>; wake: () => void };
const registry = globalThis as typeof globalThis & { [RUNNING]?: Running };

/**
 * Starts delivering the outbox in the background of this process, and returns
 * a function that stops it (waiting for the run in progress). Runs follow each
 * other with a self-rescheduling, unref'd timeout: a full batch is followed at
 * once by the next, otherwise the sender waits `intervalMs`. Without SMTP_URL
 * (and no transport given) nothing is started and e-mails stay in the outbox.
 * A second start in the same process (dev reloads) returns the running sender's stop.
 */
export function startMailSender(db: Database, options: MailSenderOptions = {}): () => Promise<void> {
  const existing = registry[RUNNING];
  if (existing) return existing.stop;
  if (!options.transport && !smtpConfigured()) {
    mailLog.info("SMTP_URL is not set, so e-mails are kept in the outbox and not sent.");
    return async () => {};
  }
  const transport = options.transport ?? createTransportFromEnv();
  const intervalMs = options.intervalMs ?? 10_000;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  /** Woken while a run was in progress: run again as soon as it ends. */
  let woken = false;

  const run = async () => {
    let again = false;
    try {
      const result = await deliverDueEmails(db, transport, { batchSize });
      again = result.claimed >= batchSize;
      if (result.retried + result.failed > 0) {
        mailLog.warn(
          { sent: result.sent, retried: result.retried, failed: result.failed },
          "delivery run with failures",
        );
      }
    } catch (error) {
      // The database may be briefly unreachable: try again at the next tick.
      mailLog.error({ err: error }, "delivery run failed");
    }
    inFlight = undefined;
    if (!stopped) schedule(again || woken ? 0 : intervalMs);
    woken = false;
  };
  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      inFlight = run();
    }, delayMs);
    // Never keep the process alive for the sender alone.
    timer.unref();
  };

  const running: Running = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      if (registry[RUNNING] === running) delete registry[RUNNING];
      if (!options.transport) transport.close?.();
    },
    wake: () => {
      if (stopped) return;
      if (inFlight) woken = true;
      else schedule(0);
    },
  };
  registry[RUNNING] = running;
  schedule(0);
  return running.stop;
}

/**
 * Asks this process's sender, if it runs, to deliver now rather than at its
 * next tick: call it after committing an e-mail someone is waiting for (a
 * sign-in link). Harmless without a sender (the demo) or on another node.
 */
export function wakeMailSender(): void {
  registry[RUNNING]?.wake();
}

export { createTransportFromEnv, mailFrom, smtpConfigured } from "./transport";
