import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEvents } from "./schema";
import { pgError, testDb } from "./testing/database";

const { db, close } = testDb();
afterAll(close);

describe("database", () => {
  it("has the official organisations from the template", async () => {
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from organisations where kind = 'commune' and insee_code = '63430' and name = 'Thiers'`,
    );
    expect(row?.n).toBe(1);
  });

  it("keeps the audit trail append-only", async () => {
    const [event] = await db
      .insert(auditEvents)
      .values({ action: "test.append_only", subjectType: "test", subjectId: "1" })
      .returning();
    expect(event).toBeDefined();
    const update = await pgError(
      db.execute(sql`update audit_events set action = 'changed' where id = ${event?.id}`),
    );
    expect(update.message).toMatch(/append-only/);
    const remove = await pgError(db.execute(sql`delete from audit_events where id = ${event?.id}`));
    expect(remove.message).toMatch(/append-only/);
  });

  it("refuses a call that closes before it opens", async () => {
    const error = await pgError(
      db.execute(sql`insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent, envelope_cents)
        values ('x', 'X1', 2030, 'x', '2030-02-01', '2030-01-01', 0, 50, 0)`),
    );
    expect(error.constraint_name).toBe("calls_closes_after_opens");
  });
});
