import type { foreignPartnerKind, operatorKind, organisationKind } from "@/db/schema";

type OrganisationKind = (typeof organisationKind.enumValues)[number];
type ForeignPartnerKind = (typeof foreignPartnerKind.enumValues)[number];
type OperatorKind = (typeof operatorKind.enumValues)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  commune: "commune",
  epci: "intercommunalité",
  departement: "département",
  region: "région",
  other: "organisme",
};

export const FOREIGN_PARTNER_KIND_LABELS: Record<ForeignPartnerKind, string> = {
  commune: "commune",
  municipality: "municipalité",
  city: "ville",
  province: "province",
  region: "région",
  federation_of_municipalities: "fédération de municipalités",
  national_park: "parc national",
  other: "collectivité",
};

export const OPERATOR_KIND_LABELS: Record<OperatorKind, string> = {
  ngo: "ONG",
  association: "association",
  foundation: "fondation",
  other: "organisme",
};

/**
 * « Thiers (63) » for a commune or an EPCI — « Thiers (commune, 63) » with
 * `withKind`, where the page names the kind of each authority —, « Isère
 * (département) », the name alone for other bodies.
 */
export function organisationDisplayName(
  org: {
    name: string;
    kind: OrganisationKind;
    departementCode: string | null;
  },
  { withKind = false }: { withKind?: boolean } = {},
): string {
  if (org.kind === "commune" || org.kind === "epci") {
    const details = [withKind ? ORGANISATION_KIND_LABELS[org.kind] : null, org.departementCode].filter(
      Boolean,
    );
    return details.length > 0 ? `${org.name} (${details.join(", ")})` : org.name;
  }
  if (org.kind === "departement" || org.kind === "region")
    return `${org.name} (${ORGANISATION_KIND_LABELS[org.kind]})`;
  return org.name;
}

/** Human names of the MIME types a call accepts for a document. */
export function documentTypesLabel(types: readonly string[]): string {
  const names: Record<string, string> = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
    "application/vnd.oasis.opendocument.text": "OpenDocument (.odt)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (.xlsx)",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument (.ods)",
    "text/csv": "CSV",
  };
  const labels = [...new Set(types.map((t) => names[t] ?? t))];
  return labels.join(", ");
}
