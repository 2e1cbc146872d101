import { ConflictForm, ReviewForm } from "@/components/review/forms";
import { Alert } from "@/components/ui/alert";
import type { ApplicationCore } from "@/lib/applications/read-model";
import { canDeclareConflict, canScoreApplication, type ReviewAssignment } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { formatDateTime } from "@/lib/format";
import { declareConflict, saveReview } from "@/lib/review/actions";
import type { GridCriterion, loadOwnReview, loadReopenedReviews } from "@/lib/review/application";
import { DossierSection } from "./section";

/** The assigned reviewer's own evaluation: the grid to fill, or why it cannot be. */
export function OwnReviewSection({
  user,
  assignment,
  core,
  grid,
  own,
  ownReopened,
}: {
  user: Principal;
  assignment: NonNullable<ReviewAssignment>;
  core: ApplicationCore;
  grid: GridCriterion[];
  own: Awaited<ReturnType<typeof loadOwnReview>>;
  ownReopened: Awaited<ReturnType<typeof loadReopenedReviews>>[number] | undefined;
}) {
  return (
    <DossierSection id="mon-evaluation" title="Mon évaluation">
      {assignment.conflict ? (
        <p className="mt-2" data-testid="conflict-declared">
          Vous avez déclaré un conflit d’intérêts sur ce dossier&nbsp;: vous ne l’évaluez pas et ne voyez pas
          les notes des autres instructeurs.
        </p>
      ) : own?.status === "submitted" ? (
        <p className="mt-2">
          Vous avez soumis votre évaluation&nbsp;; elle ne peut plus changer, sauf si un administrateur la
          rouvre.
        </p>
      ) : canScoreApplication(user, assignment, core.status) ? (
        <div className="mt-4 flex flex-col gap-8">
          {ownReopened ? (
            <Alert tone="warning" announce={false} testId="own-review-reopened">
              {ownReopened.reopenedBy ?? "Un administrateur"} a rouvert votre évaluation le{" "}
              {formatDateTime(ownReopened.reopenedAt)}. Motif{"\u00a0"}: {ownReopened.reason}
            </Alert>
          ) : null}
          <p>
            Les notes des autres instructeurs vous seront visibles après la soumission de votre évaluation.
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
    </DossierSection>
  );
}
