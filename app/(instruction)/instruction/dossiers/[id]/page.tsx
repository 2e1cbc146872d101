import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BudgetSection } from "@/components/instruction/dossier/budget";
import { DecisionSection } from "@/components/instruction/dossier/decision";
import { DocumentsSection } from "@/components/instruction/dossier/documents";
import { ExchangesSection } from "@/components/instruction/dossier/exchanges";
import { HistorySection } from "@/components/instruction/dossier/history";
import { OwnReviewSection } from "@/components/instruction/dossier/own-review";
import { ParticipantsSection, ProjectSection } from "@/components/instruction/dossier/project";
import { ReviewsSection } from "@/components/instruction/dossier/reviews";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import {
  canAccessReviewSpace,
  canDownloadApplicationDocument,
  canReopenReview,
  canSeeReviewScores,
  canViewApplicationForReview,
} from "@/lib/authz/policy";
import { maxGrantable } from "@/lib/decisions/rules";
import { formatDateTime, formatMoneyCents } from "@/lib/format";
import { threadsOf } from "@/lib/information-requests/queries";
import { answerDocuments } from "@/lib/information-requests/rules";
import { staffRecordTitle } from "@/lib/page-titles";
import {
  loadApplicationCore,
  loadApplicationDetails,
  loadAssignment,
  loadCriteria,
  loadEnvelope,
  loadOwnReview,
  loadReopenedReviews,
  loadReviewComparison,
} from "@/lib/review/application";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/review/labels";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Dossier en instruction", async (user) => {
      if (!canAccessReviewSpace(user)) return "forbidden";
      if (!/^[0-9a-f-]{36}$/i.test(id)) return "not-found";
      const core = await loadApplicationCore(id);
      if (!core) return "not-found";
      // As on the page: an unassigned reviewer is not told the application exists.
      if (!canViewApplicationForReview(user, await loadAssignment(user.id, core.id))) return "not-found";
      return staffRecordTitle(core.title, "Dossier en instruction");
    }),
  };
}

/**
 * An application as staff read it: the page loads it once, asks the policy,
 * and composes its sections (components/instruction/dossier), each shown
 * only to whoever the policy lets see it.
 */
export default async function ReviewApplicationPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/instruction/dossiers/${id}`);
  allowOrForbid(canAccessReviewSpace(user));
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const core = await loadApplicationCore(id);
  if (!core) notFound();
  const assignment = await loadAssignment(user.id, core.id);
  // A reviewer who is not assigned may not even know the application exists.
  if (!canViewApplicationForReview(user, assignment)) notFound();

  const [grid, details, own, reopened] = await Promise.all([
    loadCriteria(core.callId),
    loadApplicationDetails(core.id),
    assignment ? loadOwnReview(core.id, user.id) : Promise.resolve(null),
    loadReopenedReviews(core.id),
  ]);
  const ownReopened = reopened.find((r) => r.reviewerId === user.id);
  const reopenable = canReopenReview(user, core.status);
  const seeScores = canSeeReviewScores(user, assignment);
  const downloadDocuments = canDownloadApplicationDocument(user, core, assignment);
  const comparison = seeScores ? await loadReviewComparison(core, grid) : null;
  const envelope = user.isAdmin ? await loadEnvelope(core.callId) : null;
  const maxCents = maxGrantable({
    requestedCents: core.requestedCents,
    callMaxGrantCents: core.callMaxGrantCents,
    maxSharePercent: core.maxSharePercent,
    totalBudgetCents: core.totalBudgetCents,
  });
  const threads = await threadsOf(getDb(), core.id);
  // The documents sent in answers are the application's documents too: listed with the others.
  const documents = [
    ...details.documents.map((d) => ({ ...d, source: null as string | null })),
    ...answerDocuments(threads),
  ];

  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/instruction", label: "Instruction" }, { label: core.title }]} />
      <p className="text-grey-600">
        {core.callYear} – {core.callTitle}
        {core.receiptNumber ? ` · dossier n° ${core.receiptNumber}` : ""}
      </p>
      <h1 className="mt-1 text-3xl font-bold">{core.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-3">
        <Badge tone={STATUS_TONES[core.status]}>{STATUS_LABELS[core.status] ?? core.status}</Badge>
        {core.submittedAt ? <span>Déposé le {formatDateTime(core.submittedAt)}</span> : null}
      </p>

      <dl className="mt-6 grid gap-x-8 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Chef de file</dt>
        <dd>
          {core.leadLabel}
          {core.onBehalfOf ? ` (pour ${core.onBehalfOf})` : ""}
        </dd>
        <dt className="font-bold">Montant demandé</dt>
        <dd data-testid="requested-amount">{formatMoneyCents(core.requestedCents)}</dd>
        <dt className="font-bold">Budget total (dépenses)</dt>
        <dd>{formatMoneyCents(core.totalBudgetCents)}</dd>
        <dt className="font-bold">Thématiques</dt>
        <dd>{core.themes.join(", ") || "—"}</dd>
        <dt className="font-bold">Durée</dt>
        <dd>{core.durationMonths ? `${core.durationMonths} mois` : "—"}</dd>
      </dl>

      <ProjectSection core={core} />
      <ParticipantsSection core={core} details={details} />
      <BudgetSection budget={details.budget} />
      <DocumentsSection documents={documents} downloadDocuments={downloadDocuments} />
      <ExchangesSection
        user={user}
        assignment={assignment}
        core={core}
        threads={threads}
        downloadDocuments={downloadDocuments}
      />
      {assignment ? (
        <OwnReviewSection
          user={user}
          assignment={assignment}
          core={core}
          grid={grid}
          own={own}
          ownReopened={ownReopened}
        />
      ) : null}
      {comparison ? (
        <ReviewsSection
          core={core}
          grid={grid}
          comparison={comparison}
          reopened={reopened}
          reopenable={reopenable}
        />
      ) : null}
      {user.isAdmin && envelope ? (
        <DecisionSection user={user} core={core} details={details} envelope={envelope} maxCents={maxCents} />
      ) : null}
      <HistorySection user={user} core={core} history={details.history} />
    </PageContainer>
  );
}
