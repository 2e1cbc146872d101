import { e2eSql } from "./db";

/** A draft of Ville de Thiers on the open call, created for one test only. */
export async function newThiersDraft(title: string) {
  const sql = e2eSql();
  const [row] = await sql`
    insert into applications (call_id, lead_organisation_id, title, is_fictitious)
    select c.id, o.id, ${title}, true
    from calls c, organisations o
    where c.opens_at <= now() and c.closes_at > now() and c.code = 'GEN'
      and o.kind = 'commune' and o.insee_code = '63430'
    order by c.year desc limit 1
    returning id`;
  return row?.id as string;
}
