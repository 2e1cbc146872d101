import { getDb } from "@/db/client";
import { deny, runRoute } from "@/lib/actions/route";
import { canEditFollowupPost } from "@/lib/authz/policy";
import { uploadAnswer as answer, readUploadForm, uploadRefusedByRateLimit } from "@/lib/files/upload-request";
import { MAX_IMAGE_BYTES, storeFollowupImage, validateAltText } from "@/lib/followup/images";
import { findPost } from "@/lib/followup/queries";
import { UUID } from "@/lib/ids";
import { projectRegionCodes } from "@/lib/networks/queries";

/**
 * Upload of an image for a follow-up page (multipart: postId, altText, file).
 * PNG, JPEG or WebP checked on the bytes, 5 MB at most, alternative text
 * required; resized and stored by lib/followup/images.ts. Answers the
 * image's id, for the Markdown `![alt](/api/reseaux/images/<id>)`.
 */
export async function POST(request: Request) {
  return runRoute(request, {
    name: "POST /api/reseaux/images",
    signedOut: () => answer(401, { message: "Votre session a expiré\u00a0: reconnectez-vous." }),
    // The page's id is in the multipart body: the route reads the body first, then asks the policy.
    run: async ({ user }) => {
      const limited = await uploadRefusedByRateLimit(request);
      if (limited) return limited;
      const read = await readUploadForm(request, MAX_IMAGE_BYTES, {
        tooLarge: "L’image dépasse la taille maximale de 5 Mo.",
        unreadable: "L’image n’a pas pu être lue\u00a0: réessayez.",
      });
      if ("refusal" in read) return read.refusal;
      const { form } = read;
      const postId = String(form.get("postId") ?? "");
      const file = form.get("file");
      if (!UUID.test(postId)) return answer(404, { message: "Page introuvable." });
      const db = getDb();
      const post = await findPost(db, postId);
      if (!post) deny(answer(404, { message: "Page introuvable." }));
      const projectRegions = post.applicationId ? await projectRegionCodes(db, post.applicationId) : null;
      if (!canEditFollowupPost(user, { networkId: post.networkId, projectRegionCodes: projectRegions })) {
        deny(answer(403, { message: "Vous ne pouvez pas modifier cette page." }));
      }
      const altText = validateAltText(form.get("altText"));
      if (!altText) {
        return answer(422, {
          message:
            "Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif, 3 à 300 caractères).",
          field: "altText",
        });
      }
      if (!(file instanceof File)) return answer(400, { message: "Choisissez une image." });
      const outcome = await storeFollowupImage(db, {
        post,
        userId: user.id,
        fileName: file.name,
        altText,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      if (!outcome.ok) return answer(outcome.status, { message: outcome.message });
      return answer(201, { image: { ...outcome.image, url: `/api/reseaux/images/${outcome.image.id}` } });
    },
    failed: () =>
      answer(500, { message: "L’image n’a pas pu être enregistrée\u00a0: réessayez dans un instant." }),
  });
}
