import "server-only";
/**
 * Enqueueing e-mails. An e-mail is written to `email_outbox` in the same
 * transaction as what caused it (a submission, a decision…), so that it is sent
 * if and only if that change is committed; the sender (sender.ts) delivers it.
 */

import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { z } from "@/lib/zod";

/** The database or a transaction of it: anything that can insert. */
export type OutboxWriter = Pick<Database, "insert">;

export type OutboxEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Which template produced it (`sign-in`, `receipt`, `decision`…), shown on the admin mailbox page. */
  template: string;
  /**
   * Makes enqueueing idempotent: a second e-mail with the same key is not
   * written (e.g. `receipt:<application id>` for one receipt per submission).
   */
  dedupeKey?: string | null;
};

const outboxEmail = z.object({
  to: z.email(),
  subject: z.string().trim().min(1),
  text: z.string().min(1),
  html: z.string().min(1).nullish(),
  template: z.string().trim().min(1),
  dedupeKey: z.string().trim().min(1).nullish(),
});

/**
 * Writes an e-mail to the outbox with the given database or transaction.
 * Returns false when an e-mail with the same `dedupeKey` was already enqueued
 * (nothing written), true otherwise. Throws on an invalid address, subject or body.
 */
export async function enqueueEmail(tx: OutboxWriter, email: OutboxEmail): Promise<boolean> {
  const rows = await tx
    .insert(emailOutbox)
    .values(outboxValues(email))
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/**
 * The checked column values of an outbox row, for callers that write it in
 * their own statement (the submission writes its receipts in one statement
 * with the receipt number, see lib/applications/actions.ts). Throws on an
 * invalid address, subject or body, as enqueueEmail does.
 */
export function outboxValues(email: OutboxEmail) {
  const parsed = outboxEmail.parse(email);
  return {
    toAddress: parsed.to,
    // One line: a title with a line break must not break the header.
    subject: parsed.subject.replace(/\s+/g, " "),
    textBody: parsed.text,
    htmlBody: parsed.html ?? null,
    template: parsed.template,
    dedupeKey: parsed.dedupeKey ?? null,
  };
}
