import "server-only";
/**
 * Retention of personal data: what is kept, for how long,
 * and the job that deletes or anonymises the rest. Durations come from the
 * environment (RETENTION_*), defaults as stated on /donnees-personnelles; see
 * docs/operations.md. Published results (organisations, titles, amounts,
 * decisions) are public by nature and never touched: only people's data is.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobLog } from "@/lib/log";

const retentionLog = jobLog("retention");

export type RetentionPolicy = {
  /** Contact names and e-mails of partners in applications, after the call's closing. */
  applicationContactsDays: number;
  /** Applicant accounts without sign-in (staff accounts are never anonymised by the job). */
  inactiveAccountsDays: number;
  /** Sessions, after they expired. */
  expiredSessionsDays: number;
  /** Sign-in links, after they expired. */
  expiredVerificationTokensDays: number;
  /** Rate-limit counters (they hold e-mail addresses and IP addresses), after their window. */
  rateLimitsDays: number;
  /** Bodies of e-mails sent (or given up), after they were sent. */
  sentEmailBodiesDays: number;
};

const YEAR = 365;

export const DEFAULT_RETENTION: RetentionPolicy = {
  applicationContactsDays: 10 * YEAR,
  inactiveAccountsDays: 3 * YEAR,
  expiredSessionsDays: 0,
  expiredVerificationTokensDays: 0,
  rateLimitsDays: 1,
  sentEmailBodiesDays: 90,
};

const ENV: Record<keyof RetentionPolicy, string> = {
  applicationContactsDays: "RETENTION_APPLICATION_CONTACTS_DAYS",
  inactiveAccountsDays: "RETENTION_INACTIVE_ACCOUNTS_DAYS",
  expiredSessionsDays: "RETENTION_EXPIRED_SESSIONS_DAYS",
  expiredVerificationTokensDays: "RETENTION_EXPIRED_TOKENS_DAYS",
  rateLimitsDays: "RETENTION_RATE_LIMITS_DAYS",
  sentEmailBodiesDays: "RETENTION_SENT_EMAIL_BODIES_DAYS",
};

/** The policy from the environment; a missing or invalid value keeps the default. */
export function retentionPolicy(env: Record<string, string | undefined> = process.env): RetentionPolicy {
  const policy = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(ENV) as (keyof RetentionPolicy)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw.trim() === "") continue;
    const days = Number(raw);
    if (!Number.isInteger(days) || days < 0) throw new Error(`${ENV[key]} must be a number of days (≥ 0).`);
    policy[key] = days;
  }
  return policy;
}

export type RetentionResult = {
  applicationContacts: number;
  accounts: number;
  sessions: number;
  verificationTokens: number;
  rateLimits: number;
  emailBodies: number;
};

/** The placeholder an anonymised account's e-mail becomes (unique, undeliverable). */
export const anonymisedEmail = (userId: string) => `anonymise-${userId}@anonyme.invalid`;

const count = (rows: unknown) => (rows as { count?: number }).count ?? (rows as unknown[]).length;

/** Deletes or anonymises what is past its retention; idempotent, safe on several nodes at once. */
export async function applyRetention(
  db: Database,
  policy: RetentionPolicy,
  now: Date = new Date(),
): Promise<RetentionResult> {
  const before = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction(async (tx) => {
    const contacts = await tx.execute(sql`
      update participants p set contact_name = null, contact_email = null
      from applications a join calls c on c.id = a.call_id
      where p.application_id = a.id and c.closes_at < ${before(policy.applicationContactsDays)}::timestamptz
        and (p.contact_name is not null or p.contact_email is not null)`);
    // Accounts: no sign-in (or, never signed in, no creation) within the period; staff excluded.
    const accounts = await tx.execute(sql`
      with inactive as (
        select u.id from users u
        where coalesce(u.last_sign_in_at, u.created_at) < ${before(policy.inactiveAccountsDays)}::timestamptz
          and u.persona_key is null
          and u.email not like 'anonymise-%@anonyme.invalid'
          and not exists (select 1 from user_roles r where r.user_id = u.id)
        for update skip locked
      ), gone_sessions as (
        delete from sessions s using inactive i where s.user_id = i.id
      ), gone_accounts as (
        delete from accounts x using inactive i where x.user_id = i.id
      ), gone_memberships as (
        delete from memberships m using inactive i where m.user_id = i.id
      )
      update users u set email = 'anonymise-' || u.id || '@anonyme.invalid', name = null, given_name = null,
        usual_name = null, image = null, email_verified = null
      from inactive i where u.id = i.id`);
    const sessions = await tx.execute(
      sql`delete from sessions where expires < ${before(policy.expiredSessionsDays)}::timestamptz`,
    );
    const tokens = await tx.execute(
      sql`delete from verification_tokens where expires < ${before(policy.expiredVerificationTokensDays)}::timestamptz`,
    );
    const limits = await tx.execute(
      sql`delete from rate_limits where window_start < ${before(policy.rateLimitsDays)}::timestamptz`,
    );
    const bodies = await tx.execute(sql`
      update email_outbox set text_body = '', html_body = null
      where status in ('sent', 'failed') and coalesce(sent_at, created_at) < ${before(policy.sentEmailBodiesDays)}::timestamptz
        and (text_body <> '' or html_body is not null)`);
    return {
      applicationContacts: count(contacts),
      accounts: count(accounts),
      sessions: count(sessions),
      verificationTokens: count(tokens),
      rateLimits: count(limits),
      emailBodies: count(bodies),
    };
  });
}

let timer: NodeJS.Timeout | undefined;

/** Runs the job at start-up and then every `intervalMs` (default: every 6 hours), in the background. */
export function startRetentionJob(
  db: Database,
  options: { intervalMs?: number; policy?: RetentionPolicy } = {},
) {
  if (timer) return;
  const policy = options.policy ?? retentionPolicy();
  const run = async () => {
    try {
      const result = await applyRetention(db, policy);
      const total = Object.values(result).reduce((a, b) => a + b, 0);
      if (total > 0) retentionLog.info({ removed: result }, "personal data removed");
    } catch (error) {
      // The database may be briefly unreachable: the next run catches up.
      retentionLog.error({ err: error }, "retention run failed");
    }
  };
  timer = setInterval(run, options.intervalMs ?? 6 * 3_600_000);
  timer.unref();
  void run();
}
