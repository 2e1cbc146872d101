import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BulkAssignmentApply } from "@/components/calls/bulk-assignment-apply";
import { ManualAssignmentForm } from "@/components/calls/manual-assignment-form";
import { ActionButton } from "@/components/form/action-button";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { TableScroll } from "@/components/ui/table-scroll";
import { getDb } from "@/db/client";
import { unassignReviewer } from "@/lib/assignment/actions";
import { assignmentInput, loadAssignmentBoard } from "@/lib/assignment/queries";
import { planAssignments, planFingerprint } from "@/lib/assignment/round-robin";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canAssignReviewers } from "@/lib/authz/policy";
import { getCall } from "@/lib/calls/queries";
import { formatCount } from "@/lib/format";
import { staffRecordTitle } from "@/lib/page-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Affectation des instructeurs — Administration", async (user) => {
      if (!canAssignReviewers(user)) return "forbidden";
      const call = await getCall(getDb(), id);
      return call
        ? staffRecordTitle(call.title, "Affectation des instructeurs", "Administration")
        : "not-found";
    }),
  };
}

export default async function AssignmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ apercu?: string; regle?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requireUser(`/admin/appels/${id}/affectations`);
  allowOrForbid(canAssignReviewers(user));
  const db = getDb();
  const call = await getCall(db, id);
  if (!call) notFound();
  const board = await loadAssignmentBoard(db, id);
  const preview = query.apercu === "1";
  // The rule is on unless the admin unticked it in the preview form.
  const rule = preview ? query.regle === "on" : true;
  const plan = preview ? planAssignments(assignmentInput(board, call.reviewersPerApplication, rule)) : null;
  const reviewerName = new Map(board.reviewers.map((r) => [r.id, r.name]));
  const appById = new Map(board.applications.map((a) => [a.id, a]));
  const appLabel = (a: { receiptNumber: string | null; title: string }) =>
    a.receiptNumber ? `${a.receiptNumber} — ${a.title}` : a.title;

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/appels", label: "Appels à projets" },
          { href: `/admin/appels/${id}`, label: call.title },
          { label: "Affectations" },
        ]}
      />
      <h1 className="text-3xl font-bold">Affectation des instructeurs</h1>
      <p className="mt-2 text-grey-800">
        {call.title}&nbsp;: {formatCount(call.reviewersPerApplication)} instructeur
        {call.reviewersPerApplication > 1 ? "s" : ""} par dossier, {formatCount(board.applications.length)}{" "}
        dossier
        {board.applications.length > 1 ? "s" : ""} en instruction, {formatCount(board.reviewers.length)}{" "}
        instructeur
        {board.reviewers.length > 1 ? "s" : ""}.
      </p>

      <section aria-labelledby="bulk-title" className="mt-8">
        <h2 id="bulk-title" className="text-2xl font-bold">
          Affectation automatique
        </h2>
        <p className="mt-2 max-w-3xl text-grey-800">
          Chaque dossier reçoit le nombre d’instructeurs prévu, en répartissant la charge au plus juste. Un
          instructeur qui a déclaré un conflit d’intérêts sur un dossier n’y est jamais proposé. Relancée,
          l’affectation ne fait que compléter ce qui manque.
        </p>
        <form method="get" className="mt-4 flex flex-col gap-3">
          <input type="hidden" name="apercu" value="1" />
          <div className="flex items-center gap-2">
            <input id="rule" type="checkbox" name="regle" value="on" defaultChecked={rule} />
            <label htmlFor="rule">Écarter les instructeurs rattachés au département du porteur</label>
          </div>
          <div>
            <button type="submit" className={secondaryButtonClass}>
              Prévisualiser l’affectation
            </button>
          </div>
        </form>

        {plan ? (
          <div className="mt-6">
            <h3 className="text-xl font-bold">Aperçu</h3>
            {plan.proposals.length === 0 ? (
              <p className="mt-2" role="status">
                Aucune affectation à ajouter&nbsp;: chaque dossier a déjà ses instructeurs, ou aucun
                instructeur n’est disponible.
              </p>
            ) : (
              <TableScroll className="mt-2" label="Affectations proposées">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">Affectations proposées</caption>
                  <thead>
                    <tr className="border-b-2 border-grey-800">
                      <th scope="col" className="py-2 pr-4">
                        Dossier
                      </th>
                      <th scope="col" className="py-2">
                        Instructeur proposé
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.proposals.map((p) => {
                      const a = appById.get(p.applicationId);
                      return (
                        <tr key={`${p.applicationId}-${p.reviewerId}`} className="border-b border-grey-200">
                          <td className="py-2 pr-4">{a ? appLabel(a) : p.applicationId}</td>
                          <td className="py-2">{reviewerName.get(p.reviewerId)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            )}
            {plan.shortfalls.length > 0 ? (
              <div className="mt-4 border-l-4 border-warning bg-warning-50 p-3">
                <p className="font-medium">Instructeurs manquants faute de candidats possibles&nbsp;:</p>
                <ul className="list-disc pl-6">
                  {plan.shortfalls.map((s) => {
                    const a = appById.get(s.applicationId);
                    return (
                      <li key={s.applicationId}>
                        {a ? appLabel(a) : s.applicationId}&nbsp;: {s.missing} manquant
                        {s.missing > 1 ? "s" : ""}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null}
            <TableScroll className="mt-4" label="Charge par instructeur après affectation">
              <table className="w-full max-w-md border-collapse text-left text-sm">
                <caption className="mb-1 text-left font-bold">
                  Charge par instructeur après affectation
                </caption>
                <thead>
                  <tr className="border-b-2 border-grey-800">
                    <th scope="col" className="py-2 pr-4">
                      Instructeur
                    </th>
                    <th scope="col" className="py-2 text-right">
                      Dossiers
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {board.reviewers.map((r) => (
                    <tr key={r.id} className="border-b border-grey-200">
                      <th scope="row" className="py-2 pr-4 font-normal">
                        {r.name}
                      </th>
                      <td className="py-2 text-right">{formatCount(plan.loads[r.id] ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <BulkAssignmentApply
              callId={id}
              sameDepartementRule={rule}
              fingerprint={planFingerprint(plan)}
              count={plan.proposals.length}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="apps-title" className="mt-10">
        <h2 id="apps-title" className="text-2xl font-bold">
          Dossiers en instruction
        </h2>
        {board.applications.length === 0 ? (
          <p className="mt-2">Aucun dossier en instruction sur cet appel.</p>
        ) : (
          <TableScroll className="mt-4" label="Dossiers en instruction et leurs instructeurs">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Dossiers en instruction et leurs instructeurs</caption>
              <thead>
                <tr className="border-b-2 border-grey-800">
                  <th scope="col" className="py-2 pr-4">
                    Dossier
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Instructeurs
                  </th>
                  <th scope="col" className="py-2">
                    Ajouter
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.applications.map((a) => {
                  const taken = new Set(a.assignments.map((x) => x.reviewerId));
                  return (
                    <tr key={a.id} className="border-b border-grey-200 align-top">
                      <td className="py-2 pr-4">
                        {appLabel(a)}
                        <br />
                        <span className="text-grey-600">
                          Porteur&nbsp;: {a.leadName}
                          {a.leadDepartementCode ? ` (${a.leadDepartementCode})` : ""}
                        </span>
                      </td>
                      <td className="py-2 pr-4">
                        {a.assignments.length === 0 ? (
                          <span className="text-grey-600">Aucun</span>
                        ) : (
                          <ul className="flex flex-col gap-2">
                            {a.assignments.map((x) => (
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
                                    accessibleLabel={`Retirer ${x.reviewerName} du dossier ${appLabel(a)}`}
                                    className={`${secondaryButtonClass} px-2 py-1 text-sm`}
                                  />
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="py-2">
                        <ManualAssignmentForm
                          applicationId={a.id}
                          label={appLabel(a)}
                          options={board.reviewers
                            .filter((r) => !taken.has(r.id))
                            .map((r) => ({
                              id: r.id,
                              label:
                                r.departementCode && r.departementCode === a.leadDepartementCode
                                  ? `${r.name} (même département que le porteur)`
                                  : r.name,
                            }))}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <p className="mt-8">
        <a href={`/admin/appels/${id}`} className={primaryButtonClass}>
          Retour au tableau de bord
        </a>
      </p>
    </PageContainer>
  );
}
