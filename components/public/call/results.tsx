import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { countryName } from "@/lib/countries";
import {
  formatCount,
  formatCountOf,
  formatMoneyCents,
  formatPercent,
  frenchSpacing,
  rate,
} from "@/lib/format";
import type { CallDetail } from "@/lib/public/calls";
import { organisationDisplayName } from "@/lib/public/labels";
import { laureateFiltersQuery, laureateFiltersSchema } from "@/lib/public/laureate-filters";
import { listLaureates } from "@/lib/public/laureates";

/**
 * The results of a call whose results are published: its figures, and its
 * laureates (the first page of the list, in the list's order; the whole list
 * is one link away).
 */
export async function CallResults({ call }: { call: CallDetail }) {
  const { total, items } = await listLaureates(laureateFiltersSchema.parse({ call: call.slug }));
  const acceptance = rate(total, call.submittedCount);
  const listHref = `/laureats${laureateFiltersQuery({ call: call.slug })}`;
  return (
    <section aria-labelledby="resultats" className="mb-10">
      <h2 id="resultats" className="text-2xl">
        Résultats
      </h2>
      <p className="mt-3 max-w-3xl">
        {formatCountOf(call.submittedCount, "dossier déposé", "dossiers déposés")},{" "}
        {formatCountOf(total, "projet lauréat", "projets lauréats")}
        {acceptance !== null && <> (taux de sélection&nbsp;: {formatPercent(acceptance)})</>}
        {call.grantedCents !== null && total > 0 && (
          <>, pour un montant total accordé de {formatMoneyCents(call.grantedCents)}</>
        )}
        .
      </p>
      {items.length > 0 && (
        <DataTable
          caption="Projets lauréats de l’appel, avec leur chef de file, leurs partenaires étrangers et le montant accordé"
          captionHidden
          width="max-w-none"
          columns={[
            { label: "Projet" },
            { label: "Chef de file" },
            { label: "Partenaires étrangers" },
            { label: "Montant accordé", numeric: true },
          ]}
          rows={items.map((laureate) => ({
            key: laureate.id,
            header: (
              <Link href={`/laureats/${laureate.id}`} prefetch={false}>
                {frenchSpacing(laureate.title)}
              </Link>
            ),
            cells: [
              organisationDisplayName(laureate.lead),
              laureate.foreignPartners.length === 0
                ? "—"
                : laureate.foreignPartners.map((p) => `${p.name} (${countryName(p.countryCode)})`).join(", "),
              formatMoneyCents(laureate.grantedAmountCents),
            ],
          }))}
        />
      )}
      {total > items.length && (
        <p className="mt-4">
          <Link href={listHref}>Voir les {formatCount(total)} projets lauréats de cet appel</Link>
        </p>
      )}
    </section>
  );
}
