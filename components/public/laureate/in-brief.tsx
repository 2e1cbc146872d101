import Link from "next/link";
import { DateTime } from "@/components/public/date-time";
import { formatMoneyCents, frenchSpacing } from "@/lib/format";
import type { LaureateDetail } from "@/lib/public/laureates";

/** The side panel: the amount granted, the call, the year, the start and length of the project. */
export function LaureateInBrief({ laureate }: { laureate: LaureateDetail }) {
  return (
    <aside
      aria-labelledby="en-bref"
      className="self-start lg:col-start-2 lg:row-start-1 border border-grey-200 bg-grey-50 p-5"
    >
      <h2 id="en-bref" className="text-xl">
        En bref
      </h2>
      <dl className="mt-4 space-y-3 text-sm">
        <div>
          <dt className="font-semibold">Montant accordé</dt>
          <dd className="text-2xl font-bold text-blue-france">
            {formatMoneyCents(laureate.grantedAmountCents)}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Appel à projets</dt>
          <dd>
            <Link href={`/appels/${laureate.callSlug}`}>{frenchSpacing(laureate.callTitle)}</Link>
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Année</dt>
          <dd>{laureate.year}</dd>
        </div>
        {laureate.startDate && (
          <div>
            <dt className="font-semibold">Début du projet</dt>
            <dd>
              <DateTime value={new Date(`${laureate.startDate}T12:00:00Z`)} />
            </dd>
          </div>
        )}
        {laureate.durationMonths && (
          <div>
            <dt className="font-semibold">Durée</dt>
            <dd>{laureate.durationMonths}&nbsp;mois</dd>
          </div>
        )}
      </dl>
    </aside>
  );
}
