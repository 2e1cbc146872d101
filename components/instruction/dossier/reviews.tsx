import { ReopenReviewForm } from "@/components/review/forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { ApplicationCore } from "@/lib/applications/read-model";
import { formatDateTime } from "@/lib/format";
import { reopenReview } from "@/lib/review/actions";
import type { GridCriterion, loadReopenedReviews, loadReviewComparison } from "@/lib/review/application";
import { formatRank, formatScore, formatZScore, RECOMMENDATION_LABELS } from "@/lib/review/labels";
import { DossierSection } from "./section";

/** The submitted evaluations side by side, their aggregate and rank, for those who may see scores. */
export function ReviewsSection({
  core,
  grid,
  comparison,
  reopened,
  reopenable,
}: {
  core: ApplicationCore;
  grid: GridCriterion[];
  comparison: NonNullable<Awaited<ReturnType<typeof loadReviewComparison>>>;
  reopened: Awaited<ReturnType<typeof loadReopenedReviews>>;
  reopenable: boolean;
}) {
  return (
    <DossierSection id="evaluations" title="Évaluations soumises">
      {reopened.length ? (
        <Alert tone="warning" blocks announce={false} className="mt-2" testId="reopened-reviews">
          {reopened.map((r) => (
            <p key={r.reviewId}>
              Évaluation rouverte&nbsp;: celle de {r.reviewerName ?? "l’instructeur"}, le{" "}
              {formatDateTime(r.reopenedAt)}
              {r.reopenedBy ? ` par ${r.reopenedBy}` : ""} (motif{"\u00a0"}: {r.reason})&nbsp;; en attente de
              sa nouvelle soumission.
            </p>
          ))}
        </Alert>
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
            (écart à la moyenne de chaque instructeur sur l’appel, en écarts types&nbsp;; affiché à titre de
            comparaison, jamais substitué à la note)
          </span>
        </dd>
      </dl>
      <DataTable
        caption="Notes par instructeur et par critère"
        width="max-w-none"
        rowHeaderWeight="font-semibold"
        columns={[
          { label: "Instructeur" },
          ...grid.map((c) => ({ label: `${c.label} /${c.maxScore}`, numeric: true })),
          { label: "Note pondérée /100", numeric: true },
          { label: "Score z", numeric: true },
          { label: "Recommandation" },
        ]}
        rows={comparison.reviews.map((r) => ({
          key: r.id,
          header: r.reviewerName,
          cells: [
            ...grid.map((c) => r.scores.find((x) => x.criterionId === c.id)?.score ?? "—"),
            formatScore(r.weighted),
            formatZScore(r.zScore),
            r.recommendation ? RECOMMENDATION_LABELS[r.recommendation] : "—",
          ],
        }))}
      />
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
    </DossierSection>
  );
}
