import Link from "next/link";
import { countryName } from "@/lib/countries";
import { formatMoneyCents, frenchSpacing } from "@/lib/format";
import { organisationDisplayName } from "@/lib/public/labels";
import type { LaureateDetail, PartnershipHistoryItem } from "@/lib/public/laureates";

/** The other laureate projects with the same foreign partners, most recent first. */
export function PartnershipHistory({
  laureate,
  history,
}: {
  laureate: LaureateDetail;
  history: PartnershipHistoryItem[];
}) {
  const several = laureate.foreignPartners.length > 1;
  return (
    <section aria-labelledby="historique" className="mt-10">
      <h2 id="historique" className="text-2xl">
        Historique du partenariat
      </h2>
      {history.length === 0 ? (
        <p className="mt-3">
          Aucun autre projet lauréat publié n’associe{" "}
          {several ? "ces partenaires étrangers" : "ce partenaire étranger"}.
        </p>
      ) : (
        <>
          <p className="mt-3 text-grey-800">
            Les autres projets lauréats avec{" "}
            {several ? "les mêmes partenaires étrangers" : "le même partenaire étranger"}, du plus récent au
            plus ancien.
          </p>
          <ol className="mt-4 space-y-3 border-l-2 border-blue-france pl-5">
            {history.map((item) => (
              <li key={item.id}>
                <span className="font-semibold">{item.year}</span> —{" "}
                <Link href={`/laureats/${item.id}`}>{frenchSpacing(item.title)}</Link>
                <span className="block text-sm text-grey-600">
                  {organisationDisplayName(item.lead)} avec{" "}
                  {item.sharedPartners.map((p) => `${p.name} (${countryName(p.countryCode)})`).join(", ")} ·{" "}
                  {formatMoneyCents(item.grantedAmountCents)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
