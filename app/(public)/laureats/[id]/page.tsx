import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProjectFollowup } from "@/components/followup/project-followup";
import { DateTime } from "@/components/public/date-time";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { TableScroll } from "@/components/ui/table-scroll";
import { countryName } from "@/lib/countries";
import { formatCountOf, formatMoneyCents, frenchSpacing } from "@/lib/format";
import {
  FOREIGN_PARTNER_KIND_LABELS,
  OPERATOR_KIND_LABELS,
  organisationDisplayName,
} from "@/lib/public/labels";
import { getLaureate, type OrganisationRef, partnershipHistory } from "@/lib/public/laureates";
import { type OrganisationProject, otherProjectsOfOrganisations } from "@/lib/public/organisation-projects";
import { z } from "@/lib/zod";

// Served from Next's cache (ISR), invalidated by invalidatePublicContent(); see docs/development.md.
export const revalidate = 300;

// Nothing prerendered at build: each page is rendered on its first request, then cached.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

// Any UUID shape (not only v4): what is not one never reaches the database.
const applicationId = z.guid();

async function load(id: string) {
  const parsed = applicationId.safeParse(id);
  return parsed.success ? getLaureate(parsed.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const laureate = await load((await params).id);
  if (!laureate) return { title: "Projet introuvable" };
  const path = `/laureats/${laureate.id}`;
  const description =
    `Projet lauréat ${laureate.year} de l’appel «\u00a0${laureate.callTitle}\u00a0»\u00a0: ${laureate.summary || laureate.title}`.slice(
      0,
      200,
    );
  return {
    title: laureate.title,
    description,
    alternates: { canonical: path },
    openGraph: { title: laureate.title, description, url: path, type: "article" },
  };
}

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

/** Plain text written by applicants: paragraphs on blank lines, no markup. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text, never reordered.
        <p key={index} className="mt-3 max-w-3xl whitespace-pre-line">
          {p}
        </p>
      ))}
    </>
  );
}

export default async function LaureatePage({ params }: Props) {
  const laureate = await load((await params).id);
  if (!laureate) notFound();
  const frenchOrganisations = [laureate.lead, ...laureate.coApplicants];
  const [history, otherProjects] = await Promise.all([
    partnershipHistory(
      laureate.foreignPartners.map((p) => p.id),
      laureate.id,
    ),
    otherProjectsOfOrganisations(
      frenchOrganisations.map((org) => org.id),
      laureate.id,
    ),
  ]);
  const organisationsWithOthers = frenchOrganisations.filter(
    (org) => (otherProjects.get(org.id)?.length ?? 0) > 0,
  );

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/", label: "Accueil" },
          { href: "/laureats", label: "Lauréats" },
          { label: frenchSpacing(laureate.title) },
        ]}
      />
      <p className="text-grey-600">
        Projet lauréat {laureate.year} ·{" "}
        <Link href={`/appels/${laureate.callSlug}`} className="text-grey-800">
          {frenchSpacing(laureate.callTitle)}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl">{frenchSpacing(laureate.title)}</h1>

      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_20rem]">
        <aside
          aria-labelledby="en-bref"
          className="self-start lg:col-start-2 lg:row-start-1 border border-grey-200 bg-grey-50 p-5"
        >
          <h2 id="en-bref" className="text-xl">
            En bref
          </h2>
          <dl className="mt-4 space-y-3 text-sm">
            <div>
              <dt className="font-semibold">Montant accordé</dt>
              <dd className="text-2xl font-bold text-blue-france">
                {formatMoneyCents(laureate.grantedAmountCents)}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">Appel à projets</dt>
              <dd>
                <Link href={`/appels/${laureate.callSlug}`}>{frenchSpacing(laureate.callTitle)}</Link>
              </dd>
            </div>
            <div>
              <dt className="font-semibold">Année</dt>
              <dd>{laureate.year}</dd>
            </div>
            {laureate.startDate && (
              <div>
                <dt className="font-semibold">Début du projet</dt>
                <dd>
                  <DateTime value={new Date(`${laureate.startDate}T12:00:00Z`)} />
                </dd>
              </div>
            )}
            {laureate.durationMonths && (
              <div>
                <dt className="font-semibold">Durée</dt>
                <dd>{laureate.durationMonths}&nbsp;mois</dd>
              </div>
            )}
          </dl>
        </aside>
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          {laureate.summary.trim() && (
            <section aria-labelledby="resume">
              <h2 id="resume" className="text-2xl">
                Résumé
              </h2>
              <Paragraphs text={laureate.summary} />
            </section>
          )}
          {laureate.objectives.trim() && (
            <section aria-labelledby="objectifs" className="mt-10">
              <h2 id="objectifs" className="text-2xl">
                Objectifs
              </h2>
              <Paragraphs text={laureate.objectives} />
            </section>
          )}

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

          <section aria-labelledby="partenaires" className="mt-10">
            <h2 id="partenaires" className="text-2xl">
              {laureate.foreignPartners.length > 1 ? "Partenaires étrangers" : "Partenaire étranger"}
            </h2>
            {laureate.foreignPartners.length === 0 ? (
              <p className="mt-3">Aucun partenaire étranger n’est renseigné.</p>
            ) : (
              <ul className="mt-3 space-y-2">
                {laureate.foreignPartners.map((partner) => (
                  <li key={partner.id}>
                    <span className="font-semibold">{partner.name}</span>, {countryName(partner.countryCode)}{" "}
                    <span className="text-grey-600">({FOREIGN_PARTNER_KIND_LABELS[partner.kind]})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {laureate.pairings.length > 0 && (
            <section aria-labelledby="binomes" className="mt-10">
              <h2 id="binomes" className="text-2xl">
                Binômes
              </h2>
              <TableScroll className="mt-3" label="Binômes du projet">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">
                    Binômes du projet&nbsp;: chaque collectivité française et son partenaire étranger
                  </caption>
                  <thead>
                    <tr className="border-b-2 border-grey-800">
                      <th scope="col" className="py-2 pr-4">
                        Collectivité française
                      </th>
                      <th scope="col" className="py-2 pl-4">
                        Partenaire étranger
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {laureate.pairings.map((pairing) => (
                      <tr
                        key={`${pairing.organisation.id}-${pairing.partner.id}`}
                        className="border-b border-grey-200"
                      >
                        <td className="py-2 pr-4">{organisationDisplayName(pairing.organisation)}</td>
                        <td className="py-2 pl-4">
                          {pairing.partner.name} ({countryName(pairing.partner.countryCode)})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          )}

          {laureate.operators.length > 0 && (
            <section aria-labelledby="operateurs" className="mt-10">
              <h2 id="operateurs" className="text-2xl">
                {laureate.operators.length > 1 ? "Opérateurs" : "Opérateur"}
              </h2>
              <ul className="mt-3 space-y-2">
                {laureate.operators.map((operator) => (
                  <li key={operator.id}>
                    {operator.name}{" "}
                    <span className="text-grey-600">({OPERATOR_KIND_LABELS[operator.kind]})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <ProjectFollowup applicationId={laureate.id} />

          <section aria-labelledby="historique" className="mt-10">
            <h2 id="historique" className="text-2xl">
              Historique du partenariat
            </h2>
            {history.length === 0 ? (
              <p className="mt-3">
                Aucun autre projet lauréat publié n’associe{" "}
                {laureate.foreignPartners.length > 1 ? "ces partenaires étrangers" : "ce partenaire étranger"}
                .
              </p>
            ) : (
              <>
                <p className="mt-3 text-grey-800">
                  Les autres projets lauréats avec{" "}
                  {laureate.foreignPartners.length > 1
                    ? "les mêmes partenaires étrangers"
                    : "le même partenaire étranger"}
                  , du plus récent au plus ancien.
                </p>
                <ol className="mt-4 space-y-3 border-l-2 border-blue-france pl-5">
                  {history.map((item) => (
                    <li key={item.id}>
                      <span className="font-semibold">{item.year}</span> —{" "}
                      <Link href={`/laureats/${item.id}`}>{frenchSpacing(item.title)}</Link>
                      <span className="block text-sm text-grey-600">
                        {organisationDisplayName(item.lead)} avec{" "}
                        {item.sharedPartners
                          .map((p) => `${p.name} (${countryName(p.countryCode)})`)
                          .join(", ")}{" "}
                        · {formatMoneyCents(item.grantedAmountCents)}
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>

          {organisationsWithOthers.length > 0 && (
            <section aria-labelledby="autres-projets" className="mt-10">
              <h2 id="autres-projets" className="text-2xl">
                Autres projets lauréats{" "}
                {frenchOrganisations.length > 1 ? "de ces collectivités" : "de cette collectivité"}
              </h2>
              {organisationsWithOthers.map((org) => (
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
          )}
        </div>
      </div>
    </PageContainer>
  );
}
