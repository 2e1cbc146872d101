import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments } from "@/db/schema";
import { deny, idParams, runRoute } from "@/lib/actions/route";
import { findApplication } from "@/lib/applications/queries";
import {
  canDownloadApplicationDocument,
  canEditApplication,
  canViewApplicationForReview,
  canViewOwnApplication,
} from "@/lib/authz/policy";
import { nameForType } from "@/lib/files/magic";
import { getFileStore, safeDisplayName } from "@/lib/files/store";
import { removeRequiredDocument, SUBMITTED } from "@/lib/files/uploads";
import { GENERIC_ERROR } from "@/lib/result";
import { loadAssignment } from "@/lib/review/application";

const noStore = { "Cache-Control": "private, no-store" };
type Params = { params: Promise<{ id: string }> };

/** The name the browser saves the file under: no format character, the extension of the type served. */
const downloadName = (file: { originalName: string; contentType: string }) =>
  nameForType(safeDisplayName(file.originalName), file.contentType);

async function load(id: string) {
  const db = getDb();
  const [attachment] = await db.select().from(attachments).where(eq(attachments.id, id));
  // Application documents only: a network editor's follow-up image carries its project's id, but it is
  // not one of the application's documents (served by /api/reseaux/images, public once its page is).
  if (!attachment?.applicationId || attachment.followupPostId) return null;
  const loaded = await findApplication(db, attachment.applicationId);
  return loaded ? { attachment, loaded } : null;
}

const fileNotFound = () => new Response("Fichier introuvable.", { status: 404, headers: noStore });

/**
 * Download of an application's file: for the members of its lead organisation,
 * and, once submitted, for admins and its assigned reviewers without a conflict
 * (canDownloadApplicationDocument). Whoever may not know the file exists gets
 * 404; a conflicted reviewer, who sees the application's page, gets 403.
 * Always as an attachment, with the type detected at upload and no sniffing,
 * so a file never runs as a page.
 */
export async function GET(request: Request, { params }: Params) {
  return runRoute(request, {
    name: "GET /api/files/[id]",
    // A download link opened while signed out leads to the sign-in page, then back here. A relative
    // Location: request.url is the server's own address (http://localhost:PORT), not the site's.
    signedOut: (params) =>
      new Response(null, {
        status: 303,
        headers: {
          Location: params
            ? `/connexion?callbackUrl=${encodeURIComponent(`/api/files/${params.id}`)}`
            : "/connexion",
          ...noStore,
        },
      }),
    params: { from: params, schema: idParams, notFound: fileNotFound },
    access: async (user, { id }) => {
      const found = await load(id);
      if (!found) deny(fileNotFound());
      const { application } = found.loaded;
      const assignment = user.isReviewer ? await loadAssignment(user.id, application.id) : null;
      if (!canDownloadApplicationDocument(user, application, assignment)) {
        const seesApplication =
          application.status !== "draft" && canViewApplicationForReview(user, assignment);
        deny(
          seesApplication
            ? new Response(
                "Vous avez déclaré un conflit d’intérêts sur ce dossier\u00a0: ses pièces ne vous sont pas accessibles.",
                { status: 403, headers: noStore },
              )
            : fileNotFound(),
        );
      }
      return found.attachment;
    },
    run: async ({ resource: attachment }) => {
      const bytes = await getFileStore().get(attachment.storageKey);
      if (!bytes) return fileNotFound();
      return new Response(Buffer.from(bytes), {
        headers: {
          ...noStore,
          "Content-Type": attachment.contentType,
          "Content-Length": String(bytes.byteLength),
          // Cleaned again when served: rows stored before names followed the detected type keep the applicant's.
          "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(downloadName(attachment))}`,
          "X-Content-Type-Options": "nosniff",
        },
      });
    },
    failed: () => new Response(GENERIC_ERROR, { status: 500, headers: noStore }),
  });
}

/** Removes a document from a draft application. */
export async function DELETE(request: Request, { params }: Params) {
  const json = (status: number, message: string) => Response.json({ message }, { status, headers: noStore });
  return runRoute(request, {
    name: "DELETE /api/files/[id]",
    signedOut: () => json(401, "Connexion requise."),
    params: { from: params, schema: idParams, notFound: () => json(404, "Fichier introuvable.") },
    access: async (user, { id }) => {
      const found = await load(id);
      if (!found || !canViewOwnApplication(user, found.loaded.application))
        deny(json(404, "Fichier introuvable."));
      if (!canEditApplication(user, found.loaded.application) || found.attachment.messageId) {
        deny(json(403, "Ce fichier ne peut plus être retiré."));
      }
      return found;
    },
    run: async ({ user, resource: found }) => {
      const removed = await removeRequiredDocument(getDb(), {
        applicationId: found.loaded.application.id,
        attachmentId: found.attachment.id,
        storageKey: found.attachment.storageKey,
        userId: user.id,
      });
      if (!removed) return json(403, SUBMITTED);
      return new Response(null, { status: 204, headers: noStore });
    },
    failed: () => json(500, GENERIC_ERROR),
  });
}
