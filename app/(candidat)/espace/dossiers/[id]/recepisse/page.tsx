import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationSummary } from "@/components/applications/application-summary";
import { PrintButton } from "@/components/applications/print-button";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { applicantPageTitle } from "@/lib/applications/page-title";
import { findApplication, loadApplicationForm } from "@/lib/applications/queries";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canViewOwnApplication } from "@/lib/authz/policy";
import { callReference } from "@/lib/calls/labels";
import { formatDateTime } from "@/lib/format";
import { UUID } from "@/lib/ids";
import { recordPageTitle } from "@/lib/page-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await applicantPageTitle(
      id,
      (a) => recordPageTitle("Accusé de réception", a.title),
      "Accusé de réception",
    ),
  };
}

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/espace/dossiers/${id}/recepisse`);
  if (!UUID.test(id)) notFound();
  const db = getDb();
  const loaded = await findApplication(db, id);
  if (!loaded) notFound();
  allowOrForbid(canViewOwnApplication(user, loaded.application));
  const { application, call } = loaded;
  if (!application.receiptNumber || !application.submittedAt) notFound();
  const form = await loadApplicationForm(db, application);

  return (
    <PageContainer>
      <div className="print:hidden">
        <Breadcrumb
          items={[
            { href: "/espace", label: "Mon espace" },
            { href: "/espace/dossiers", label: "Mes dossiers" },
            { href: `/espace/dossiers/${id}`, label: application.title },
            { label: "Accusé de réception" },
          ]}
        />
      </div>
      <h1 className="text-3xl font-bold">Accusé de réception</h1>
      <section aria-labelledby="receipt-title" className="mt-6 max-w-2xl border-2 border-blue-france p-6">
        <h2 id="receipt-title" className="sr-only">
          Récépissé de dépôt
        </h2>
        <p>
          Le dossier de candidature « {application.title} » de <strong>{loaded.leadLabel}</strong> a bien été
          déposé au titre de {callReference(call.title)}.
        </p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt>Numéro d’accusé de réception</dt>
          <dd className="text-xl font-bold" data-testid="receipt-number">
            {application.receiptNumber}
          </dd>
          <dt>Déposé le</dt>
          <dd className="font-bold">{formatDateTime(application.submittedAt)} (heure de Paris)</dd>
        </dl>
        <p className="mt-4 text-sm text-grey-800">
          Conservez ce numéro : il vous sera demandé pour toute question sur votre dossier. Un courriel de
          confirmation a été envoyé aux membres de votre organisation.
        </p>
      </section>
      <div className="mt-6 flex flex-wrap gap-4 print:hidden">
        <PrintButton />
        <Link href={`/espace/dossiers/${id}`}>Revenir au dossier</Link>
      </div>
      <div className="mt-10">
        <ApplicationSummary form={form} leadName={loaded.leadLabel} applicationId={id} />
      </div>
    </PageContainer>
  );
}
