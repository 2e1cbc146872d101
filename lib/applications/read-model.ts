import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Database, getDb } from "@/db/client";
import {
  applications,
  budgetLines,
  calls,
  decisions,
  foreignPartners,
  operators,
  organisations,
  participants,
} from "@/db/schema";
import { organisationLabel } from "@/lib/organisations/label";
import { isPublicLaureate } from "@/lib/public/published";
import { staffMaySee } from "./staff-visibility";

/**
 * One read model of an application: its core (the application, its call, its
 * lead organisation, participants, budget total and decision) is loaded once,
 * by typed drizzle selects, then each audience reads it through its
 * projection, which picks only what that audience may see:
 *
 * - `forStaff`: reviewers and admins, never a draft (staff-visibility.ts);
 * - `forPublic`: a laureate of a published call only, without scores,
 *   contacts, amounts requested or the reasons of a decision;
 * - `forNetwork`: a regional network's editors, the same laureates as the
 *   public, with the régions the policy needs to let them edit its follow-up.
 *
 * The policy still decides whether the user may open the page; a projection
 * decides what the page receives. The applicant's pages read the form they
 * edit (lib/applications/queries.ts: `findApplication`, `loadApplicationForm`),
 * which is also what autosave merges against and what submission checks: one
 * load for the lead's members, the write model rather than a projection.
 */

type Reader = Pick<Database, "select">;

const coApplicant = alias(organisations, "co_applicant");

/**
 * The participants of an application in order (role, then position), French
 * organisations named with their kind and département as everywhere, with
 * their contact person: what every view of an application starts from, each
 * projection keeping what its audience may see.
 */
export async function participantsOf(db: Reader, applicationId: string) {
  const people = await db
    .select({
      role: participants.role,
      organisationName: coApplicant.name,
      organisationKind: coApplicant.kind,
      departementCode: coApplicant.departementCode,
      regionCode: coApplicant.regionCode,
      foreignName: foreignPartners.name,
      countryCode: foreignPartners.countryCode,
      operatorName: operators.name,
      contactName: participants.contactName,
      contactEmail: participants.contactEmail,
    })
    .from(participants)
    .leftJoin(coApplicant, eq(coApplicant.id, participants.organisationId))
    .leftJoin(foreignPartners, eq(foreignPartners.id, participants.foreignPartnerId))
    .leftJoin(operators, eq(operators.id, participants.operatorId))
    .where(eq(participants.applicationId, applicationId))
    .orderBy(asc(participants.role), asc(participants.position));
  return people.map((p) => ({
    role: p.role,
    // French organisations are named with their kind and département, as everywhere.
    name: p.organisationName
      ? organisationLabel({
          name: p.organisationName,
          kind: p.organisationKind,
          departementCode: p.departementCode,
        })
      : (p.foreignName ?? p.operatorName ?? ""),
    regionCode: p.regionCode,
    countryCode: p.countryCode,
    contactName: p.contactName,
    contactEmail: p.contactEmail,
  }));
}

