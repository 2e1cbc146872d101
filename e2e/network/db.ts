import { withSql } from "../support/calls-db";

/** The real 2025 Thiers – Tandil laureate (cutlery), of région 84. */
export const THIERS_TANDIL_TITLE = "Soutien et développement de l'industrie de la coutellerie";

export async function thiersTandilId() {
  return withSql(async (sql) => {
    const rows = await sql`
      select a.id from applications a join calls c on c.id = a.call_id
      where a.title = ${THIERS_TANDIL_TITLE} and c.year = 2025 limit 1`;
    const id = rows[0]?.id as string | undefined;
    if (!id) throw new Error("the 2025 Thiers – Tandil laureate is not in the seed");
    return id;
  });
}

/** A draft follow-up page of RESACOOP about Thiers – Tandil, made for the authorization matrix. */
export async function resacoopDraftPostId() {
  const applicationId = await thiersTandilId();
  return withSql(async (sql) => {
    const existing = await sql`select id from followup_posts where title = 'Matrice : brouillon' limit 1`;
    if (existing[0]) return existing[0].id as string;
    const [row] = await sql`
      insert into followup_posts (network_id, application_id, title, body_md)
      select id, ${applicationId}, 'Matrice : brouillon', 'Texte' from regional_networks where slug = 'resacoop'
      returning id`;
    return row?.id as string;
  });
}

/** A draft news issue of RESACOOP, numbered like the app numbers them (same advisory lock). */
export async function resacoopDraftIssueId() {
  return withSql(async (sql) =>
    sql.begin(async (tx) => {
      const existing =
        await tx`select id from news_issues where title = 'Matrice : numéro brouillon' limit 1`;
      if (existing[0]) return existing[0].id as string;
      const [network] = await tx`select id from regional_networks where slug = 'resacoop'`;
      await tx`select pg_advisory_xact_lock(hashtext(${`news_issues:${network?.id}`}))`;
      const [row] = await tx`
        insert into news_issues (network_id, number, title, issue_date)
        select ${network?.id}, coalesce(max(number), 0) + 1, 'Matrice : numéro brouillon', current_date
        from news_issues where network_id = ${network?.id}
        returning id`;
      return row?.id as string;
    }),
  );
}

/** The audit trail of a news issue and of its pages, in order: action and subject. */
export async function issueAuditTrail(issueId: string) {
  return withSql(async (sql) => {
    const rows = await sql`
      select e.action, e.subject_type, e.data
      from audit_events e
      where (e.subject_type = 'news_issue' and e.subject_id = ${issueId})
         or (e.subject_type = 'followup_post' and e.data ->> 'newsIssueId' = ${issueId})
      order by e.id`;
    return rows.map((r) => ({ action: r.action as string, data: r.data as Record<string, unknown> }));
  });
}
