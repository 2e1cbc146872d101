import { isNotNull, type SQL, sql } from "drizzle-orm";
import { applications } from "@/db/schema";

/**
 * Staff never see drafts: reviewers and admins read only applications that
 * were submitted once, whatever became of them since (under review, decided,
 * withdrawn after submission). A draft, or a draft its organisation withdrew
 * before submitting it, is the applicant's own work and never reaches a staff
 * list, count, export or page. `submitted_at` is set by the submission and
 * never cleared, so it is the rule's column.
 *
 * One SQL form (drizzle's columns, or a raw query's alias) and one TypeScript
 * form; `lib/applications/rules-agree.int.test.ts` checks on generated rows
 * that they select the same applications.
 */

/** SQL, drizzle tables: staff may see this application (needs `applications` in the query). */
export const staffMaySeeApplication: SQL = isNotNull(applications.submittedAt);

/** SQL, raw queries: staff may see the application aliased `application`. */
export function staffMaySeeAs(application: string): SQL {
  return sql`${sql.identifier(application)}.submitted_at is not null`;
}

/** TypeScript: staff may see this application. */
export function staffMaySee(application: { submittedAt: Date | string | null }): boolean {
  return application.submittedAt !== null;
}
