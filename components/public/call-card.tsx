import Link from "next/link";
import { ApplyLink } from "@/components/public/apply-link";
import { formatMoneyCents, frenchSpacing } from "@/lib/format";
import type { CallSummary } from "@/lib/public/calls";
import { CallStatusBadge } from "./call-status-badge";
import { DateTime } from "./date-time";

/** One call in a list: status, title, the date that matters for its status, and the way to apply while it is open. */
export function CallCard({ call, headingLevel = 3 }: { call: CallSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="fr-card h-full">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <Heading className="fr-card__title">
            <Link href={`/appels/${call.slug}`}>{frenchSpacing(call.title)}</Link>
          </Heading>
          <dl className="fr-card__desc space-y-1 text-sm text-grey-800">
            {call.status === "upcoming" && (
              <div>
                <dt className="inline">Ouverture&nbsp;: </dt>
                <dd className="inline">
                  <DateTime value={call.opensAt} withTime />
                </dd>
              </div>
            )}
            {(call.status === "open" || call.status === "upcoming") && (
              <div>
                <dt className="inline">Date limite de dépôt&nbsp;: </dt>
                <dd className="inline font-semibold">
                  <DateTime value={call.closesAt} withTime />
                </dd>
              </div>
            )}
            {(call.status === "in_review" || call.status === "closed") && (
              <div>
                <dt className="inline">Clos le&nbsp;: </dt>
                <dd className="inline">
                  <DateTime value={call.closesAt} />
                </dd>
              </div>
            )}
            {call.status === "results_published" && call.resultsPublishedAt && (
              <div>
                <dt className="inline">Résultats publiés le&nbsp;: </dt>
                <dd className="inline">
                  <DateTime value={call.resultsPublishedAt} />
                </dd>
              </div>
            )}
            <div>
              <dt className="inline">Subvention maximale&nbsp;: </dt>
              <dd className="inline">{formatMoneyCents(call.maxGrantCents)}</dd>
            </div>
          </dl>
          <div className="fr-card__start flex flex-wrap items-center gap-2">
            <CallStatusBadge status={call.status} />
            <p className="fr-card__detail">Appel {call.year}</p>
          </div>
        </div>
        {call.status === "open" && (
          <div className="fr-card__footer">
            <ApplyLink callTitle={call.title} small />
          </div>
        )}
      </div>
    </article>
  );
}
