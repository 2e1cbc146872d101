import { DataTable } from "@/components/ui/data-table";
import { countryName } from "@/lib/countries";
import {
  FOREIGN_PARTNER_KIND_LABELS,
  OPERATOR_KIND_LABELS,
  organisationDisplayName,
} from "@/lib/public/labels";
import type { LaureateDetail } from "@/lib/public/laureates";

export function ForeignPartners({ laureate }: { laureate: LaureateDetail }) {
  return (
    <section aria-labelledby="partenaires" className="mt-10">
      <h2 id="partenaires" className="text-2xl">
        {laureate.foreignPartners.length > 1 ? "Partenaires étrangers" : "Partenaire étranger"}
      </h2>
      {laureate.foreignPartners.length === 0 ? (
        <p className="mt-3">Aucun partenaire étranger n’est renseigné.</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {laureate.foreignPartners.map((partner) => (
            <li key={partner.id}>
              <span className="font-semibold">{partner.name}</span>, {countryName(partner.countryCode)}{" "}
              <span className="text-grey-600">({FOREIGN_PARTNER_KIND_LABELS[partner.kind]})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Which French organisation works with which foreign partner: the French one heads its row. */
export function Pairings({ laureate }: { laureate: LaureateDetail }) {
  if (laureate.pairings.length === 0) return null;
  return (
    <section aria-labelledby="binomes" className="mt-10">
      <h2 id="binomes" className="text-2xl">
        Binômes
      </h2>
      <DataTable
        caption={"Binômes du projet\u00a0: chaque collectivité française et son partenaire étranger"}
        captionHidden
        className="mt-3"
        width="max-w-none"
        columns={[{ label: "Collectivité française" }, { label: "Partenaire étranger" }]}
        rows={laureate.pairings.map((pairing) => ({
          key: `${pairing.organisation.id}-${pairing.partner.id}`,
          header: organisationDisplayName(pairing.organisation),
          cells: [`${pairing.partner.name} (${countryName(pairing.partner.countryCode)})`],
        }))}
      />
    </section>
  );
}

export function Operators({ laureate }: { laureate: LaureateDetail }) {
  if (laureate.operators.length === 0) return null;
  return (
    <section aria-labelledby="operateurs" className="mt-10">
      <h2 id="operateurs" className="text-2xl">
        {laureate.operators.length > 1 ? "Opérateurs" : "Opérateur"}
      </h2>
      <ul className="mt-3 space-y-2">
        {laureate.operators.map((operator) => (
          <li key={operator.id}>
            {operator.name} <span className="text-grey-600">({OPERATOR_KIND_LABELS[operator.kind]})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
