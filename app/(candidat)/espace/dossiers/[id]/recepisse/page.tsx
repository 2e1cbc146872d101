import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationSummary } from "@/components/applications/application-summary";
import { PrintButton } from "@/components/applications/print-button";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { applicantPageTitle } from "@/lib/applications/page-title";
import {
  documentsOf,
  findApplication,
  loadApplicationForm,
  receiptDocuments,
} from "@/lib/applications/queries";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canViewOwnApplication } from "@/lib/authz/policy";
import { callReference } from "@/lib/calls/labels";
import { formatDateTime, formatFileSize } from "@/lib/format";
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
  const [form, slots] = await Promise.all([
    loadApplicationForm(db, application),
    documentsOf(db, call.id, application.id),
  ]);
  const documents = receiptDocuments(slots);

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
          Le dossier de candidature «&nbsp;{application.title}&nbsp;» de <strong>{loaded.leadLabel}</strong> a
          bien été déposé au titre de {callReference(call.title)}.
        </p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt>Numéro d’accusé de réception</dt>
          <dd className="text-xl font-bold" data-testid="receipt-number">
            {application.receiptNumber}
          </dd>
          <dt>Déposé le</dt>
          <dd className="font-bold">{formatDateTime(application.submittedAt)} (heure de Paris)</dd>
        </dl>
        <h3 className="mt-4 font-bold">Pièces jointes déposées</h3>
        {documents.length === 0 ? (
          <p className="mt-1">Aucune pièce jointe.</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-2" data-testid="receipt-documents">
            {documents.map((d) => (
              <li key={d.sha256 + d.name}>
                <span className="font-medium">{d.label}</span>&nbsp;: {d.name} ({formatFileSize(d.sizeBytes)})
                <span className="block break-all font-mono text-sm text-grey-800">SHA-256 {d.sha256}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm text-grey-800">
          Conservez ce numéro&nbsp;: il vous sera demandé pour toute question sur votre dossier. Un courriel
          de confirmation a été envoyé aux membres de votre organisation.
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
