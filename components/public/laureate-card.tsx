import Link from "next/link";
import { countryName } from "@/lib/countries";
import { formatMoneyCents, frenchSpacing } from "@/lib/format";
import { organisationDisplayName } from "@/lib/public/labels";
import type { LaureateSummary } from "@/lib/public/laureates";

/**
 * One laureate in the list, as a card of the design system (DSFR card, the
 * whole card a link to the project): who, with whom abroad, in which call, for
 * how much.
 */
export function LaureateCard({ laureate }: { laureate: LaureateSummary }) {
  return (
    <article className="fr-card fr-card--sm fr-enlarge-link w-full">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h3 className="fr-card__title">
            <Link href={`/laureats/${laureate.id}`}>{frenchSpacing(laureate.title)}</Link>
          </h3>
          {/* One text node, and the terms styled from the list: fewer bytes per card, twice (HTML and RSC payload). */}
          <dl className="fr-card__desc grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr] [&>dt]:font-semibold [&>dt]:text-grey-800">
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
          <div className="fr-card__start">
            <p className="fr-card__detail">{`${laureate.year} · ${frenchSpacing(laureate.callTitle)}`}</p>
          </div>
        </div>
      </div>
    </article>
  );
}
