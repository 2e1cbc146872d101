import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { applications, calls, decisions, grants as grantsTable, organisations } from "@/db/schema";
import { isoDateInParis } from "@/lib/format";
import { isPublishedLaureate } from "@/lib/public/published";
import type { ScdlSubventionRow } from "./scdl-schema";

/** The grantor: the ministry, through its delegation (DCTCIV). */
export const GRANTOR_NAME = "Ministère de l’Europe et des Affaires étrangères";

/**
 * SIRET of the grantor (`idAttribuant`). Documented constant: the SIRET of
 * the ministry's central administration as used by this service; check it
 * against the Sirene directory (annuaire-entreprises.data.gouv.fr) before
 * going live and change it here only.
 */
export const GRANTOR_SIRET = "12000601000025";

const lead = alias(organisations, "lead");

export type OpenDataGrant = {
  row: ScdlSubventionRow;
  /** Where the project is described on the site (JSON only). */
  applicationId: string;
  year: number;
};

export type OpenDataExport = { grants: OpenDataGrant[] };

/** Euros with a dot and no thousands separator, cents only when there are some. */
export function euros(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/**
 * Every laureate of a call whose results are published, one row per
 * beneficiary (the lead signs the agreement). With an agreement, the row
 * follows it: signed on `dateConvention`, paid « échelonné » when it has
 * several instalments, over the period from the signature to the final
 * report's due date (docs/open-data.md).
 */
export async function openDataGrants(): Promise<OpenDataExport> {
  const rows = await getDb()
    .select({
      applicationId: applications.id,
      title: applications.title,
      receiptNumber: applications.receiptNumber,
      year: calls.year,
      callTitle: calls.title,
      decidedAt: decisions.decidedAt,
      grantedAmountCents: decisions.grantedAmountCents,
      leadName: lead.name,
      signedAt: grantsTable.signedAt,
      reportDueDates: grantsTable.reportDueDates,
      instalments: sql<number>`(select count(*)::int from grant_instalments i where i.grant_id = ${grantsTable.id} and i.status <> 'cancelled')`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .innerJoin(lead, eq(lead.id, applications.leadOrganisationId))
    .leftJoin(grantsTable, eq(grantsTable.applicationId, applications.id))
    .where(isPublishedLaureate)
    .orderBy(desc(calls.year), asc(calls.title), asc(applications.receiptNumber), asc(applications.id));

  const grants: OpenDataGrant[] = [];
  for (const r of rows) {
    const decided = isoDateInParis(r.decidedAt);
    const convention = r.signedAt ? isoDateInParis(r.signedAt) : decided;
    const lastDue = r.reportDueDates?.at(-1);
    const staggered = r.signedAt !== null && r.instalments > 1 && lastDue !== undefined;
    grants.push({
      applicationId: r.applicationId,
      year: r.year,
      row: {
        nomAttribuant: GRANTOR_NAME,
        idAttribuant: GRANTOR_SIRET,
        dateConvention: convention,
        referenceDecision: r.receiptNumber ?? "",
        nomBeneficiaire: r.leadName,
        // The service records no beneficiary's SIRET (the referential knows communes' and EPCI's SIREN,
        // never the establishment that signs): the identifier stays empty rather than made up.
        idBeneficiaire: "",
        rnaBeneficiaire: "",
        objet: r.title.length > 255 ? `${r.title.slice(0, 254)}…` : r.title,
        montant: euros(r.grantedAmountCents ?? 0),
        nature: "aide en numéraire",
        conditionsVersement: staggered ? "échelonné" : "unique",
        datesPeriodeVersement: staggered ? `${convention}/${lastDue}` : convention,
        idRAE: "",
        notificationUE: "non",
        pourcentageSubvention: "1",
        dispositifAide: r.callTitle,
      },
    });
  }
  return { grants };
}
