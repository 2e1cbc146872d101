import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { normalizeSearch } from "@/lib/text";
import { enqueueEmail } from "./outbox";
import { deliverDueEmails, startMailSender, wakeMailSender } from "./sender";
import { signInLinkEmail } from "./templates";
import { startSmtpServer, unusedPort } from "./testing/smtp-server";
import { createTransportFromEnv, type MailTransport } from "./transport";

// Due a second ago: the sender compares with the app's clock, in milliseconds, and PostgreSQL's
// now() has microseconds, so « now() » itself may still be a fraction of a millisecond ahead.
const DUE = sql`now() - interval '1 second'`;

const { db, close } = testDb();
afterAll(close);

const smtpServers: Array<{ close: () => Promise<void> }> = [];
async function smtpServer(port?: number) {
  const server = await startSmtpServer(port);
  smtpServers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(smtpServers.splice(0).map((server) => server.close()));
});

// Files of the integration project run one after another on the run's database:
// start each test from an empty outbox so that only its own e-mails are due.
beforeEach(async () => {
  await db.delete(emailOutbox);
});

const transportTo = (url: string) => createTransportFromEnv({ SMTP_URL: url });
const noJitter = () => 0;

const slug = (value: string) => normalizeSearch(value).replace(/ /g, "-");

async function enqueueMany(count: number, prefix: string) {
  await db.transaction(async (tx) => {
    for (let i = 1; i <= count; i++) {
      await enqueueEmail(tx, {
        to: `agent${i}@${slug(prefix)}.example`,
        subject: `${prefix} n° ${i} — coopération`,
        text: `Message ${i}`,
        html: `<p>Message ${i}</p>`,
        template: "test",
      });
    }
  });
}

const rows = () => db.select().from(emailOutbox).orderBy(asc(emailOutbox.id));

