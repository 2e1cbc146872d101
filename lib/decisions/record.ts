import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, calls, decisions } from "@/db/schema";
import { applyTransition } from "@/lib/applications/transition";
import { recordAudit } from "@/lib/audit";
import { type DecisionDraft, envelopeLeft } from "./rules";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Reader = Pick<Database, "select">;

/** Sum of the call's accepted grants, but the given application's own (which a revision replaces). */
export async function grantedElsewhere(db: Reader, callId: string, applicationId?: string) {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${decisions.grantedAmountCents}), 0)` })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .where(
      and(
        eq(applications.callId, callId),
        eq(decisions.outcome, "accepted"),
        applicationId ? ne(decisions.applicationId, applicationId) : undefined,
      ),
    );
  return Number(row?.total ?? 0);
}

export type RecordInput = {
  applicationId: string;
  callId: string;
  /** The application's version the admin read (optimistic concurrency). */
  version: number;
  draft: DecisionDraft;
  actorId: string;
  /** A correction of the recorded decision, with its reason; absent for a first decision. */
  revision?: { reason: string };
};

export type RecordOutcome =
  | { ok: true }
  | { ok: false; error: "conflict" }
  | { ok: false; error: "published" }
  | { ok: false; error: "envelope"; leftCents: number; envelopeCents: number };

/**
 * Records a first decision, or corrects one, in one transaction. The call's
 * row is locked first, so that decisions of one call are serialized and the
 * envelope check (the other grants plus this one within the envelope) holds
 * whatever the number of admins deciding at once; the call's envelope edit
 * takes the same lock. A correction keeps the previous decision in the audit
 * event and is refused once the results are published.
 */
export async function recordDecision(db: Database, input: RecordInput): Promise<RecordOutcome> {
  return db
    .transaction(async (tx: Tx) => {
      const [call] = await tx
        .select({ envelopeCents: calls.envelopeCents, resultsPublishedAt: calls.resultsPublishedAt })
        .from(calls)
        .where(eq(calls.id, input.callId))
        .for("update");
      if (!call) return { ok: false, error: "conflict" } as const;
      if (input.revision && call.resultsPublishedAt) return { ok: false, error: "published" } as const;
      if (input.draft.outcome === "accepted") {
        const left = envelopeLeft(
          call.envelopeCents,
          await grantedElsewhere(tx, input.callId, input.applicationId),
        );
        if (input.draft.grantedAmount > left)
          return {
            ok: false,
            error: "envelope",
            leftCents: left,
            envelopeCents: call.envelopeCents,
          } as const;
      }
      const now = new Date();
      // The applicant's « last modified » must not give the confidential decision away: only the
      // version moves (the admin's form states it), not updatedAt/updatedBy.
      const updated = await applyTransition(tx, input.revision ? "reviseDecision" : "decide", {
        applicationIds: [input.applicationId],
        actorId: input.actorId,
        to: input.draft.outcome,
        where: eq(applications.version, input.version),
        touch: false,
        // Written below, with the decision's values (and the previous ones for a revision).
        audit: "caller",
      });
      if (!updated[0]) return { ok: false, error: "conflict" } as const;
      const values = {
        outcome: input.draft.outcome,
        grantedAmountCents: input.draft.outcome === "accepted" ? input.draft.grantedAmount : null,
        rejectionReason: input.draft.outcome === "rejected" ? input.draft.rejectionReason : null,
        decidedBy: input.actorId,
        decidedAt: now,
      };
      if (input.revision) {
        const [previous] = await tx
          .select({
            outcome: decisions.outcome,
            grantedAmountCents: decisions.grantedAmountCents,
            rejectionReason: decisions.rejectionReason,
            decidedBy: decisions.decidedBy,
            decidedAt: decisions.decidedAt,
          })
          .from(decisions)
          .where(eq(decisions.applicationId, input.applicationId))
          .for("update");
        if (!previous) throw new Conflict();
        await tx.update(decisions).set(values).where(eq(decisions.applicationId, input.applicationId));
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "decision.revised",
          subjectType: "application",
          subjectId: input.applicationId,
          data: {
            reason: input.revision.reason,
            previous: { ...previous, decidedAt: previous.decidedAt.toISOString() },
            outcome: values.outcome,
            grantedAmountCents: values.grantedAmountCents,
            rejectionReason: values.rejectionReason,
          },
        });
        return { ok: true } as const;
      }
      const inserted = await tx
        .insert(decisions)
        .values({ applicationId: input.applicationId, ...values })
        .onConflictDoNothing()
        .returning({ id: decisions.id });
      if (!inserted[0]) throw new Conflict();
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "decision.recorded",
        subjectType: "application",
        subjectId: input.applicationId,
        data: {
          outcome: values.outcome,
          grantedAmountCents: values.grantedAmountCents,
          rejectionReason: values.rejectionReason,
        },
      });
      return { ok: true } as const;
    })
    .catch((error: unknown) => {
      if (error instanceof Conflict) return { ok: false, error: "conflict" } as const;
      throw error;
    });
}

class Conflict extends Error {}
