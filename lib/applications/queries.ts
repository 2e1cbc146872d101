import "server-only";
import { and, asc, desc, eq, gt, inArray, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import {
  applications,
  attachments,
  budgetLines,
  calls,
  decisions,
  foreignPartners,
  memberships,
  operators,
  organisations,
  pairings,
  participants,
  requiredDocuments,
  users,
} from "@/db/schema";
import { organisationLabel } from "@/lib/organisations/label";
import { resultsArePublic } from "@/lib/public/published";
import { formatAmountInput } from "./amounts";
import { type RequiredDocumentState, UNTITLED_APPLICATION } from "./rules";
import {
  type ApplicationForm,
  EXPENSE_CATEGORIES,
  FOREIGN_PARTNER_KINDS,
  OPERATOR_KINDS,
  partnerKey,
} from "./schema";

/** Anything that can select: the database or a transaction of it. */
type Reader = Pick<Database, "select">;

const updaters = alias(users, "updaters");

/** Applications of the given organisations, most recently changed first, with who changed them last. */
export async function applicationsOfOrganisations(db: Reader, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      receiptNumber: applications.receiptNumber,
      updatedAt: applications.updatedAt,
      updatedByName: updaters.name,
      updatedByEmail: updaters.email,
      leadName: organisations.name,
      callTitle: calls.title,
      callClosesAt: calls.closesAt,
      callOpensAt: calls.opensAt,
      callResultsPublishedAt: calls.resultsPublishedAt,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(updaters, eq(updaters.id, applications.updatedBy))
    .where(inArray(applications.leadOrganisationId, organisationIds))
    .orderBy(desc(applications.updatedAt))
    .limit(200);
}

/** Calls open for applications now (opening included, closing excluded). */
export async function openCalls(db: Reader, now = new Date()) {
  return db
    .select({
      id: calls.id,
      slug: calls.slug,
      title: calls.title,
      closesAt: calls.closesAt,
      maxGrantCents: calls.maxGrantCents,
      maxSharePercent: calls.maxSharePercent,
    })
    .from(calls)
    .where(and(lte(calls.opensAt, now), gt(calls.closesAt, now)))
    .orderBy(asc(calls.closesAt));
}

/** An application with its call and lead, or null. */
export async function findApplication(db: Reader, id: string) {
  const [row] = await db
    .select({
      application: applications,
      call: {
        id: calls.id,
        title: calls.title,
        slug: calls.slug,
        code: calls.code,
        year: calls.year,
        themes: calls.themes,
        eligibleCountries: calls.eligibleCountries,
        opensAt: calls.opensAt,
        closesAt: calls.closesAt,
        maxGrantCents: calls.maxGrantCents,
        maxSharePercent: calls.maxSharePercent,
        resultsPublishedAt: calls.resultsPublishedAt,
      },
      leadName: organisations.name,
      leadKind: organisations.kind,
      leadDepartementCode: organisations.departementCode,
      updatedByName: updaters.name,
      updatedByEmail: updaters.email,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .leftJoin(updaters, eq(updaters.id, applications.updatedBy))
    .where(eq(applications.id, id));
  if (!row) return null;
  return {
    ...row,
    /** « Thiers (commune, 63) »: the lead as every page names it. */
    leadLabel: organisationLabel({
      name: row.leadName,
      kind: row.leadKind,
      departementCode: row.leadDepartementCode,
    }),
  };
}

export type LoadedApplication = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

const asKind = <T extends readonly string[]>(
  list: T,
  value: string | null,
  fallback: T[number],
): T[number] => (value && (list as readonly string[]).includes(value) ? (value as T[number]) : fallback);

/** The form's values as saved: the application, its participants, pairings and budget. */
export async function loadApplicationForm(db: Reader, application: typeof applications.$inferSelect) {
  const id = application.id;
  const [people, pairs, lines] = await Promise.all([
    db
      .select({
        role: participants.role,
        organisationId: participants.organisationId,
        organisationName: organisations.name,
        organisationKind: organisations.kind,
        organisationDepartement: organisations.departementCode,
        partnerName: foreignPartners.name,
        partnerKind: foreignPartners.kind,
        partnerCountry: foreignPartners.countryCode,
        operatorName: operators.name,
        operatorKind: operators.kind,
        contactName: participants.contactName,
        contactEmail: participants.contactEmail,
      })
      .from(participants)
      .leftJoin(organisations, eq(organisations.id, participants.organisationId))
      .leftJoin(foreignPartners, eq(foreignPartners.id, participants.foreignPartnerId))
      .leftJoin(operators, eq(operators.id, participants.operatorId))
      .where(eq(participants.applicationId, id))
      .orderBy(asc(participants.position)),
    db
      .select({
        organisationId: pairings.organisationId,
        partnerName: foreignPartners.name,
        partnerCountry: foreignPartners.countryCode,
      })
      .from(pairings)
      .innerJoin(foreignPartners, eq(foreignPartners.id, pairings.foreignPartnerId))
      .where(eq(pairings.applicationId, id))
      // A stable order: saves compare the saved form field by field with what the browser read.
      .orderBy(asc(pairings.organisationId), asc(foreignPartners.countryCode), asc(foreignPartners.name)),
    db.select().from(budgetLines).where(eq(budgetLines.applicationId, id)).orderBy(asc(budgetLines.position)),
  ]);
  const form: ApplicationForm = {
    title: application.title === UNTITLED_APPLICATION ? "" : application.title,
    onBehalfOf: application.onBehalfOf ?? "",
    startDate: application.startDate ?? "",
    durationMonths: application.durationMonths ? String(application.durationMonths) : "",
    summary: application.summary,
    objectives: application.objectives,
    expectedResults: application.expectedResults,
    beneficiaries: application.beneficiaries,
    themes: application.themes,
    sdgs: application.sdgs,
    coApplicants: people
      .filter((p) => p.role === "co_applicant" && p.organisationId)
      .map((p) => ({
        organisationId: p.organisationId as number,
        // The form shows co-applicants by this name: kind and département tell homonyms apart.
        name: organisationLabel({
          name: p.organisationName ?? "",
          kind: p.organisationKind,
          departementCode: p.organisationDepartement,
        }),
      })),
    partners: people
      .filter((p) => p.role === "foreign_partner" && p.partnerName)
      .map((p) => ({
        name: p.partnerName ?? "",
        kind: asKind(FOREIGN_PARTNER_KINDS, p.partnerKind, "other"),
        countryCode: p.partnerCountry ?? "",
        contactName: p.contactName ?? "",
        contactEmail: p.contactEmail ?? "",
      })),
    pairings: pairs.map((p) => ({
      organisationId: p.organisationId,
      partnerKey: partnerKey({ countryCode: p.partnerCountry, name: p.partnerName }),
    })),
    operators: people
      .filter((p) => p.role === "operator" && p.operatorName)
      .map((p) => ({ name: p.operatorName ?? "", kind: asKind(OPERATOR_KINDS, p.operatorKind, "other") })),
    expenses: lines
      .filter((l) => l.kind === "expense")
      .map((l) => ({
        category: asKind(EXPENSE_CATEGORIES, l.category, "other"),
        label: l.label,
        amount: l.amountCents ? formatAmountInput(l.amountCents) : "",
      })),
    ownContributions: lines
      .filter((l) => l.kind === "own_contribution")
      .map((l) => ({
        organisationId: l.organisationId ?? application.leadOrganisationId,
        amount: l.amountCents ? formatAmountInput(l.amountCents) : "",
      })),
    cofinancings: lines
      .filter((l) => l.kind === "cofinancing")
      .map((l) => ({
        funderName: l.funderName ?? l.label,
        amount: l.amountCents ? formatAmountInput(l.amountCents) : "",
      })),
    requestedAmount: application.requestedAmountCents
      ? formatAmountInput(application.requestedAmountCents)
      : "",
  };
  return form;
}

/** The call's required documents, each with the file uploaded for this application (if any). */
export async function documentsOf(db: Reader, callId: string, applicationId: string) {
  const [docs, files] = await Promise.all([
    db
      .select()
      .from(requiredDocuments)
      .where(eq(requiredDocuments.callId, callId))
      .orderBy(asc(requiredDocuments.position)),
    db
      .select({
        id: attachments.id,
        requiredDocumentId: attachments.requiredDocumentId,
        originalName: attachments.originalName,
        sizeBytes: attachments.sizeBytes,
        contentType: attachments.contentType,
        sha256: attachments.sha256,
        uploadedAt: attachments.uploadedAt,
      })
      .from(attachments)
      .where(
        and(
          eq(attachments.applicationId, applicationId),
          sql`${attachments.messageId} is null`,
          // A network editor's follow-up image carries its project's id: not an application document.
          sql`${attachments.followupPostId} is null`,
        ),
      )
      .orderBy(desc(attachments.uploadedAt)),
  ]);
  return docs.map((doc) => ({
    id: doc.id,
    label: doc.label,
    mandatory: doc.mandatory,
    acceptedTypes: doc.acceptedTypes,
    file: files.find((f) => f.requiredDocumentId === doc.id) ?? null,
  }));
}

export type DocumentSlot = Awaited<ReturnType<typeof documentsOf>>[number];

/** The documents a receipt lists (page and e-mail): each uploaded file with its size and SHA-256. */
export function receiptDocuments(slots: readonly DocumentSlot[]) {
  return slots.flatMap((s) =>
    s.file
      ? [{ label: s.label, name: s.file.originalName, sizeBytes: s.file.sizeBytes, sha256: s.file.sha256 }]
      : [],
  );
}

export function documentStates(slots: readonly DocumentSlot[]): RequiredDocumentState[] {
  return slots.map((s) => ({ id: s.id, label: s.label, mandatory: s.mandatory, uploaded: s.file !== null }));
}

/** Foreign partners the organisation worked with in its other applications, most used first. */
export async function previousPartners(db: Reader, organisationId: number, exceptApplicationId: string) {
  return db
    .select({
      name: foreignPartners.name,
      kind: foreignPartners.kind,
      countryCode: foreignPartners.countryCode,
      uses: sql<number>`count(*)::int`,
    })
    .from(participants)
    .innerJoin(applications, eq(applications.id, participants.applicationId))
    .innerJoin(foreignPartners, eq(foreignPartners.id, participants.foreignPartnerId))
    .where(and(eq(applications.leadOrganisationId, organisationId), ne(applications.id, exceptApplicationId)))
    .groupBy(foreignPartners.id)
    .orderBy(desc(sql`count(*)`), asc(foreignPartners.name))
    .limit(20);
}

/** The decision, only once the call's results are published (never before, whatever the status says). */
export async function publishedDecisionOf(db: Reader, application: LoadedApplication, now = new Date()) {
  if (!resultsArePublic(application.call.resultsPublishedAt, now)) return null;
  const [decision] = await db
    .select({
      outcome: decisions.outcome,
      grantedAmountCents: decisions.grantedAmountCents,
      rejectionReason: decisions.rejectionReason,
      decidedAt: decisions.decidedAt,
    })
    .from(decisions)
    .where(eq(decisions.applicationId, application.application.id));
  return decision ?? null;
}

/** E-mail addresses of the active members of an organisation. */
export async function activeMemberEmails(db: Reader, organisationId: number) {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.status, "active")));
  return rows.map((r) => r.email);
}
