/**
 * The export route handler on the real test PostgreSQL: HEAD answers the
 * export's headers (row count included) without producing the file, GET
 * streams it. Only Next's request context is replaced, as in
 * lib/security/routes.fuzz.int.test.ts: the session (the real getCurrentUser
 * reads the principal from the database).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/db/testing/database";

const signedIn = vi.hoisted(() => {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  return { current: null as null | { getStore: () => string | undefined } };
});
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => {
    const id = signedIn.current?.getStore();
    return id ? { user: { id } } : null;
  },
}));

const session = new AsyncLocalStorage<string>();
signedIn.current = session;
const TAG = `xroute-${Date.now().toString(36)}`;
const { db, close } = testDb();
const route = await import("@/app/api/exports/applications/route");
const fixture = { admin: "", applicant: "", call: "" };

async function idOf(query: ReturnType<typeof sql>) {
  const row = ((await db.execute(query)) as unknown as { id: string }[])[0];
  if (!row) throw new Error("fixture row not created");
  return row.id;
}

beforeAll(async () => {
  const user = (label: string) =>
    idOf(
      sql`insert into users (id, email, name) values (gen_random_uuid()::text, ${`${TAG}-${label}@exemple.fr`}, ${`Agent ${label}`}) returning id`,
    );
  fixture.admin = await user("admin");
  fixture.applicant = await user("candidat");
  await db.execute(sql`insert into user_roles (user_id, role) values (${fixture.admin}, 'admin')`);
  fixture.call = await idOf(sql`
    insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent, envelope_cents, last_receipt_seq)
    values (${TAG}, 'XRT', 2095, 'Appel témoin de l’export', '2020-01-01T00:00:00Z', '2999-01-01T00:00:00Z', 10000000, 50, 100000000, 2)
    returning id`);
  const lead = await idOf(
    sql`select id::text as id from organisations where kind = 'commune' and region_code = '84' order by id limit 1 offset 5`,
  );
  for (const n of [1, 2]) {
    await db.execute(sql`
      insert into applications (call_id, lead_organisation_id, title, requested_amount_cents, status, receipt_number, submitted_at, created_by)
      values (${fixture.call}, ${Number(lead)}, ${`Projet ${TAG} ${n}`}, 1000000, 'submitted', ${`2095-XRT-000${n}`}, now(), ${fixture.applicant})`);
  }
});
afterAll(async () => {
  await close();
});

const ask = (method: "GET" | "HEAD", userId: string | null, format = "csv") =>
  session.run(userId ?? "", () =>
    route[method](
      new Request(`http://localhost/api/exports/applications?call=${fixture.call}&format=${format}`, {
        method,
      }),
    ),
  );

describe("export route", () => {
  it("HEAD gives the headers and the row count without producing the file", async () => {
    // Left to Next, HEAD would call GET: the whole export would run and be thrown away.
    expect(typeof route.HEAD).toBe("function");
    for (const format of ["csv", "xlsx"]) {
      const head = await ask("HEAD", fixture.admin, format);
      expect(head.status).toBe(200);
      expect(head.body).toBeNull();
      expect(head.headers.get("x-export-rows")).toBe("2");
      expect(head.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="dossiers-.*\\.${format}"$`),
      );
    }
    expect((await ask("HEAD", fixture.admin)).headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });

  it("GET streams the same rows with the same headers", async () => {
    const get = await ask("GET", fixture.admin);
    const head = await ask("HEAD", fixture.admin);
    expect(get.status).toBe(200);
    expect(Object.fromEntries(get.headers)).toEqual(Object.fromEntries(head.headers));
    const lines = (await get.text()).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(";")[0])
        .sort(),
    ).toEqual(["2095-XRT-0001", "2095-XRT-0002"]);
  });

  it("HEAD refuses as GET does: sign-in for a visitor, 403 for an applicant", async () => {
    const visitor = await ask("HEAD", null);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toBe("/connexion?callbackUrl=%2Finstruction");
    expect((await ask("HEAD", fixture.applicant)).status).toBe(403);
    expect((await ask("GET", fixture.applicant)).status).toBe(403);
  });
});
