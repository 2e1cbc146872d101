import { randomUUID } from "node:crypto";
import postgres from "postgres";

/**
 * Direct database access for the review specs: tests run in parallel on one
 * database, so each test that changes data creates its own application on the
 * current-year call in review (never touching the seeded ones).
 */
let client: ReturnType<typeof postgres> | null = null;
function db() {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "E2E_DATABASE_URL is not set: run the e2e tests with `npx tsx scripts/test.ts build e2e`.",
    );
  client ??= postgres(url, { max: 2, onnotice: () => {} });
  return client;
}

const personaEmail = (key: string) => `${key}@demo.cooperation.example`;

/** The current-year call in review (closed, results not published, with assignments). */
async function reviewCall() {
  const [call] = await db()`
    select c.id, c.max_grant_cents as "maxGrant", c.title from calls c
    where c.results_published_at is null and c.closes_at < now()
      and exists (select 1 from applications a join reviewer_assignments ra on ra.application_id = a.id where a.call_id = c.id)
    order by c.closes_at desc limit 1`;
  if (!call) throw new Error("no call in review in the seed");
  return call as { id: string; maxGrant: string; title: string };
}

/** A seeded application of the call in review assigned to both reviewer personas (read only). */
export async function sampleAssignedApplicationId() {
  const call = await reviewCall();
  const [row] = await db()`
    select a.id from applications a
    where a.call_id = ${call.id} and a.title not like 'E2E %'
      and (select count(*) from reviewer_assignments ra join users u on u.id = ra.reviewer_id
           where ra.application_id = a.id and u.email in (${personaEmail("reviewer")}, ${personaEmail("reviewer-2")})) = 2
    order by a.submitted_at limit 1`;
  return String(row?.id);
}

export type Fixture = { id: string; title: string; callId: string; requestedCents: number };

/**
 * A fresh application in review on the call in review, assigned to the given
 * reviewers, with `reviews` already submitted by other personas if asked.
 */
export async function createApplication(
  options: { reviewers?: string[]; requestedEuros?: number; label?: string } = {},
): Promise<Fixture> {
  const sql = db();
  const call = await reviewCall();
  const id = randomUUID();
  const title = `E2E ${options.label ?? "dossier"} ${id.slice(0, 8)}`;
  const requestedCents = Math.min((options.requestedEuros ?? 40_000) * 100, Number(call.maxGrant));
  const [lead] = await sql`select id from organisations where kind = 'commune' and insee_code = '44109'`;
  await sql.begin(async (tx) => {
    await tx`
      insert into applications (id, call_id, lead_organisation_id, title, summary, requested_amount_cents, status,
        receipt_number, submitted_at, is_fictitious)
      values (${id}, ${call.id}, ${lead?.id}, ${title}, 'Dossier créé par un test de bout en bout.', ${requestedCents},
        'in_review', ${`E2E-${id}`}, now() - interval '30 days', true)`;
    await tx`
      insert into budget_lines (application_id, kind, category, label, amount_cents)
      values (${id}, 'expense', 'personnel', 'Dépenses du projet', ${requestedCents * 3})`;
    for (const key of options.reviewers ?? []) {
      await tx`
        insert into reviewer_assignments (application_id, reviewer_id)
        select ${id}, id from users where email = ${personaEmail(key)}`;
    }
  });
  return { id, title, callId: call.id, requestedCents };
}

/** Submits a review for a persona directly, with every criterion at the given share of its maximum. */
export async function submitReviewAs(applicationId: string, key: string, share: number) {
  await db().begin(async (tx) => {
    const [review] = await tx`
      insert into reviews (application_id, reviewer_id, status, overall_comment, recommendation, submitted_at)
      select ${applicationId}, id, 'submitted', 'Avis du test.', 'accept', now() from users where email = ${personaEmail(key)}
      returning id`;
    await tx`
      insert into scores (review_id, criterion_id, max_score, score)
      select ${review?.id}, c.id, c.max_score, round(c.max_score * ${share}::numeric)::int
      from criteria c join applications a on a.call_id = c.call_id where a.id = ${applicationId}`;
  });
}

export async function closeDatabase() {
  await client?.end({ timeout: 5 });
  client = null;
}

export async function reviewCallId() {
  return (await reviewCall()).id;
}

/** How many information-request e-mails the outbox holds about an application title. */
export async function outboxFor(title: string) {
  const [row] = await db()`
    select count(*)::int as n from email_outbox where template = 'information-request' and subject like ${`%${title}%`}`;
  return Number(row?.n ?? 0);
}
