import "server-only";
/**
 * The submission of a draft, in one transaction: the checks (state, deadline
 * to the second, completeness), then the receipt number drawn from the call's
 * counter (`formatReceiptNumber`'s format, computed in SQL) together with the
 * writes in the transaction's last statement, so that submissions on one call
 * wait on each other only for that statement and the commit. A second call on
 * a submitted application changes nothing (`done`, same receipt).
 *
 * The time of a submission is the database's, never the app server's: the
 * start of this transaction on PostgreSQL (`now()`, the same value in every
 * statement of the transaction). It is read once for the early check and the
 * receipt e-mail, and the last statement decides the deadline with `now()`
 * itself under the call's lock, so two app nodes whose clocks drift still
 * agree, and waiting for the lock never makes a submission late.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, calls } from "@/db/schema";
import { overdueReportMessage, overdueReportsOf } from "@/lib/grants/eligibility";
import { outboxValues } from "@/lib/mail/outbox";
import { receiptEmail } from "@/lib/mail/templates";
import { allows, TRANSITIONS } from "./lifecycle";
import {
  activeMemberEmails,
  documentStates,
  documentsOf,
  loadApplicationForm,
  receiptDocuments,
} from "./queries";
import { isBeforeDeadline, missingItems } from "./rules";

// The lifecycle's « submit », written here by hand in the one statement that also draws the
// receipt number (see below): same « from », « to » and event as the table's.
const submit = TRANSITIONS.submit;
const [FROM] = submit.from;
const [TO] = submit.to;

export type SubmitOutcome =
  | { kind: "done" }
  | { kind: "not_found" }
  | { kind: "not_editable" }
  | { kind: "closed" }
  | { kind: "incomplete"; count: number }
  /** The lead has a report overdue from an earlier grant (lib/grants/eligibility.ts). */
  | { kind: "overdue_report"; message: string };

export async function submitDraft(
  db: Database,
  input: { applicationId: string; userId: string; userEmail: string; receiptUrl: string },
): Promise<SubmitOutcome> {
  return db.transaction(async (tx) => {
    // Locks this application only: a concurrent submission of the same
    // draft waits here, then sees the receipt number and changes nothing.
    const [app] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .for("update");
    if (!app) return { kind: "not_found" as const };
    // A concurrent submission got there first: same receipt, nothing more.
    if (app.receiptNumber) return { kind: "done" as const };
    if (!allows("submit", app.status)) return { kind: "not_editable" as const };
    const [call] = await tx
      .select({ call: calls, nowMs: sql<number>`extract(epoch from now()) * 1000`.mapWith(Number) })
      .from(calls)
      .where(eq(calls.id, app.callId))
      .then((rows) => rows.map((r) => ({ ...r.call, dbNow: new Date(r.nowMs) })));
    if (!call) return { kind: "not_found" as const };
    // The database's clock (transaction start), the one the last statement decides with.
    const now = call.dbNow;
    if (!isBeforeDeadline(now, call.closesAt)) return { kind: "closed" as const };
    // Eligibility before completeness: there is no point completing a dossier the lead may not submit.
    const overdue = overdueReportMessage(await overdueReportsOf(tx, [app.leadOrganisationId]));
    if (overdue) return { kind: "overdue_report" as const, message: overdue };
    const form = await loadApplicationForm(tx, app);
    const slots = await documentsOf(tx, call.id, app.id);
    const missing = missingItems(form, call, documentStates(slots));
    if (missing.length > 0) return { kind: "incomplete" as const, count: missing.length };
    const recipients = [
      ...new Set([input.userEmail, ...(await activeMemberEmails(tx, app.leadOrganisationId))]),
    ];
    // The receipt e-mail is rendered now with a placeholder, replaced by the
    // number in the statement that draws it.
    const placeholder = `[[receipt-${randomUUID()}]]`;
    const content = receiptEmail({
      applicationTitle: app.title,
      receiptNumber: placeholder,
      callTitle: call.title,
      submittedAt: now,
      url: input.receiptUrl,
      documents: receiptDocuments(slots),
    });
    const emails = recipients.map((to) =>
      outboxValues({ to, ...content, template: "receipt", dedupeKey: `receipt:${app.id}:${to}` }),
    );
    const email = emails[0];
    if (!email) throw new Error("submitApplication: no recipient");
    const mailTo = JSON.stringify(emails.map((e) => ({ to_address: e.toAddress, dedupe_key: e.dedupeKey })));
    // The last statement draws the number from the call's counter and writes
    // the submission, its audit event and its receipt e-mails: the call row
    // (shared by every submission on the call) stays locked for this one
    // statement and the commit, not for the whole transaction. The deadline
    // is checked again against the locked row (its closing time may have
    // moved); no number is drawn without the submission (no gap).
    const numbered = (await tx.execute(sql`
      with c as (
        update calls set last_receipt_seq = last_receipt_seq + 1
        where id = ${call.id}
          and date_trunc('second', closes_at) >= date_trunc('second', now())
          and exists (select 1 from applications where id = ${app.id} and status = ${FROM})
        returning year || '-' || code || '-'
          || lpad(last_receipt_seq::text, greatest(4, length(last_receipt_seq::text)), '0') as receipt
      ), a as (
        update applications set status = ${TO}, receipt_number = c.receipt,
          submitted_at = now(), submitted_by = ${input.userId},
          version = applications.version + 1, updated_by = ${input.userId},
          updated_at = now()
        from c where applications.id = ${app.id} and applications.status = ${FROM}
        returning c.receipt
      ), audit as (
        insert into audit_events (actor_id, action, subject_type, subject_id, data)
        select ${input.userId}, ${submit.audit}, 'application', ${app.id},
          jsonb_build_object('receiptNumber', a.receipt)
        from a
      ), mail as (
        insert into email_outbox (to_address, subject, text_body, html_body, template, dedupe_key)
        select r.to_address, replace(${email.subject}, ${placeholder}, a.receipt),
          replace(${email.textBody}, ${placeholder}, a.receipt),
          replace(${email.htmlBody}::text, ${placeholder}, a.receipt), ${email.template}, r.dedupe_key
        from a cross join jsonb_to_recordset(${mailTo}::jsonb) as r(to_address text, dedupe_key text)
        on conflict (dedupe_key) do nothing
      )
      select receipt from a`)) as unknown as { receipt: string }[];
    if (numbered.length === 0) return { kind: "closed" as const };
    return { kind: "done" as const };
  });
}
