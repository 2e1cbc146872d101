import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, budgetLines, calls, grantInstalments, grants, progressReports } from "@/db/schema";
import { isoDateInParis } from "@/lib/format";
import { instalmentLabel } from "./labels";
import { INSTALMENT_STATUS_LABELS } from "./lifecycle";
import { isOverdue } from "./terms";

export type GrantRow = typeof grants.$inferSelect;
export type InstalmentRow = typeof grantInstalments.$inferSelect;
export type ReportRow = typeof progressReports.$inferSelect;

/** A report of the schedule: its due date, and the report once sent. */
export type ScheduledReport = {
  position: number;
  kind: "intermediate" | "final";
  dueOn: string;
  report: ReportRow | null;
  overdue: boolean;
};

export type GrantFile = {
  grant: GrantRow;
  instalments: InstalmentRow[];
  reports: ScheduledReport[];
  /** The first report not accepted yet: the one the laureate writes now. */
  current: ScheduledReport | null;
  paidCents: number;
  callTitle: string;
  callId: string;
  leadOrganisationId: number;
};

/** The whole grant of an application, or null when no agreement was sent. */
export async function loadGrant(db: Database, applicationId: string): Promise<GrantFile | null> {
  const [row] = await db
    .select({
      grant: grants,
      callTitle: calls.title,
      callId: calls.id,
      leadOrganisationId: applications.leadOrganisationId,
    })
    .from(grants)
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(grants.applicationId, applicationId));
  if (!row) return null;
  const today = isoDateInParis(new Date());
  const [instalments, sent] = await Promise.all([
    db
      .select()
      .from(grantInstalments)
      .where(eq(grantInstalments.grantId, row.grant.id))
      .orderBy(asc(grantInstalments.position)),
    db
      .select()
      .from(progressReports)
      .where(eq(progressReports.applicationId, applicationId))
      .orderBy(asc(progressReports.position)),
  ]);
  const reports: ScheduledReport[] = row.grant.reportDueDates.map((dueOn, i) => {
    const report = sent.find((r) => r.position === i + 1) ?? null;
    return {
      position: i + 1,
      kind: i + 1 === row.grant.years ? "final" : "intermediate",
      dueOn,
      report,
      overdue: isOverdue(dueOn, report?.status ?? null, today),
    };
  });
  return {
    grant: row.grant,
    instalments,
    reports,
    current:
      row.grant.status === "agreement_signed"
        ? (reports.find((r) => r.report?.status !== "accepted") ?? null)
        : null,
    paidCents: instalments.reduce((total, i) => total + (i.status === "paid" ? (i.paidCents ?? 0) : 0), 0),
    callTitle: row.callTitle,
    callId: row.callId,
    leadOrganisationId: row.leadOrganisationId,
  };
}

/** The expense lines of the application's budget, for the report's actual spending. */
export async function expenseLines(db: Database, applicationId: string) {
  return db
    .select({ id: budgetLines.id, label: budgetLines.label, plannedCents: budgetLines.amountCents })
    .from(budgetLines)
    .where(and(eq(budgetLines.applicationId, applicationId), eq(budgetLines.kind, "expense")))
    .orderBy(asc(budgetLines.position));
}

/** A call's grants, for DCTCIV's follow-up: status, paid, what is due, the report waited for. */
export async function callGrants(db: Database, callId: string) {
  const today = isoDateInParis(new Date());
  const rows = (await db.execute(sql`
    select g.application_id as "applicationId", g.reference, g.beneficiary_name as "beneficiaryName",
           g.project_title as "projectTitle", g.status, g.granted_cents::bigint as "grantedCents",
           g.refund_owed_cents::bigint as "refundOwedCents",
           coalesce(sum(i.paid_cents) filter (where i.status = 'paid'), 0)::bigint as "paidCents",
           coalesce(sum(i.planned_cents) filter (where i.status = 'due'), 0)::bigint as "dueCents",
           (select count(*) from progress_reports r where r.application_id = g.application_id and r.status = 'submitted')::int as "reportsToReview",
           (select count(*) from unnest(g.report_due_dates) with ordinality d(due_on, position)
             where d.due_on < ${today}::date and g.status = 'agreement_signed'
               and not exists (select 1 from progress_reports r where r.application_id = g.application_id
                               and r.position = d.position and r.status in ('submitted', 'accepted')))::int as "overdueReports"
    from grants g
    join applications a on a.id = g.application_id
    left join grant_instalments i on i.grant_id = g.id
    where a.call_id = ${callId}
    group by g.id
    order by g.reference`)) as unknown as {
    applicationId: string;
    reference: string;
    beneficiaryName: string;
    projectTitle: string;
    status: string;
    grantedCents: string;
    refundOwedCents: string;
    paidCents: string;
    dueCents: string;
    reportsToReview: number;
    overdueReports: number;
  }[];
  return rows.map((r) => ({
    ...r,
    grantedCents: Number(r.grantedCents),
    refundOwedCents: Number(r.refundOwedCents),
    paidCents: Number(r.paidCents),
    dueCents: Number(r.dueCents),
  }));
}

