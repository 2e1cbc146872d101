import postgres from "postgres";

export type UnpublishedDecision = {
  id: string;
  title: string;
  receipt: string;
  callTitle: string;
  callSlug: string;
};

/**
 * Decided applications of calls whose results are not published (the demo's
 * current-year call in review), read straight from the e2e database: the
 * public site must show nothing of them.
 */
export async function unpublishedDecisions(): Promise<UnpublishedDecision[]> {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the e2e tests through scripts/test.ts");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<UnpublishedDecision[]>`
      select a.id, a.title, a.receipt_number as receipt, c.title as "callTitle", c.slug as "callSlug"
      from applications a join calls c on c.id = a.call_id join decisions d on d.application_id = a.id
      where c.results_published_at is null or c.results_published_at > now()`;
    return [...rows];
  } finally {
    await sql.end({ timeout: 5 });
  }
}
