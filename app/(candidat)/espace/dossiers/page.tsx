import type { Metadata } from "next";
import Link from "next/link";
import { CreateApplicationForm } from "@/components/applications/action-forms";
import { ApplicationStatusBadge } from "@/components/applications/status-badge";
import { TodoList } from "@/components/applications/todo-list";
import { Alert } from "@/components/ui/alert";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { applicationsOfOrganisations, openCalls } from "@/lib/applications/queries";
import { applicantVisibleStatus, countdownLabel } from "@/lib/applications/rules";
import { todoFor } from "@/lib/applications/todo-queries";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { applicantOrganisationIds, canAccessApplicantSpace } from "@/lib/authz/policy";
import { formatDateTime } from "@/lib/format";
import { overdueReportMessage, overdueReportsOf } from "@/lib/grants/eligibility";
import { membershipsOfUser } from "@/lib/memberships/queries";

export const metadata: Metadata = { title: "Mes dossiers" };

export default async function MyApplicationsPage() {
  const user = await requireUser("/espace/dossiers");
  allowOrForbid(canAccessApplicantSpace(user));
  const db = getDb();
  const organisationIds = applicantOrganisationIds(user);
  const now = new Date();
  const [list, calls, memberships, todo, overdue] = await Promise.all([
    applicationsOfOrganisations(db, organisationIds),
    openCalls(db, now),
    membershipsOfUser(db, user.id),
    todoFor(db, organisationIds, now),
    overdueReportsOf(db, organisationIds),
  ]);
  const organisations = memberships
    .filter((m) => m.status === "active")
    .map((m) => ({ id: m.organisationId, name: m.organisationName }));

  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/espace", label: "Mon espace" }, { label: "Mes dossiers" }]} />
      <h1 className="text-3xl font-bold">Mes dossiers de candidature</h1>
      <TodoList items={todo} />

      {organisations.length === 0 ? (
        <p className="mt-4">
          Pour déposer un dossier, rattachez-vous d’abord à votre collectivité depuis{" "}
          <Link href="/espace">votre espace</Link>.
        </p>
      ) : null}

      <section aria-labelledby="list-title" className="mt-8">
        <h2 id="list-title" className="text-2xl font-bold">
          Dossiers de mes organisations
        </h2>
        {list.length === 0 ? (
          <p className="mt-2">Aucun dossier pour l’instant.</p>
        ) : (
          <DataTable
            caption="Dossiers de mes organisations"
            captionHidden
            width="max-w-none"
            columns={[
              { label: "Dossier" },
              { label: "Statut" },
              { label: "Appel à projets" },
              { label: "Clôture" },
              { label: "Dernière modification" },
            ]}
            rows={list.map((a) => {
              const published = a.callResultsPublishedAt !== null && a.callResultsPublishedAt <= now;
              const status = applicantVisibleStatus(a.status, published);
              return {
                key: a.id,
                header: (
                  <>
                    <Link href={`/espace/dossiers/${a.id}`}>{a.title}</Link>
                    <span className="block text-grey-600">{a.leadName}</span>
                    {a.receiptNumber ? (
                      <span className="block text-grey-600">N° {a.receiptNumber}</span>
                    ) : null}
                  </>
                ),
                cells: [
                  <ApplicationStatusBadge key="status" status={status} />,
                  a.callTitle,
                  <>
                    {formatDateTime(a.callClosesAt)}
                    {a.status === "draft" ? (
                      <span className="block font-medium">{countdownLabel(now, a.callClosesAt)}</span>
                    ) : null}
                  </>,
                  <>
                    {formatDateTime(a.updatedAt)}
                    {a.updatedByName || a.updatedByEmail ? (
                      <span className="block text-grey-600">par {a.updatedByName ?? a.updatedByEmail}</span>
                    ) : null}
                  </>,
                ],
              };
            })}
          />
        )}
      </section>

      {organisations.length > 0 ? (
        <section aria-labelledby="calls-title" className="mt-10">
          <h2 id="calls-title" className="text-2xl font-bold">
            Déposer un nouveau dossier
          </h2>
          {overdue.length > 0 ? (
            <Alert
              tone="warning"
              title="Un rapport est en retard"
              className="mt-4"
              announce={false}
              testId="overdue-report"
            >
              <p>{overdueReportMessage(overdue)}</p>
              <p>
                <Link href={`/espace/dossiers/${overdue[0]?.applicationId}/convention`}>
                  Rédiger le rapport
                </Link>
              </p>
            </Alert>
          ) : null}
          {calls.length === 0 ? (
            <p className="mt-2">Aucun appel à projets n’est ouvert en ce moment.</p>
          ) : null}
          {calls.map((call) => (
            <div key={call.id} className="mt-4 border border-grey-200 p-6">
              <h3 className="text-xl font-bold">
                <Link href={`/appels/${call.slug}`}>{call.title}</Link>
              </h3>
              <p className="mt-1 text-grey-800">
                Clôture le {formatDateTime(call.closesAt)} (heure de Paris) —{" "}
                {countdownLabel(now, call.closesAt)}
              </p>
              <CreateApplicationForm callId={call.id} callTitle={call.title} organisations={organisations} />
            </div>
          ))}
        </section>
      ) : null}
    </PageContainer>
  );
}
