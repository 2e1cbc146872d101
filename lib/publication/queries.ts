import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, auditEvents, decisions } from "@/db/schema";
import { staffMaySeeApplication } from "@/lib/applications/staff-visibility";
import { countUndecided } from "@/lib/calls/queries";

export type PublicationSummary = {
  accepted: number;
  rejected: number;
  undecided: number;
  grantedCents: number;
  envelopeCents: number;
};

/** What the confirmation page shows, and what the publish action checks again. */
export async function publicationSummary(
  db: Pick<Database, "select">,
  call: { id: string; envelopeCents: number },
): Promise<PublicationSummary> {
  const [[row], undecided] = await Promise.all([
    db
      .select({
        accepted: sql<number>`count(*) filter (where ${decisions.outcome} = 'accepted')::int`,
        rejected: sql<number>`count(*) filter (where ${decisions.outcome} = 'rejected')::int`,
        granted: sql<string>`coalesce(sum(${decisions.grantedAmountCents}) filter (where ${decisions.outcome} = 'accepted'), 0)`,
      })
      .from(decisions)
      .innerJoin(applications, eq(applications.id, decisions.applicationId))
      .where(
        and(
          eq(applications.callId, call.id),
          staffMaySeeApplication,
          sql`${applications.status} <> 'withdrawn'`,
        ),
      ),
    countUndecided(db, call.id),
  ]);
  return {
    accepted: row?.accepted ?? 0,
    rejected: row?.rejected ?? 0,
    undecided,
    grantedCents: Number(row?.granted ?? 0),
    envelopeCents: call.envelopeCents,
  };
}

/** Publications and withdrawals of the call's results, newest first (from the audit trail). */
export async function publicationHistory(db: Pick<Database, "select">, callId: string) {
  return db
    .select({
      action: auditEvents.action,
      occurredAt: auditEvents.occurredAt,
      data: auditEvents.data,
      actorName: sql<
        string | null
      >`(select coalesce(u.name, u.email) from users u where u.id = ${auditEvents.actorId})`,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.subjectType, "call"),
        eq(auditEvents.subjectId, callId),
        sql`${auditEvents.action} in ('call.results_published', 'call.results_unpublished')`,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt));
}
