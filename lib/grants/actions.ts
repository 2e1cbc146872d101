"use server";

import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calls } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { canManageGrants, canSignAgreement, canSubmitGrantReport } from "@/lib/authz/policy";
import { formatMoneyCents } from "@/lib/format";
import { invalidatePublicContent } from "@/lib/public/cache";
import { type ActionResult, DomainError, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { expenseLines, type GrantFile, loadGrant } from "./queries";
import {
  grantPath,
  recordPayment,
  reviewReport,
  sendAgreements,
  signAgreement,
  submitReport,
} from "./record";
import { paymentSchema, reportSchema, reviewReportSchema, signAgreementSchema } from "./schema";

const GRANT_GONE = "Convention introuvable.";
const applicationKey = {
  schema: z.object({ applicationId: z.uuid() }),
  fields: ["applicationId"],
  notFound: GRANT_GONE,
} as const;

async function grantOf(applicationId: string): Promise<GrantFile> {
  return (await loadGrant(getDb(), applicationId)) ?? refuse.notFound(GRANT_GONE);
}

const adminPaths = (file: GrantFile) => [
  grantPath(file.grant.applicationId),
  `/admin/conventions/${file.grant.applicationId}`,
  `/admin/appels/${file.callId}/conventions`,
];

/**
 * Generates and sends the agreements of every published laureate of a call
 * that has none yet (one e-mail to the lead's members each).
 */
export async function sendCallAgreements(
  _prev: ActionResult<{ sent: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ sent: number }>> {
  return runAction(formData, {
    name: "sendCallAgreements",
    key: { schema: z.object({ callId: z.uuid() }), fields: ["callId"], notFound: "Appel introuvable." },
    access: async (user, { callId }) => {
      permit(canManageGrants(user), "Seule la délégation envoie les conventions.");
      const [call] = await getDb()
        .select({ id: calls.id, resultsPublishedAt: calls.resultsPublishedAt })
        .from(calls)
        .where(eq(calls.id, callId));
      if (!call) refuse.notFound("Appel introuvable.");
      if (!call.resultsPublishedAt)
        throw new DomainError("invalid_state", "Les conventions s’envoient une fois les résultats publiés.");
      return call;
    },
    run: async ({ user, resource: call }) => {
      const sent = await getDb().transaction((tx) => sendAgreements(tx, call.id, user.id));
      if (sent === 0) return fail("nothing", "Chaque lauréat de cet appel a déjà reçu sa convention.");
      return ok({ sent });
    },
    revalidate: ({ resource }) => [`/admin/appels/${resource.id}/conventions`],
  });
}

/** The lead's signatory accepts the agreement online. */
export async function signGrantAgreement(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "signGrantAgreement",
    key: applicationKey,
    access: async (user, { applicationId }) => {
      const file = await grantOf(applicationId);
      if (
        !canSignAgreement(
          user,
          { leadOrganisationId: file.leadOrganisationId, status: "accepted" },
          file.grant,
        )
      ) {
        if (
          file.grant.status !== "agreement_sent" &&
          user.memberships.some((m) => m.organisationId === file.leadOrganisationId)
        )
          throw new DomainError("invalid_state", "Cette convention est déjà signée.");
        refuse.forbidden("Seul un gestionnaire de la collectivité chef de file peut signer la convention.");
      }
      return file;
    },
    input: {
      schema: signAgreementSchema,
      read: ["version", "signatoryName", "signatoryFunction", "accept"],
    },
    run: async ({ user, resource: file, input }) => {
      await getDb().transaction((tx) =>
        signAgreement(tx, {
          grantId: file.grant.id,
          applicationId: file.grant.applicationId,
          version: input.version,
          signatoryName: input.signatoryName,
          signatoryFunction: input.signatoryFunction,
          userId: user.id,
        }),
      );
      // The open data dates the agreement from its signature.
      invalidatePublicContent();
      return ok(undefined);
    },
    revalidate: ({ resource }) => adminPaths(resource),
  });
}

/**
 * A laureate sends the report the schedule waits for (or sends it again with
 * what DCTCIV asked): what was done, results, difficulties, and the actual
 * spending against each expense line of the budget.
 */
