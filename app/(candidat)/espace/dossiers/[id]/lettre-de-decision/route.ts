import { getDb } from "@/db/client";
import { findApplication, publishedDecisionOf } from "@/lib/applications/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canReadDecision } from "@/lib/authz/policy";
import { decisionLetterPdf, letterFileName } from "@/lib/decisions/letter";
import { UUID } from "@/lib/ids";
import { resultsArePublic } from "@/lib/public/published";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * The decision letter (PDF) of an application, for the members of its lead
 * organisation once the call's results are published (canReadDecision);
 * whoever may not see it gets 404, as for the application itself.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user)
    return Response.redirect(
      new URL(
        `/connexion?callbackUrl=${encodeURIComponent(`/espace/dossiers/${UUID.test(id) ? id : ""}`)}`,
        request.url,
      ),
      303,
    );
  const notFound = () => new Response("Lettre de décision introuvable.", { status: 404, headers: noStore });
  if (!UUID.test(id)) return notFound();
  const db = getDb();
  const loaded = await findApplication(db, id);
  if (!loaded) return notFound();
  const now = new Date();
  const published = resultsArePublic(loaded.call.resultsPublishedAt, now);
  if (!canReadDecision(user, loaded.application, published)) return notFound();
  const decision = await publishedDecisionOf(db, loaded, now);
  if (!decision) return notFound();
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
}
