import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, decisions, newsIssues, regionalNetworks } from "@/db/schema";
import { isPublishedLaureate } from "./published";

/**
 * Paths of the sitemap read from the database: every call page, published
 * laureates only, each regional network's page and news list, and its
 * published news issues only (the rule of lib/followup/queries.ts's publicIssues).
 */
export async function sitemapEntries(): Promise<{ path: string; lastModified?: string }[]> {
  const db = getDb();
  const [callRows, laureateRows, networkRows, issueRows] = await Promise.all([
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
    db.select({ slug: regionalNetworks.slug }).from(regionalNetworks).orderBy(regionalNetworks.slug),
    db
      .select({
        slug: regionalNetworks.slug,
        number: newsIssues.number,
        at: sql<string | null>`${newsIssues.publishedAt}::text`,
      })
      .from(newsIssues)
      .innerJoin(regionalNetworks, eq(regionalNetworks.id, newsIssues.networkId))
      .where(eq(newsIssues.status, "published"))
      .orderBy(regionalNetworks.slug, newsIssues.number),
  ]);
  return [
    ...callRows.map((c) => ({
      path: `/appels/${c.slug}`,
      lastModified: new Date(c.updatedAt).toISOString(),
    })),
    ...laureateRows.map((l) => ({ path: `/laureats/${l.id}`, lastModified: new Date(l.at).toISOString() })),
    ...networkRows.flatMap((n) => [
      { path: `/reseaux/${n.slug}` },
      { path: `/reseaux/${n.slug}/actualites` },
    ]),
    ...issueRows.map((i) => ({
      path: `/reseaux/${i.slug}/actualites/${i.number}`,
      ...(i.at ? { lastModified: new Date(i.at).toISOString() } : {}),
    })),
  ];
}
