import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  applications,
  calls,
  decisions,
  grantInstalments,
  grants,
  organisations,
  progressReports,
} from "@/db/schema";
import type { ReportExpense } from "@/db/schema/followup";
import { activeMemberEmails } from "@/lib/applications/queries";
import { ACTED_FIRST } from "@/lib/applications/transition";
import { recordAudit } from "@/lib/audit";
import { formatMoneyCents, isoDateInParis } from "@/lib/format";
import { agreementSentEmail, enqueueEmail, paymentNoticeEmail, reportReviewedEmail } from "@/lib/mail";
import { isPublishedLaureate } from "@/lib/public/published";
import { absoluteUrl } from "@/lib/public/site-url";
import { DomainError } from "@/lib/result";
import { settle } from "./amounts";
import { frenchDate, instalmentLabel, reportLabel } from "./labels";
import { GRANT_TRANSITIONS, INSTALMENT_TRANSITIONS, REPORT_TRANSITIONS } from "./lifecycle";
import { agreementReference, grantTerms } from "./terms";

/**
 * The writes of a grant's lifecycle (lib/grants/lifecycle.ts). Each runs in
 * the caller's transaction, moves rows with an UPDATE guarded by the
 * transition's « from » statuses (a concurrent action makes it a no-op and
 * the caller says so), and writes the transition's audit event and e-mails
 * in the same transaction.
 */

type Tx = Pick<Database, "select" | "insert" | "update" | "execute">;

/** Where the laureate follows its grant. */
export const grantPath = (applicationId: string) => `/espace/dossiers/${applicationId}/convention`;

/**
 * Generates and sends the agreements of a call's published laureates that
 * have none yet: the terms are computed from the decision, the project's
 * schedule and the call's rules, and written with their instalments. Returns
 * how many were sent. Idempotent: a laureate that has one is skipped.
 */
