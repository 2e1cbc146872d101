import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentBoard } from "@/components/calls/assignment-board";
import { AssignmentPreview } from "@/components/calls/assignment-preview";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { assignmentInput, loadAssignmentBoard } from "@/lib/assignment/queries";
import { planAssignments } from "@/lib/assignment/round-robin";
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

        {plan ? <AssignmentPreview callId={id} board={board} plan={plan} sameDepartementRule={rule} /> : null}
      </section>

      <section aria-labelledby="apps-title" className="mt-10">
        <h2 id="apps-title" className="text-2xl font-bold">
          Dossiers en instruction
        </h2>
        {board.applications.length === 0 ? (
          <p className="mt-2">Aucun dossier en instruction sur cet appel.</p>
        ) : (
          <AssignmentBoard board={board} />
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
