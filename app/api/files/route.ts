import { getDb } from "@/db/client";
import { deny, runRoute } from "@/lib/actions/route";
import { findApplication } from "@/lib/applications/queries";
import { canEditApplication, canViewOwnApplication } from "@/lib/authz/policy";
import { uploadAnswer as answer, readUploadForm, uploadRefusedByRateLimit } from "@/lib/files/upload-request";
import { MAX_UPLOAD_BYTES, storeRequiredDocument } from "@/lib/files/uploads";
import { UUID } from "@/lib/ids";

/**
 * Upload of a required document (multipart: applicationId, requiredDocumentId,
 * file). The browser sends it with XMLHttpRequest to show progress. The type
 * is checked on the content, never on the name or the browser's claim.
 */
export async function POST(request: Request) {
  return runRoute(request, {
    name: "POST /api/files",
    signedOut: () => answer(401, { message: "Votre session a expiré\u00a0: reconnectez-vous." }),
    // The application's id is in the multipart body: the route reads the body first, then asks the policy.
    run: async ({ user }) => {
      const limited = await uploadRefusedByRateLimit(request);
      if (limited) return limited;
      const read = await readUploadForm(request, MAX_UPLOAD_BYTES, {
        tooLarge: "Le fichier dépasse la taille maximale de 10 Mo.",
        unreadable: "Le fichier n’a pas pu être lu\u00a0: réessayez.",
      });
      if ("refusal" in read) return read.refusal;
      const { form } = read;
      const applicationId = String(form.get("applicationId") ?? "");
      const requiredDocumentId = String(form.get("requiredDocumentId") ?? "");
      const file = form.get("file");
      if (!UUID.test(applicationId) || !UUID.test(requiredDocumentId)) {
        return answer(400, { message: "Pièce introuvable." });
      }
      if (!(file instanceof File)) return answer(400, { message: "Choisissez un fichier." });
      const db = getDb();
      const loaded = await findApplication(db, applicationId);
      if (!loaded || !canViewOwnApplication(user, loaded.application)) {
        deny(answer(404, { message: "Dossier introuvable." }));
      }
      if (!canEditApplication(user, loaded.application)) {
        deny(
          answer(403, {
            message: "Ce dossier a été déposé\u00a0: ses pièces ne peuvent plus être modifiées.",
          }),
        );
      }
      const outcome = await storeRequiredDocument(db, {
        applicationId,
        callId: loaded.call.id,
        requiredDocumentId,
        userId: user.id,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      if (!outcome.ok) return answer(outcome.status, { message: outcome.message });
      return answer(201, { attachment: outcome.attachment });
    },
    failed: () =>
      answer(500, { message: "Le fichier n’a pas pu être enregistré\u00a0: réessayez dans un instant." }),
  });
}
