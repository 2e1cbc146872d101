import { grantDocumentRoute } from "@/lib/grants/document-route";
import { paymentNoticePdf } from "@/lib/grants/documents";

/** The notice of a recorded payment (instalment `position`) as PDF. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; position: string }> },
) {
  return grantDocumentRoute(request, params, {
    name: "GET /espace/dossiers/[id]/convention/avis/[position]",
    render: async ({ grant, instalments }, p) => {
      const i = instalments.find((x) => String(x.position) === p.position);
      if (i?.status !== "paid" || !i.paidOn || !i.paymentReference || i.paidCents === null || !i.recordedAt)
        return null;
      return {
        fileName: `avis-de-versement-${grant.reference.replace(/[^A-Za-z0-9-]/g, "")}-${i.position}.pdf`,
        bytes: await paymentNoticePdf({
          reference: grant.reference,
          beneficiaryName: grant.beneficiaryName,
          projectTitle: grant.projectTitle,
          years: grant.years,
          instalment: {
            ...i,
            paidCents: i.paidCents,
            paidOn: i.paidOn,
            paymentReference: i.paymentReference,
          },
          recordedAt: i.recordedAt,
        }),
      };
    },
  });
}