export async function sendAgreements(tx: Tx, callId: string, actorId: string | null) {
  const laureates = await tx
    .select({
      applicationId: applications.id,
      leadOrganisationId: applications.leadOrganisationId,
      receiptNumber: applications.receiptNumber,
      title: applications.title,
      startDate: applications.startDate,
      durationMonths: applications.durationMonths,
      leadName: organisations.name,
      grantedCents: decisions.grantedAmountCents,
      decidedAt: decisions.decidedAt,
      years: calls.grantYears,
      finalBalancePercent: calls.finalBalancePercent,
      maxSharePercent: calls.maxSharePercent,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(grants, eq(grants.applicationId, applications.id))
    .where(
      and(
        eq(applications.callId, callId),
        eq(applications.status, "accepted"),
        isPublishedLaureate,
        isNull(grants.id),
      ),
    )
    .orderBy(asc(applications.receiptNumber));

  let sent = 0;
  for (const l of laureates) {
    const grantedCents = l.grantedCents ?? 0;
    const rule = { years: l.years, finalBalancePercent: l.finalBalancePercent };
    const durationMonths = l.durationMonths ?? 12 * l.years;
    const terms = grantTerms({
      grantedCents,
      rule,
      startsOn: l.startDate ?? isoDateInParis(l.decidedAt),
      durationMonths,
    });
    const reference = agreementReference(l.receiptNumber ?? l.applicationId.slice(0, 8));
    const [grant] = await tx
      .insert(grants)
      .values({
        applicationId: l.applicationId,
        reference,
        beneficiaryName: l.leadName,
        projectTitle: l.title,
        grantedCents,
        years: rule.years,
        finalBalancePercent: rule.finalBalancePercent,
        maxSharePercent: l.maxSharePercent,
        startsOn: terms.startsOn,
        durationMonths,
        endsOn: terms.endsOn,
        reportDueDates: terms.reportDueDates,
        sentBy: actorId,
      })
      .onConflictDoNothing({ target: grants.applicationId })
      .returning({ id: grants.id });
    if (!grant) continue;
    await tx.insert(grantInstalments).values(
      terms.instalments.map((i) => ({
        grantId: grant.id,
        position: i.position,
        year: i.year,
        kind: i.kind,
        plannedCents: i.amountCents,
        releasedByReport: i.releasedBy.kind === "report" ? i.releasedBy.reportPosition : null,
      })),
    );
    await recordAudit(tx, {
      actorId,
      action: GRANT_TRANSITIONS.sendAgreement.audit,
      subjectType: "application",
      subjectId: l.applicationId,
      data: { applicationId: l.applicationId, reference, grantedCents, years: rule.years },
    });
    const content = agreementSentEmail({
      applicationTitle: l.title,
      reference,
      grantedAmountCents: grantedCents,
      url: absoluteUrl(grantPath(l.applicationId)),
    });
    for (const to of await activeMemberEmails(tx, l.leadOrganisationId)) {
      await enqueueEmail(tx, {
        to,
        ...content,
        template: "agreement-sent",
        dedupeKey: `agreement-sent:${grant.id}:${to}`,
      });
    }
    sent++;
  }
  return sent;
}

/** Makes due the instalments released by the signature (`report` null) or by that report's acceptance. */
async function releaseInstalments(
  tx: Tx,
  grantId: string,
  applicationId: string,
  report: number | null,
  actorId: string | null,
) {
  const released = await tx
    .update(grantInstalments)
    .set({ status: "due", releasedAt: sql`now()` })
    .where(
      and(
        eq(grantInstalments.grantId, grantId),
        inArray(grantInstalments.status, [...INSTALMENT_TRANSITIONS.release.from]),
        report === null
          ? isNull(grantInstalments.releasedByReport)
          : eq(grantInstalments.releasedByReport, report),
      ),
    )
    .returning({ position: grantInstalments.position, plannedCents: grantInstalments.plannedCents });
  await recordAudit(
    tx,
    released.map((r) => ({
      actorId,
      action: INSTALMENT_TRANSITIONS.release.audit,
      subjectType: "application",
      subjectId: applicationId,
      data: { applicationId, position: r.position, amountCents: r.plannedCents },
    })),
  );
  return released.reduce((total, r) => total + r.plannedCents, 0);
}

/**
 * The lead's signatory accepts the agreement online: recorded with their name
 * and function, and the first instalment becomes due.
 */
export async function signAgreement(
  tx: Tx,
  input: {
    grantId: string;
    applicationId: string;
    version: number;
    signatoryName: string;
    signatoryFunction: string;
    userId: string;
  },
) {
  const [signed] = await tx
    .update(grants)
    .set({
      status: GRANT_TRANSITIONS.signAgreement.to[0],
      signatoryName: input.signatoryName,
      signatoryFunction: input.signatoryFunction,
      signedAt: sql`now()`,
      signedBy: input.userId,
      version: sql`${grants.version} + 1`,
    })
    .where(
      and(
        eq(grants.id, input.grantId),
        inArray(grants.status, [...GRANT_TRANSITIONS.signAgreement.from]),
        eq(grants.version, input.version),
      ),
    )
    .returning({ id: grants.id });
  if (!signed) throw new DomainError("state_changed", ACTED_FIRST);
  await recordAudit(tx, {
    actorId: input.userId,
    action: GRANT_TRANSITIONS.signAgreement.audit,
    subjectType: "application",
    subjectId: input.applicationId,
    data: {
      applicationId: input.applicationId,
      signatoryName: input.signatoryName,
      signatoryFunction: input.signatoryFunction,
    },
  });
  await releaseInstalments(tx, input.grantId, input.applicationId, null, input.userId);
}

export type ReportInput = {
  body: string;
  results: string;
  difficulties: string;
  expenses: ReportExpense[];
};

/**
 * Sends report `position` of a signed grant, or sends it again after DCTCIV
 * asked for more. Only the first report not accepted yet may be sent: the
 * schedule goes in order.
 */
export async function submitReport(
  tx: Tx,
  input: {
    applicationId: string;
    position: number;
    kind: "intermediate" | "final";
    userId: string;
  } & ReportInput,
) {
  const actualExpensesCents = input.expenses.reduce((total, e) => total + e.actualCents, 0);
  const values = {
    status: REPORT_TRANSITIONS.submitReport.to[0],
    body: input.body,
    results: input.results,
    difficulties: input.difficulties,
    expenses: input.expenses,
    actualExpensesCents,
    submittedBy: input.userId,
    submittedAt: sql`now()`,
  };
  const [row] = await tx
    .insert(progressReports)
    .values({ applicationId: input.applicationId, position: input.position, kind: input.kind, ...values })
    .onConflictDoUpdate({
      target: [progressReports.applicationId, progressReports.position],
      set: values,
      setWhere: eq(progressReports.status, "changes_requested"),
    })
    .returning({ id: progressReports.id });
  if (!row) throw new DomainError("state_changed", ACTED_FIRST);
  await recordAudit(tx, {
    actorId: input.userId,
    action: REPORT_TRANSITIONS.submitReport.audit,
    subjectType: "progress_report",
    subjectId: row.id,
    data: {
      applicationId: input.applicationId,
      kind: input.kind,
      position: input.position,
      actualExpensesCents,
    },
  });
  return row.id;
}

type GrantRow = typeof grants.$inferSelect;

/** Closes the grant when its final report is accepted and no instalment is left to pay. */
async function closeIfSettled(tx: Tx, grant: GrantRow, actorId: string | null) {
  const [open] = (await tx.execute(sql`
    select
      exists (select 1 from grant_instalments where grant_id = ${grant.id} and status in ('waiting', 'due')) as "left",
      exists (select 1 from progress_reports where application_id = ${grant.applicationId}
              and position = ${grant.years} and status = 'accepted') as "finalAccepted",
      (select coalesce(sum(paid_cents), 0)::bigint from grant_instalments where grant_id = ${grant.id} and status = 'paid') as "paid"
  `)) as unknown as { left: boolean; finalAccepted: boolean; paid: string }[];
  if (!open || open.left || !open.finalAccepted) return false;
  const [closed] = await tx
    .update(grants)
    .set({ status: GRANT_TRANSITIONS.close.to[0], closedAt: sql`now()`, version: sql`${grants.version} + 1` })
    .where(and(eq(grants.id, grant.id), inArray(grants.status, [...GRANT_TRANSITIONS.close.from])))
    .returning({ refundOwedCents: grants.refundOwedCents });
  if (!closed) return false;
  await recordAudit(tx, {
    actorId,
    action: GRANT_TRANSITIONS.close.audit,
    subjectType: "application",
    subjectId: grant.applicationId,
    data: {
      applicationId: grant.applicationId,
      allowedCents: Number(open.paid) - closed.refundOwedCents,
      refundOwedCents: closed.refundOwedCents,
    },
  });
  return true;
}

/**
 * DCTCIV accepts a report or sends it back with what is missing. Accepting
 * releases the instalment the report was waited for; accepting the final
 * report settles the grant on the actual spending (lib/grants/amounts.ts
 * `settle`): the balance is lowered, or cancelled with what was paid beyond
 * it owed back, and the grant closes once nothing is left to pay.
 */
export async function reviewReport(
  tx: Tx,
  input: {
    grant: GrantRow;
    leadOrganisationId: number;
    reportId: string;
    accept: boolean;
    comment: string;
    actorId: string;
  },
) {
  const { grant } = input;
  const transition = input.accept ? REPORT_TRANSITIONS.acceptReport : REPORT_TRANSITIONS.requestReportChanges;
  const [report] = await tx
    .update(progressReports)
    .set({
      status: transition.to[0],
      reviewComment: input.comment || null,
      reviewedBy: input.actorId,
      reviewedAt: sql`now()`,
    })
    .where(
      and(
        eq(progressReports.id, input.reportId),
        eq(progressReports.applicationId, grant.applicationId),
        inArray(progressReports.status, [...transition.from]),
      ),
    )
    .returning({
      position: progressReports.position,
      kind: progressReports.kind,
      actualExpensesCents: progressReports.actualExpensesCents,
    });
  if (!report) throw new DomainError("state_changed", ACTED_FIRST);

  let released = 0;
  if (input.accept) {
    if (report.kind === "final")
      await settleOnFinalReport(tx, grant, report.actualExpensesCents, input.actorId);
    released = await releaseInstalments(tx, grant.id, grant.applicationId, report.position, input.actorId);
    await closeIfSettled(tx, grant, input.actorId);
  }
  await recordAudit(
    tx,
    input.accept
      ? {
          actorId: input.actorId,
          action: "progress_report.accepted",
          subjectType: "progress_report",
          subjectId: input.reportId,
          data: { applicationId: grant.applicationId, position: report.position, released },
        }
      : {
          actorId: input.actorId,
          action: "progress_report.changes_requested",
          subjectType: "progress_report",
          subjectId: input.reportId,
          data: { applicationId: grant.applicationId, position: report.position, comment: input.comment },
        },
  );
  const content = reportReviewedEmail({
    applicationTitle: grant.projectTitle,
    reportLabel: reportLabel(report.kind, report.position),
    accepted: input.accept,
    comment: input.comment,
    releasedCents: released,
    url: absoluteUrl(grantPath(grant.applicationId)),
  });
  for (const to of await activeMemberEmails(tx, input.leadOrganisationId)) {
    await enqueueEmail(tx, {
      to,
      ...content,
      template: "report-reviewed",
      dedupeKey: `report-reviewed:${input.reportId}:${report.position}:${Date.now()}:${to}`,
    });
  }
  return { released };
}

/** The final report's actual spending fixes the balance, or what is owed back. */
async function settleOnFinalReport(tx: Tx, grant: GrantRow, actualExpensesCents: number, actorId: string) {
  const instalments = await tx
    .select()
    .from(grantInstalments)
    .where(eq(grantInstalments.grantId, grant.id))
    .orderBy(asc(grantInstalments.position));
  const balance = instalments.find((i) => i.kind === "balance" && i.status === "waiting");
  // What is paid or payable before the balance: the earlier instalments, paid or due.
  const paidOrDue = instalments
    .filter((i) => i !== balance && i.status !== "cancelled")
    .reduce((total, i) => total + (i.paidCents ?? i.plannedCents), 0);
  const settlement = settle({
    grantedCents: grant.grantedCents,
    paidCents: paidOrDue,
    plannedBalanceCents: balance?.plannedCents ?? 0,
    actualExpensesCents,
    maxSharePercent: grant.maxSharePercent,
  });
  if (balance) {
    if (settlement.balanceCents === 0) {
      await tx
        .update(grantInstalments)
        .set({ status: INSTALMENT_TRANSITIONS.cancel.to[0], plannedCents: 0 })
        .where(
          and(
            eq(grantInstalments.id, balance.id),
            inArray(grantInstalments.status, [...INSTALMENT_TRANSITIONS.cancel.from]),
          ),
        );
      await recordAudit(tx, {
        actorId,
        action: INSTALMENT_TRANSITIONS.cancel.audit,
        subjectType: "application",
        subjectId: grant.applicationId,
        data: {
          applicationId: grant.applicationId,
          position: balance.position,
          reason: `Dépenses réelles de ${formatMoneyCents(actualExpensesCents)}\u00a0: subvention ramenée à ${formatMoneyCents(settlement.allowedCents)}.`,
        },
      });
    } else if (settlement.balanceCents !== balance.plannedCents) {
      await tx
        .update(grantInstalments)
        .set({ plannedCents: settlement.balanceCents })
        .where(eq(grantInstalments.id, balance.id));
    }
  }
  await tx
    .update(grants)
    .set({ actualExpensesCents, refundOwedCents: settlement.refundCents })
    .where(eq(grants.id, grant.id));
}

/**
 * DCTCIV records the payment of a due instalment (date, amount, reference);
 * the laureate receives the payment notice, and the grant closes if it was
 * the last one.
 */
export async function recordPayment(
  tx: Tx,
  input: {
    grant: GrantRow;
    leadOrganisationId: number;
    instalmentId: string;
    paidCents: number;
    paidOn: string;
    reference: string;
    actorId: string;
  },
) {
  const { grant } = input;
  const [paid] = await tx
    .update(grantInstalments)
    .set({
      status: INSTALMENT_TRANSITIONS.recordPayment.to[0],
      paidCents: input.paidCents,
      paidOn: input.paidOn,
      paymentReference: input.reference,
      recordedBy: input.actorId,
      recordedAt: sql`now()`,
    })
    .where(
      and(
        eq(grantInstalments.id, input.instalmentId),
        eq(grantInstalments.grantId, grant.id),
        inArray(grantInstalments.status, [...INSTALMENT_TRANSITIONS.recordPayment.from]),
      ),
    )
    .returning({
      position: grantInstalments.position,
      kind: grantInstalments.kind,
      year: grantInstalments.year,
    });
  if (!paid) throw new DomainError("state_changed", ACTED_FIRST);
  await recordAudit(tx, {
    actorId: input.actorId,
    action: INSTALMENT_TRANSITIONS.recordPayment.audit,
    subjectType: "application",
    subjectId: grant.applicationId,
    data: {
      applicationId: grant.applicationId,
      position: paid.position,
      paidCents: input.paidCents,
      paidOn: input.paidOn,
      reference: input.reference,
    },
  });
  const content = paymentNoticeEmail({
    applicationTitle: grant.projectTitle,
    instalmentLabel: instalmentLabel(paid, grant.years),
    paidCents: input.paidCents,
    paidOn: frenchDate(input.paidOn),
    reference: input.reference,
    url: absoluteUrl(grantPath(grant.applicationId)),
  });
  for (const to of await activeMemberEmails(tx, input.leadOrganisationId)) {
    await enqueueEmail(tx, {
      to,
      ...content,
      template: "payment-notice",
      dedupeKey: `payment-notice:${input.instalmentId}:${to}`,
    });
  }
  await closeIfSettled(tx, grant, input.actorId);
}
