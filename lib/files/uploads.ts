/**
 * Uploading a required document of an application: checks, storage and the
 * attachment row. Called by the route handler (files go through a route
 * handler, not a server action: actions limit bodies to 1 MB).
 */
import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { attachments, requiredDocuments } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { inspectUpload } from "./inspect";
import { acceptedTypesLabel, detectMimeType, nameForType } from "./magic";
import { getFileStore, newStorageKey, safeDisplayName } from "./store";

/** Largest file accepted: 10 MB, enough for a scanned deliberation. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type UploadOutcome =
  | { ok: true; attachment: { id: string; originalName: string; sizeBytes: number; contentType: string } }
  | { ok: false; status: number; message: string };

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
  if (input.bytes.byteLength === 0) return { ok: false, status: 422, message: "Le fichier est vide." };
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES) {
    return { ok: false, status: 413, message: "Le fichier dépasse la taille maximale de 10 Mo." };
  }
  const type = detectMimeType(input.bytes);
  if (!type || !doc.acceptedTypes.includes(type)) {
    return {
      ok: false,
      status: 415,
      message: `Le contenu de ce fichier n’est pas au format attendu : déposez un fichier ${acceptedTypesLabel(doc.acceptedTypes)}.`,
    };
  }
  // Zip bombs, active content in PDF files, and the antivirus when configured.
  const inspection = await inspectUpload(type, input.bytes);
  if (!inspection.ok) return inspection;
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
  for (const old of replacedKeys) await store.delete(old).catch(() => undefined);
  return { ok: true, attachment };
}
