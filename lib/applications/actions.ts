"use server";

import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { applications, calls } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import {
  canCreateApplication,
  canEditApplication,
  canViewOwnApplication,
  canWithdrawApplication,
} from "@/lib/authz/policy";
import { formatTime } from "@/lib/format";
import { requestLog } from "@/lib/log";
import { absoluteUrl } from "@/lib/public/site-url";
import { type ActionResult, fail, GENERIC_ERROR, ok } from "@/lib/result";
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

const NOT_SIGNED_IN = "Votre session a expiré\u00a0: reconnectez-vous. Ce que vous avez saisi reste affiché.";
const FORBIDDEN = "Vous n’avez pas les droits pour cette action sur ce dossier.";
const NOT_FOUND = "Dossier introuvable.";
const INVALID = "Le formulaire contient des erreurs\u00a0: corrigez les champs signalés.";

function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

/** Starts an application on an open call, for one of the user's organisations. */
export async function createApplication(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = createApplicationSchema.safeParse({
    callId: formData.get("callId"),
    organisationId: formData.get("organisationId"),
    title: formData.get("title"),
  });
  if (!parsed.success) return fail("invalid", INVALID, fieldErrorsOf(parsed.error));
  const { callId, organisationId, title } = parsed.data;
  if (!canCreateApplication(user, organisationId)) return fail("forbidden", FORBIDDEN);
  const db = getDb();
  // The database's clock decides whether the call is open (as for submission), not this node's.
  const [call] = await db
    .select({
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      nowMs: sql<number>`extract(epoch from now()) * 1000`.mapWith(Number),
    })
    .from(calls)
    .where(eq(calls.id, callId));
  const now = new Date(call?.nowMs ?? Date.now());
  if (!call || call.opensAt.getTime() > now.getTime() || !isBeforeDeadline(now, call.closesAt)) {
    return fail("closed", "Cet appel à projets n’est pas ouvert aux candidatures.");
  }
  const id = await db.transaction(async (tx) => {
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
  revalidatePath("/espace/dossiers");
  redirect(`/espace/dossiers/${id}`);
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
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  let payload: unknown;
  try {
    payload = JSON.parse(String(formData.get("payload") ?? ""));
  } catch {
    return fail("invalid", INVALID);
  }
  const parsed = saveApplicationSchema.safeParse(payload);
  if (!parsed.success) return fail("invalid", INVALID, fieldErrorsOf(parsed.error));
  const { applicationId, version, changes, base } = parsed.data;
  const db = getDb();
  const loaded = await findApplication(db, applicationId);
  if (!loaded || !canViewOwnApplication(user, loaded.application)) return fail("not_found", NOT_FOUND);
  if (!canEditApplication(user, loaded.application)) {
    return fail("not_editable", "Ce dossier a été déposé\u00a0: il ne peut plus être modifié.");
  }
  try {
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
    if (saved.kind === "not_editable") {
      return fail("not_editable", "Ce dossier a été déposé\u00a0: il ne peut plus être modifié.");
    }
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
  } catch (error) {
    (await requestLog({ action: "saveApplication", userId: user.id })).error({ err: error }, "action failed");
    return fail("error", GENERIC_ERROR);
  }
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
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = applicationIdSchema.safeParse({ applicationId: formData.get("applicationId") });
  if (!parsed.success) return fail("not_found", NOT_FOUND);
  const db = getDb();
  const loaded = await findApplication(db, parsed.data.applicationId);
  if (!loaded || !canViewOwnApplication(user, loaded.application)) return fail("not_found", NOT_FOUND);
  const receiptPath = `/espace/dossiers/${loaded.application.id}/recepisse`;
  if (loaded.application.receiptNumber) return toReceipt(receiptPath);
  if (!canEditApplication(user, loaded.application)) {
    return fail("not_editable", "Ce dossier ne peut plus être déposé.");
  }
  const outcome = await submitDraft(db, {
    applicationId: loaded.application.id,
    userId: user.id,
    userEmail: user.email,
    receiptUrl: absoluteUrl(receiptPath),
  });
  switch (outcome.kind) {
    case "not_found":
      return fail("not_found", NOT_FOUND);
    case "not_editable":
      return fail("not_editable", "Ce dossier ne peut plus être déposé.");
    case "closed":
      return fail(
        "closed",
        "L’appel à projets est clos\u00a0: la date et l’heure limites de dépôt sont dépassées, le dossier n’a pas été déposé.",
      );
    case "incomplete":
      return fail(
        "incomplete",
        `Le dossier est incomplet (${outcome.count} élément${outcome.count > 1 ? "s" : ""} à compléter)\u00a0: il n’a pas été déposé.`,
      );
  }
  // No revalidatePath: the pages showing the application are rendered per request (never
  // cached), and a revalidation would make Next render the current page into the answer.
  return toReceipt(receiptPath);
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
  const user = await getCurrentUser();
  if (!user) return fail("unauthenticated", NOT_SIGNED_IN);
  const parsed = withdrawSchema.safeParse({
    applicationId: formData.get("applicationId"),
    reason: formData.get("reason"),
    confirm: formData.get("confirm") ?? undefined,
  });
  if (!parsed.success) return fail("invalid", INVALID, fieldErrorsOf(parsed.error));
  const db = getDb();
  const loaded = await findApplication(db, parsed.data.applicationId);
  if (!loaded || !canViewOwnApplication(user, loaded.application)) return fail("not_found", NOT_FOUND);
  if (!canWithdrawApplication(user, loaded.application)) {
    return fail(
      "not_withdrawable",
      "Ce dossier ne peut plus être retiré\u00a0: une décision a été prise ou il est déjà retiré.",
    );
  }
  const done = await db.transaction(async (tx) => {
    const moved = await applyTransition(tx, "withdraw", {
      applicationIds: [loaded.application.id],
      actorId: user.id,
      set: { withdrawnAt: new Date(), withdrawalReason: parsed.data.reason },
      audit: { reason: parsed.data.reason, previousStatus: loaded.application.status },
    });
    return moved.length > 0;
  });
  if (!done) return fail("conflict", "Le statut du dossier a changé entre-temps\u00a0: rechargez la page.");
  revalidatePath("/espace/dossiers");
  revalidatePath(`/espace/dossiers/${loaded.application.id}`);
  return ok(undefined);
}
