import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaymentForm, ReviewReportForm } from "@/components/grants/forms";
import { frenchDay, InstalmentsTable, ReportsTable } from "@/components/grants/schedule";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canManageGrants } from "@/lib/authz/policy";
import { formatDateTime, formatMoneyCents } from "@/lib/format";
import { instalmentLabel, reportLabel } from "@/lib/grants/labels";
import { GRANT_STATUS_LABELS } from "@/lib/grants/lifecycle";
import { loadGrant } from "@/lib/grants/queries";
import { UUID } from "@/lib/ids";
import { staffRecordTitle } from "@/lib/page-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Convention — Administration", async (user) => {
      if (!canManageGrants(user)) return "forbidden";
      if (!UUID.test(id)) return "not-found";
      const file = await loadGrant(getDb(), id);
      return file ? staffRecordTitle(file.grant.projectTitle, "Convention", "Administration") : "not-found";
    }),
  };
}

/** One grant for DCTCIV: the schedule with the payments to record, the reports to validate or send back. */
export default async function AdminGrantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/conventions/${id}`);
  allowOrForbid(canManageGrants(user));
  if (!UUID.test(id)) notFound();
  const file = await loadGrant(getDb(), id);
  if (!file) notFound();
  const { grant } = file;
  const due = file.instalments.filter((i) => i.status === "due");
  const toReview = file.reports.filter((r) => r.report?.status === "submitted");

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Administration" },
          { href: `/admin/appels/${file.callId}/conventions`, label: `Conventions — ${file.callTitle}` },
          { label: grant.reference },
        ]}
      />
      <h1 className="text-3xl">Convention n°&nbsp;{grant.reference}</h1>
      <p className="mt-2 text-grey-600">
        {grant.beneficiaryName} · {grant.projectTitle} · {GRANT_STATUS_LABELS[grant.status]}
      </p>
      <p className="mt-2">
        {formatMoneyCents(grant.grantedCents)} accordés, du {frenchDay(grant.startsOn)} au{" "}
        {frenchDay(grant.endsOn)}.{" "}
        {grant.signedAt
          ? `Signée le ${formatDateTime(grant.signedAt)} par ${grant.signatoryName}, ${grant.signatoryFunction}.`
          : "En attente de signature."}{" "}
        <a href={`/espace/dossiers/${id}/convention/document`} download>
          Convention (PDF)
        </a>
      </p>
      {grant.actualExpensesCents !== null ? (
        <p className="mt-2">
          Dépenses réelles déclarées au rapport final&nbsp;: {formatMoneyCents(grant.actualExpensesCents)}
          {grant.refundOwedCents > 0 ? ` · ${formatMoneyCents(grant.refundOwedCents)} à reverser` : ""}.
        </p>
      ) : null}

      <h2 className="mt-10 text-2xl">Versements</h2>
      <InstalmentsTable file={file} />
      {due.map((i) => (
        <section key={i.id} aria-labelledby={`verser-${i.position}`} className="mt-6">
          <h3 id={`verser-${i.position}`} className="text-xl">
            À verser&nbsp;: {instalmentLabel(i, grant.years)}, {formatMoneyCents(i.plannedCents)}
          </h3>
          <div className="mt-2">
            <PaymentForm
              applicationId={id}
              instalmentId={i.id}
              plannedCents={i.plannedCents}
              label={instalmentLabel(i, grant.years)}
            />
          </div>
        </section>
      ))}

      <h2 className="mt-10 text-2xl">Rapports</h2>
      <ReportsTable file={file} />
      {toReview.map(({ report, kind, position }) =>
        report ? (
          <section key={report.id} aria-labelledby={`rapport-${position}`} className="mt-8 max-w-3xl">
            <h3 id={`rapport-${position}`} className="text-xl">
              {reportLabel(kind, position)}, envoyé le {formatDateTime(report.submittedAt)}
            </h3>
            <h4 className="mt-4 font-bold">Ce qui a été réalisé</h4>
            <p className="whitespace-pre-line">{report.body}</p>
            <h4 className="mt-4 font-bold">Résultats</h4>
            <p className="whitespace-pre-line">{report.results}</p>
            {report.difficulties ? (
              <>
                <h4 className="mt-4 font-bold">Difficultés</h4>
                <p className="whitespace-pre-line">{report.difficulties}</p>
              </>
            ) : null}
            <DataTable
              caption="Dépenses prévues et réelles"
              columns={[
                { label: "Ligne du budget" },
                { label: "Prévu", numeric: true },
                { label: "Réel", numeric: true },
              ]}
              rows={report.expenses.map((e, i) => ({
                key: i,
                header: e.label,
                cells: [formatMoneyCents(e.plannedCents), formatMoneyCents(e.actualCents)],
              }))}
              footer={[
                {
                  key: "total",
                  total: true,
                  header: "Total",
                  cells: [
                    formatMoneyCents(report.expenses.reduce((t, e) => t + e.plannedCents, 0)),
                    formatMoneyCents(report.actualExpensesCents),
                  ],
                },
              ]}
            />
            <div className="mt-4">
              <ReviewReportForm applicationId={id} reportId={report.id} />
            </div>
          </section>
        ) : null,
      )}
      <p className="mt-10">
        <Link href={`/instruction/dossiers/${id}`}>Voir le dossier de candidature</Link>
      </p>
    </PageContainer>
  );
}
