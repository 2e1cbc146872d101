import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobLog } from "@/lib/log";
import { enqueueEmail, reportReminderEmail } from "@/lib/mail";
import { absoluteUrl } from "@/lib/public/site-url";
import { frenchDate, reportLabel } from "./labels";
import { grantPath } from "./record";

/** Days before a report's due date when its reminder goes. */
export const REMINDER_DAYS_BEFORE = 30;

const remindersLog = jobLog("report-reminders");

/**
 * E-mails the lead's members about the reports of signed grants that are due
 * within REMINDER_DAYS_BEFORE days, or overdue (due before today, Paris),
 * and not sent (or sent back and not sent again). One e-mail per report, per
 * kind (« soon », « overdue ») and per address: the outbox's dedupe key makes
 * a second run, on this node or another at the same moment, write nothing
 * more. Returns how many e-mails were written.
 */
export async function sendReportReminders(db: Database): Promise<number> {
  const rows = (await db.execute(sql`
    select g.application_id as "applicationId", g.project_title as "projectTitle", d.position::int as position,
           to_char(d.due_on, 'YYYY-MM-DD') as "dueOn",
           case when d.position = g.years then 'final' else 'intermediate' end as kind,
           d.due_on < (now() at time zone 'Europe/Paris')::date as overdue,
           u.email
    from grants g
    join applications a on a.id = g.application_id
    cross join lateral unnest(g.report_due_dates) with ordinality d(due_on, position)
    join memberships m on m.organisation_id = a.lead_organisation_id and m.status = 'active'
    join users u on u.id = m.user_id
    where g.status = 'agreement_signed'
      and d.due_on <= (now() at time zone 'Europe/Paris')::date + ${REMINDER_DAYS_BEFORE}::int
      and not exists (
        select 1 from progress_reports r
        where r.application_id = g.application_id and r.position = d.position
          and r.status in ('submitted', 'accepted'))
    order by d.due_on`)) as unknown as {
    applicationId: string;
    projectTitle: string;
    position: number;
    dueOn: string;
    kind: "intermediate" | "final";
    overdue: boolean;
    email: string;
  }[];
  let written = 0;
  for (const r of rows) {
    const content = reportReminderEmail({
      applicationTitle: r.projectTitle,
      reportLabel: reportLabel(r.kind, r.position),
      dueOn: frenchDate(r.dueOn),
      overdue: r.overdue,
      url: absoluteUrl(grantPath(r.applicationId)),
    });
    const sent = await enqueueEmail(db, {
      to: r.email,
      ...content,
      template: r.overdue ? "report-overdue" : "report-reminder",
      dedupeKey: `report-${r.overdue ? "overdue" : "reminder"}:${r.applicationId}:${r.position}:${r.dueOn}:${r.email}`,
    });
    if (sent) written++;
  }
  return written;
}

let timer: NodeJS.Timeout | undefined;

/** At start-up, then every 6 hours, on every node (the dedupe keys make the runs idempotent). */
export function startReportReminders(db: Database, intervalMs = 6 * 3_600_000) {
  if (timer) return;
  const run = async () => {
    try {
      const written = await sendReportReminders(db);
      if (written > 0) remindersLog.info({ written }, "report reminders written to the outbox");
    } catch (error) {
      // The database may be briefly unreachable: the next run catches up.
      remindersLog.error({ err: error }, "report reminders run failed");
    }
  };
  timer = setInterval(run, intervalMs);
  timer.unref();
  void run();
}