describe("deliverDueEmails", () => {
  it("sends the due e-mails through SMTP and marks them sent", async () => {
    const server = await smtpServer();
    await enqueueMany(3, "Accusé");

    const result = await deliverDueEmails(db, transportTo(server.url), { batchSize: 10 });

    expect(result).toEqual({ claimed: 3, sent: 3, retried: 0, failed: 0, released: 0 });
    expect(server.messages.map((m) => m.to)).toEqual([
      ["agent1@accuse.example"],
      ["agent2@accuse.example"],
      ["agent3@accuse.example"],
    ]);
    expect(server.messages.map((m) => m.subject)).toEqual([
      "Accusé n° 1 — coopération",
      "Accusé n° 2 — coopération",
      "Accusé n° 3 — coopération",
    ]);
    const [first] = server.messages;
    expect(first?.from).toBe("ne-pas-repondre@cooperation.example");
    expect(first?.headers.get("auto-submitted")).toBe("auto-generated");
    expect(first?.messageId).toMatch(/^<outbox\.\d+\.\d+@cooperation\.example>$/);
    expect(first?.raw).toContain("Content-Type: text/html");

    const stored = await rows();
    expect(stored.map((row) => row.status)).toEqual(["sent", "sent", "sent"]);
    expect(stored.every((row) => row.sentAt !== null && row.attempts === 1)).toBe(true);

    // Nothing is due any more.
    expect((await deliverDueEmails(db, transportTo(server.url))).claimed).toBe(0);
  });

  it("keeps e-mails when SMTP is down, and sends them once it is back", async () => {
    const port = await unusedPort();
    await enqueueMany(2, "Panne");
    const now = new Date();

    const down = await deliverDueEmails(db, transportTo(`smtp://127.0.0.1:${port}`), {
      now,
      random: noJitter,
    });

    expect(down).toEqual({ claimed: 2, sent: 0, retried: 2, failed: 0, released: 0 });
    for (const row of await rows()) {
      expect(row.status).toBe("pending");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      expect(row.sentAt).toBeNull();
      // Back-off: the first retry waits 30 s.
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 30_000);
      expect(row.nextAttemptAt.getTime()).toBeLessThan(now.getTime() + 40_000);
    }
    // Not due again before the back-off has passed.
    expect((await deliverDueEmails(db, transportTo(`smtp://127.0.0.1:${port}`), { now })).claimed).toBe(0);

    const server = await smtpServer(port);
    await db.update(emailOutbox).set({ nextAttemptAt: DUE });
    const back = await deliverDueEmails(db, transportTo(server.url));

    expect(back).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0, released: 0 });
    expect(server.messages.map((m) => m.subject).sort()).toEqual([
      "Panne n° 1 — coopération",
      "Panne n° 2 — coopération",
    ]);
    const stored = await rows();
    expect(stored.map((row) => [row.status, row.attempts])).toEqual([
      ["sent", 2],
      ["sent", 2],
    ]);
  });

  it("gives up after the last attempt", async () => {
    const url = `smtp://127.0.0.1:${await unusedPort()}`;
    await enqueueMany(1, "Abandon");

    const first = await deliverDueEmails(db, transportTo(url), { maxAttempts: 2 });
    expect(first.retried).toBe(1);
    await db.update(emailOutbox).set({ nextAttemptAt: DUE });
    const second = await deliverDueEmails(db, transportTo(url), { maxAttempts: 2 });

    expect(second).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1, released: 0 });
    const [row] = await rows();
    expect(row?.status).toBe("failed");
    expect(row?.attempts).toBe(2);
    expect(row?.lastError).toMatch(/ECONNREFUSED/);
    // A failed e-mail is never claimed again.
    expect(
      (await deliverDueEmails(db, transportTo(url), { now: new Date(Date.now() + 86_400_000) })).claimed,
    ).toBe(0);
  });

  it("sends each e-mail exactly once when two nodes deliver at the same time", async () => {
    const server = await smtpServer();
    const otherNode = testDb();
    try {
      await enqueueMany(20, "Concurrence");
      const drain = async (database: typeof db) => {
        let sent = 0;
        for (;;) {
          const result = await deliverDueEmails(database, transportTo(server.url), { batchSize: 3 });
          sent += result.sent;
          if (result.claimed === 0) return sent;
        }
      };

      const [a, b] = await Promise.all([drain(db), drain(otherNode.db)]);

      expect(a + b).toBe(20);
      expect(server.messages).toHaveLength(20);
      const perId = new Map<string, number>();
      for (const message of server.messages)
        perId.set(message.messageId, (perId.get(message.messageId) ?? 0) + 1);
      expect(perId.size).toBe(20);
      expect([...perId.values()].every((count) => count === 1)).toBe(true);
      expect(new Set(server.messages.map((m) => m.subject)).size).toBe(20);
      expect((await rows()).every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
    } finally {
      await otherNode.close();
    }
  });

  it("skips rows another node holds, without waiting for it", async () => {
    const server = await smtpServer();
    const otherNode = testDb();
    try {
      await enqueueMany(3, "Verrou");
      const [locked] = await rows();
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let lockTaken: () => void = () => {};
      const lockHeld = new Promise<void>((resolve) => {
        lockTaken = resolve;
      });
      // The other node holds a lock on the first row in an open transaction.
      const holder = otherNode.db.transaction(async (tx) => {
        await tx
          .select()
          .from(emailOutbox)
          .where(eq(emailOutbox.id, locked?.id ?? 0))
          .for("update");
        lockTaken();
        await released;
      });
      await lockHeld;

      const result = await deliverDueEmails(db, transportTo(server.url));
      release();
      await holder;

      expect(result.sent).toBe(2);
      expect(server.messages.map((m) => m.subject)).not.toContain("Verrou n° 1 — coopération");
      expect((await rows()).map((row) => row.status)).toEqual(["pending", "sent", "sent"]);
    } finally {
      await otherNode.close();
    }
  });

  it("takes over an e-mail left `sending` by a node that died, once its lease has expired", async () => {
    const server = await smtpServer();
    await enqueueMany(2, "Reprise");
    const [expired, leased] = await rows();
    const now = new Date();
    await db
      .update(emailOutbox)
      .set({ status: "sending", attempts: 1, nextAttemptAt: new Date(now.getTime() - 1000) })
      .where(eq(emailOutbox.id, expired?.id ?? 0));
    await db
      .update(emailOutbox)
      .set({ status: "sending", attempts: 1, nextAttemptAt: new Date(now.getTime() + 60_000) })
      .where(eq(emailOutbox.id, leased?.id ?? 0));

    const result = await deliverDueEmails(db, transportTo(server.url), { now });

    expect(result).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, released: 0 });
    expect(server.messages.map((m) => m.subject)).toEqual(["Reprise n° 1 — coopération"]);
    const stored = await rows();
    expect(stored.map((row) => [row.status, row.attempts])).toEqual([
      ["sent", 2],
      ["sending", 1],
    ]);
  });

  it("does not overwrite the outcome of a node that took the e-mail over", async () => {
    const server = await smtpServer();
    await enqueueMany(1, "Bail");
    const takenOverUntil = new Date(Date.now() + 10 * 60_000);
    const real = transportTo(server.url);
    // While this run is sending, another node takes the row over (as after an expired lease).
    const slow: MailTransport = {
      async sendMail(message) {
        await db.update(emailOutbox).set({ nextAttemptAt: takenOverUntil });
        return real.sendMail(message);
      },
    };

    const result = await deliverDueEmails(db, slow);

    expect(result.sent).toBe(1);
    const [row] = await rows();
    expect(row?.status).toBe("sending");
    expect(row?.nextAttemptAt.getTime()).toBe(takenOverUntil.getTime());
  });
});

