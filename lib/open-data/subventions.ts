import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { applications, calls, decisions, organisations } from "@/db/schema";
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

/**
 * NIC used when only the beneficiary's SIREN is known (see docs/open-data.md):
 * « 00000 » is never assigned to a real establishment, so the value names the
 * legal unit without pretending to be the town hall's establishment.
 */
export const UNKNOWN_ESTABLISHMENT_NIC = "00000";

const lead = alias(organisations, "lead");

export type OpenDataGrant = {
  row: ScdlSubventionRow;
  /** Where the project is described on the site (JSON only). */
  applicationId: string;
  year: number;
};

export type OpenDataExport = {
  grants: OpenDataGrant[];
  /** Laureates left out because their beneficiary has no SIREN in the referential (named, so it can be fixed). */
  withoutIdentifier: { applicationId: string; beneficiary: string }[];
};

/** Euros with a dot and no thousands separator, cents only when there are some. */
export function euros(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** Every laureate of a call whose results are published, one row per beneficiary (the lead signs the convention). */
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
      leadSiren: lead.siren,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(decisions, eq(decisions.applicationId, applications.id))
    .innerJoin(lead, eq(lead.id, applications.leadOrganisationId))
    .where(isPublishedLaureate)
    .orderBy(desc(calls.year), asc(calls.title), asc(applications.receiptNumber), asc(applications.id));

  const grants: OpenDataGrant[] = [];
  const withoutIdentifier: OpenDataExport["withoutIdentifier"] = [];
  for (const r of rows) {
    if (!r.leadSiren) {
      withoutIdentifier.push({ applicationId: r.applicationId, beneficiary: r.leadName });
      continue;
    }
    const day = isoDateInParis(r.decidedAt);
    grants.push({
      applicationId: r.applicationId,
      year: r.year,
      row: {
        nomAttribuant: GRANTOR_NAME,
        idAttribuant: GRANTOR_SIRET,
        dateConvention: day,
        referenceDecision: r.receiptNumber ?? "",
        nomBeneficiaire: r.leadName,
        idBeneficiaire: `${r.leadSiren}${UNKNOWN_ESTABLISHMENT_NIC}`,
        rnaBeneficiaire: "",
        objet: r.title.length > 255 ? `${r.title.slice(0, 254)}…` : r.title,
        montant: euros(r.grantedAmountCents ?? 0),
        nature: "aide en numéraire",
        conditionsVersement: "unique",
        datesPeriodeVersement: day,
        idRAE: "",
        notificationUE: "non",
        pourcentageSubvention: "1",
        dispositifAide: r.callTitle,
      },
    });
  }
  return { grants, withoutIdentifier };
}
