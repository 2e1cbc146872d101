import { ManualAssignmentForm } from "@/components/calls/manual-assignment-form";
import { ActionButton } from "@/components/form/action-button";
import { smallSecondaryButtonClass } from "@/components/form/field";
import { DataTable } from "@/components/ui/data-table";
import { unassignReviewer } from "@/lib/assignment/actions";
import type { AssignmentBoard as Board } from "@/lib/assignment/queries";
import { applicationLabel } from "./assignment-label";

type BoardApplication = Board["applications"][number];

/**
 * Each application under review with its reviewers: a reviewer who has not
 * started may be withdrawn, and one more may be added by hand (those already
 * on it are not offered; the same-département ones are marked, not hidden).
 */
export function AssignmentBoard({ board }: { board: Board }) {
  return (
    <DataTable
      caption="Dossiers en instruction et leurs instructeurs"
      captionHidden
      width="max-w-none"
      columns={[{ label: "Dossier" }, { label: "Instructeurs" }, { label: "Ajouter" }]}
      rows={board.applications.map((application) => ({
        key: application.id,
        header: (
          <>
            {applicationLabel(application)}
            <br />
            <span className="text-grey-600">
              Porteur&nbsp;: {application.leadName}
              {application.leadDepartementCode ? ` (${application.leadDepartementCode})` : ""}
            </span>
          </>
        ),
        cells: [
          <Reviewers key="reviewers" application={application} />,
          <ManualAssignmentForm
            key="add"
            applicationId={application.id}
            label={applicationLabel(application)}
            options={board.reviewers
              .filter((r) => !application.assignments.some((x) => x.reviewerId === r.id))
              .map((r) => ({
                id: r.id,
                label:
                  r.departementCode && r.departementCode === application.leadDepartementCode
                    ? `${r.name} (même département que le porteur)`
                    : r.name,
              }))}
          />,
        ],
      }))}
    />
  );
}

function Reviewers({ application }: { application: BoardApplication }) {
  if (application.assignments.length === 0) return <span className="text-grey-600">Aucun</span>;
  return (
    <ul className="flex flex-col gap-2">
      {application.assignments.map((x) => (
        <li key={x.id} className="flex flex-wrap items-center gap-2">
          <span>
            {x.reviewerName}
            {x.conflict
              ? ` — conflit d’intérêts déclaré${x.conflictReason ? `\u00a0: ${x.conflictReason}` : ""}`
              : ""}
            {x.reviewStatus === "submitted"
              ? " — évaluation soumise"
              : x.reviewStatus === "draft"
                ? " — évaluation en cours"
                : ""}
          </span>
          {x.reviewStatus === null ? (
            <ActionButton
              action={unassignReviewer}
              values={{ assignmentId: x.id }}
              label="Retirer"
              accessibleLabel={`Retirer ${x.reviewerName} du dossier ${applicationLabel(application)}`}
              className={smallSecondaryButtonClass}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
