import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportForm, SignAgreementForm } from "@/components/grants/forms";
import { frenchDay, InstalmentsTable, ReportsTable } from "@/components/grants/schedule";
import { Alert } from "@/components/ui/alert";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { findApplication } from "@/lib/applications/queries";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canSignAgreement, canSubmitGrantReport, canViewOwnApplication } from "@/lib/authz/policy";
import { formatDateTime, formatMoneyCents } from "@/lib/format";
import { reportLabel } from "@/lib/grants/labels";
import { GRANT_STATUS_LABELS } from "@/lib/grants/lifecycle";
import { expenseLines, loadGrant } from "@/lib/grants/queries";
import { UUID } from "@/lib/ids";

export const metadata: Metadata = { title: "Convention, versements et rapports" };

/**
 * The laureate's grant: the agreement to read and sign, the payment schedule
 * with what each instalment waits for, and the report the schedule expects now.
 */
export default async function GrantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/espace/dossiers/${id}/convention`);
  if (!UUID.test(id)) notFound();
  const db = getDb();
  const loaded = await findApplication(db, id);
  if (!loaded) notFound();
  allowOrForbid(canViewOwnApplication(user, loaded.application));
  const file = await loadGrant(db, id);
  const breadcrumb = (
    <Breadcrumb
      items={[
        { href: "/espace", label: "Mon espace" },
        { href: `/espace/dossiers/${id}`, label: loaded.application.title },
        { label: "Convention et versements" },
      ]}
    />
  );
  if (!file || loaded.application.status !== "accepted") {
    return (
      <PageContainer>
        {breadcrumb}
        <h1 className="text-3xl">Convention, versements et rapports</h1>
        <p className="mt-4">
          {loaded.application.status === "accepted"
            ? "La délégation n’a pas encore envoyé la convention de ce projet : vous recevrez un e-mail quand elle sera prête à signer."
            : "Ce dossier n’est pas lauréat : il n’a pas de convention."}
        </p>
      </PageContainer>
    );
  }
  const { grant, current } = file;
  const app = {
    leadOrganisationId: loaded.application.leadOrganisationId,
    status: loaded.application.status,
  };
  const canSign = canSignAgreement(user, app, grant);
  const canReport = canSubmitGrantReport(user, app, {
    status: grant.status,
    reportStatus: current?.report?.status ?? null,
  });
  const lines = current && canReport ? await expenseLines(db, id) : [];
  const previous = current?.report?.status === "changes_requested" ? current.report : null;

  return (
    <PageContainer>
      {breadcrumb}
      <h1 className="text-3xl">Convention, versements et rapports</h1>
      <p className="mt-2 text-grey-600">
        {loaded.application.title} · convention n°&nbsp;{grant.reference} ·{" "}
        {GRANT_STATUS_LABELS[grant.status]}
      </p>

      <section aria-labelledby="convention" className="mt-8">
        <h2 id="convention" className="text-2xl">
          La convention
        </h2>
        <p className="mt-2">
          Subvention de <strong>{formatMoneyCents(grant.grantedCents)}</strong> pour un projet du{" "}
          {frenchDay(grant.startsOn)} au {frenchDay(grant.endsOn)}
          {grant.years > 1 ? `, versée en ${grant.years} années` : ""}.
        </p>
        <p className="mt-2">
          <a href={`/espace/dossiers/${id}/convention/document`} download>
            Télécharger la convention (PDF)
          </a>
        </p>
        {grant.signedAt ? (
          <p className="mt-2">
            Signée en ligne le {formatDateTime(grant.signedAt)} par {grant.signatoryName},{" "}
            {grant.signatoryFunction}.
          </p>
        ) : canSign ? (
          <div className="mt-4">
            <p className="mb-4">
              Lisez la convention, puis acceptez-la au nom du signataire habilité de votre collectivité&nbsp;:
              le premier versement est mis en paiement dès la signature.
            </p>
            <SignAgreementForm applicationId={id} version={grant.version} />
          </div>
        ) : (
          <Alert tone="info" className="mt-4" announce={false}>
            La convention attend la signature d’un gestionnaire de votre collectivité.
          </Alert>
        )}
      </section>

      <section aria-labelledby="versements" className="mt-10">
        <h2 id="versements" className="text-2xl">
          Versements
        </h2>
        <InstalmentsTable file={file} caption="Échéancier des versements" />
        {grant.refundOwedCents > 0 ? (
          <Alert tone="warning" className="mt-4" announce={false}>
            Les dépenses réelles sont inférieures au budget&nbsp;: {formatMoneyCents(grant.refundOwedCents)}{" "}
            sont à reverser à l’État.
          </Alert>
        ) : null}
        {file.instalments.some((i) => i.status === "paid") ? (
          <ul className="mt-2">
            {file.instalments
              .filter((i) => i.status === "paid")
              .map((i) => (
                <li key={i.id}>
                  <a href={`/espace/dossiers/${id}/convention/avis/${i.position}`} download>
                    Avis de versement n°&nbsp;{i.position} (PDF)
                  </a>
                </li>
              ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="rapports" className="mt-10">
        <h2 id="rapports" className="text-2xl">
          Rapports
        </h2>
        <ReportsTable file={file} />
        {current?.overdue ? (
          <Alert tone="warning" className="mt-4" announce={false}>
            Le {reportLabel(current.kind, current.position).toLowerCase()} était attendu le{" "}
            {frenchDay(current.dueOn)}
            &nbsp;: tant qu’il n’est pas envoyé, le versement suivant est suspendu et votre collectivité ne
            peut pas déposer de nouveau dossier.
          </Alert>
        ) : null}
        {current && canReport ? (
          <div className="mt-6 max-w-3xl">
            <h3 className="text-xl">
              {reportLabel(current.kind, current.position)}, à rendre le {frenchDay(current.dueOn)}
            </h3>
            {previous?.reviewComment ? (
              <Alert
                tone="warning"
                title="Compléments demandés par la délégation"
                className="mt-4"
                announce={false}
              >
                <p>{previous.reviewComment}</p>
              </Alert>
            ) : null}
            <div className="mt-4">
              <ReportForm
                applicationId={id}
                position={current.position}
                label={reportLabel(current.kind, current.position)}
                lines={lines.map((l, i) => ({
                  id: l.id,
                  label: l.label,
                  plannedCents: l.plannedCents,
                  actualCents: previous?.expenses[i]?.actualCents,
                }))}
                previous={previous}
              />
            </div>
          </div>
        ) : current?.report?.status === "submitted" ? (
          <Alert tone="info" className="mt-4" announce={false}>
            Votre {reportLabel(current.kind, current.position).toLowerCase()} est envoyé&nbsp;: la délégation
            l’examine.
          </Alert>
        ) : null}
      </section>
    </PageContainer>
  );
}