export async function submitProgressReport(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "submitProgressReport",
    key: applicationKey,
    access: async (user, { applicationId }) => {
      const file = await grantOf(applicationId);
      const app = { leadOrganisationId: file.leadOrganisationId, status: "accepted" };
      const allowed = canSubmitGrantReport(user, app, {
        status: file.grant.status,
        reportStatus: file.current?.report?.status ?? null,
      });
      if (!allowed) {
        if (
          file.current?.report?.status === "submitted" &&
          user.memberships.some((m) => m.organisationId === file.leadOrganisationId)
        )
          throw new DomainError(
            "invalid_state",
            "Ce rapport est déjà envoyé\u00a0: la délégation l’examine.",
          );
        refuse.forbidden(
          "Seule la collectivité chef de file d’un projet lauréat peut en rendre compte, une fois la convention signée.",
        );
      }
      return file;
    },
    input: {
      schema: reportSchema,
      read: (form) => ({
        position: form.get("position"),
        body: form.get("body"),
        results: form.get("results"),
        difficulties: form.get("difficulties") ?? "",
        actual: form.getAll("actual").map(String),
      }),
      fieldErrors: (error) => {
        const errors: Record<string, string[]> = {};
        for (const issue of error.issues) {
          const key = issue.path[0] === "actual" ? `actual.${String(issue.path[1])}` : String(issue.path[0]);
          errors[key] = [...(errors[key] ?? []), issue.message];
        }
        return errors;
      },
    },
    run: async ({ user, resource: file, input }) => {
      const current = file.current;
      if (!current || current.position !== input.position)
        return fail(
          "state_changed",
          "Ce rapport n’est pas celui qu’attend l’échéancier\u00a0: rechargez la page.",
        );
      const lines = await expenseLines(getDb(), file.grant.applicationId);
      if (input.actual.length !== lines.length)
        return fail("state_changed", "Le budget du projet a changé\u00a0: rechargez la page.");
      await getDb().transaction((tx) =>
        submitReport(tx, {
          applicationId: file.grant.applicationId,
          position: current.position,
          kind: current.kind,
          userId: user.id,
          body: input.body,
          results: input.results,
          difficulties: input.difficulties,
          expenses: lines.map((l, i) => ({
            label: l.label,
            plannedCents: l.plannedCents,
            actualCents: input.actual[i] ?? 0,
          })),
        }),
      );
      return ok(undefined);
    },
    revalidate: ({ resource }) => [...adminPaths(resource), "/espace/rapports"],
  });
}

/** DCTCIV validates a report (releasing the next instalment) or asks for more. */
export async function reviewGrantReport(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "reviewGrantReport",
    key: applicationKey,
    access: async (user, { applicationId }) => {
      permit(canManageGrants(user), "Seule la délégation examine les rapports.");
      return grantOf(applicationId);
    },
    input: { schema: reviewReportSchema, read: ["reportId", "outcome", "comment"] },
    run: async ({ user, resource: file, input }) => {
      await getDb().transaction((tx) =>
        reviewReport(tx, {
          grant: file.grant,
          leadOrganisationId: file.leadOrganisationId,
          reportId: input.reportId,
          accept: input.outcome === "accept",
          comment: input.comment,
          actorId: user.id,
        }),
      );
      invalidatePublicContent();
      return ok(undefined);
    },
    revalidate: ({ resource }) => adminPaths(resource),
  });
}

/** DCTCIV records the payment of a due instalment. */
export async function recordGrantPayment(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "recordGrantPayment",
    key: applicationKey,
    access: async (user, { applicationId }) => {
      permit(canManageGrants(user), "Seule la délégation enregistre les versements.");
      return grantOf(applicationId);
    },
    input: { schema: paymentSchema, read: ["instalmentId", "paidOn", "paidAmount", "reference"] },
    run: async ({ user, resource: file, input }) => {
      const instalment = file.instalments.find((i) => i.id === input.instalmentId);
      if (instalment?.status !== "due")
        return fail("state_changed", "Ce versement n’est pas à verser\u00a0: rechargez la page.");
      if (input.paidAmount !== instalment.plannedCents)
        return fail("invalid_amount", "Le montant ne correspond pas à la tranche.", {
          paidAmount: [
            `Le montant versé est celui de la tranche\u00a0: ${formatMoneyCents(instalment.plannedCents)}.`,
          ],
        });
      await getDb().transaction((tx) =>
        recordPayment(tx, {
          grant: file.grant,
          leadOrganisationId: file.leadOrganisationId,
          instalmentId: instalment.id,
          paidCents: input.paidAmount,
          paidOn: input.paidOn,
          reference: input.reference,
          actorId: user.id,
        }),
      );
      // The public project page shows the instalments paid, and the open data their dates.
      invalidatePublicContent();
      return ok(undefined);
    },
    revalidate: ({ resource }) => adminPaths(resource),
  });
}
