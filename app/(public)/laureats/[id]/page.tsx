import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProjectFollowup } from "@/components/followup/project-followup";
import { GrantProgress } from "@/components/grants/public-progress";
import { LaureateDescription } from "@/components/public/laureate/description";
import { PartnershipHistory } from "@/components/public/laureate/history";
import { LaureateInBrief } from "@/components/public/laureate/in-brief";
import { FrenchOrganisations, OtherProjectsSection } from "@/components/public/laureate/organisations";
import { ForeignPartners, Operators, Pairings } from "@/components/public/laureate/partners";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { frenchSpacing } from "@/lib/format";
import { getLaureate, partnershipHistory } from "@/lib/public/laureates";
import { otherProjectsOfOrganisations } from "@/lib/public/organisation-projects";
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
        <LaureateInBrief laureate={laureate} />
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <LaureateDescription laureate={laureate} />
          <FrenchOrganisations laureate={laureate} otherProjects={otherProjects} />
          <ForeignPartners laureate={laureate} />
          <Pairings laureate={laureate} />
          <Operators laureate={laureate} />
          <GrantProgress applicationId={laureate.id} />
          <ProjectFollowup applicationId={laureate.id} />
          <PartnershipHistory laureate={laureate} history={history} />
          <OtherProjectsSection organisations={frenchOrganisations} otherProjects={otherProjects} />
        </div>
      </div>
    </PageContainer>
  );
}
