import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * Rows the admin e2e tests create for themselves, straight in the e2e
 * database (applications and decisions come from other parts of the product;
 * these tests only need them to exist). Every name carries a random token, so
 * tests running in parallel never touch each other's rows.
 */

export function e2eSql() {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the e2e tests through scripts/test.ts");
  return postgres(url, { max: 2, onnotice: () => {} });
}

export async function withSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = e2eSql();
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Upper-case letters and digits, for call codes and searchable titles. */
export function token(length = 6) {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join("");
}

export type SeededApplication = {
  id: string;
  title: string;
  leadDepartementCode: string | null;
};

export type SeededCall = {
  id: string;
  slug: string;
  title: string;
  token: string;
  submitter: { id: string; email: string };
  applications: SeededApplication[];
};

/**
 * A closed call in review with `count` submitted applications led by communes
 * of different départements, one submitter (an applicant account) and one
 * criterion. It belongs to 2016, a year without other data, so that publishing
 * it never changes the figures other tests read (the home page shows the last
 * published year, 2025).
 */
export async function seedCallInReview(count: number, label: string): Promise<SeededCall> {
  const t = token();
  return withSql(async (sql) =>
    sql.begin(async (tx) => {
      const year = 2016;
      const [call] = await tx<{ id: string; slug: string; title: string }[]>`
        insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent,
                           envelope_cents, reviewers_per_application, is_fictitious)
        values (${`e2e-${label}-${t.toLowerCase()}`}, ${`E${t}`}, ${year}, ${`Appel témoin ${label} ${t}`},
                '2016-01-15T08:00:00Z', '2016-03-31T10:00:00Z', 6000000, 50, 50000000, 2, false)
        returning id, slug, title`;
      if (!call) throw new Error("call not created");
      await tx`insert into criteria (call_id, position, label, weight, max_score)
               values (${call.id}, 0, 'Pertinence', 1, 5)`;
      const [submitter] = await tx<{ id: string; email: string }[]>`
        insert into users (id, email, name) values (gen_random_uuid()::text, ${`candidat-${t.toLowerCase()}@e2e.example`}, ${`Candidat ${t}`})
        returning id, email`;
      if (!submitter) throw new Error("user not created");
      // Communes of distinct départements, for the département rule.
      const leads = await tx<{ id: number; departement_code: string }[]>`
        select distinct on (departement_code) id, departement_code from organisations
        where kind = 'commune' and departement_code is not null
        order by departement_code, id limit ${count}`;
      const applications: SeededApplication[] = [];
      for (const [i, lead] of leads.entries()) {
        const title = `Projet témoin ${t} numéro ${i + 1}`;
        const [row] = await tx<{ id: string }[]>`
          insert into applications (call_id, lead_organisation_id, title, summary, requested_amount_cents, status,
                                    receipt_number, submitted_at, submitted_by, created_by, is_fictitious)
          values (${call.id}, ${lead.id}, ${title}, 'Projet créé par un test de bout en bout.', 5000000, 'submitted',
                  ${`${year}-E${t}-${String(i + 1).padStart(4, "0")}`}, '2016-03-20T10:00:00Z',
                  ${submitter.id}, ${submitter.id}, false)
          returning id`;
        if (!row) throw new Error("application not created");
        applications.push({ id: row.id, title, leadDepartementCode: lead.departement_code });
      }
      await tx`update calls set last_receipt_seq = ${leads.length} where id = ${call.id}`;
      return { ...call, token: t, submitter, applications };
    }),
  );
}

/** Records an admin decision on an application (what the review dashboard does), and its status. */
export async function decide(applicationId: string, outcome: "accepted" | "rejected", grantedCents?: number) {
  await withSql(async (sql) => {
    await sql.begin(async (tx) => {
      await tx`insert into decisions (application_id, outcome, granted_amount_cents, rejection_reason)
               values (${applicationId}, ${outcome}, ${outcome === "accepted" ? (grantedCents ?? 4000000) : null},
                       ${outcome === "rejected" ? "Le projet ne répond pas aux priorités de l’appel." : null})`;
      await tx`update applications set status = ${outcome} where id = ${applicationId}`;
    });
  });
}

/** A reviewer account, optionally attached to a département. */
export async function createReviewer(departementCode: string | null) {
  const t = token();
  return withSql(async (sql) => {
    const [user] = await sql<{ id: string; email: string; name: string }[]>`
      insert into users (id, email, name) values (gen_random_uuid()::text, ${`instructeur-${t.toLowerCase()}@e2e.example`}, ${`Instructeur ${t}`})
      returning id, email, name`;
    if (!user) throw new Error("reviewer not created");
    await sql`insert into user_roles (user_id, role, departement_code) values (${user.id}, 'reviewer', ${departementCode})`;
    return user;
  });
}

/** A reviewer declares a conflict of interest on an application (what the review space does). */
export async function declareConflict(applicationId: string, reviewerId: string) {
  await withSql(
    (
      sql,
    ) => sql`insert into reviewer_assignments (application_id, reviewer_id, conflict_declared_at, conflict_reason)
                 values (${applicationId}, ${reviewerId}, now(), 'Ancien agent de la collectivité porteuse.')`,
  );
}

/** Non-conflicted assignments of a call's applications. */
export async function assignmentsOf(callId: string) {
  return withSql(
    (sql) => sql<{ application_id: string; reviewer_id: string; conflict: boolean }[]>`
      select ra.application_id, ra.reviewer_id, ra.conflict_declared_at is not null as conflict
      from reviewer_assignments ra join applications a on a.id = ra.application_id
      where a.call_id = ${callId}`,
  );
}

export async function userIdOfPersona(key: string) {
  return withSql(async (sql) => {
    const [row] = await sql<{ id: string }[]>`select id from users where persona_key = ${key}`;
    if (!row) throw new Error(`persona ${key} not found`);
    return row.id;
  });
}

/** Any call id, for the authorization matrix's sample URLs. */
export async function anyCallId() {
  return withSql(async (sql) => {
    const [row] = await sql<{ id: string }[]>`select id from calls order by year desc, slug limit 1`;
    if (!row) throw new Error("no call in the e2e database");
    return row.id;
  });
}

/** A call of the demo whose grid is locked (a review has been submitted on it). */
export async function callWithSubmittedReview() {
  return withSql(async (sql) => {
    const [row] = await sql<{ id: string; title: string }[]>`
      select c.id, c.title from calls c
      where c.results_published_at is null
        and exists (select 1 from reviews r join applications a on a.id = r.application_id
                    where a.call_id = c.id and r.status = 'submitted')
      order by c.year desc limit 1`;
    if (!row) throw new Error("no call with a submitted review");
    return row;
  });
}

/** Outbox rows and audit events written by the publication of a call. */
export async function publicationTrail(callId: string, applicationIds: string[]) {
  return withSql(async (sql) => {
    const emails = await sql<{ to_address: string; subject: string; dedupe_key: string }[]>`
      select to_address, subject, dedupe_key from email_outbox
      where template = 'decision' and split_part(dedupe_key, ':', 2) in ${sql(applicationIds)}`;
    const audit = await sql<{ action: string; data: { reason?: string } }[]>`
      select action, data from audit_events where subject_type = 'call' and subject_id = ${callId}
      order by id`;
    return { emails: [...emails], audit: [...audit] };
  });
}
