import { grantDocumentRoute } from "@/lib/grants/document-route";
import { agreementFileName, agreementPdf } from "@/lib/grants/documents";

/** The grant agreement as PDF, regenerated from its rows (identical bytes for the same rows). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return grantDocumentRoute(request, params, {
    name: "GET /espace/dossiers/[id]/convention/document",
    render: async ({ grant, callTitle }) => ({
      fileName: agreementFileName(grant.reference),
      bytes: await agreementPdf({ ...grant, callTitle }),
    }),
  });
}