/**
 * What a call has committed, paid and still to pay, per project year of its
 * grants (an instalment counts in the year it funds): for the ministry's
 * accounting. Committed is the instalments not cancelled.
 */
export async function callCommitments(db: Database, callId: string) {
  const rows = (await db.execute(sql`
    select c.year + i.year - 1 as year,
           coalesce(sum(i.planned_cents) filter (where i.status <> 'cancelled'), 0)::bigint as committed,
           coalesce(sum(i.paid_cents) filter (where i.status = 'paid'), 0)::bigint as paid
    from grant_instalments i
    join grants g on g.id = i.grant_id
    join applications a on a.id = g.application_id
    join calls c on c.id = a.call_id
    where a.call_id = ${callId}
    group by 1 order by 1`)) as unknown as { year: number; committed: string; paid: string }[];
  return rows.map((r) => {
    const committed = Number(r.committed);
    const paid = Number(r.paid);
    return { year: Number(r.year), committedCents: committed, paidCents: paid, toPayCents: committed - paid };
  });
}

/** Laureates of a call whose agreement is not sent yet. */
export async function laureatesWithoutAgreement(db: Database, callId: string) {
  const [row] = (await db.execute(sql`
    select count(*)::int as n from applications a
    join decisions d on d.application_id = a.id and d.outcome = 'accepted'
    left join grants g on g.application_id = a.id
    where a.call_id = ${callId} and a.status = 'accepted' and g.id is null`)) as unknown as { n: number }[];
  return row?.n ?? 0;
}

/** Every instalment of a call's grants, for the accounting export. */
export async function instalmentsForAccounting(db: Database, callId: string) {
  const rows = await db
    .select({
      callTitle: calls.title,
      callYear: calls.year,
      reference: grants.reference,
      beneficiaryName: grants.beneficiaryName,
      years: grants.years,
      position: grantInstalments.position,
      kind: grantInstalments.kind,
      year: grantInstalments.year,
      plannedCents: grantInstalments.plannedCents,
      status: grantInstalments.status,
      paidCents: grantInstalments.paidCents,
      paidOn: grantInstalments.paidOn,
      paymentReference: grantInstalments.paymentReference,
    })
    .from(grantInstalments)
    .innerJoin(grants, eq(grants.id, grantInstalments.grantId))
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.callId, callId))
    .orderBy(asc(grants.reference), asc(grantInstalments.position));
  return rows.map((r) => ({
    ...r,
    label: instalmentLabel(r, r.years),
    statusLabel: INSTALMENT_STATUS_LABELS[r.status],
  }));
}

export type PublicGrantProgress = {
  status: string;
  endsOn: string;
  instalments: number;
  instalmentsPaid: number;
  paidCents: number;
  reports: number;
  reportsAccepted: number;
};

/**
 * What the public project page shows of a laureate's grant: instalments paid,
 * reports delivered, the project's end (amounts paid are public, as in the
 * open data). Only the page of a published laureate calls it.
 */
export async function publicGrantProgress(
  db: Database,
  applicationId: string,
): Promise<PublicGrantProgress | null> {
  const [row] = (await db.execute(sql`
    select g.status, to_char(g.ends_on, 'YYYY-MM-DD') as "endsOn",
           (select count(*)::int from grant_instalments i where i.grant_id = g.id and i.status <> 'cancelled') as instalments,
           (select count(*)::int from grant_instalments i where i.grant_id = g.id and i.status = 'paid') as "instalmentsPaid",
           (select coalesce(sum(i.paid_cents), 0)::bigint from grant_instalments i where i.grant_id = g.id and i.status = 'paid') as "paidCents",
           g.years as reports,
           (select count(*)::int from progress_reports r where r.application_id = g.application_id and r.status = 'accepted') as "reportsAccepted"
    from grants g where g.application_id = ${applicationId}`)) as unknown as (Omit<
    PublicGrantProgress,
    "paidCents"
  > & {
    paidCents: string;
  })[];
  return row ? { ...row, paidCents: Number(row.paidCents) } : null;
}
