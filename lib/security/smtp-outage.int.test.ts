/**
 * SMTP down for a while: a real SMTP server (smtp-server)
 * delivering, then stopped, then started again on the same port. E-mails
 * enqueued meanwhile stay in the outbox and go out once it is back, each once.
 */
import { inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { enqueueEmail } from "@/lib/mail/outbox";
import { deliverDueEmails } from "@/lib/mail/sender";
import { startSmtpServer } from "@/lib/mail/testing/smtp-server";
import { createTransportFromEnv } from "@/lib/mail/transport";

// Due a second ago: the sender compares with the app's clock, in milliseconds, and PostgreSQL's
// now() has microseconds, so « now() » itself may still be a fraction of a millisecond ahead.
const DUE = sql`now() - interval '1 second'`;

const { db, close } = testDb();
afterAll(close);

const TAG = `panne-smtp-${Date.now().toString(36)}`;

async function enqueue(count: number, prefix: string) {
  const ids: number[] = [];
  await db.transaction(async (tx) => {
    for (let i = 1; i <= count; i++) {
      await enqueueEmail(tx, {
        to: `agent${i}@${TAG}.example`,
        subject: `${prefix} n° ${i}`,
        text: `Message ${i}`,
        html: `<p>Message ${i}</p>`,
        template: "test",
        dedupeKey: `${TAG}:${prefix}:${i}`,
      });
    }
  });
  const rows = await db
    .select({ id: emailOutbox.id, key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(sql`${emailOutbox.dedupeKey} like ${`${TAG}:${prefix}:%`}`);
  ids.push(...rows.map((r) => r.id));
  return ids;
}

describe("SMTP server stopped, then started again on the same port", () => {
  it("keeps the e-mails while it is down and sends each exactly once when it is back", async () => {
    // Other files' e-mails are not this test's business: only ours are due.
    await db
      .update(emailOutbox)
      .set({ nextAttemptAt: sql`now() + interval '1 day'` })
      .where(
        sql`${emailOutbox.status} = 'pending' and coalesce(${emailOutbox.dedupeKey}, '') not like ${`${TAG}%`}`,
      );
    const first = await startSmtpServer();
    const transport = createTransportFromEnv({ SMTP_URL: first.url });
    const before = await enqueue(2, "Avant");
    expect(await deliverDueEmails(db, transport)).toMatchObject({ sent: 2, retried: 0 });
    expect(first.messages).toHaveLength(2);

    await first.close();
    const during = await enqueue(3, "Pendant");
    const down = await deliverDueEmails(db, transport);
    expect(down).toMatchObject({ claimed: 3, sent: 0, retried: 3, failed: 0 });
    const kept = await db.select().from(emailOutbox).where(inArray(emailOutbox.id, during));
    expect(kept.map((row) => row.status)).toEqual(["pending", "pending", "pending"]);
    expect(kept.every((row) => row.lastError && row.sentAt === null)).toBe(true);

    const second = await startSmtpServer(first.port);
    try {
      // The back-off has passed.
      await db.update(emailOutbox).set({ nextAttemptAt: DUE }).where(inArray(emailOutbox.id, during));
      const back = await deliverDueEmails(db, transport);
      expect(back).toMatchObject({ claimed: 3, sent: 3, retried: 0, failed: 0 });
      expect(second.messages.map((m) => m.subject).sort()).toEqual([
        "Pendant n° 1",
        "Pendant n° 2",
        "Pendant n° 3",
      ]);
      // Nothing sent twice: the e-mails sent before the outage did not go again.
      expect((await deliverDueEmails(db, transport)).claimed).toBe(0);
      const all = await db
        .select()
        .from(emailOutbox)
        .where(inArray(emailOutbox.id, [...before, ...during]));
      expect(all.every((row) => row.status === "sent")).toBe(true);
    } finally {
      transport.close?.();
      await second.close();
    }
  });
});
