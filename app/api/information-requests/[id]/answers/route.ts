import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { deny, idParams, runRoute } from "@/lib/actions/route";
import { findApplication } from "@/lib/applications/queries";
import { canAnswerInformationRequest, canViewOwnApplication } from "@/lib/authz/policy";
import { uploadAnswer as answer, readUploadForm, uploadRefusedByRateLimit } from "@/lib/files/upload-request";
import { MAX_UPLOAD_BYTES } from "@/lib/files/uploads";
import { storeAnswer } from "@/lib/information-requests/answer";
import { findThread } from "@/lib/information-requests/queries";
import { MAX_ANSWER_FILES } from "@/lib/information-requests/rules";
import { absoluteUrl } from "@/lib/public/site-url";

/**
 * The applicant's answer in an information request's thread (multipart: body,
 * and zero to MAX_ANSWER_FILES `file` parts). The browser sends it with
 * XMLHttpRequest to show the upload's progress; every file goes through the
 * checks of the application's documents. Who may answer is decided before
 * the body is read.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const requestNotFound = () => answer(404, { message: "Demande introuvable." });
  return runRoute(request, {
    name: "POST /api/information-requests/[id]/answers",
    signedOut: () =>
      answer(401, { message: "Votre session a expiré\u00a0: reconnectez-vous. Votre texte reste affiché." }),
    params: { from: params, schema: idParams, notFound: requestNotFound },
    access: async (user, { id }) => {
      const db = getDb();
      const [message] = await db
        .select({ applicationId: messages.applicationId })
        .from(messages)
        .where(eq(messages.id, id));
      const loaded = message ? await findApplication(db, message.applicationId) : null;
      // Whoever is not a member of the lead organisation may not know the request exists.
      if (!loaded || !canViewOwnApplication(user, loaded.application)) deny(requestNotFound());
      const thread = await findThread(db, loaded.application.id, id);
      if (!thread) deny(requestNotFound());
      if (!canAnswerInformationRequest(user, loaded.application, thread)) {
        deny(
          answer(403, {
            message: thread.closed
              ? "Cette demande a été close par le service instructeur\u00a0: elle n’attend plus de réponse."
              : "Ce dossier n’est plus en instruction\u00a0: il n’est plus possible d’y répondre.",
          }),
        );
      }
      return { application: loaded.application, thread };
    },
    run: async ({ user, resource: { application, thread } }) => {
      // Counted like every upload (per client address) before the body is read.
      const limited = await uploadRefusedByRateLimit(request);
      if (limited) return limited;
      const read = await readUploadForm(request, MAX_ANSWER_FILES * MAX_UPLOAD_BYTES, {
        tooLarge: `L’envoi dépasse la taille maximale\u00a0: ${MAX_ANSWER_FILES} documents de 10 Mo au plus.`,
        unreadable: "L’envoi n’a pas pu être lu\u00a0: réessayez.",
      });
      if ("refusal" in read) return read.refusal;
      const { form } = read;
      const body = form.get("body");
      const parts = form.getAll("file");
      if (parts.some((p) => !(p instanceof File))) {
        return answer(400, { message: "Les documents n’ont pas pu être lus\u00a0: réessayez." });
      }
      // An empty file input sends one nameless, empty part: not a document.
      const files = (parts as File[]).filter((f) => f.size > 0 || f.name !== "");
      const outcome = await storeAnswer(getDb(), {
        applicationId: application.id,
        threadId: thread.id,
        userId: user.id,
        body: typeof body === "string" ? body : "",
        files: await Promise.all(
          files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
        ),
        reviewUrl: absoluteUrl(`/instruction/dossiers/${application.id}#echanges`),
      });
      if (!outcome.ok) {
        return answer(outcome.status, { message: outcome.message, fieldErrors: outcome.fieldErrors });
      }
      return answer(201, { answerId: outcome.answerId, attachments: outcome.attachments });
    },
    failed: () =>
      answer(500, { message: "La réponse n’a pas pu être enregistrée\u00a0: réessayez dans un instant." }),
  });
}
