import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { DEMO_EMAIL_DOMAIN } from "../../db/seed/personas";

/**
 * Direct access to the e2e database, for what a browser cannot do: find the
 * seeded rows a test needs, and move a test's own call's closing time.
 * scripts/test.ts passes the run's database in E2E_DATABASE_URL.
 */
let sql: postgres.Sql | undefined;
export function e2eSql() {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the e2e tests through scripts/test.ts");
  sql ??= postgres(url, { max: 2, onnotice: () => {} });
  return sql;
}

const THIERS_EMAIL = `applicant-thiers@${DEMO_EMAIL_DOMAIN}`;

/** An application of Ville de Thiers in the given status (seeded for the persona). */
export async function thiersApplicationId(status: "draft" | "information_requested") {
  const rows = await e2eSql()`
    select a.id from applications a
    join organisations o on o.id = a.lead_organisation_id
    join users u on u.id = a.created_by
    where o.insee_code = '63430' and o.kind = 'commune' and a.status = ${status} and u.email = ${THIERS_EMAIL}
    order by a.created_at limit 1`;
  const id = rows[0]?.id as string | undefined;
  if (!id) throw new Error(`no ${status} application of Thiers in the seed`);
  return id;
}

/** A stored PDF attached to Thiers's seeded draft (row and bytes), for the authorization matrix. */
export async function thiersAttachmentId() {
  const applicationId = await thiersApplicationId("draft");
  const sql = e2eSql();
  const existing =
    await sql`select id from attachments where application_id = ${applicationId} and original_name = 'matrice.pdf' limit 1`;
  if (existing[0]) return existing[0].id as string;
  const key = `applications/${applicationId}/${randomUUID()}`;
  const file = path.resolve(process.env.FILE_STORE_DIR || ".data/uploads", key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, "%PDF-1.4\n%matrice\n");
  const [row] = await sql`
    insert into attachments (application_id, original_name, storage_key, content_type, size_bytes, sha256)
    values (${applicationId}, 'matrice.pdf', ${key}, 'application/pdf', 18, 'x') returning id`;
  return row?.id as string;
}
