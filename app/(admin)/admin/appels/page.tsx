import type { Metadata } from "next";
import Link from "next/link";
import { primaryButtonClass } from "@/components/form/field";
import { CallStatusBadge } from "@/components/public/call-status-badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canManageCalls } from "@/lib/authz/policy";
import { listAdminCalls } from "@/lib/calls/queries";
import { formatCount, formatDateTime, formatMoneyCents } from "@/lib/format";

export const metadata: Metadata = { title: "Appels à projets — Administration" };

export default async function AdminCallsPage() {
  const user = await requireUser("/admin/appels");
  allowOrForbid(canManageCalls(user));
  const now = new Date();
  const rows = await listAdminCalls(getDb(), now);
  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/admin", label: "Administration" }, { label: "Appels à projets" }]} />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Appels à projets</h1>
        <Link href="/admin/appels/nouveau" className={primaryButtonClass}>
          Créer un appel
        </Link>
      </div>
      <p className="mt-2 text-grey-600">
        Le statut se déduit des dates (heure de Paris) et de la publication des résultats.
      </p>
      <DataTable
        className="mt-6"
        caption="Appels à projets, du plus récent au plus ancien"
        captionHidden
        width="max-w-none"
        columns={[
          { label: "Appel" },
          { label: "Statut" },
          { label: "Clôture" },
          { label: "Dossiers déposés", numeric: true },
          { label: "Décisions", numeric: true },
          { label: "Enveloppe", numeric: true },
          { label: "Dupliquer" },
        ]}
        rows={rows.map((call) => ({
          key: call.id,
          header: (
            <>
              <Link href={`/admin/appels/${call.id}`} className="font-medium">
                {call.title}
              </Link>
              <br />
              <span className="text-grey-600">
                {call.year} · {call.code}
              </span>
            </>
          ),
          cells: [
            <CallStatusBadge key="status" status={call.status} />,
            formatDateTime(call.closesAt),
            formatCount(call.submitted),
            formatCount(call.decided),
            formatMoneyCents(call.envelopeCents),
            <Link
              key="copy"
              href={`/admin/appels/nouveau?depuis=${call.id}`}
              aria-label={`Dupliquer ${call.title}`}
            >
              Dupliquer
            </Link>,
          ],
        }))}
      />
    </PageContainer>
  );
}
