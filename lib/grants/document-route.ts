import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications } from "@/db/schema";
import { deny, idParams, runRoute } from "@/lib/actions/route";
import { canReadGrantDocuments } from "@/lib/authz/policy";
import { GENERIC_ERROR } from "@/lib/result";
import { z } from "@/lib/zod";
import { type GrantFile, loadGrant } from "./queries";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * A PDF of a grant (the agreement, a payment notice) for the lead's members
 * and admins (canReadGrantDocuments); anyone else, and a document that does
 * not exist, gets 404.
 */
export function grantDocumentRoute(
  request: Request,
  params: Promise<Record<string, string>>,
  spec: {
    name: string;
    render: (
      file: GrantFile,
      params: Record<string, string>,
    ) => Promise<{ bytes: Uint8Array; fileName: string } | null>;
  },
) {
  const notFound = () => new Response("Document introuvable.", { status: 404, headers: noStore });
  return runRoute(request, {
    name: spec.name,
    signedOut: (p) =>
      Response.redirect(
        new URL(
          `/connexion?callbackUrl=${encodeURIComponent(`/espace/dossiers/${p?.id ?? ""}/convention`)}`,
          request.url,
        ),
        303,
      ),
    params: {
      from: params,
      schema: idParams.extend({
        position: z
          .string()
          .regex(/^\d{1,2}$/)
          .optional(),
      }),
      notFound,
    },
    access: async (user, p) => {
      const db = getDb();
      const [application] = await db
        .select({ leadOrganisationId: applications.leadOrganisationId, status: applications.status })
        .from(applications)
        .where(eq(applications.id, p.id));
      if (!application || !canReadGrantDocuments(user, application)) deny(notFound());
      const file = await loadGrant(db, p.id);
      if (!file) deny(notFound());
      return { file, p };
    },
    run: async ({ resource: { file, p } }) => {
      const document = await spec.render(file, p as Record<string, string>);
      if (!document) return notFound();
      return new Response(Buffer.from(document.bytes), {
        headers: {
          ...noStore,
          "Content-Type": "application/pdf",
          "Content-Length": String(document.bytes.byteLength),
          "Content-Disposition": `attachment; filename="${document.fileName}"`,
          "X-Content-Type-Options": "nosniff",
        },
      });
    },
    failed: () => new Response(GENERIC_ERROR, { status: 500, headers: noStore }),
  });
}
