import Link from "next/link";
import { ApplyLink } from "@/components/public/apply-link";
import { DateTime } from "@/components/public/date-time";
import { BriefItem, InBriefPanel } from "@/components/public/in-brief-panel";
import { formatCount, formatMoneyCents } from "@/lib/format";
import type { CallDetail } from "@/lib/public/calls";
import { laureateFiltersQuery } from "@/lib/public/laureate-filters";

/** The call's key dates and amounts beside its text, with the way to apply while it is open. */
export function CallInBrief({ call }: { call: CallDetail }) {
  return (
    <InBriefPanel
      after={
        <>
          {call.status === "open" && (
            <>
              <p className="mt-5">
                <ApplyLink />
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
        </>
      }
    >
      <BriefItem label="Ouverture">
        <DateTime value={call.opensAt} withTime />
      </BriefItem>
      <BriefItem label="Date limite de dépôt">
        <DateTime value={call.closesAt} withTime /> (heure de Paris)
      </BriefItem>
      {call.resultsPublishedAt && call.status === "results_published" && (
        <BriefItem label="Résultats publiés">
          <DateTime value={call.resultsPublishedAt} />
        </BriefItem>
      )}
      <BriefItem label="Subvention maximale par projet">{formatMoneyCents(call.maxGrantCents)}</BriefItem>
      <BriefItem label="Part maximale du budget du projet">{call.maxSharePercent}&nbsp;%</BriefItem>
      <BriefItem label="Enveloppe de l’appel">{formatMoneyCents(call.envelopeCents)}</BriefItem>
      {call.status !== "open" && call.status !== "upcoming" && (
        <BriefItem label="Dossiers déposés">{formatCount(call.submittedCount)}</BriefItem>
      )}
      {call.laureateCount !== null && (
        <BriefItem label="Projets lauréats">{formatCount(call.laureateCount)}</BriefItem>
      )}
    </InBriefPanel>
  );
}
