import Link from "next/link";
import { DateTime } from "@/components/public/date-time";
import { BriefItem, InBriefPanel } from "@/components/public/in-brief-panel";
import { formatMoneyCents, frenchSpacing } from "@/lib/format";
import type { LaureateDetail } from "@/lib/public/laureates";

/** The side panel: the amount granted, the call, the year, the start and length of the project. */
export function LaureateInBrief({ laureate }: { laureate: LaureateDetail }) {
  return (
    <InBriefPanel>
      <BriefItem label="Montant accordé" valueClassName="text-2xl font-bold text-blue-france">
        {formatMoneyCents(laureate.grantedAmountCents)}
      </BriefItem>
      <BriefItem label="Appel à projets">
        <Link href={`/appels/${laureate.callSlug}`}>{frenchSpacing(laureate.callTitle)}</Link>
      </BriefItem>
      <BriefItem label="Année">{laureate.year}</BriefItem>
      {laureate.startDate && (
        <BriefItem label="Début du projet">
          <DateTime value={new Date(`${laureate.startDate}T12:00:00Z`)} />
        </BriefItem>
      )}
      {laureate.durationMonths && <BriefItem label="Durée">{laureate.durationMonths}&nbsp;mois</BriefItem>}
    </InBriefPanel>
  );
}
