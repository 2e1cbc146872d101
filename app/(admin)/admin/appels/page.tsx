import type { Metadata } from "next";
import Link from "next/link";
import { primaryButtonClass } from "@/components/form/field";
import { CallStatusBadge } from "@/components/public/call-status-badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { TableScroll } from "@/components/ui/table-scroll";
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
      <TableScroll className="mt-6" label="Appels à projets, du plus récent au plus ancien">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Appels à projets, du plus récent au plus ancien</caption>
          <thead>
            <tr className="border-b-2 border-grey-800">
              <th scope="col" className="py-2 pr-4">
                Appel
              </th>
              <th scope="col" className="py-2 pr-4">
                Statut
              </th>
              <th scope="col" className="py-2 pr-4">
                Clôture
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Dossiers déposés
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Décisions
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Enveloppe
              </th>
              <th scope="col" className="py-2">
                Dupliquer
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((call) => (
              <tr key={call.id} className="border-b border-grey-200 align-top">
                <td className="py-2 pr-4">
                  <Link href={`/admin/appels/${call.id}`} className="font-medium">
                    {call.title}
                  </Link>
                  <br />
                  <span className="text-grey-600">
                    {call.year} · {call.code}
                  </span>
                </td>
                <td className="py-2 pr-4">
                  <CallStatusBadge status={call.status} />
                </td>
                <td className="py-2 pr-4">{formatDateTime(call.closesAt)}</td>
                <td className="py-2 pr-4 text-right">{formatCount(call.submitted)}</td>
                <td className="py-2 pr-4 text-right">{formatCount(call.decided)}</td>
                <td className="py-2 pr-4 text-right">{formatMoneyCents(call.envelopeCents)}</td>
                <td className="py-2">
                  <Link
                    href={`/admin/appels/nouveau?depuis=${call.id}`}
                    aria-label={`Dupliquer ${call.title}`}
                  >
                    Dupliquer
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </PageContainer>
  );
}
