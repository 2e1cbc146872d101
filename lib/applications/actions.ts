"use server";

import { eq, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { applications, calls } from "@/db/schema";
import { permit, refuse, runAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit";
import {
  canCreateApplication,
  canEditApplication,
  canViewOwnApplication,
  canWithdrawApplication,
} from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { formatTime } from "@/lib/format";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, DomainError, fail, ok } from "@/lib/result";
import type { FormField } from "./merge";
import { saveFormChanges } from "./persist";
import { findApplication } from "./queries";
import { isBeforeDeadline } from "./rules";
import {
  type ApplicationForm,
  applicationIdSchema,
  createApplicationSchema,
  saveApplicationSchema,
  withdrawSchema,
} from "./schema";
import { submitDraft } from "./submit";
import { applyTransition } from "./transition";

// The applicant's forms keep what was typed after a refusal: an expired session says so.
const SIGNED_OUT = "Votre session a expiré\u00a0: reconnectez-vous. Ce que vous avez saisi reste affiché.";
const FORBIDDEN = "Vous n’avez pas les droits pour cette action sur ce dossier.";
const NOT_FOUND = "Dossier introuvable.";
const CLOSED = "Cet appel à projets n’est pas ouvert aux candidatures.";
const SAVED_ONCE_SUBMITTED = "Ce dossier a été déposé\u00a0: il ne peut plus être modifié.";
const NOT_SUBMITTABLE = "Ce dossier ne peut plus être déposé.";

function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

const applicationKey = { schema: applicationIdSchema, fields: ["applicationId"], notFound: NOT_FOUND };

/** The applicant's application; anyone else is told what a wrong id is told. */
async function ownApplication(user: Principal, applicationId: string) {
  const loaded = await findApplication(getDb(), applicationId);
  if (!loaded || !canViewOwnApplication(user, loaded.application)) refuse.notFound(NOT_FOUND);
  return loaded;
}

/** Starts an application on an open call, for one of the user's organisations. */
export async function createApplication(
  _prev: ActionResult<string> | null,
  formData: FormData,
): Promise<ActionResult<string>> {
  return runAction(formData, {
    name: "createApplication",
    signedOut: SIGNED_OUT,
    // The organisation comes from a list of the user's own: a malformed id was not chosen there.
    key: {
      schema: createApplicationSchema.pick({ callId: true, organisationId: true }),
      fields: ["callId", "organisationId"],
      notFound: "Appel ou organisation introuvable.",
    },
    access: async (user, { callId, organisationId }) => {
      permit(canCreateApplication(user, organisationId), FORBIDDEN);
      // The database's clock decides whether the call is open (as for submission), not this node's.
      const [call] = await getDb()
        .select({
          opensAt: calls.opensAt,
          closesAt: calls.closesAt,
          nowMs: sql<number>`extract(epoch from now()) * 1000`.mapWith(Number),
        })
        .from(calls)
        .where(eq(calls.id, callId));
      const now = new Date(call?.nowMs ?? Date.now());
      if (!call || call.opensAt.getTime() > now.getTime() || !isBeforeDeadline(now, call.closesAt)) {
        throw new DomainError("closed", CLOSED);
      }
    },
    input: {
      schema: createApplicationSchema.pick({ title: true }),
      read: ["title"],
      fieldErrors: fieldErrorsOf,
    },
    run: async ({ user, key: { callId, organisationId }, input: { title } }) => {
      const id = await getDb().transaction(async (tx) => {
        const [row] = await tx
          .insert(applications)
          .values({
            callId,
            leadOrganisationId: organisationId,
            title,
            isFictitious: false,
            createdBy: user.id,
            updatedBy: user.id,
          })
          .returning({ id: applications.id });
        if (!row) throw new Error("insert returned nothing");
        await recordAudit(tx, {
          actorId: user.id,
          action: "application.created",
          subjectType: "application",
          subjectId: row.id,
          data: { callId, organisationId },
        });
        return row.id;
      });
      return ok(id);
    },
    revalidate: () => ["/espace/dossiers"],
    redirect: ({ data: id }) => `/espace/dossiers/${id}`,
  });
}

export type SaveConflict = { field: FormField; mine: unknown; theirs: unknown };

export type SaveResult = ActionResult<{
  version: number;
  savedAt: string;
  savedAtLabel: string;
  /** The saved form: the browser's new base. */
  form: ApplicationForm;
  /** Fields both the user and a colleague changed: the saved value stays until the user chooses. */
  conflicts: SaveConflict[];
  /** Fields refused by the server's validation (by path), not saved. */
  fieldErrors: Record<string, string[]>;
  /** Who saved in between, when a colleague's changes were merged. */
  mergedWith: string | null;
}>;

/**
 * Autosave of the form, field by field. The browser sends the fields it
 * changed since the version it read, and what it read for them; every valid
 * field is saved even when another is invalid, and a colleague's changes saved
 * in between are merged (lib/applications/merge.ts): only a field both changed
 * is left for the user to choose, never silently overwritten.
 */
export async function saveApplication(_prev: SaveResult | null, formData: FormData): Promise<SaveResult> {
  return runAction(formData, {
    name: "saveApplication",
    signedOut: SIGNED_OUT,
    key: { ...applicationKey, read: (form) => ({ applicationId: payloadOf(form)?.applicationId }) },
    access: async (user, { applicationId }) => {
      const loaded = await ownApplication(user, applicationId);
      if (!canEditApplication(user, loaded.application))
        throw new DomainError("not_editable", SAVED_ONCE_SUBMITTED);
      return loaded;
    },
    input: {
      schema: saveApplicationSchema.omit({ applicationId: true }),
      read: payloadOf,
      fieldErrors: fieldErrorsOf,
    },
    run: async ({ user, key: { applicationId }, input: { version, changes, base } }) => {
      const db = getDb();
      const saved = await db.transaction(async (tx) => {
        const result = await saveFormChanges(tx, {
          applicationId,
          baseVersion: version,
          userId: user.id,
          changes,
          base,
        });
        if (result.kind === "saved" && result.written.length) {
          await recordAudit(tx, {
            actorId: user.id,
            action: "application.saved",
            subjectType: "application",
            subjectId: applicationId,
            data: {
              version: result.version,
              fields: result.written,
              ...(result.merged ? { mergedFrom: version } : {}),
            },
          });
        }
        return result;
      });
      if (saved.kind === "not_found") return fail("not_found", NOT_FOUND);
      if (saved.kind === "not_editable") return fail("not_editable", SAVED_ONCE_SUBMITTED);
      let mergedWith: string | null = null;
      if (saved.merged) {
        const current = await findApplication(db, applicationId);
        mergedWith =
          current?.updatedByName ?? current?.updatedByEmail ?? "Un autre membre de votre organisation";
      }
      return ok({
        version: saved.version,
        savedAt: saved.updatedAt.toISOString(),
        savedAtLabel: formatTime(saved.updatedAt),
        form: saved.form,
        conflicts: saved.conflicts,
        fieldErrors: saved.errors,
        mergedWith,
      });
    },
  });
}

/** The autosave's JSON payload (read for its key, then for its changes: parsed once). */
const payloads = new WeakMap<FormData, Record<string, unknown> | null>();
function payloadOf(formData: FormData) {
  if (!payloads.has(formData)) {
    let payload: unknown = null;
    try {
      payload = JSON.parse(String(formData.get("payload") ?? ""));
    } catch {
      // not JSON: no application named, refused as a wrong id is
    }
    payloads.set(
      formData,
      payload && typeof payload === "object" ? (payload as Record<string, unknown>) : null,
    );
  }
  return payloads.get(formData) ?? null;
}

/**
 * Submits an application. The server checks the deadline (to the second) and
 * completeness; a second call on a submitted application changes nothing and
 * leads to the same receipt (idempotent). The receipt number comes from the
 * call's counter (`formatReceiptNumber`'s format, computed in SQL), drawn by
 * the transaction's last statement so that submissions on one call wait on
 * each other only for that statement and the commit.
 */
export async function submitApplication(
  _prev: ActionResult<{ receiptPath: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ receiptPath: string }>> {
  return runAction(formData, {
    name: "submitApplication",
    signedOut: SIGNED_OUT,
    key: applicationKey,
    access: async (user, { applicationId }) => {
      const loaded = await ownApplication(user, applicationId);
      // Submitted already: the second call leads to the same receipt.
      if (!loaded.application.receiptNumber && !canEditApplication(user, loaded.application))
        throw new DomainError("not_editable", NOT_SUBMITTABLE);
      return loaded;
    },
    run: async ({ user, resource: { application } }) => {
      const receiptPath = `/espace/dossiers/${application.id}/recepisse`;
      if (application.receiptNumber) return toReceipt(receiptPath);
      const outcome = await submitDraft(getDb(), {
        applicationId: application.id,
        userId: user.id,
        userEmail: user.email,
        receiptUrl: absoluteUrl(receiptPath),
      });
      switch (outcome.kind) {
        case "not_found":
          return fail("not_found", NOT_FOUND);
        case "not_editable":
          return fail("not_editable", NOT_SUBMITTABLE);
        case "closed":
          return fail(
            "closed",
            "L’appel à projets est clos\u00a0: la date et l’heure limites de dépôt sont dépassées, le dossier n’a pas été déposé.",
          );
        case "overdue_report":
          return fail("overdue_report", `${outcome.message} Le dossier n’a pas été déposé.`);
        case "incomplete":
          return fail(
            "incomplete",
            `Le dossier est incomplet (${outcome.count} élément${outcome.count > 1 ? "s" : ""} à compléter)\u00a0: il n’a pas été déposé.`,
          );
      }
      return toReceipt(receiptPath);
    },
    // No revalidation: the pages showing the application are rendered per request (never
    // cached), and a revalidation would make Next render the current page into the answer.
  });
}

/**
 * After a submission, the receipt. Called by the browser with JavaScript (React's
 * fetch, `Next-Action` header), the action answers with the receipt's address and
 * the form opens it (`SubmitApplicationForm`): a `redirect()` there makes Next render
 * the receipt page inside the action's answer, through a second HTTP request to
 * itself, with the whole layout and the same bytes compressed twice; the browser's
 * own request renders only the receipt's segment (docs/performance.md). A form
 * posted without JavaScript, or a call outside a request (tests, scripts), gets the
 * redirect (303) as before.
 */
async function toReceipt(receiptPath: string): Promise<ActionResult<{ receiptPath: string }>> {
  let fetchAction = false;
  try {
    fetchAction = (await headers()).has("next-action");
  } catch {
    // outside a request: no browser to navigate
  }
  if (fetchAction) return ok({ receiptPath });
  redirect(receiptPath);
}

/** Withdraws an application before a decision, with a reason. */
export async function withdrawApplication(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "withdrawApplication",
    signedOut: SIGNED_OUT,
    key: applicationKey,
    access: async (user, { applicationId }) => {
      const loaded = await ownApplication(user, applicationId);
      if (!canWithdrawApplication(user, loaded.application))
        throw new DomainError(
          "not_withdrawable",
          "Ce dossier ne peut plus être retiré\u00a0: une décision a été prise ou il est déjà retiré.",
        );
      return loaded.application;
    },
    input: {
      schema: withdrawSchema.omit({ applicationId: true }),
      read: ["reason", "confirm"],
      fieldErrors: fieldErrorsOf,
    },
    run: async ({ user, resource: application, input: { reason } }) => {
      const moved = await getDb().transaction((tx) =>
        applyTransition(tx, "withdraw", {
          applicationIds: [application.id],
          actorId: user.id,
          set: { withdrawnAt: new Date(), withdrawalReason: reason },
          audit: { reason, previousStatus: application.status },
        }),
      );
      if (moved.length === 0)
        return fail("conflict", "Le statut du dossier a changé entre-temps\u00a0: rechargez la page.");
      return ok(undefined);
    },
    revalidate: ({ resource: application }) => ["/espace/dossiers", `/espace/dossiers/${application.id}`],
  });
}
