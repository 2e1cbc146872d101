import { getDb } from "@/db/client";
import { deny, idParams, runRoute } from "@/lib/actions/route";
import { findApplication, publishedDecisionOf } from "@/lib/applications/queries";
import { canReadDecision } from "@/lib/authz/policy";
import { decisionLetterPdf, letterFileName } from "@/lib/decisions/letter";
import { resultsArePublic } from "@/lib/public/published";
import { GENERIC_ERROR } from "@/lib/result";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * The decision letter (PDF) of an application, for the members of its lead
 * organisation once the call's results are published (canReadDecision);
 * whoever may not see it gets 404, as for the application itself.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const notFound = () => new Response("Lettre de décision introuvable.", { status: 404, headers: noStore });
  return runRoute(request, {
    name: "GET /espace/dossiers/[id]/lettre-de-decision",
    signedOut: (params) =>
      Response.redirect(
        new URL(
          `/connexion?callbackUrl=${encodeURIComponent(`/espace/dossiers/${params?.id ?? ""}`)}`,
          request.url,
        ),
        303,
      ),
    params: { from: params, schema: idParams, notFound },
    access: async (user, { id }) => {
      const db = getDb();
      const loaded = await findApplication(db, id);
      if (!loaded) deny(notFound());
      const now = new Date();
      const published = resultsArePublic(loaded.call.resultsPublishedAt, now);
      if (!canReadDecision(user, loaded.application, published)) deny(notFound());
      const decision = await publishedDecisionOf(db, loaded, now);
      if (!decision) deny(notFound());
      return { loaded, decision };
    },
    run: async ({ resource: { loaded, decision } }) => {
      const bytes = await decisionLetterPdf({
        applicationTitle: loaded.application.title,
        leadName: loaded.leadName,
        callTitle: loaded.call.title,
        receiptNumber: loaded.application.receiptNumber,
        outcome: decision.outcome,
        grantedAmountCents: decision.grantedAmountCents,
        rejectionReason: decision.rejectionReason,
        decidedAt: decision.decidedAt,
      });
      return new Response(Buffer.from(bytes), {
        headers: {
          ...noStore,
          "Content-Type": "application/pdf",
          "Content-Length": String(bytes.byteLength),
          "Content-Disposition": `attachment; filename="${letterFileName(loaded.application.receiptNumber)}"`,
          "X-Content-Type-Options": "nosniff",
        },
      });
    },
    failed: () => new Response(GENERIC_ERROR, { status: 500, headers: noStore }),
  });
}
