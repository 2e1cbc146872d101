import Link from "next/link";
import { formatCountOf, formatMoneyCents, frenchSpacing } from "@/lib/format";
import { organisationDisplayName } from "@/lib/public/labels";
import type { LaureateDetail, OrganisationRef } from "@/lib/public/laureates";
import type { OrganisationProject } from "@/lib/public/organisation-projects";

/** The other laureate projects of each French organisation, by organisation id. */
export type OtherProjects = Map<OrganisationRef["id"], OrganisationProject[]>;

const otherProjectsAnchor = (org: OrganisationRef) => `autres-projets-${org.id}`;

/** « 2 autres projets lauréats », linked to the list further down the page; nothing when there is none. */
function OtherProjectsLink({ org, projects }: { org: OrganisationRef; projects?: OrganisationProject[] }) {
  if (!projects || projects.length === 0) return null;
  return (
    <>
      {" "}
      ·{" "}
      <a href={`#${otherProjectsAnchor(org)}`} className="text-sm">
        {formatCountOf(projects.length, "autre projet lauréat", "autres projets lauréats")}
        <span className="sr-only"> de {organisationDisplayName(org)}</span>
      </a>
    </>
  );
}

/** The lead and the co-applicants, each linked to its other laureate projects. */
export function FrenchOrganisations({
  laureate,
  otherProjects,
}: {
  laureate: LaureateDetail;
  otherProjects: OtherProjects;
}) {
  return (
    <section aria-labelledby="porteurs" className="mt-10">
      <h2 id="porteurs" className="text-2xl">
        Collectivités françaises
      </h2>
      <dl className="mt-3 space-y-3">
        <div>
          <dt className="font-semibold">Chef de file</dt>
          <dd>
            {organisationDisplayName(laureate.lead, { withKind: true })}
            <OtherProjectsLink org={laureate.lead} projects={otherProjects.get(laureate.lead.id)} />
            {laureate.onBehalfOf && (
              <span className="block">Pour le compte de&nbsp;: {laureate.onBehalfOf}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Co-demandeurs</dt>
          <dd>
            {laureate.coApplicants.length === 0 ? (
              "Aucun"
            ) : (
              <ul className="list-disc pl-6">
                {laureate.coApplicants.map((org) => (
                  <li key={org.id}>
                    {organisationDisplayName(org, { withKind: true })}
                    <OtherProjectsLink org={org} projects={otherProjects.get(org.id)} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The other laureate projects of the French organisations, one list per organisation that has some. */
export function OtherProjectsSection({
  organisations,
  otherProjects,
}: {
  /** All the project's French organisations (the heading's number depends on them). */
  organisations: OrganisationRef[];
  otherProjects: OtherProjects;
}) {
  const withOthers = organisations.filter((org) => (otherProjects.get(org.id)?.length ?? 0) > 0);
  if (withOthers.length === 0) return null;
  return (
    <section aria-labelledby="autres-projets" className="mt-10">
      <h2 id="autres-projets" className="text-2xl">
        Autres projets lauréats {organisations.length > 1 ? "de ces collectivités" : "de cette collectivité"}
      </h2>
      {withOthers.map((org) => (
        <section key={org.id} aria-labelledby={otherProjectsAnchor(org)} className="mt-6 scroll-mt-4">
          <h3 id={otherProjectsAnchor(org)} className="text-xl">
            {organisationDisplayName(org)}
          </h3>
          <ul className="mt-3 space-y-3">
            {(otherProjects.get(org.id) ?? []).map((project) => (
              <li key={project.id}>
                <span className="font-semibold">{project.year}</span> —{" "}
                <Link href={`/laureats/${project.id}`} prefetch={false}>
                  {frenchSpacing(project.title)}
                </Link>
                <span className="block text-sm text-grey-600">
                  {project.role === "lead" ? "Chef de file" : "Co-demandeur"} ·{" "}
                  {formatMoneyCents(project.grantedAmountCents)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
