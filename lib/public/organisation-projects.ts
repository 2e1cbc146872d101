import "server-only";
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, calls, decisions, participants } from "@/db/schema";
import { frenchOrder, isPublishedLaureate } from "./published";

export type OrganisationProject = {
  id: string;
  title: string;
  year: number;
  grantedAmountCents: number;
  /** How the organisation took part in that project. */
  role: "lead" | "co_applicant";
};

/** Most other projects listed per organisation on a project page (a région may lead many). */
export const OTHER_PROJECTS_LIMIT = 50;

/**
 * The other published laureate projects of each of these French
 * organisations, as lead or as co-applicant, newest first: what a project page
 * links its lead and co-applicants to. The published rule is in both
 * queries, so no unpublished decision is reached. Keyed by organisation id;
 * an organisation without another project is absent.
 */
export async function otherProjectsOfOrganisations(
  organisationIds: number[],
  excludeApplicationId: string,
): Promise<Map<number, OrganisationProject[]>> {
  const byOrganisation = new Map<number, OrganisationProject[]>();
  if (organisationIds.length === 0) return byOrganisation;
  const db = getDb();
  const columns = {
    id: applications.id,
    title: applications.title,
    year: calls.year,
    grantedAmountCents: decisions.grantedAmountCents,
  };
  const order = [desc(calls.year), frenchOrder(applications.title)] as const;
  const [led, coApplied] = await Promise.all([
    db
      .select({ ...columns, organisationId: applications.leadOrganisationId })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(
        and(
          inArray(applications.leadOrganisationId, organisationIds),
          ne(applications.id, excludeApplicationId),
          isPublishedLaureate,
        ),
      )
      .orderBy(...order)
      .limit(OTHER_PROJECTS_LIMIT * organisationIds.length),
    db
      .select({ ...columns, organisationId: participants.organisationId })
      .from(participants)
      .innerJoin(applications, eq(applications.id, participants.applicationId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(decisions, eq(decisions.applicationId, applications.id))
      .where(
        and(
          eq(participants.role, "co_applicant"),
          inArray(participants.organisationId, organisationIds),
          ne(applications.id, excludeApplicationId),
          isPublishedLaureate,
        ),
      )
      .orderBy(...order)
      .limit(OTHER_PROJECTS_LIMIT * organisationIds.length),
  ]);
  const rows = [
    ...led.map((r) => ({ ...r, role: "lead" as const })),
    ...coApplied.map((r) => ({ ...r, role: "co_applicant" as const })),
  ];
  for (const { organisationId, grantedAmountCents, ...project } of rows) {
    if (organisationId === null) continue;
    const list = byOrganisation.get(organisationId) ?? [];
    list.push({ ...project, grantedAmountCents: grantedAmountCents ?? 0 });
    byOrganisation.set(organisationId, list);
  }
  const collator = new Intl.Collator("fr");
  for (const [id, list] of byOrganisation) {
    list.sort((a, b) => b.year - a.year || collator.compare(a.title, b.title));
    byOrganisation.set(id, list.slice(0, OTHER_PROJECTS_LIMIT));
  }
  return byOrganisation;
}