describe("enqueueEmail", () => {
  it("writes one e-mail per dedupe key", async () => {
    const email = { to: "agent@thiers.fr", ...signInLinkEmail({ url: "https://x.example/a", host: "x" }) };

    const first = await db.transaction((tx) =>
      enqueueEmail(tx, { ...email, template: "receipt", dedupeKey: "receipt:1" }),
    );
    const second = await enqueueEmail(db, { ...email, template: "receipt", dedupeKey: "receipt:1" });
    await enqueueEmail(db, { ...email, template: "sign-in" });
    await enqueueEmail(db, { ...email, template: "sign-in" });

    expect(first).toBe(true);
    expect(second).toBe(false);
    const stored = await rows();
    expect(stored.filter((row) => row.dedupeKey === "receipt:1")).toHaveLength(1);
    expect(stored).toHaveLength(3);
    expect(stored[0]?.htmlBody).toContain("<!doctype html>");
  });

  it("is rolled back with the transaction that caused it", async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueEmail(tx, { to: "agent@thiers.fr", subject: "s", text: "t", template: "test" });
        throw new Error("the submission failed");
      }),
    ).rejects.toThrow("the submission failed");
    expect(await rows()).toHaveLength(0);
  });

  it("refuses an invalid address", async () => {
    await expect(
      enqueueEmail(db, { to: "pas une adresse", subject: "s", text: "t", template: "test" }),
    ).rejects.toThrow();
  });
});

describe("startMailSender", () => {
  const saved = process.env.SMTP_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
  });

  it("delivers in the background on SMTP_URL until stopped", async () => {
    const server = await smtpServer();
    process.env.SMTP_URL = server.url;
    await enqueueMany(2, "Fond");

    const stop = startMailSender(db, { intervalMs: 60_000 });
    await server.waitForMessages(2);
    await stop();

    expect(server.messages).toHaveLength(2);
    expect((await rows()).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("delivers at once when woken, without waiting for its next tick", async () => {
    const server = await smtpServer();
    await enqueueMany(1, "Premier");
    const stop = startMailSender(db, { intervalMs: 10 * 60_000, transport: transportTo(server.url) });
    try {
      await server.waitForMessages(1);
      await enqueueEmail(db, {
        to: "agent@thiers.fr",
        subject: "Lien de connexion",
        text: "t",
        template: "sign-in",
      });
      wakeMailSender();
      await server.waitForMessages(2);
    } finally {
      await stop();
    }
    expect(server.messages.map((m) => m.subject)).toEqual([
      "Premier n° 1 — coopération",
      "Lien de connexion",
    ]);
  });

  it("sends nothing without SMTP_URL: the e-mails stay in the outbox", async () => {
    delete process.env.SMTP_URL;
    await enqueueMany(1, "Démo");

    const stop = startMailSender(db, { intervalMs: 10 });
    await stop();

    expect((await rows()).map((row) => [row.status, row.attempts])).toEqual([["pending", 0]]);
  });
});
