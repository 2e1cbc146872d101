import "server-only";
/**
 * Uploading a required document of an application: checks, storage and the
 * attachment row. Called by the route handler (files go through a route
 * handler, not a server action: actions limit bodies to 1 MB).
 */
import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { applications, attachments, requiredDocuments } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { inspectUpload } from "./inspect";
import { acceptedTypesLabel, detectMimeType, nameForType } from "./magic";
import { getFileStore, newStorageKey, safeDisplayName } from "./store";

/** Largest file accepted: 10 MB, enough for a scanned deliberation. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type UploadOutcome =
  | { ok: true; attachment: { id: string; originalName: string; sizeBytes: number; contentType: string } }
  | { ok: false; status: number; message: string };

/**
 * The checks every uploaded file goes through, whatever it is attached to:
 * not empty, at most MAX_UPLOAD_BYTES, a type detected on the content among
 * the accepted ones, then inspection (zip bombs, active content in PDF files,
 * the antivirus when configured). The detected type, or a French refusal.
 */
export async function checkUploadedFile(
  bytes: Uint8Array,
  acceptedTypes: readonly string[],
): Promise<{ ok: true; type: string } | { ok: false; status: number; message: string }> {
  if (bytes.byteLength === 0) return { ok: false, status: 422, message: "Le fichier est vide." };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    return { ok: false, status: 413, message: "Le fichier dépasse la taille maximale de 10 Mo." };
  }
  const type = detectMimeType(bytes);
  if (!type || !acceptedTypes.includes(type)) {
    return {
      ok: false,
      status: 415,
      message: `Le contenu de ce fichier n’est pas au format attendu\u00a0: déposez un fichier ${acceptedTypesLabel(acceptedTypes)}.`,
    };
  }
  const inspection = await inspectUpload(type, bytes);
  if (!inspection.ok) return inspection;
  return { ok: true, type };
}

export async function storeRequiredDocument(
  db: Database,
  input: {
    applicationId: string;
    callId: string;
    requiredDocumentId: string;
    userId: string;
    fileName: string;
    bytes: Uint8Array;
  },
): Promise<UploadOutcome> {
  const [doc] = await db
    .select()
    .from(requiredDocuments)
    .where(
      and(eq(requiredDocuments.id, input.requiredDocumentId), eq(requiredDocuments.callId, input.callId)),
    );
  if (!doc)
    return { ok: false, status: 404, message: "Cette pièce n’est pas demandée par l’appel à projets." };
  const checked = await checkUploadedFile(input.bytes, doc.acceptedTypes);
  if (!checked.ok) return checked;
  const { type } = checked;
  // The file is written before its row: a failure (or a killed process) in between leaves a file
  // without a row, never a row without its file; removeOrphanFiles deletes such files later.
  const store = getFileStore();
  const key = newStorageKey("applications", input.applicationId);
  await store.put(key, input.bytes);
  // The extension follows the type the content shows (nameForType), never the applicant's choice.
  const originalName = nameForType(safeDisplayName(input.fileName), type);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  let replacedKeys: string[] = [];
  const attachment = await db.transaction(async (tx) => {
    // Still a draft, checked under the row's lock: the route's check ran before the file was read and
    // inspected, and a submission in between (which updates this row) must not get a document added.
    if (!(await lockDraft(tx, input.applicationId))) return null;
    // One file per required document: the new one replaces the previous one.
    const replaced = await tx
      .delete(attachments)
      .where(
        and(
          eq(attachments.applicationId, input.applicationId),
          eq(attachments.requiredDocumentId, doc.id),
          isNull(attachments.messageId),
        ),
      )
      .returning({ storageKey: attachments.storageKey });
    replacedKeys = replaced.map((r) => r.storageKey);
    const [row] = await tx
      .insert(attachments)
      .values({
        applicationId: input.applicationId,
        requiredDocumentId: doc.id,
        originalName,
        storageKey: key,
        contentType: type,
        sizeBytes: input.bytes.byteLength,
        sha256,
        uploadedBy: input.userId,
      })
      .returning({
        id: attachments.id,
        originalName: attachments.originalName,
        sizeBytes: attachments.sizeBytes,
        contentType: attachments.contentType,
      });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, {
      actorId: input.userId,
      action: "application.document_uploaded",
      subjectType: "application",
      subjectId: input.applicationId,
      data: { requiredDocumentId: doc.id, attachmentId: row.id, sha256, sizeBytes: row.sizeBytes },
    });
    return row;
  });
  if (!attachment) {
    await store.delete(key).catch(() => undefined);
    return { ok: false, status: 403, message: SUBMITTED };
  }
  for (const old of replacedKeys) await store.delete(old).catch(() => undefined);
  return { ok: true, attachment };
}

/** Refusal of a change to the documents of an application no longer in draft. */
export const SUBMITTED = "Ce dossier a été déposé\u00a0: ses pièces ne peuvent plus être modifiées.";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Locks the application's row until the transaction ends; false when it is not a draft any more. */
async function lockDraft(tx: Transaction, applicationId: string) {
  const [row] = await tx
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for("update");
  return row?.status === "draft";
}

/**
 * Removes a document of a draft application, the draft state checked in the
 * same transaction as the removal (under the row's lock, as in
 * storeRequiredDocument). False when the application is no longer a draft.
 */
export async function removeRequiredDocument(
  db: Database,
  input: { applicationId: string; attachmentId: string; storageKey: string; userId: string },
) {
  const removed = await db.transaction(async (tx) => {
    if (!(await lockDraft(tx, input.applicationId))) return false;
    await tx
      .delete(attachments)
      .where(and(eq(attachments.id, input.attachmentId), eq(attachments.applicationId, input.applicationId)));
    await recordAudit(tx, {
      actorId: input.userId,
      action: "application.document_removed",
      subjectType: "application",
      subjectId: input.applicationId,
      data: { attachmentId: input.attachmentId },
    });
    return true;
  });
  if (removed)
    await getFileStore()
      .delete(input.storageKey)
      .catch(() => undefined);
  return removed;
}
