import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { enqueueEmail } from "./outbox";
import {
  countFailedEmails,
  listStaffOutbox,
  outboxActions,
  parseOutboxFilters,
  STAFF_OUTBOX_PAGE_SIZE,
  streamStaffOutbox,
} from "./staff-outbox";
import { invitationEmail, signInLinkEmail } from "./templates";

const { db, close } = testDb();
afterAll(close);

beforeEach(async () => {
  await db.delete(emailOutbox);
});

const TOKEN = "7f3c9a1e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a";

async function enqueueSecrets() {
  await enqueueEmail(db, {
    to: "victime@exemple.fr",
    ...signInLinkEmail({
      url: `https://service.example/api/auth/callback/nodemailer?callbackUrl=%2F&token=${TOKEN}&email=victime%40exemple.fr`,
      host: "service.example",
    }),
    template: "sign-in",
  });
  await enqueueEmail(db, {
    to: "invite@exemple.fr",
    ...invitationEmail({
      organisationName: "Commune de Thiers",
      inviterName: "Agent",
      url: `https://service.example/espace/invitation/${TOKEN}`,
    }),
    template: "invitation",
  });
}

describe("the outbox as staff see it", () => {
  it("never returns a message's body, link or token, in the list or the export", async () => {
    await enqueueSecrets();
    // An SMTP refusal that quotes the link must not leak it either.
    await db
      .update(emailOutbox)
      .set({ lastError: `550 refused https://service.example/x?token=${TOKEN}` })
      .where(eq(emailOutbox.toAddress, "victime@exemple.fr"));
    const { rows, total } = await listStaffOutbox(db, {});
    expect(total).toBe(2);
    const exported = [];
    for await (const row of streamStaffOutbox(db, {})) exported.push(row);
    expect(exported).toHaveLength(2);
    for (const payload of [JSON.stringify(rows), JSON.stringify(exported)]) {
      expect(payload).not.toContain(TOKEN);
      expect(payload).not.toContain("callback/nodemailer");
      expect(payload).not.toContain("textBody");
      expect(payload).not.toContain("htmlBody");
    }
    expect(rows.map((r) => r.template).sort()).toEqual(["invitation", "sign-in"]);
    expect(rows.find((r) => r.template === "sign-in")?.lastError).toBe("550 refused [lien masqué]");
  });

  it("pages through every e-mail and filters by state, kind, recipient and day", async () => {
    await db.insert(emailOutbox).values(
      Array.from({ length: STAFF_OUTBOX_PAGE_SIZE + 10 }, (_, i) => ({
        toAddress: `agent${i}@exemple.fr`,
        subject: `Objet ${i}`,
        textBody: "Corps",
        template: i % 2 ? "receipt" : "decision",
        status: i < 3 ? ("failed" as const) : ("sent" as const),
        createdAt: new Date(Date.UTC(2026, 0, 10 + (i % 2), 12)),
      })),
    );
    const first = await listStaffOutbox(db, {}, 1);
    const second = await listStaffOutbox(db, {}, 2);
    expect(first.total).toBe(STAFF_OUTBOX_PAGE_SIZE + 10);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(STAFF_OUTBOX_PAGE_SIZE);
    expect(second.rows).toHaveLength(10);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(STAFF_OUTBOX_PAGE_SIZE + 10);
    // A page beyond the last shows the last.
    expect((await listStaffOutbox(db, {}, 99)).page).toBe(2);

    expect((await listStaffOutbox(db, { status: "failed" })).total).toBe(3);
    expect(await countFailedEmails(db)).toBe(3);
    expect((await listStaffOutbox(db, { template: "receipt" })).total).toBe(30);
    expect((await listStaffOutbox(db, { recipient: "agent1@" })).total).toBe(1);
    // A LIKE wildcard typed by the admin is a character, not a pattern.
    expect((await listStaffOutbox(db, { recipient: "agent_%" })).total).toBe(0);
    expect((await listStaffOutbox(db, { from: "2026-01-11", to: "2026-01-11" })).total).toBe(30);
    expect((await listStaffOutbox(db, { to: "2026-01-10" })).total).toBe(30);
  });

  it("reads only known filter values from the query string", () => {
    expect(
      parseOutboxFilters({
        statut: "failed",
        modele: "sign-in",
        destinataire: " a@b ",
        du: "2026-01-01",
        au: "x",
      }),
    ).toEqual({ status: "failed", template: "sign-in", recipient: "a@b", from: "2026-01-01", to: undefined });
    expect(parseOutboxFilters({ statut: "drop table", modele: "nope" })).toEqual({
      status: undefined,
      template: undefined,
      recipient: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it("offers resend for given-up, cancelled and retrying e-mails, and cancel for unsent ones", () => {
    expect(outboxActions({ status: "failed", attempts: 10 })).toEqual({ resend: true, cancel: true });
    expect(outboxActions({ status: "pending", attempts: 2 })).toEqual({ resend: true, cancel: true });
    expect(outboxActions({ status: "pending", attempts: 0 })).toEqual({ resend: false, cancel: true });
    expect(outboxActions({ status: "cancelled", attempts: 0 })).toEqual({ resend: true, cancel: false });
    expect(outboxActions({ status: "sent", attempts: 1 })).toEqual({ resend: false, cancel: false });
    expect(outboxActions({ status: "sending", attempts: 1 })).toEqual({ resend: false, cancel: false });
  });
});
