import { getDb } from "@/db/client";
import { deny, runRoute } from "@/lib/actions/route";
import { canManageGrants } from "@/lib/authz/policy";
import { accessRefused, exportFailed, signIn } from "@/lib/exports/answers";
import { csvChunks, csvDownload, streamOf } from "@/lib/exports/csv";
import { isoDateInParis } from "@/lib/format";
import { instalmentsForAccounting } from "@/lib/grants/queries";
import { UUID } from "@/lib/ids";

/**
 * A call's commitments and payments for the ministry's accounting: one line
 * per instalment of each grant, amounts in euros with a decimal comma as the
 * other exports, the payment's date and reference once recorded.
 */
export async function GET(request: Request) {
  const callId = new URL(request.url).searchParams.get("appel") ?? "";
  return runRoute(request, {
    name: "GET /api/exports/conventions",
    signedOut: () => signIn(UUID.test(callId) ? `/admin/appels/${callId}/conventions` : "/admin"),
    access: (user) => {
      if (!canManageGrants(user) || !UUID.test(callId)) deny(accessRefused());
    },
    run: async () => {
      const rows = await instalmentsForAccounting(getDb(), callId);
      return csvDownload(
        streamOf(() => csvChunks(HEADER, cells(rows))),
        `engagements-versements-${isoDateInParis(new Date())}.csv`,
      );
    },
    failed: exportFailed,
  });
}

const HEADER = [
  "Appel",
  "Année de l’appel",
  "Convention",
  "Bénéficiaire",
  "Versement",
  "Année de projet",
  "Exercice",
  "Montant engagé (€)",
  "État",
  "Montant versé (€)",
  "Date du versement",
  "Référence du paiement",
];

const euros = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2).replace(".", ","));

async function* cells(rows: Awaited<ReturnType<typeof instalmentsForAccounting>>) {
  for (const r of rows) {
    yield [
      r.callTitle,
      r.callYear,
      r.reference,
      r.beneficiaryName,
      r.label,
      r.year,
      r.callYear + r.year - 1,
      euros(r.plannedCents),
      r.statusLabel,
      euros(r.paidCents),
      r.paidOn ?? "",
      r.paymentReference ?? "",
    ];
  }
}
