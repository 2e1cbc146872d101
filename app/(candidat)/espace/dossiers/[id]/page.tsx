import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WithdrawApplicationForm } from "@/components/applications/action-forms";
import { ApplicationForm } from "@/components/applications/application-form";
import { ApplicationSummary } from "@/components/applications/application-summary";
import { ApplicationStatusBadge } from "@/components/applications/status-badge";
import { AnswerForm } from "@/components/information-requests/answer-form";
import { ThreadView } from "@/components/information-requests/thread-view";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { countryOptions } from "@/lib/applications/countries";
import { applicantPageTitle } from "@/lib/applications/page-title";
import {
  documentsOf,
  findApplication,
  loadApplicationForm,
  previousPartners,
  publishedDecisionOf,
} from "@/lib/applications/queries";
import { applicantVisibleStatus, countdownLabel, STEPS, type Step } from "@/lib/applications/rules";
import { startWindow } from "@/lib/applications/schedule";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import {
  canAnswerInformationRequest,
  canEditApplication,
  canReadDecision,
  canViewOwnApplication,
  canWithdrawApplication,
} from "@/lib/authz/policy";
import { callName } from "@/lib/calls/labels";
import { countryName } from "@/lib/countries";
import { acceptedTypesLabel } from "@/lib/files/magic";
import { formatDate, formatDateTime, formatMoneyCents, formatTime } from "@/lib/format";
import { UUID } from "@/lib/ids";
import { threadsOf } from "@/lib/information-requests/queries";
import { ANSWER_ACCEPTED_TYPES } from "@/lib/information-requests/rules";
import { applicationStepTitle } from "@/lib/page-titles";
import { resultsArePublic } from "@/lib/public/published";

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ etape?: string }>;
}): Promise<Metadata> {
  const [{ id }, { etape }] = await Promise.all([params, searchParams]);
  const index = Math.max(
    0,
    STEPS.findIndex((s) => s.key === etape),
  );
  const title = await applicantPageTitle(
    id,
    (a) =>
      a.status === "draft"
        ? applicationStepTitle(a.title, index, STEPS[index]?.label ?? "Projet")
        : `${a.title} — Dossier de candidature`,
    "Dossier de candidature",
  );
  return { title };
}

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ etape?: string }>;
}) {
  const { id } = await params;
  const user = await requireUser(`/espace/dossiers/${id}`);
  if (!UUID.test(id)) notFound();
  const db = getDb();
  const loaded = await findApplication(db, id);
  if (!loaded) notFound();
  allowOrForbid(canViewOwnApplication(user, loaded.application));
  const { application, call } = loaded;
  const now = new Date();
  const [form, slots, threads, decision] = await Promise.all([
    loadApplicationForm(db, application),
    documentsOf(db, call.id, application.id),
    threadsOf(db, application.id),
    publishedDecisionOf(db, loaded, now),
  ]);
  const published = resultsArePublic(call.resultsPublishedAt, now);
  const status = applicantVisibleStatus(application.status, published);
  const editable = canEditApplication(user, application);
  const { etape } = await searchParams;
  const step = (STEPS.find((s) => s.key === etape)?.key ?? "projet") as Step;
  const documents = slots.map((s) => ({
    id: s.id,
    label: s.label,
    mandatory: s.mandatory,
    acceptedLabel: acceptedTypesLabel(s.acceptedTypes),
    accept: s.acceptedTypes.join(","),
    file: s.file ? { id: s.file.id, originalName: s.file.originalName, sizeBytes: s.file.sizeBytes } : null,
  }));

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/espace", label: "Mon espace" },
          { href: "/espace/dossiers", label: "Mes dossiers" },
          { label: application.title },
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">{application.title}</h1>
        <ApplicationStatusBadge status={status} />
      </div>
      <p className="mt-2 text-grey-800">
        {loaded.leadLabel} · {callName(call.title)} · clôture le {formatDateTime(call.closesAt)} (heure de
        Paris)
        {application.status === "draft" ? ` — ${countdownLabel(now, call.closesAt)}` : ""}
      </p>
      {application.receiptNumber && application.submittedAt ? (
        <p className="mt-2">
          Déposé le {formatDateTime(application.submittedAt)} sous le n°{" "}
          <strong>{application.receiptNumber}</strong> —{" "}
          <Link href={`/espace/dossiers/${application.id}/recepisse`}>voir l’accusé de réception</Link>
        </p>
      ) : null}

      {decision ? (
        <section aria-labelledby="decision-title" className="fr-callout mt-6">
          <h2 id="decision-title" className="text-xl font-bold">
            Décision
          </h2>
          <p className="mt-2">Décision du {formatDate(decision.decidedAt)}.</p>
          {decision.outcome === "accepted" ? (
            <p className="mt-2">
              Votre projet est retenu. Montant accordé&nbsp;:{" "}
              <strong>{formatMoneyCents(decision.grantedAmountCents ?? 0)}</strong>.{" "}
              <Link href={`/espace/dossiers/${application.id}/convention`}>
                Convention, versements et rapports
              </Link>
            </p>
          ) : (
            <p className="mt-2">Votre projet n’a pas été retenu. Motif&nbsp;: {decision.rejectionReason}</p>
          )}
          {canReadDecision(user, application, published) ? (
            <p className="mt-3">
              <a href={`/espace/dossiers/${application.id}/lettre-de-decision`} download>
                Télécharger la lettre de décision (PDF)
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {threads.length ? (
        <section aria-labelledby="echanges" className="mt-8">
          <h2 id="echanges" className="text-2xl font-bold">
            Échanges avec la DCTCIV
          </h2>
          <div className="mt-4 flex flex-col gap-4">
            {threads.map((thread, index) => (
              <ThreadView key={thread.id} thread={thread} index={index} side="applicant" canDownload>
                {canAnswerInformationRequest(user, application, { closed: thread.closedAt !== null }) ? (
                  <AnswerForm threadId={thread.id} accept={ANSWER_ACCEPTED_TYPES.join(",")} />
                ) : null}
              </ThreadView>
            ))}
          </div>
        </section>
      ) : null}

      <div className="mt-8">
        {editable ? (
          <ApplicationForm
            applicationId={application.id}
            version={application.version}
            initialValues={form}
            savedAtLabel={formatTime(application.updatedAt)}
            initialStep={step}
            lead={{ id: application.leadOrganisationId, name: loaded.leadLabel }}
            callThemes={call.themes}
            limits={{ maxGrantCents: call.maxGrantCents, maxSharePercent: call.maxSharePercent }}
            countries={countryOptions(call.eligibleCountries)}
            previousPartners={(
              await previousPartners(db, application.leadOrganisationId, application.id)
            ).map((p) => ({
              ...p,
              countryName: countryName(p.countryCode),
            }))}
            documents={documents}
            startWindow={{
              ...startWindow(call),
              opensAt: call.opensAt.toISOString(),
              closesAt: call.closesAt.toISOString(),
            }}
          />
        ) : (
          <ApplicationSummary
            form={form}
            leadName={loaded.leadLabel}
            documents={documents}
            applicationId={application.id}
          />
        )}
      </div>

      {canWithdrawApplication(user, application) ? (
        <div className="mt-10">
          <WithdrawApplicationForm applicationId={application.id} />
        </div>
      ) : null}
      {application.status === "withdrawn" && application.withdrawalReason ? (
        <p className="mt-6">
          Dossier retiré{application.withdrawnAt ? ` le ${formatDateTime(application.withdrawnAt)}` : ""}.
          Motif&nbsp;: {application.withdrawalReason}
        </p>
      ) : null}
    </PageContainer>
  );
}
