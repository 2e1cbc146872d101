import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SubmitApplicationForm } from "@/components/applications/action-forms";
import { Alert } from "@/components/ui/alert";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { applicantPageTitle } from "@/lib/applications/page-title";
import {
  documentStates,
  documentsOf,
  findApplication,
  loadApplicationForm,
} from "@/lib/applications/queries";
import { countdownLabel, isBeforeDeadline, missingItems } from "@/lib/applications/rules";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canViewOwnApplication } from "@/lib/authz/policy";
import { callName } from "@/lib/calls/labels";
import { formatDateTime } from "@/lib/format";
import { overdueReportMessage, overdueReportsOf } from "@/lib/grants/eligibility";
import { UUID } from "@/lib/ids";
import { recordPageTitle } from "@/lib/page-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await applicantPageTitle(
      id,
      (a) => recordPageTitle("Vérification et dépôt", a.title),
      "Vérification et dépôt",
    ),
  };
}

const STEP_LABELS = {
  projet: "Projet",
  participants: "Participants",
  contenu: "Contenu",
  budget: "Budget",
  documents: "Pièces jointes",
} as const;

export default async function ChecklistPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/espace/dossiers/${id}/verification`);
  if (!UUID.test(id)) notFound();
  const db = getDb();
  const loaded = await findApplication(db, id);
  if (!loaded) notFound();
  allowOrForbid(canViewOwnApplication(user, loaded.application));
  const { application, call } = loaded;
  if (application.receiptNumber) redirect(`/espace/dossiers/${id}/recepisse`);
  if (application.status !== "draft") redirect(`/espace/dossiers/${id}`);
  const form = await loadApplicationForm(db, application);
  const [slots, overdue] = await Promise.all([
    documentsOf(db, call.id, id),
    overdueReportsOf(db, [application.leadOrganisationId]),
  ]);
  const missing = missingItems(form, call, documentStates(slots));
  const overdueMessage = overdueReportMessage(overdue);
  const now = new Date();
  const open = isBeforeDeadline(now, call.closesAt);

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/espace", label: "Mon espace" },
          { href: "/espace/dossiers", label: "Mes dossiers" },
          { href: `/espace/dossiers/${id}`, label: application.title },
          { label: "Vérification et dépôt" },
        ]}
      />
      <h1 className="text-3xl font-bold">Vérification et dépôt</h1>
      <p className="mt-2 text-grey-800">
        Dossier «&nbsp;{application.title}&nbsp;» — {callName(call.title)}, clôture le{" "}
        {formatDateTime(call.closesAt)} (heure de Paris)&nbsp;:{" "}
        {countdownLabel(now, call.closesAt).toLowerCase()}.
      </p>

      {overdueMessage ? (
        <Alert
          tone="warning"
          title="Un rapport est en retard"
          className="mt-6"
          announce={false}
          testId="overdue-report"
        >
          <p>{overdueMessage}</p>
          <p>
            <Link href={`/espace/dossiers/${overdue[0]?.applicationId}/convention`}>Rédiger le rapport</Link>
          </p>
        </Alert>
      ) : null}

      {missing.length ? (
        <section aria-labelledby="missing-title" className="fr-callout fr-callout--orange-terre-battue mt-6">
          <h2 id="missing-title" className="text-xl font-bold">
            {missing.length} élément{missing.length > 1 ? "s" : ""} à compléter avant le dépôt
          </h2>
          <ul className="mt-3 flex flex-col gap-2">
            {missing.map((item) => (
              <li key={`${item.step}-${item.field}-${item.message}`}>
                <Link href={`/espace/dossiers/${id}?etape=${item.step}#${item.field}`}>
                  {STEP_LABELS[item.step]}&nbsp;: {item.message}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <Alert tone="success" announce={false} className="mt-6">
          Le dossier est complet&nbsp;: vous pouvez le déposer.
        </Alert>
      )}

      <section aria-labelledby="submit-title" className="mt-8 flex max-w-2xl flex-col gap-3">
        <h2 id="submit-title" className="text-2xl font-bold">
          Déposer le dossier
        </h2>
        <p>
          Une fois déposé, le dossier ne peut plus être modifié. Vous recevrez un accusé de réception par
          courriel, ainsi que les membres de votre organisation.
        </p>
        {open ? null : (
          <p className="font-medium">L’appel à projets est clos&nbsp;: le dépôt n’est plus possible.</p>
        )}
        <SubmitApplicationForm
          applicationId={id}
          disabled={missing.length > 0 || !open || overdueMessage !== null}
        />
      </section>
    </PageContainer>
  );
}
