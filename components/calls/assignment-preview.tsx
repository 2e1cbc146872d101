import { BulkAssignmentApply } from "@/components/calls/bulk-assignment-apply";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import type { AssignmentBoard } from "@/lib/assignment/queries";
import { type AssignmentPlan, planFingerprint } from "@/lib/assignment/round-robin";
import { formatCount } from "@/lib/format";
import { applicationLabel } from "./assignment-label";

/**
 * The balanced assignment's preview: what it would add, what it cannot fill
 * and each reviewer's load afterwards. Nothing is written until the admin
 * applies it, and the fingerprint refuses an apply if the board has changed.
 */
export function AssignmentPreview({
  callId,
  board,
  plan,
  sameDepartementRule,
}: {
  callId: string;
  board: AssignmentBoard;
  plan: AssignmentPlan;
  sameDepartementRule: boolean;
}) {
  const reviewerName = new Map(board.reviewers.map((r) => [r.id, r.name]));
  const appById = new Map(board.applications.map((a) => [a.id, a]));
  const labelOf = (applicationId: string) => {
    const application = appById.get(applicationId);
    return application ? applicationLabel(application) : applicationId;
  };
  return (
    <div className="mt-6">
      <h3 className="text-xl font-bold">Aperçu</h3>
      {plan.proposals.length === 0 ? (
        <Alert tone="info" className="mt-2">
          Aucune affectation à ajouter&nbsp;: chaque dossier a déjà ses instructeurs, ou aucun instructeur
          n’est disponible.
        </Alert>
      ) : (
        <DataTable
          className="mt-2"
          caption="Affectations proposées"
          captionHidden
          width="max-w-none"
          columns={[{ label: "Dossier" }, { label: "Instructeur proposé" }]}
          rows={plan.proposals.map((p) => ({
            key: `${p.applicationId}-${p.reviewerId}`,
            header: labelOf(p.applicationId),
            cells: [reviewerName.get(p.reviewerId)],
          }))}
        />
      )}
      {plan.shortfalls.length > 0 ? (
        <Alert
          tone="warning"
          announce={false}
          className="mt-4"
          title="Instructeurs manquants faute de candidats possibles :"
        >
          <ul className="list-disc pl-6">
            {plan.shortfalls.map((s) => (
              <li key={s.applicationId}>
                {labelOf(s.applicationId)}&nbsp;: {s.missing} manquant
                {s.missing > 1 ? "s" : ""}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <DataTable
        caption="Charge par instructeur après affectation"
        width="max-w-3xl"
        columns={[{ label: "Instructeur" }, { label: "Dossiers", numeric: true }]}
        rows={board.reviewers.map((r) => ({
          key: r.id,
          header: r.name,
          cells: [formatCount(plan.loads[r.id] ?? 0)],
        }))}
      />
      <BulkAssignmentApply
        callId={callId}
        sameDepartementRule={sameDepartementRule}
        fingerprint={planFingerprint(plan)}
        count={plan.proposals.length}
      />
    </div>
  );
}
