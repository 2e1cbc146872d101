import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SendAgreementsForm } from "@/components/grants/forms";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canManageGrants } from "@/lib/authz/policy";
import { getCall } from "@/lib/calls/queries";
import { formatMoneyCents } from "@/lib/format";
import { GRANT_STATUS_LABELS, type GrantStatus } from "@/lib/grants/lifecycle";
import { callCommitments, callGrants, laureatesWithoutAgreement } from "@/lib/grants/queries";
import { staffRecordTitle } from "@/lib/page-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Conventions et versements — Administration", async (user) => {
      if (!canManageGrants(user)) return "forbidden";
      const call = await getCall(getDb(), id);
      return call ? staffRecordTitle(call.title, "Conventions et versements", "Administration") : "not-found";
    }),
  };
}

/**
 * DCTCIV's follow-up of a call's grants: what is committed, paid and still to
 * pay per year, each laureate's agreement, instalment due and report waiting.
 */
export default async function CallGrantsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/appels/${id}/conventions`);
  allowOrForbid(canManageGrants(user));
  const db = getDb();
  const call = await getCall(db, id);
  if (!call) notFound();
  const [grants, commitments, withoutAgreement] = await Promise.all([
    callGrants(db, id),
    callCommitments(db, id),
    laureatesWithoutAgreement(db, id),
  ]);
  const sum = (f: (c: (typeof commitments)[number]) => number) => commitments.reduce((t, c) => t + f(c), 0);

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/appels", label: "Appels" },
          { href: `/admin/appels/${id}`, label: call.title },
          { label: "Conventions et versements" },
        ]}
      />
      <h1 className="text-3xl">Conventions et versements</h1>
      <p className="mt-2 text-grey-600">{call.title}</p>

      {call.resultsPublishedAt && withoutAgreement > 0 ? (
        <section aria-labelledby="a-envoyer" className="fr-callout mt-6">
          <h2 id="a-envoyer" className="text-xl font-bold">
            {withoutAgreement > 1
              ? `${withoutAgreement} lauréats attendent leur convention`
              : "Un lauréat attend sa convention"}
          </h2>
          <p className="mt-2 mb-4">
            La convention est générée de la décision, du calendrier du projet et des règles de l’appel (
            {call.grantYears > 1 ? `${call.grantYears} années, ` : ""}solde de {call.finalBalancePercent}
            &nbsp;% après le rapport final), puis envoyée par e-mail aux membres de la collectivité chef de
            file.
          </p>
          <SendAgreementsForm callId={id} count={withoutAgreement} />
        </section>
      ) : null}

      <h2 className="mt-10 text-2xl">Engagé, versé, reste à verser</h2>
      {commitments.length === 0 ? (
        <p className="mt-2">Aucune convention n’est encore envoyée.</p>
      ) : (
        <DataTable
          caption="Montants par année de projet"
          captionHidden
          columns={[
            { label: "Année" },
            { label: "Engagé", numeric: true },
            { label: "Versé", numeric: true },
            { label: "Reste à verser", numeric: true },
          ]}
          rows={commitments.map((c) => ({
            key: c.year,
            testId: `commitments-${c.year}`,
            header: String(c.year),
            cells: [
              formatMoneyCents(c.committedCents),
              formatMoneyCents(c.paidCents),
              formatMoneyCents(c.toPayCents),
            ],
          }))}
          footer={[
            {
              key: "total",
              total: true,
              header: "Toutes années",
              cells: [
                formatMoneyCents(sum((c) => c.committedCents)),
                formatMoneyCents(sum((c) => c.paidCents)),
                formatMoneyCents(sum((c) => c.toPayCents)),
              ],
            },
          ]}
        />
      )}
      <p className="mt-2">
        <a href={`/api/exports/conventions?appel=${id}`} download>
          Exporter les engagements et versements (CSV)
        </a>
      </p>

      <h2 className="mt-10 text-2xl">Lauréats</h2>
      {grants.length > 0 ? (
        <DataTable
          caption="Conventions de l’appel"
          captionHidden
          width="max-w-none"
          columns={[
            { label: "Convention" },
            { label: "Bénéficiaire" },
            { label: "État" },
            { label: "Accordé", numeric: true },
            { label: "Versé", numeric: true },
            { label: "À verser", numeric: true },
            { label: "À traiter" },
          ]}
          rows={grants.map((g) => ({
            key: g.applicationId,
            testId: `grant-${g.reference}`,
            header: <Link href={`/admin/conventions/${g.applicationId}`}>{g.reference}</Link>,
            cells: [
              g.beneficiaryName,
              <Badge key="s">{GRANT_STATUS_LABELS[g.status as GrantStatus]}</Badge>,
              formatMoneyCents(g.grantedCents),
              formatMoneyCents(g.paidCents),
              formatMoneyCents(g.dueCents),
              [
                g.reportsToReview > 0 ? `${g.reportsToReview} rapport à examiner` : null,
                g.overdueReports > 0 ? `${g.overdueReports} rapport en retard` : null,
                g.status === "agreement_sent" ? "Convention non retournée" : null,
                g.refundOwedCents > 0 ? `${formatMoneyCents(g.refundOwedCents)} à reverser` : null,
              ]
                .filter(Boolean)
                .join(" · ") || "—",
            ],
          }))}
        />
      ) : (
        <p className="mt-2">Aucune convention.</p>
      )}
    </PageContainer>
  );
}
