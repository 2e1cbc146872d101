import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments } from "@/db/schema";
import { findApplication } from "@/lib/applications/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import {
  canDownloadApplicationDocument,
  canEditApplication,
  canViewApplicationForReview,
  canViewOwnApplication,
} from "@/lib/authz/policy";
import { nameForType } from "@/lib/files/magic";
import { getFileStore, safeDisplayName } from "@/lib/files/store";
import { removeRequiredDocument, SUBMITTED } from "@/lib/files/uploads";
import { UUID } from "@/lib/ids";
import { loadAssignment } from "@/lib/review/application";

const noStore = { "Cache-Control": "private, no-store" };

/** The name the browser saves the file under: no format character, the extension of the type served. */
const downloadName = (file: { originalName: string; contentType: string }) =>
  nameForType(safeDisplayName(file.originalName), file.contentType);

async function load(id: string) {
  if (!UUID.test(id)) return null;
  const db = getDb();
  const [attachment] = await db.select().from(attachments).where(eq(attachments.id, id));
  // Application documents only: a network editor's follow-up image carries its project's id, but it is
  // not one of the application's documents (served by /api/reseaux/images, public once its page is).
  if (!attachment?.applicationId || attachment.followupPostId) return null;
  const loaded = await findApplication(db, attachment.applicationId);
  return loaded ? { attachment, loaded } : null;
}

/**
 * Download of an application's file: for the members of its lead organisation,
 * and, once submitted, for admins and its assigned reviewers without a conflict
 * (canDownloadApplicationDocument). Whoever may not know the file exists gets
 * 404; a conflicted reviewer, who sees the application's page, gets 403.
 * Always as an attachment, with the type detected at upload and no sniffing,
 * so a file never runs as a page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  // A download link opened while signed out leads to the sign-in page, then back here. A relative
  // Location: request.url is the server's own address (http://localhost:PORT), not the site's.
  if (!user)
    return new Response(null, {
      status: 303,
      headers: { Location: `/connexion?callbackUrl=${encodeURIComponent(`/api/files/${id}`)}`, ...noStore },
    });
  const found = await load(id);
  if (!found) return new Response("Fichier introuvable.", { status: 404, headers: noStore });
  const { application } = found.loaded;
  const assignment = user.isReviewer ? await loadAssignment(user.id, application.id) : null;
  if (!canDownloadApplicationDocument(user, application, assignment)) {
    const seesApplication = application.status !== "draft" && canViewApplicationForReview(user, assignment);
    return seesApplication
      ? new Response(
          "Vous avez déclaré un conflit d’intérêts sur ce dossier\u00a0: ses pièces ne vous sont pas accessibles.",
          {
            status: 403,
            headers: noStore,
          },
        )
      : new Response("Fichier introuvable.", { status: 404, headers: noStore });
  }
  const bytes = await getFileStore().get(found.attachment.storageKey);
  if (!bytes) return new Response("Fichier introuvable.", { status: 404, headers: noStore });
  return new Response(Buffer.from(bytes), {
    headers: {
      ...noStore,
      "Content-Type": found.attachment.contentType,
      "Content-Length": String(bytes.byteLength),
      // Cleaned again when served: rows stored before names followed the detected type keep the applicant's.
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(downloadName(found.attachment))}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Removes a document from a draft application. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "Connexion requise." }, { status: 401, headers: noStore });
  const found = await load((await params).id);
  if (!found || !canViewOwnApplication(user, found.loaded.application)) {
    return Response.json({ message: "Fichier introuvable." }, { status: 404, headers: noStore });
  }
  if (!canEditApplication(user, found.loaded.application) || found.attachment.messageId) {
    return Response.json(
      { message: "Ce fichier ne peut plus être retiré." },
      { status: 403, headers: noStore },
    );
  }
  const removed = await removeRequiredDocument(getDb(), {
    applicationId: found.loaded.application.id,
    attachmentId: found.attachment.id,
    storageKey: found.attachment.storageKey,
    userId: user.id,
  });
  if (!removed) return Response.json({ message: SUBMITTED }, { status: 403, headers: noStore });
  return new Response(null, { status: 204, headers: noStore });
}
