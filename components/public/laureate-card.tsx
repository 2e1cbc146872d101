import Link from "next/link";
import { countryName } from "@/lib/countries";
import { formatMoneyCents, frenchSpacing } from "@/lib/format";
import { organisationDisplayName } from "@/lib/public/labels";
import type { LaureateSummary } from "@/lib/public/laureates";

/** One laureate in the list: who, with whom abroad, in which call, for how much. */
export function LaureateCard({ laureate }: { laureate: LaureateSummary }) {
  return (
    <article className="border border-grey-200 bg-white p-5">
      {/* One text node, and the terms styled from the list: fewer bytes per card, twice (HTML and RSC payload). */}
      <p className="text-sm text-grey-600">{`${laureate.year} · ${frenchSpacing(laureate.callTitle)}`}</p>
      <h3 className="mt-1 text-lg">
        <Link href={`/laureats/${laureate.id}`}>{frenchSpacing(laureate.title)}</Link>
      </h3>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr] [&>dt]:font-semibold [&>dt]:text-grey-800">
        <dt>Chef de file</dt>
        <dd>
          {organisationDisplayName(laureate.lead)}
          {laureate.onBehalfOf && <span className="text-grey-600">, pour {laureate.onBehalfOf}</span>}
        </dd>
        {laureate.coApplicants.length > 0 && (
          <>
            <dt>Co-demandeurs</dt>
            <dd>{laureate.coApplicants.map((org) => organisationDisplayName(org)).join(", ")}</dd>
          </>
        )}
        <dt>{laureate.foreignPartners.length > 1 ? "Partenaires étrangers" : "Partenaire étranger"}</dt>
        <dd>
          {laureate.foreignPartners.length === 0
            ? "—"
            : laureate.foreignPartners.map((p) => `${p.name} (${countryName(p.countryCode)})`).join(", ")}
        </dd>
        <dt>Montant accordé</dt>
        <dd className="font-semibold">{formatMoneyCents(laureate.grantedAmountCents)}</dd>
      </dl>
    </article>
  );
}
