"use server";

import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, auditEvents, calls, decisions, memberships, users } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit";
import { canPublishResults } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { getCallWithStatus } from "@/lib/calls/queries";
import { enqueueEmail } from "@/lib/mail/outbox";
import { decisionEmail, decisionWithdrawnEmail } from "@/lib/mail/templates";
import { invalidatePublicContent } from "@/lib/public/cache";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, DomainError, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { publicationSummary } from "./queries";

const FORBIDDEN = "Seuls les administrateurs peuvent publier les résultats.";

const callKey = {
  schema: z.object({ callId: z.uuid() }),
  fields: ["callId"],
  notFound: "Appel introuvable.",
};
const unpublishSchema = z.object({
  reason: z
    .string({ error: "Indiquez le motif du retrait." })
    .trim()
    .min(10, { error: "Indiquez le motif du retrait (10 caractères au moins)." })
    .max(2000, { error: "2 000 caractères au plus." }),
});

/** An admin, then the call if it still exists: a refused user does not learn whether it does. */
async function publishableCall(user: Principal, callId: string) {
  permit(canPublishResults(user), FORBIDDEN);
  return (
    (await getCallWithStatus(getDb(), callId, new Date())) ?? refuse.notFound("Cet appel n’existe plus.")
  );
}

/** Every public page may show the call's results: drops the public cache; the call's pages to revalidate. */
function revalidatePublic({ resource: call }: { resource: { id: string; slug: string } }) {
  invalidatePublicContent();
  return [`/appels/${call.slug}`, `/admin/appels/${call.id}`];
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** Whether the call's results were published once already (then withdrawn). */
async function wasPublishedBefore(tx: Tx, callId: string) {
  const [row] = await tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.subjectType, "call"),
        eq(auditEvents.subjectId, callId),
        eq(auditEvents.action, "call.results_unpublished"),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * The call's decided applications with whom to tell: the submitter, or for
 * imported data without one, the lead organisation's first active manager.
 */
async function decidedWithRecipients(tx: Tx, callId: string) {
  const decided = await tx
    .select({
      applicationId: applications.id,
      title: applications.title,
      leadOrganisationId: applications.leadOrganisationId,
      submitterEmail: sql<
        string | null
      >`(select u.email from ${users} u where u.id = coalesce(${applications.submittedBy}, ${applications.createdBy}))`,
      outcome: decisions.outcome,
      grantedAmountCents: decisions.grantedAmountCents,
      rejectionReason: decisions.rejectionReason,
    })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .where(
      and(
        eq(applications.callId, callId),
        isNotNull(applications.submittedAt),
        sql`${applications.status} <> 'withdrawn'`,
      ),
    );
  const out = [];
  for (const d of decided) {
    let to = d.submitterEmail;
    if (!to) {
      const [manager] = await tx
        .select({ email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.organisationId, d.leadOrganisationId),
            eq(memberships.status, "active"),
            eq(memberships.role, "manager"),
          ),
        )
        .orderBy(memberships.createdAt)
        .limit(1);
      to = manager?.email ?? null;
    }
    out.push({ ...d, to });
  }
  return out;
}

/**
 * Publishes a call's results in one step: refused while an application is
 * undecided or the call is still open; sets the publication time (guarded on
 * its being unset), e-mails each decided application's submitter through the
 * outbox (one e-mail per application, idempotent by its key), and writes the
 * audit event, all in one transaction.
 */
