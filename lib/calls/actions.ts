"use server";

import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments, calls, criteria, requiredDocuments, scores } from "@/db/schema";
import { INVALID_FORM, permit, refuse, runAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit";
import { canManageCalls } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { grantedElsewhere } from "@/lib/decisions/record";
import { envelopeBelowGranted } from "@/lib/decisions/rules";
import { formatMoneyCents } from "@/lib/format";
import { UUID } from "@/lib/ids";
import { invalidatePublicContent } from "@/lib/public/cache";
import { type ActionResult, DomainError, fail, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { getCall, type getGrid, isGridLocked } from "./queries";
import { type CallFormValues, callFormSchema, GRID_LOCKED, issuesByPath } from "./schema";

const FORBIDDEN = "Seuls les administrateurs peuvent gérer les appels à projets.";
const CALL_GONE = "Cet appel n’existe plus.";
const DOCUMENT_IN_USE =
  "Un document retiré a déjà été déposé par des candidats\u00a0: il ne peut plus être supprimé (rendez-le facultatif).";

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** The form posts its values as JSON (criteria and documents are lists), read with the form's schema. */
const payload = {
  schema: callFormSchema,
  read: (formData: FormData) => {
    const raw = formData.get("payload");
    try {
      return typeof raw === "string" ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  },
  fieldErrors: issuesByPath,
};

const callKey = { schema: z.object({ id: z.uuid() }), fields: ["id"], notFound: CALL_GONE };

/** An admin, then the call if it still exists: a refused user does not learn whether it does. */
async function manageableCall(user: Principal, id: string) {
  permit(canManageCalls(user), FORBIDDEN);
  return (await getCall(getDb(), id)) ?? refuse.notFound(CALL_GONE);
}

/** Unique keys of the database, told in words at the right field. */
function uniqueViolation(error: unknown): ActionResult<never> | null {
  const e = error as {
    code?: string;
    constraint_name?: string;
    cause?: { code?: string; constraint_name?: string };
  };
  const code = e.code ?? e.cause?.code;
  const constraint = e.constraint_name ?? e.cause?.constraint_name ?? "";
  if (code !== "23505") return null;
  if (constraint.includes("slug"))
    return fail("invalid", INVALID_FORM, { slug: ["Cette adresse est déjà prise par un autre appel."] });
  if (constraint.includes("year_code"))
    return fail("invalid", INVALID_FORM, {
      code: ["Ce code est déjà utilisé par un autre appel de la même année."],
    });
  return null;
}

function callColumns(v: CallFormValues) {
  return {
    title: v.title,
    year: v.year,
    slug: v.slug,
    code: v.code,
    descriptionMd: v.descriptionMd,
    eligibilityMd: v.eligibilityMd,
    themes: v.themes,
    eligibleCountries: v.eligibleCountries,
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    maxGrantCents: v.maxGrant,
    maxSharePercent: v.maxSharePercent,
    envelopeCents: v.envelope,
    reviewersPerApplication: v.reviewersPerApplication,
    grantYears: v.grantYears,
    finalBalancePercent: v.finalBalancePercent,
  };
}

/** The fields of a call whose value differs, each as { from, to } (dates in ISO, lists as arrays). */
function callChanges(before: Record<string, unknown>, after: ReturnType<typeof callColumns>) {
  const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    const from = plain(before[key]);
    const to = plain(value);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/** Creates a call (new, or a duplicate of last year's prefilled in the form). */
export async function createCall(_prev: ActionResult<{ id: string }> | null, formData: FormData) {
  const source = formData.get("duplicateOf");
  return runAction(formData, {
    name: "createCall",
    access: (user) => permit(canManageCalls(user), FORBIDDEN),
    input: payload,
    known: uniqueViolation,
    run: async ({ user, input: v }) => {
      const id = await getDb().transaction(async (tx) => {
        const [row] = await tx
          .insert(calls)
          .values({ ...callColumns(v), isFictitious: false, createdBy: user.id })
          .returning({ id: calls.id });
        if (!row) throw new Error("call not inserted");
        if (v.criteria.length > 0) {
          await tx.insert(criteria).values(
            v.criteria.map((c, position) => ({
              callId: row.id,
              position,
              label: c.label,
              helpText: c.helpText,
              weight: c.weight,
              maxScore: c.maxScore,
            })),
          );
        }
        if (v.documents.length > 0) {
          await tx.insert(requiredDocuments).values(
            v.documents.map((d, position) => ({
              callId: row.id,
              position,
              label: d.label,
              mandatory: d.mandatory,
              acceptedTypes: d.acceptedTypes,
            })),
          );
        }
        await recordAudit(tx, {
          actorId: user.id,
          action: "call.created",
          subjectType: "call",
          subjectId: row.id,
          data: {
            title: v.title,
            slug: v.slug,
            criteria: v.criteria.length,
            ...(typeof source === "string" && source ? { duplicateOf: source } : {}),
          },
        });
        return row.id;
      });
      invalidatePublicContent();
      return ok({ id });
    },
    revalidate: () => ["/admin/appels"],
  });
}

/** Replaces a call's grid, keeping the ids of criteria that stay (their draft scores stay too). */
async function saveGrid(tx: Tx, callId: string, grid: CallFormValues["criteria"]) {
  const existing = await tx.select({ id: criteria.id }).from(criteria).where(eq(criteria.callId, callId));
  const existingIds = new Set(existing.map((c) => c.id));
  const kept = grid.filter((c) => c.id && existingIds.has(c.id)).map((c) => c.id as string);
  const removed = [...existingIds].filter((id) => !kept.includes(id));
  if (removed.length > 0) {
    // Only draft reviews can hold scores here (the grid is locked after a submitted one).
    await tx.delete(scores).where(inArray(scores.criterionId, removed));
    await tx.delete(criteria).where(inArray(criteria.id, removed));
  }
  // Positions are unique per call: move the kept ones out of the way first.
  await tx
    .update(criteria)
    .set({ position: sql`${criteria.position} + 10000` })
    .where(eq(criteria.callId, callId));
  for (const [position, c] of grid.entries()) {
    const values = { position, label: c.label, helpText: c.helpText, weight: c.weight, maxScore: c.maxScore };
    if (c.id && existingIds.has(c.id)) {
      await tx
        .update(criteria)
        .set(values)
        .where(and(eq(criteria.id, c.id), eq(criteria.callId, callId)));
    } else {
      await tx.insert(criteria).values({ callId, ...values });
    }
  }
}

async function saveDocuments(tx: Tx, callId: string, documents: CallFormValues["documents"]) {
  const existing = await tx
    .select({ id: requiredDocuments.id })
    .from(requiredDocuments)
    .where(eq(requiredDocuments.callId, callId));
  const existingIds = new Set(existing.map((d) => d.id));
  const kept = documents.filter((d) => d.id && existingIds.has(d.id)).map((d) => d.id as string);
  const removed = [...existingIds].filter((id) => !kept.includes(id));
  if (removed.length > 0) {
    const [used] = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(inArray(attachments.requiredDocumentId, removed))
      .limit(1);
    if (used) throw new DomainError("document_in_use", DOCUMENT_IN_USE, { documents: [DOCUMENT_IN_USE] });
    await tx.delete(requiredDocuments).where(inArray(requiredDocuments.id, removed));
  }
  await tx
    .update(requiredDocuments)
    .set({ position: sql`${requiredDocuments.position} + 10000` })
    .where(eq(requiredDocuments.callId, callId));
  for (const [position, d] of documents.entries()) {
    const values = { position, label: d.label, mandatory: d.mandatory, acceptedTypes: d.acceptedTypes };
    if (d.id && existingIds.has(d.id)) {
      await tx
        .update(requiredDocuments)
        .set(values)
        .where(and(eq(requiredDocuments.id, d.id), eq(requiredDocuments.callId, callId)));
    } else {
      await tx.insert(requiredDocuments).values({ callId, ...values });
    }
  }
}

function sameGrid(a: CallFormValues["criteria"], b: Awaited<ReturnType<typeof getGrid>>) {
  return (
    a.length === b.length &&
    a.every((c, i) => {
      const o = b[i];
      return (
        o &&
        c.id === o.id &&
        c.label === o.label.trim() &&
        c.helpText === o.helpText.trim() &&
        c.weight === o.weight &&
        c.maxScore === o.maxScore
      );
    })
  );
}

const FOREIGN_ITEM =
  "Ce formulaire contient un critère ou un document d’un autre appel\u00a0: rechargez la page avant d’enregistrer.";

/**
 * A form of this call carries only its own criteria and documents (ids) or new
 * ones (no id, or an id that no longer exists: removed meanwhile, re-created).
 * An id of another call's grid or documents is a tampered or mixed-up form:
 * refused before anything is written, the other call untouched.
 */
async function refuseForeignItems(tx: Tx, callId: string, v: CallFormValues) {
  const ids = (items: { id?: string | undefined }[]) =>
    items.map((i) => i.id).filter((id): id is string => typeof id === "string" && UUID.test(id));
  const criterionIds = ids(v.criteria);
  const documentIds = ids(v.documents);
  const [foreignCriterion] = criterionIds.length
    ? await tx
        .select({ id: criteria.id })
        .from(criteria)
        .where(and(inArray(criteria.id, criterionIds), ne(criteria.callId, callId)))
        .limit(1)
    : [];
  if (foreignCriterion)
    throw new DomainError("foreign_criterion", FOREIGN_ITEM, { criteria: [FOREIGN_ITEM] });
  const [foreignDocument] = documentIds.length
    ? await tx
        .select({ id: requiredDocuments.id })
        .from(requiredDocuments)
        .where(and(inArray(requiredDocuments.id, documentIds), ne(requiredDocuments.callId, callId)))
        .limit(1)
    : [];
  if (foreignDocument) throw new DomainError("foreign_document", FOREIGN_ITEM, { documents: [FOREIGN_ITEM] });
}

/** Saves a call; the grid is refused once a review has been submitted. */
export async function updateCall(_prev: ActionResult<{ id: string }> | null, formData: FormData) {
  return runAction(formData, {
    name: "updateCall",
    key: callKey,
    access: (user, { id }) => manageableCall(user, id),
    input: payload,
    known: uniqueViolation,
    run: async ({ user, key: { id }, resource: call, input: v }) => {
      await getDb().transaction(async (tx) => {
        // Lock the call: a grid check and a review submission cannot interleave.
        await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, id)).for("update");
        await refuseForeignItems(tx, id, v);
        // Under the call's lock, which decisions take too: no grant can slip in between.
        const tooLow = envelopeBelowGranted(v.envelope, await grantedElsewhere(tx, id), formatMoneyCents);
        if (tooLow) throw new DomainError("envelope_below_granted", tooLow, { envelope: [tooLow] });
        const locked = await isGridLocked(tx, id);
        if (locked) {
          const current = await tx
            .select()
            .from(criteria)
            .where(eq(criteria.callId, id))
            .orderBy(criteria.position);
          if (!sameGrid(v.criteria, current))
            throw new DomainError("grid_locked", GRID_LOCKED, { criteria: [GRID_LOCKED] });
        } else {
          await saveGrid(tx, id, v.criteria);
        }
        await saveDocuments(tx, id, v.documents);
        await tx
          .update(calls)
          .set({ ...callColumns(v), updatedAt: new Date() })
          .where(eq(calls.id, id));
        await recordAudit(tx, {
          actorId: user.id,
          action: "call.updated",
          subjectType: "call",
          subjectId: id,
          // Each changed field with its value before and after, so the history says what changed.
          data: { title: v.title, gridChanged: !locked, changes: callChanges(call, callColumns(v)) },
        });
      });
      invalidatePublicContent();
      return ok({ id });
    },
    revalidate: ({ key: { id } }) => ["/admin/appels", `/admin/appels/${id}`],
  });
}

/** Opens an upcoming call now (moves its opening time to this instant). */
export async function openCallNow(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(formData, {
    name: "openCallNow",
    key: callKey,
    access: (user, { id }) => manageableCall(user, id),
    run: async ({ user, key: { id }, resource: call }) => {
      const opened = await getDb().transaction(async (tx) => {
        const rows = await tx
          .update(calls)
          .set({ opensAt: sql`now()`, updatedAt: sql`now()` })
          .where(and(eq(calls.id, id), gt(calls.opensAt, sql`now()`), gt(calls.closesAt, sql`now()`)))
          .returning({ id: calls.id });
        if (rows.length === 0) return false;
        await recordAudit(tx, {
          actorId: user.id,
          action: "call.opened",
          subjectType: "call",
          subjectId: id,
          data: { previousOpensAt: call.opensAt.toISOString() },
        });
        return true;
      });
      if (!opened)
        return fail(
          "invalid_state",
          "Cet appel n’est pas à venir\u00a0: il ne peut pas être ouvert maintenant.",
        );
      invalidatePublicContent();
      return ok(undefined);
    },
    // The public page of the call is cached: without this it says « À venir » until it expires.
    revalidate: ({ key: { id }, resource: call }) => [
      `/appels/${call.slug}`,
      "/appels",
      `/admin/appels/${id}`,
      "/admin/appels",
    ],
  });
}
