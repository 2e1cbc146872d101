import type { Metadata } from "next";
import { ProgressReportForm } from "@/components/followup/forms";
import { DateTime } from "@/components/public/date-time";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { applicantOrganisationIds, canAccessApplicantSpace } from "@/lib/authz/policy";
import { projectReports } from "@/lib/followup/queries";
import { laureatesLedBy } from "@/lib/networks/queries";

export const metadata: Metadata = { title: "Rapports d’avancement" };

/**
 * The applicant's laureate projects (led by one of their organisations) and
 * their progress reports: send an intermediate or final report; the network
 * of the région and the ministry read it.
 */
export default async function ProgressReportsPage() {
  const user = await requireUser("/espace/rapports");
  allowOrForbid(canAccessApplicantSpace(user));
  const db = getDb();
  const projects = await laureatesLedBy(db, applicantOrganisationIds(user));
  const reports = await Promise.all(projects.map((p) => projectReports(db, p.id)));
  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/espace", label: "Mon espace" }, { label: "Rapports d’avancement" }]} />
      <h1 className="text-3xl">Rapports d’avancement</h1>
      <p className="mt-2 max-w-3xl text-grey-800">
        Rendez compte de l’avancement de vos projets lauréats&nbsp;: le réseau régional de votre région et la
        délégation du ministère lisent vos rapports&nbsp;; le réseau peut en publier un extrait sur la page du
        projet.
      </p>
      {projects.length === 0 && (
        <p className="mt-6">Aucun projet lauréat n’est porté par votre collectivité.</p>
      )}
      {projects.map((project, index) => (
        <section
          key={project.id}
          aria-labelledby={`projet-${project.id}`}
          className="mt-10 border-t border-grey-200 pt-6"
        >
          <h2 id={`projet-${project.id}`} className="text-2xl">
            {project.title}
          </h2>
          <p className="text-grey-600">
            Lauréat {project.year} · {project.leadName}
          </p>
          {(reports[index] ?? []).length > 0 && (
            <ul className="mt-4 space-y-3">
              {(reports[index] ?? []).map((r) => (
                <li key={r.id} className="border border-grey-200 p-4">
                  <p className="font-semibold">
                    {r.kind === "final" ? "Rapport final" : "Rapport intermédiaire"} — envoyé le{" "}
                    <DateTime value={r.submittedAt} />
                  </p>
                  <p className="mt-2 whitespace-pre-line">{r.body}</p>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-6 max-w-3xl">
            <ProgressReportForm applicationId={project.id} />
          </div>
        </section>
      ))}
    </PageContainer>
  );
}