/** The application as stored, with what every projection draws from. */
export async function loadApplicationRecord(db: Reader, applicationId: string) {
  const [row] = await db
    .select({
      application: {
        id: applications.id,
        title: applications.title,
        status: applications.status,
        version: applications.version,
        summary: applications.summary,
        objectives: applications.objectives,
        expectedResults: applications.expectedResults,
        beneficiaries: applications.beneficiaries,
        themes: applications.themes,
        sdgs: applications.sdgs,
        startDate: applications.startDate,
        durationMonths: applications.durationMonths,
        requestedAmountCents: applications.requestedAmountCents,
        receiptNumber: applications.receiptNumber,
        submittedAt: applications.submittedAt,
        onBehalfOf: applications.onBehalfOf,
        reviewCount: applications.reviewCount,
        scoreMean: applications.scoreMean,
        scoreSpread: applications.scoreSpread,
        withdrawalReason: applications.withdrawalReason,
      },
      call: {
        id: calls.id,
        slug: calls.slug,
        title: calls.title,
        year: calls.year,
        maxGrantCents: calls.maxGrantCents,
        maxSharePercent: calls.maxSharePercent,
        envelopeCents: calls.envelopeCents,
        resultsPublishedAt: calls.resultsPublishedAt,
      },
      lead: {
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        regionCode: organisations.regionCode,
        departementCode: organisations.departementCode,
      },
      totalBudgetCents:
        sql<number>`(select coalesce(sum(${budgetLines.amountCents}), 0)::float8 from ${budgetLines}
        where ${budgetLines.applicationId} = ${applications.id} and ${budgetLines.kind} = 'expense')`.mapWith(
          Number,
        ),
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .where(eq(applications.id, applicationId));
  if (!row) return null;
  const [people, [decision]] = await Promise.all([
    participantsOf(db, applicationId),
    db
      .select({
        outcome: decisions.outcome,
        grantedAmountCents: decisions.grantedAmountCents,
        rejectionReason: decisions.rejectionReason,
        decidedAt: decisions.decidedAt,
      })
      .from(decisions)
      .where(eq(decisions.applicationId, applicationId)),
  ]);
  return {
    ...row,
    lead: { ...row.lead, label: organisationLabel(row.lead) },
    participants: people,
    decision: decision ?? null,
  };
}
export type ApplicationRecord = NonNullable<Awaited<ReturnType<typeof loadApplicationRecord>>>;

/** What reviewers and admins read of an application; null for a draft (staff never see drafts). */
export function forStaff(r: ApplicationRecord) {
  if (!staffMaySee(r.application)) return null;
  const a = r.application;
  return {
    id: a.id,
    title: a.title,
    status: a.status as string,
    version: a.version,
    summary: a.summary,
    objectives: a.objectives,
    expectedResults: a.expectedResults,
    beneficiaries: a.beneficiaries,
    themes: a.themes,
    sdgs: a.sdgs,
    startDate: a.startDate,
    durationMonths: a.durationMonths,
    requestedCents: a.requestedAmountCents,
    receiptNumber: a.receiptNumber,
    submittedAt: a.submittedAt,
    onBehalfOf: a.onBehalfOf,
    leadOrganisationId: r.lead.id,
    leadName: r.lead.name,
    /** « Thiers (commune, 63) », as every page names an organisation. */
    leadLabel: r.lead.label,
    regionCode: r.lead.regionCode,
    departementCode: r.lead.departementCode,
    callId: r.call.id,
    callTitle: r.call.title,
    callYear: r.call.year,
    callMaxGrantCents: r.call.maxGrantCents,
    maxSharePercent: r.call.maxSharePercent,
    envelopeCents: r.call.envelopeCents,
    /** A publication is set, even a scheduled one: from then on a decision is no longer revised. */
    resultsPublished: r.call.resultsPublishedAt !== null,
    totalBudgetCents: r.totalBudgetCents,
  };
}
export type ApplicationCore = NonNullable<ReturnType<typeof forStaff>>;

/** The participants as the public names them: no contact person, no e-mail. */
function publicParticipants(r: ApplicationRecord) {
  return r.participants.map((p) => ({ role: p.role, name: p.name, countryCode: p.countryCode }));
}

/**
 * What anyone may read: a laureate of a call whose results are public (null
 * otherwise), its project and partners and the amount granted; never scores,
 * contacts, the amount requested, a rejection or its reason.
 */
export function forPublic(r: ApplicationRecord, now: Date = new Date()) {
  const outcome = r.decision?.outcome ?? null;
  if (!isPublicLaureate({ outcome, resultsPublishedAt: r.call.resultsPublishedAt }, now)) return null;
  const a = r.application;
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    objectives: a.objectives,
    expectedResults: a.expectedResults,
    beneficiaries: a.beneficiaries,
    themes: a.themes,
    sdgs: a.sdgs,
    startDate: a.startDate,
    durationMonths: a.durationMonths,
    onBehalfOf: a.onBehalfOf,
    call: { slug: r.call.slug, title: r.call.title, year: r.call.year },
    lead: {
      id: r.lead.id,
      name: r.lead.name,
      kind: r.lead.kind,
      label: r.lead.label,
      regionCode: r.lead.regionCode,
      departementCode: r.lead.departementCode,
    },
    participants: publicParticipants(r),
    grantedAmountCents: r.decision?.grantedAmountCents ?? null,
  };
}

/**
 * What a regional network's editors read: the public laureates only (they
 * follow projects once published), with the régions of its lead and
 * co-applicants, which the policy needs to let a network edit its follow-up.
 */
export function forNetwork(r: ApplicationRecord, now: Date = new Date()) {
  const laureate = forPublic(r, now);
  if (!laureate) return null;
  const regionCodes = [
    r.lead.regionCode,
    ...r.participants.filter((p) => p.role === "co_applicant").map((p) => p.regionCode),
  ].filter((code): code is string => code !== null);
  return {
    ...laureate,
    year: r.call.year,
    leadName: r.lead.name,
    regionCodes: [...new Set(regionCodes)],
  };
}

/** The staff's view of one application (null: unknown, or a draft). */
export async function loadApplicationCore(applicationId: string, db: Reader = getDb()) {
  const record = await loadApplicationRecord(db, applicationId);
  return record ? forStaff(record) : null;
}
