import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, decisions } from "@/db/schema";
import { isPublishedLaureate } from "./published";

/** Paths of the sitemap read from the database: every call page, and published laureates only. */
export async function sitemapEntries(): Promise<{ path: string; lastModified: string }[]> {
  const db = getDb();
  const [callRows, laureateRows] = await Promise.all([
    db
      .select({ slug: calls.slug, updatedAt: sql<string>`${calls.updatedAt}::text` })
      .from(calls)
      .orderBy(calls.slug),
    db
      .select({ id: applications.id, at: sql<string>`${calls.resultsPublishedAt}::text` })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(isPublishedLaureate)
      .orderBy(applications.id),
  ]);
  return [
    ...callRows.map((c) => ({
      path: `/appels/${c.slug}`,
      lastModified: new Date(c.updatedAt).toISOString(),
    })),
    ...laureateRows.map((l) => ({ path: `/laureats/${l.id}`, lastModified: new Date(l.at).toISOString() })),
  ];
}