export async function publishResults(
  _prev: ActionResult<{ emails: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ emails: number }>> {
  return runAction(formData, {
    name: "publishResults",
    key: callKey,
    access: async (user, { callId }) => {
      const call = await publishableCall(user, callId);
      if (call.status === "upcoming" || call.status === "open")
        throw new DomainError(
          "invalid_state",
          "L’appel n’est pas encore clos\u00a0: ses résultats ne peuvent pas être publiés.",
        );
      return call;
    },
    run: async ({ user, resource: call }) => {
      const outcome = await getDb().transaction(async (tx) => {
        // Lock the call so that two admins cannot publish twice, then check again under the lock.
        const [locked] = await tx
          .select({ id: calls.id, resultsPublishedAt: calls.resultsPublishedAt })
          .from(calls)
          .where(eq(calls.id, call.id))
          .for("update");
        if (!locked || locked.resultsPublishedAt) return { error: "already" as const };
        const summary = await publicationSummary(tx, call);
        if (summary.undecided > 0) return { error: "undecided" as const, count: summary.undecided };
        if (summary.accepted + summary.rejected === 0) return { error: "empty" as const };
        const [published] = await tx
          .update(calls)
          .set({ resultsPublishedAt: sql`now()`, updatedAt: sql`now()` })
          .where(and(eq(calls.id, call.id), isNull(calls.resultsPublishedAt)))
          .returning({ at: calls.resultsPublishedAt });
        if (!published) return { error: "already" as const };

        // A publication after a withdrawal tells every applicant again, changed or not: the key names
        // this publication, so each publication sends one e-mail per application.
        const republished = await wasPublishedBefore(tx, call.id);
        const publishedAt = (published.at as Date).toISOString();
        let emails = 0;
        let withoutRecipient = 0;
        for (const d of await decidedWithRecipients(tx, call.id)) {
          if (!d.to) {
            withoutRecipient++;
            continue;
          }
          const content = decisionEmail({
            applicationTitle: d.title,
            callTitle: call.title,
            accepted: d.outcome === "accepted",
            grantedAmountCents: d.grantedAmountCents,
            reason: d.rejectionReason,
            url: absoluteUrl("/espace"),
            republished,
          });
          const sent = await enqueueEmail(tx, {
            to: d.to,
            ...content,
            template: "decision",
            dedupeKey: `decision:${d.applicationId}:${publishedAt}`,
          });
          if (sent) emails++;
        }
        await recordAudit(tx, {
          actorId: user.id,
          action: "call.results_published",
          subjectType: "call",
          subjectId: call.id,
          data: {
            accepted: summary.accepted,
            rejected: summary.rejected,
            grantedCents: summary.grantedCents,
            envelopeCents: summary.envelopeCents,
            emails,
            withoutRecipient,
          },
        });
        return { emails };
      });
      if ("error" in outcome) {
        if (outcome.error === "already")
          return fail("already_published", "Les résultats de cet appel sont déjà publiés.");
        if (outcome.error === "empty")
          return fail("no_decision", "Aucune décision n’a été prise sur cet appel.");
        const count = outcome.count ?? 0;
        return fail(
          "undecided",
          `${count} dossier${count > 1 ? "s n’ont" : " n’a"} pas encore de décision\u00a0: la publication est impossible.`,
        );
      }
      return ok({ emails: outcome.emails });
    },
    revalidate: revalidatePublic,
  });
}

/**
 * Withdraws published results, with a reason: audited, the public pages hide
 * the decisions again, and each decided application's submitter is e-mailed
 * the withdrawal with the reason (through the outbox, in the transaction).
 */
export async function unpublishResults(
  _prev: ActionResult<{ emails: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ emails: number }>> {
  return runAction(formData, {
    name: "unpublishResults",
    key: callKey,
    access: (user, { callId }) => publishableCall(user, callId),
    input: { schema: unpublishSchema, read: ["reason"], message: "Indiquez le motif du retrait." },
    run: async ({ user, resource: call, input: { reason } }) => {
      const done = await getDb().transaction(async (tx) => {
        const rows = await tx
          .update(calls)
          .set({ resultsPublishedAt: null, updatedAt: sql`now()` })
          .where(and(eq(calls.id, call.id), isNotNull(calls.resultsPublishedAt)))
          .returning({ id: calls.id });
        if (rows.length === 0) return null;
        // The applicants were told the decision: they are told it is withdrawn, and why.
        const withdrawnAt = new Date().toISOString();
        let emails = 0;
        let withoutRecipient = 0;
        for (const d of await decidedWithRecipients(tx, call.id)) {
          if (!d.to) {
            withoutRecipient++;
            continue;
          }
          const sent = await enqueueEmail(tx, {
            to: d.to,
            ...decisionWithdrawnEmail({
              applicationTitle: d.title,
              callTitle: call.title,
              reason: reason,
              url: absoluteUrl("/espace"),
            }),
            template: "decision-withdrawn",
            dedupeKey: `decision-withdrawn:${d.applicationId}:${withdrawnAt}`,
          });
          if (sent) emails++;
        }
        await recordAudit(tx, {
          actorId: user.id,
          action: "call.results_unpublished",
          subjectType: "call",
          subjectId: call.id,
          data: {
            reason: reason,
            publishedAt: call.resultsPublishedAt?.toISOString() ?? null,
            emails,
            withoutRecipient,
          },
        });
        return { emails };
      });
      if (!done) return fail("not_published", "Les résultats de cet appel ne sont pas publiés.");
      return ok(done);
    },
    revalidate: revalidatePublic,
  });
}
