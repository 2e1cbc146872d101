import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/db/testing/database";
import { recordAudit } from "./audit";
import { listAuditEvents, parseAuditFilters, streamAuditEvents } from "./audit-log";

const { db, close } = testDb();
afterAll(close);

const TAG = `journal-${randomUUID().slice(0, 8)}`;
const f = { admin: "", agent: "", call: "", application: "" };

async function idOf(query: ReturnType<typeof sql>) {
  const row = ((await db.execute(query)) as unknown as { id: string }[])[0];
  if (!row) throw new Error("fixture row not created");
  return row.id;
}

beforeAll(async () => {
  f.admin = await idOf(
    sql`insert into users (id, email, name) values (gen_random_uuid()::text, ${`${TAG}-admin@exemple.fr`}, 'Isabelle Journal') returning id`,
  );
  f.agent = await idOf(
    sql`insert into users (id, email, name) values (gen_random_uuid()::text, ${`${TAG}-agent@exemple.fr`}, 'Agent Journal') returning id`,
  );
  f.call = await idOf(sql`
    insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent, envelope_cents, last_receipt_seq)
    values (${TAG}, 'XJL', 2094, 'Appel témoin du journal', '2020-01-01T00:00:00Z', '2999-01-01T00:00:00Z', 10000000, 50, 100000000, 1)
    returning id`);
  const lead = await idOf(
    sql`select id::text as id from organisations where kind = 'commune' order by id limit 1`,
  );
  f.application = await idOf(sql`
    insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status, receipt_number, submitted_at, created_by)
    values (${f.call}, ${Number(lead)}, ${`Projet ${TAG}`}, 1000000, 'submitted', '2094-XJL-0001', now(), ${f.agent}) returning id`);
  await recordAudit(db, [
    {
      actorId: f.admin,
      action: "call.updated",
      subjectType: "call",
      subjectId: f.call,
      data: {
        title: "Appel témoin du journal",
        gridChanged: false,
        changes: { envelopeCents: { from: 100000000, to: 120000000 } },
      },
    },
    {
      actorId: f.admin,
      action: "assignment.created",
      subjectType: "application",
      subjectId: f.application,
      data: { reviewerId: f.agent, bulk: true, callId: f.call },
    },
    {
      actorId: f.admin,
      action: "role.granted",
      subjectType: "user",
      subjectId: f.agent,
      data: { role: "reviewer", networkId: null, email: "agent@example.org" },
    },
    {
      actorId: f.agent,
      action: "review.submitted",
      subjectType: "application",
      subjectId: f.application,
      data: { reviewId: randomUUID(), recommendation: "accept" },
    },
  ]);
});

describe("the journal", () => {
  it("lists a call's own events and its applications' events under « Appel »", async () => {
    const { rows, total } = await listAuditEvents(db, { callId: f.call });
    expect(total).toBe(3);
    expect(rows.map((r) => r.action).sort()).toEqual([
      "assignment.created",
      "call.updated",
      "review.submitted",
    ]);
    const update = rows.find((r) => r.action === "call.updated");
    expect(update?.subjectName).toBe("Appel témoin du journal");
    expect(update?.actorName).toBe("Isabelle Journal");
  });

  it("filters by who, what (an action or a family), account, application, object and day", async () => {
    const mine = { callId: f.call };
    expect((await listAuditEvents(db, { ...mine, who: "isabelle journal" })).total).toBe(2);
    expect((await listAuditEvents(db, { ...mine, what: "review.submitted" })).total).toBe(1);
    expect((await listAuditEvents(db, { ...mine, what: "call.*" })).total).toBe(1);
    // An account: what was done to it and what it did.
    expect((await listAuditEvents(db, { userId: f.agent })).rows.map((r) => r.action).sort()).toEqual([
      "review.submitted",
      "role.granted",
    ]);
    expect((await listAuditEvents(db, { applicationId: f.application })).total).toBe(2);
    expect((await listAuditEvents(db, { object: { type: "call", id: f.call } })).total).toBe(1);
    expect((await listAuditEvents(db, { ...mine, to: "2000-01-01" })).total).toBe(0);
    const exported = [];
    for await (const row of streamAuditEvents(db, mine, 2)) exported.push(row.id);
    expect(exported).toHaveLength(3);
  });

  it("reads the query string's filters, dropping malformed values", () => {
    const parsed = parseAuditFilters({
      qui: "Isa",
      quoi: "call.*",
      appel: f.call,
      dossier: "1 or 1=1",
      du: "2026-01-01",
      objet: "email:42",
    });
    expect(parsed).toMatchObject({ who: "Isa", what: "call.*", callId: f.call, from: "2026-01-01" });
    expect(parsed.applicationId).toBeUndefined();
    expect(parsed.object).toEqual({ type: "email", id: "42" });
    expect(parseAuditFilters({ quoi: "drop.*" }).what).toBeUndefined();
    expect(parseAuditFilters({ quoi: "made.up" }).what).toBeUndefined();
  });
});
