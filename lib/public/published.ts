import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import { calls, decisions } from "@/db/schema";

/**
 * The one rule of what the public may see of decisions: a call's results are
 * public once `results_published_at` is set and reached. Every public query
 * goes through these predicates, so no page, count or filter option reveals a
 * decision of an unpublished call.
 */
export const callResultsPublished = and(
  isNotNull(calls.resultsPublishedAt),
  lte(calls.resultsPublishedAt, sql`now()`),
);

/** A laureate: an accepted decision in a call whose results are published (needs calls and decisions joined). */
export const isPublishedLaureate = and(eq(decisions.outcome, "accepted"), callResultsPublished);

/** French titles sort as a French reader expects (« Échanges » with the E, not after « Z »). */
export const frenchOrder = (column: unknown) => sql`${column} collate "fr-x-icu"`;
