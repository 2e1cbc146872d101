import Link from "next/link";
import { DateTime } from "@/components/public/date-time";
import { formatCount, formatMoneyCents } from "@/lib/format";
import { APPLY_PATH, type CallDetail } from "@/lib/public/calls";
import { laureateFiltersQuery } from "@/lib/public/laureate-filters";

/** The call's key dates and amounts beside its text, with the way to apply while it is open. */
export function CallInBrief({ call }: { call: CallDetail }) {
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
          <dt className="font-semibold">Ouverture</dt>
          <dd>
            <DateTime value={call.opensAt} withTime />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Date limite de dépôt</dt>
          <dd>
            <DateTime value={call.closesAt} withTime /> (heure de Paris)
          </dd>
        </div>
        {call.resultsPublishedAt && call.status === "results_published" && (
          <div>
            <dt className="font-semibold">Résultats publiés</dt>
            <dd>
              <DateTime value={call.resultsPublishedAt} />
            </dd>
          </div>
        )}
        <div>
          <dt className="font-semibold">Subvention maximale par projet</dt>
          <dd>{formatMoneyCents(call.maxGrantCents)}</dd>
        </div>
        <div>
          <dt className="font-semibold">Part maximale du budget du projet</dt>
          <dd>{call.maxSharePercent}&nbsp;%</dd>
        </div>
        <div>
          <dt className="font-semibold">Enveloppe de l’appel</dt>
          <dd>{formatMoneyCents(call.envelopeCents)}</dd>
        </div>
        {call.status !== "open" && call.status !== "upcoming" && (
          <div>
            <dt className="font-semibold">Dossiers déposés</dt>
            <dd>{formatCount(call.submittedCount)}</dd>
          </div>
        )}
        {call.laureateCount !== null && (
          <div>
            <dt className="font-semibold">Projets lauréats</dt>
            <dd>{formatCount(call.laureateCount)}</dd>
          </div>
        )}
      </dl>
      {call.status === "open" && (
        <>
          <p className="mt-5">
            <Link
              href={APPLY_PATH}
              prefetch={false}
              className="inline-block bg-blue-france px-4 py-2 font-semibold text-white no-underline hover:bg-blue-france-hover"
            >
              Déposer un dossier
            </Link>
          </p>
          <p className="mt-2 text-sm text-grey-800">
            Le dossier est déposé en ligne par un agent de la collectivité chef de file, après connexion.
          </p>
        </>
      )}
      {call.status === "results_published" && (
        <p className="mt-5">
          <Link href={`/laureats${laureateFiltersQuery({ call: call.slug })}`}>
            Voir les lauréats de cet appel
          </Link>
        </p>
      )}
    </aside>
  );
}
