import "server-only";
import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications } from "@/db/schema";
import { type AuditEntry, recordAudit } from "@/lib/audit";
import type { AuditDetails } from "@/lib/audit-events";
import { DomainError } from "@/lib/result";
import { type ApplicationStatus, TRANSITIONS, type TransitionName } from "./lifecycle";

type Writer = Pick<Database, "update" | "insert">;

/** `(…)` of the statuses, for the raw SQL that filters on a list of the lifecycle table. */
export function statusIn(statuses: readonly ApplicationStatus[]) {
  return sql`(${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/** What a user reads when another user's action changed the status first. */
export const ACTED_FIRST = "Quelqu’un d’autre a agi sur ce dossier entre-temps\u00a0: rechargez la page.";

type TransitionInput<N extends TransitionName = TransitionName> = {
  applicationIds: readonly string[];
  actorId: string | null;
  /** Where it leads, when the transition has several ends (a decision). */
  to?: ApplicationStatus;
  /** Other columns written with the status (withdrawal reason…). */
  set?: Partial<typeof applications.$inferInsert>;
  /** A further guard of the UPDATE (an expected version…). */
  where?: SQL;
  /**
   * Whether the applicant's « last modified » moves (default true). A decision
   * does not move it: it must not show before the results are published.
   */
  touch?: boolean;
  /**
   * The audit event's data, or `"caller"` when the caller writes the event
   * itself, because it belongs to a larger act (an answer that also reopens
   * the review, a decision whose data needs the previous one).
   */
  audit: AuditDetails<(typeof TRANSITIONS)[N]["audit"]> | "caller";
};

/**
 * Applies a transition of the lifecycle table: one guarded UPDATE whose WHERE
 * holds the transition's « from » statuses (so a concurrent action that moved
 * the application first makes it a no-op), the version bumped, and the
 * transition's audit event for each application moved. Returns the ids moved.
 */
export async function applyTransition<N extends TransitionName>(
  tx: Writer,
  name: N,
  input: TransitionInput<N>,
) {
  const transition = TRANSITIONS[name];
  const to = input.to ?? transition.to[0];
  if (!(transition.to as readonly string[]).includes(to)) {
    throw new Error(`transition ${name} cannot lead to ${to}`);
  }
  if (input.applicationIds.length === 0) return [];
  const touch = input.touch ?? true;
  const moved = await tx
    .update(applications)
    .set({
      ...input.set,
      status: to,
      version: sql`${applications.version} + 1`,
      ...(touch ? { updatedAt: sql`now()`, updatedBy: input.actorId } : {}),
    })
    .where(
      and(
        inArray(applications.id, [...input.applicationIds]),
        inArray(applications.status, [...transition.from]),
        input.where,
      ),
    )
    .returning({ id: applications.id });
  const data = input.audit;
  if (data !== "caller") {
    await recordAudit(
      tx,
      // TypeScript does not follow that `data` is the details of N's own event (a
      // correlation over the generic N): the signature above checks it for the caller.
      moved.map(
        (m) =>
          ({
            actorId: input.actorId,
            action: transition.audit,
            subjectType: "application",
            subjectId: m.id,
            data,
          }) as AuditEntry,
      ),
    );
  }
  return moved.map((m) => m.id);
}

/** As `applyTransition` on one application, refusing with « someone acted first » when it did not move. */
export async function requireTransition<N extends TransitionName>(
  tx: Writer,
  name: N,
  input: Omit<TransitionInput<N>, "applicationIds"> & { applicationId: string },
) {
  const { applicationId, ...rest } = input;
  const moved = await applyTransition(tx, name, { ...rest, applicationIds: [applicationId] });
  if (moved.length === 0) throw new DomainError("state_changed", ACTED_FIRST);
}
