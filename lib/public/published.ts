import { and, type Column, eq, type SQL, sql } from "drizzle-orm";
import { calls, decisions } from "@/db/schema";

/**
 * The one rule of what the public may see of decisions: a call's results are
 * public once `results_published_at` is set and reached (a publication time in
 * the future does not count yet); a laureate is an application with an
 * accepted decision in such a call. Every public query and page goes through
 * these forms, so no page, count or filter option reveals a decision of an
 * unpublished call. The rule has one SQL form (for drizzle's columns or for a
 * raw query's aliases) and one TypeScript form; `published.int.test.ts`
 * checks on generated rows that they select the same applications.
 */

/** SQL: the results of the call whose `results_published_at` is this column or expression are public. */
export function resultsPublishedSql(resultsPublishedAt: Column | SQL): SQL {
  return sql`(${resultsPublishedAt} is not null and ${resultsPublishedAt} <= now())`;
}

/** SQL, drizzle tables: the call's results are public (needs `calls` in the query). */
export const callResultsPublished = resultsPublishedSql(calls.resultsPublishedAt);

/** SQL, drizzle tables: a laureate, an accepted decision in a call whose results are public (needs calls and decisions joined). */
export const isPublishedLaureate = and(eq(decisions.outcome, "accepted"), callResultsPublished) as SQL;

/** SQL, raw queries: the call aliased `call` has public results. */
export function callPublishedAs(call: string): SQL {
  return resultsPublishedSql(sql`${sql.identifier(call)}.results_published_at`);
}

/** SQL, raw queries: a laureate, given the aliases of its call and its decision (both joined). */
export function publishedLaureateAs(aliases: { call: string; decision: string }): SQL {
  return sql`(${sql.identifier(aliases.decision)}.outcome = 'accepted' and ${callPublishedAs(aliases.call)})`;
}

/**
 * SQL, raw queries: the application aliased `application` is a laureate
 * (a correlated EXISTS, for queries that do not join its call and decision).
 */
export function isPublishedLaureateAs(application: string): SQL {
  const a = sql.identifier(application);
  return sql`exists (
    select 1 from calls pub_call join decisions pub_decision on pub_decision.application_id = ${a}.id
    where pub_call.id = ${a}.call_id and ${publishedLaureateAs({ call: "pub_call", decision: "pub_decision" })})`;
}

/** TypeScript: the call's results are public at `now`. */
export function resultsArePublic(resultsPublishedAt: Date | null, now: Date = new Date()): boolean {
  return resultsPublishedAt !== null && resultsPublishedAt.getTime() <= now.getTime();
}

/** TypeScript: a laureate, from its decision's outcome (null: none yet) and its call's publication time. */
export function isPublicLaureate(
  application: { outcome: string | null; resultsPublishedAt: Date | null },
  now: Date = new Date(),
): boolean {
  return application.outcome === "accepted" && resultsArePublic(application.resultsPublishedAt, now);
}

/** French titles sort as a French reader expects (« Échanges » with the E, not after « Z »). */
export const frenchOrder = (column: unknown) => sql`${column} collate "fr-x-icu"`;
