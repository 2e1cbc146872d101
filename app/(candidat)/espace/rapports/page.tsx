import type { Metadata } from "next";
import Link from "next/link";
import { frenchDay, reportState } from "@/components/grants/schedule";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { applicantOrganisationIds, canAccessApplicantSpace } from "@/lib/authz/policy";
import { reportLabel } from "@/lib/grants/labels";
import { GRANT_STATUS_LABELS } from "@/lib/grants/lifecycle";
import { loadGrant } from "@/lib/grants/queries";
import { laureatesLedBy } from "@/lib/networks/queries";

export const metadata: Metadata = { title: "Conventions et rapports" };

/**
 * The applicant's laureate projects (led by one of their organisations): each
 * one's agreement and the report its schedule waits for, linking to the
 * project's grant page where they are signed and written.
 */
export default async function ProgressReportsPage() {
  const user = await requireUser("/espace/rapports");
  allowOrForbid(canAccessApplicantSpace(user));
  const db = getDb();
  const projects = await laureatesLedBy(db, applicantOrganisationIds(user));
  const files = await Promise.all(projects.map((p) => loadGrant(db, p.id)));
  return (
    <PageContainer>
      <Breadcrumb items={[{ href: "/espace", label: "Mon espace" }, { label: "Conventions et rapports" }]} />
      <h1 className="text-3xl">Conventions et rapports</h1>
      <p className="mt-2 max-w-3xl text-grey-800">
        Chaque projet lauréat a sa convention, son échéancier de versements et ses rapports&nbsp;: chaque
        versement suit la validation du rapport qui le précède. Le réseau régional de votre région lit aussi
        vos rapports.
      </p>
      {projects.length === 0 && (
        <p className="mt-6">Aucun projet lauréat n’est porté par votre collectivité.</p>
      )}
      <ul className="mt-6 space-y-6">
        {projects.map((project, index) => {
          const file = files[index];
          const current = file?.current;
          return (
            <li key={project.id} className="border-t border-grey-200 pt-4">
              <h2 className="text-xl">
                <Link href={`/espace/dossiers/${project.id}/convention`}>{project.title}</Link>
              </h2>
              <p className="text-grey-600">
                Lauréat {project.year} · {project.leadName}
              </p>
              {!file ? (
                <p className="mt-2">La délégation n’a pas encore envoyé la convention.</p>
              ) : (
                <p className="mt-2 flex flex-wrap items-center gap-2">
                  <Badge>{GRANT_STATUS_LABELS[file.grant.status]}</Badge>
                  {current ? (
                    <>
                      <span>
                        {reportLabel(current.kind, current.position)} à rendre le {frenchDay(current.dueOn)}
                      </span>
                      <Badge tone={reportState(current).tone}>{reportState(current).label}</Badge>
                    </>
                  ) : null}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </PageContainer>
  );
}
