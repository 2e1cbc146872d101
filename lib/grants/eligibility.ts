import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { frenchDate, reportLabel } from "./labels";

/**
 * « Laureates with a report overdue from an earlier grant may not be funded
 * again » (the calls' rules, docs/grants.md): the reports of an
 * organisation's grants that are due before today (Paris) and neither sent
 * nor waiting for DCTCIV — never sent, or sent back for more and not sent
 * again. The applicant sees them on starting a new application; the
 * submission refuses while there is one.
 */
export type OverdueReport = {
  applicationId: string;
  projectTitle: string;
  position: number;
  kind: "intermediate" | "final";
  dueOn: string;
};

type Reader = Pick<Database, "execute">;

export async function overdueReportsOf(
  db: Reader,
  organisationIds: readonly number[],
): Promise<OverdueReport[]> {
  if (organisationIds.length === 0) return [];
  const rows = (await db.execute(sql`
    select g.application_id as "applicationId", g.project_title as "projectTitle",
           d.position::int as position, to_char(d.due_on, 'YYYY-MM-DD') as "dueOn",
           case when d.position = g.years then 'final' else 'intermediate' end as kind
    from grants g
    join applications a on a.id = g.application_id
    cross join lateral unnest(g.report_due_dates) with ordinality d(due_on, position)
    where a.lead_organisation_id in (${sql.join(
      organisationIds.map((id) => sql`${id}`),
      sql`, `,
    )})
      and g.status = 'agreement_signed'
      and d.due_on < (now() at time zone 'Europe/Paris')::date
      and not exists (
        select 1 from progress_reports r
        where r.application_id = g.application_id and r.position = d.position
          and r.status in ('submitted', 'accepted'))
    order by d.due_on, g.project_title`)) as unknown as OverdueReport[];
  return rows;
}

/** Why the organisation cannot submit, in French: the first overdue report named, with its date. */
export function overdueReportMessage(reports: readonly OverdueReport[]): string | null {
  const [first] = reports;
  if (!first) return null;
  const more = reports.length > 1 ? ` (et ${reports.length - 1} autre${reports.length > 2 ? "s" : ""})` : "";
  return `Le ${reportLabel(first.kind, first.position).toLowerCase()} du projet «\u00a0${first.projectTitle}\u00a0» était attendu le ${frenchDate(first.dueOn)}${more}\u00a0: tant qu’il n’est pas envoyé, votre collectivité ne peut pas déposer de nouveau dossier.`;
}
