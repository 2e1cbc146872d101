import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CloseThreadForm, InformationRequestForm } from "@/components/information-requests/staff-forms";
import { ThreadView } from "@/components/information-requests/thread-view";
import { EnvelopeMeter } from "@/components/review/envelope-meter";
import { ConflictForm, DecisionForm, ReopenReviewForm, ReviewForm } from "@/components/review/forms";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { TableScroll } from "@/components/ui/table-scroll";
import { getDb } from "@/db/client";
import { auditLabel } from "@/lib/audit-events";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import {
  canAccessReviewSpace,
  canCloseInformationRequest,
  canDecide,
  canDeclareConflict,
  canDownloadApplicationDocument,
  canFollowUpInformationRequest,
  canReadAuditLog,
  canReopenReview,
  canRequestInformation,
  canReviseDecision,
  canScoreApplication,
  canSeeReviewScores,
  canViewApplicationForReview,
} from "@/lib/authz/policy";
import { countryName } from "@/lib/countries";
import { decideApplication } from "@/lib/decisions/actions";
import { maxGrantable } from "@/lib/decisions/rules";
import { formatDateTime, formatFileSize, formatMoneyCents } from "@/lib/format";
import { closeInformationRequest, requestInformation } from "@/lib/information-requests/actions";
import { threadsOf } from "@/lib/information-requests/queries";
import { answerDocuments } from "@/lib/information-requests/rules";
import { staffRecordTitle } from "@/lib/page-titles";
import { declareConflict, reopenReview, saveReview } from "@/lib/review/actions";
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
import { historyDetail } from "@/lib/review/history";
import {
  formatRank,
  formatScore,
  formatZScore,
  RECOMMENDATION_LABELS,
  STATUS_LABELS,
  STATUS_TONES,
} from "@/lib/review/labels";

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

const ROLE_LABELS: Record<string, string> = {
  co_applicant: "Co-demandeur",
  foreign_partner: "Partenaire étranger",
  operator: "Opérateur",
};

