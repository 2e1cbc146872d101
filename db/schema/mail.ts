import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { emailStatus } from "./enums";

/**
 * E-mails to send, written in the same transaction as what caused them; a
 * background sender claims rows with FOR UPDATE SKIP LOCKED and retries with back-off.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    /** Which template produced it (sign-in, receipt, decision…), for the admin mailbox page. */
    template: text("template").notNull(),
    /** Makes enqueueing idempotent (e.g. one receipt per submission). */
    dedupeKey: text("dedupe_key").unique(),
    status: emailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("email_outbox_created_at_idx").on(t.createdAt),
    check("email_outbox_attempts_non_negative", sql`${t.attempts} >= 0`),
  ],
);
