import "server-only";
import { count, desc } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";

export const MAILBOX_PAGE_SIZE = 50;

/** The latest e-mails of the outbox, newest first, for the admin and demo mailbox pages. */
export async function listOutbox(db: Database, page = 1) {
  const offset = (Math.max(1, page) - 1) * MAILBOX_PAGE_SIZE;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(MAILBOX_PAGE_SIZE)
      .offset(offset),
    db.select({ n: count() }).from(emailOutbox),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Links found in an e-mail's text, so the demo mailbox can show them as links. */
export function linksIn(text: string) {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
}
