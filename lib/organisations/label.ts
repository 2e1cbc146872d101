/**
 * How an organisation is named everywhere (chips, pairings, receipts, the
 * reviewers' view): its name, its kind and its département, because France
 * has many homonyms (« Clermont (commune, 60) » is not Clermont-Ferrand).
 */

export type OrganisationKind = "commune" | "epci" | "departement" | "region" | "other";

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  commune: "commune",
  epci: "intercommunalité",
  departement: "département",
  region: "région",
  other: "organisme",
};

export type LabelledOrganisation = {
  name: string;
  kind: string | null;
  departementCode: string | null;
};

/** « Clermont (commune, 60) », « Puy-de-Dôme (département, 63) », « Auvergne-Rhône-Alpes (région) ». */
export function organisationLabel(org: LabelledOrganisation): string {
  const kind = ORGANISATION_KIND_LABELS[(org.kind ?? "other") as OrganisationKind] ?? "organisme";
  const place = org.kind !== "region" && org.departementCode ? `, ${org.departementCode}` : "";
  return `${org.name} (${kind}${place})`;
}