/** Cents as the amount field expects them: « 5000 », « 50000,50 ». */
function eurosInput(cents: number) {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(".", ",");
}

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
  const expenses = details.budget.filter((b) => b.kind === "expense");
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

      <section aria-labelledby="projet" className="mt-8">
        <h2 id="projet" className="text-2xl font-bold">
          Le projet
        </h2>
        {[
          ["Résumé", core.summary],
          ["Objectifs", core.objectives],
          ["Résultats attendus", core.expectedResults],
          ["Bénéficiaires", core.beneficiaries],
        ].map(([label, text]) => (
          <div key={label} className="mt-4">
            <h3 className="text-lg font-bold">{label}</h3>
            <p className="mt-1 whitespace-pre-line">{text || "Non renseigné."}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="participants" className="mt-8">
        <h2 id="participants" className="text-2xl font-bold">
          Participants
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>Chef de file&nbsp;: {core.leadLabel}</li>
          {details.participants.map((p) => (
            <li key={`${p.role}-${p.name}`}>
              {ROLE_LABELS[p.role] ?? p.role}&nbsp;: {p.name}
              {p.countryCode ? ` (${countryName(p.countryCode)})` : ""}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="budget" className="mt-8">
        <h2 id="budget" className="text-2xl font-bold">
          Budget
        </h2>
        {details.budget.length === 0 ? (
          <p className="mt-2">Aucune ligne de budget.</p>
        ) : (
          <TableScroll className="mt-2" label="Lignes du budget">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Lignes du budget</caption>
              <thead>
                <tr className="border-b-2 border-grey-800">
                  <th scope="col" className="p-2">
                    Ligne
                  </th>
                  <th scope="col" className="p-2">
                    Nature
                  </th>
                  <th scope="col" className="p-2 text-right">
                    Montant
                  </th>
                </tr>
              </thead>
              <tbody>
                {details.budget.map((b, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: budget lines have no natural key here.
                  <tr key={i} className="border-b border-grey-200">
                    <td className="p-2">
                      {b.label}
                      {b.funderName ? ` (${b.funderName})` : ""}
                    </td>
                    <td className="p-2">
                      {b.kind === "expense"
                        ? "Dépense"
                        : b.kind === "own_contribution"
                          ? "Apport propre"
                          : "Cofinancement"}
                    </td>
                    <td className="p-2 text-right">{formatMoneyCents(b.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p className="mt-2 text-sm text-grey-700">
          {expenses.length} ligne{expenses.length > 1 ? "s" : ""} de dépenses.
        </p>
      </section>

      <section aria-labelledby="documents" className="mt-8">
        <h2 id="documents" className="text-2xl font-bold">
          Pièces jointes
        </h2>
        {documents.length === 0 ? (
          <p className="mt-2">Aucune pièce jointe.</p>
        ) : (
          <>
            <ul className="mt-2 list-disc pl-6">
              {documents.map((d) => (
                <li key={d.id}>
                  {downloadDocuments ? (
                    <a href={`/api/files/${d.id}`} download className="underline">
                      {d.name} <span className="sr-only">(télécharger)</span>
                    </a>
                  ) : (
                    d.name
                  )}{" "}
                  <span className="text-sm text-grey-700">
                    ({formatFileSize(d.sizeBytes)}){d.source ? ` — ${d.source}` : ""}
                  </span>
                </li>
              ))}
            </ul>
            {downloadDocuments ? null : (
              <p className="mt-2 text-sm text-grey-700" data-testid="documents-withheld">
                Vous avez déclaré un conflit d’intérêts&nbsp;: les pièces de ce dossier ne vous sont pas
                accessibles.
              </p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="echanges" className="mt-8">
        <h2 id="echanges" className="text-2xl font-bold">
          Échanges avec le porteur
        </h2>
        {threads.length === 0 ? <p className="mt-2">Aucun échange.</p> : null}
        <div className="mt-2 flex flex-col gap-4">
          {threads.map((thread, index) => {
            const state = { closed: thread.closedAt !== null };
            const followUp = canFollowUpInformationRequest(user, assignment, core.status, state);
            const close = canCloseInformationRequest(user, assignment, core.status, state);
            return (
              <ThreadView
                key={thread.id}
                thread={thread}
                index={index}
                side="staff"
                canDownload={downloadDocuments}
              >
                {followUp ? (
                  <InformationRequestForm
                    action={requestInformation}
                    applicationId={core.id}
                    threadId={thread.id}
                  />
                ) : null}
                {close ? (
                  <CloseThreadForm
                    action={closeInformationRequest}
                    applicationId={core.id}
                    threadId={thread.id}
                  />
                ) : null}
              </ThreadView>
            );
          })}
        </div>
        {canRequestInformation(user, assignment, core.status) ? (
          <div className="mt-4">
            <InformationRequestForm action={requestInformation} applicationId={core.id} />
          </div>
        ) : null}
      </section>

      {assignment ? (
        <section aria-labelledby="mon-evaluation" className="mt-8">
          <h2 id="mon-evaluation" className="text-2xl font-bold">
            Mon évaluation
          </h2>
          {assignment.conflict ? (
            <p className="mt-2" data-testid="conflict-declared">
              Vous avez déclaré un conflit d’intérêts sur ce dossier&nbsp;: vous ne l’évaluez pas et ne voyez
              pas les notes des autres instructeurs.
            </p>
          ) : own?.status === "submitted" ? (
            <p className="mt-2">
              Vous avez soumis votre évaluation&nbsp;; elle ne peut plus changer, sauf si un administrateur la
              rouvre.
            </p>
          ) : canScoreApplication(user, assignment, core.status) ? (
            <div className="mt-4 flex flex-col gap-8">
              {ownReopened ? (
                <p className="border-l-4 border-warning pl-3" data-testid="own-review-reopened">
                  {ownReopened.reopenedBy ?? "Un administrateur"} a rouvert votre évaluation le{" "}
                  {formatDateTime(ownReopened.reopenedAt)}. Motif{"\u00a0"}: {ownReopened.reason}
                </p>
              ) : null}
              <p>
                Les notes des autres instructeurs vous seront visibles après la soumission de votre
                évaluation.
              </p>
              <ReviewForm
                action={saveReview}
                applicationId={core.id}
                grid={grid}
                initial={{
                  scores: Object.fromEntries(
                    (own?.scores ?? []).map((s) => [s.criterionId, { score: s.score, comment: s.comment }]),
                  ),
                  overallComment: own?.overallComment ?? "",
                  recommendation: own?.recommendation ?? null,
                }}
              />
              {canDeclareConflict(user, assignment, core.status) ? (
                <div className="border-t border-grey-200 pt-6">
                  <h3 className="text-lg font-bold">Conflit d’intérêts</h3>
                  <p className="mt-1 text-sm">
                    Si vous avez un lien avec le porteur ou un partenaire, déclarez-le avant d’évaluer.
                  </p>
                  <div className="mt-2">
                    <ConflictForm action={declareConflict} applicationId={core.id} />
                  </div>
                </div>
              ) : null}
            </div>
          ) : (
            <p className="mt-2">Ce dossier n’est plus en instruction.</p>
          )}
        </section>
      ) : null}

      {comparison ? (
        <section aria-labelledby="evaluations" className="mt-8">
          <h2 id="evaluations" className="text-2xl font-bold">
            Évaluations soumises
          </h2>
          {reopened.length ? (
            <div role="status" className="mt-2 border-l-4 border-warning pl-3" data-testid="reopened-reviews">
              {reopened.map((r) => (
                <p key={r.reviewId}>
                  Évaluation rouverte&nbsp;: celle de {r.reviewerName ?? "l’instructeur"}, le{" "}
                  {formatDateTime(r.reopenedAt)}
                  {r.reopenedBy ? ` par ${r.reopenedBy}` : ""} (motif{"\u00a0"}: {r.reason})&nbsp;; en attente
                  de sa nouvelle soumission.
                </p>
              ))}
            </div>
          ) : null}
          <dl className="mt-2 grid gap-x-8 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="aggregate">
            <dt className="font-bold">Évaluations</dt>
            <dd data-testid="aggregate-count">{comparison.summary.count}</dd>
            <dt className="font-bold">Note moyenne /100</dt>
            <dd data-testid="aggregate-mean">{formatScore(comparison.summary.mean)}</dd>
            <dt className="font-bold">Médiane, minimum, maximum</dt>
            <dd>
              {formatScore(comparison.summary.median)}&nbsp;; {formatScore(comparison.summary.min)}&nbsp;;{" "}
              {formatScore(comparison.summary.max)}
            </dd>
            <dt className="font-bold">Écart type</dt>
            <dd>
              {formatScore(comparison.summary.stdDev)}
              {comparison.summary.disagreement ? (
                <>
                  {" "}
                  <Badge tone="warning">Divergence entre instructeurs</Badge>
                </>
              ) : null}
            </dd>
            <dt className="font-bold">Rang dans l’appel</dt>
            <dd>
              {comparison.rank
                ? `${formatRank(comparison.rank)} sur ${comparison.rankedCount} dossiers notés`
                : "—"}
            </dd>
            <dt className="font-bold">Vue normalisée</dt>
            <dd>
              Score z moyen&nbsp;: {formatZScore(comparison.normalisedMean)}{" "}
              <span className="text-sm text-grey-700">
                (écart à la moyenne de chaque instructeur sur l’appel, en écarts types&nbsp;; affiché à titre
                de comparaison, jamais substitué à la note)
              </span>
            </dd>
          </dl>
          <TableScroll className="mt-4" label="Notes par instructeur et par critère">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Notes par instructeur et par critère</caption>
              <thead>
                <tr className="border-b-2 border-grey-800">
                  <th scope="col" className="p-2">
                    Instructeur
                  </th>
                  {grid.map((c) => (
                    <th key={c.id} scope="col" className="p-2">
                      {c.label} /{c.maxScore}
                    </th>
                  ))}
                  <th scope="col" className="p-2">
                    Note pondérée /100
                  </th>
                  <th scope="col" className="p-2">
                    Score z
                  </th>
                  <th scope="col" className="p-2">
                    Recommandation
                  </th>
                </tr>
              </thead>
              <tbody>
                {comparison.reviews.map((r) => (
                  <tr key={r.id} className="border-b border-grey-200 align-top">
                    <th scope="row" className="p-2 font-medium">
                      {r.reviewerName}
                    </th>
                    {grid.map((c) => {
                      const s = r.scores.find((x) => x.criterionId === c.id);
                      return (
                        <td key={c.id} className="p-2">
                          {s ? s.score : "—"}
                        </td>
                      );
                    })}
                    <td className="p-2">{formatScore(r.weighted)}</td>
                    <td className="p-2">{formatZScore(r.zScore)}</td>
                    <td className="p-2">
                      {r.recommendation ? RECOMMENDATION_LABELS[r.recommendation] : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {reopenable && comparison.reviews.length ? (
            <div className="mt-4 flex flex-col gap-4">
              {comparison.reviews.map((r) => (
                <details key={r.id} className="border border-grey-200 p-3">
                  <summary className="cursor-pointer font-medium">
                    Rouvrir l’évaluation de {r.reviewerName}
                  </summary>
                  <div className="mt-3">
                    <ReopenReviewForm
                      action={reopenReview}
                      applicationId={core.id}
                      reviewId={r.id}
                      reviewerName={r.reviewerName}
                    />
                  </div>
                </details>
              ))}
            </div>
          ) : null}
          {comparison.reviews.map((r) => {
            // Per-criterion comments in the page itself (a title attribute reaches neither keyboard,
            // touch nor screen readers).
            const commented = grid
              .map((c) => ({ c, comment: r.scores.find((x) => x.criterionId === c.id)?.comment?.trim() }))
              .filter((x) => x.comment);
            return commented.length > 0 ? (
              <div key={`${r.id}-criteria`} className="mt-3">
                <p className="text-sm text-grey-700">Commentaires par critère de {r.reviewerName}</p>
                <ul className="list-disc pl-5">
                  {commented.map(({ c, comment }) => (
                    <li key={c.id}>
                      <strong>{c.label}</strong>
                      {"\u00a0"}: {comment}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null;
          })}
          {comparison.reviews.map((r) =>
            r.overallComment ? (
              <blockquote key={r.id} className="mt-3 border-l-4 border-grey-300 pl-3">
                <p className="text-sm text-grey-700">Avis de {r.reviewerName}</p>
                <p className="whitespace-pre-line">{r.overallComment}</p>
              </blockquote>
            ) : null,
          )}
        </section>
      ) : null}

      {user.isAdmin && envelope ? (
        <section aria-labelledby="decision" className="mt-8">
          <h2 id="decision" className="text-2xl font-bold">
            Décision
          </h2>
          <div className="mt-3">
            <EnvelopeMeter {...envelope} callTitle={`${core.callYear} – ${core.callTitle}`} />
          </div>
          {details.decision ? (
            <p className="mt-4" data-testid="decision">
              {details.decision.outcome === "accepted"
                ? `Accepté pour ${formatMoneyCents(details.decision.grantedCents ?? 0)}`
                : `Refusé\u00a0: ${details.decision.rejectionReason ?? ""}`}{" "}
              — par {details.decision.decidedBy ?? "—"} le {formatDateTime(details.decision.decidedAt)}.
            </p>
          ) : null}
          {details.decision && canReviseDecision(user, core.status, core.resultsPublished) ? (
            <details className="mt-4 border border-grey-200 p-3">
              <summary className="cursor-pointer font-medium">Corriger la décision</summary>
              <div className="mt-3">
                <p className="mb-3 text-sm text-grey-700">
                  Possible tant que les résultats ne sont pas publiés. La décision précédente et le motif de
                  la correction restent dans l’historique.
                </p>
                <DecisionForm
                  action={decideApplication}
                  applicationId={core.id}
                  version={core.version}
                  maxGrantableLabel={formatMoneyCents(maxCents)}
                  revision={{
                    outcome: details.decision.outcome === "accepted" ? "accepted" : "rejected",
                    grantedAmount: details.decision.grantedCents
                      ? eurosInput(details.decision.grantedCents)
                      : "",
                    rejectionReason: details.decision.rejectionReason ?? "",
                  }}
                />
              </div>
            </details>
          ) : details.decision && core.resultsPublished ? (
            <p className="mt-2 text-sm text-grey-700">
              Les résultats de l’appel sont publiés&nbsp;: retirez la publication pour corriger cette
              décision.
            </p>
          ) : null}
          {details.decision ? null : canDecide(user, core.status) ? (
            <div className="mt-4">
              <p className="mb-3 text-sm text-grey-700">
                Règles&nbsp;: au plus le montant demandé ({formatMoneyCents(core.requestedCents)}), la
                subvention maximale de l’appel ({formatMoneyCents(core.callMaxGrantCents)}) et{" "}
                {core.maxSharePercent} % du budget total. La décision reste confidentielle jusqu’à la
                publication des résultats.
              </p>
              <DecisionForm
                action={decideApplication}
                applicationId={core.id}
                version={core.version}
                maxGrantableLabel={formatMoneyCents(maxCents)}
              />
            </div>
          ) : (
            <p className="mt-4">Ce dossier ne peut pas être décidé dans son état actuel.</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="historique" className="mt-8">
        <h2 id="historique" className="text-2xl font-bold">
          Historique
        </h2>
        <ol className="mt-2 flex flex-col gap-1">
          {details.history.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.occurredAt)} — {auditLabel(h.action)}
              {h.actorName ? ` (${h.actorName})` : ""}
              {historyDetail(h.action, h.data, formatMoneyCents)
                ? `\u00a0: ${historyDetail(h.action, h.data, formatMoneyCents)}`
                : ""}
            </li>
          ))}
        </ol>
        {canReadAuditLog(user) ? (
          <p className="mt-2">
            <Link href={`/admin/journal?dossier=${core.id}`}>
              Historique complet du dossier dans le journal
            </Link>
          </p>
        ) : null}
      </section>
    </PageContainer>
  );
}
