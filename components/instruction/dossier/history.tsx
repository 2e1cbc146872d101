import Link from "next/link";
import type { ApplicationCore } from "@/lib/applications/read-model";
import { auditLabel } from "@/lib/audit-events";
import { canReadAuditLog } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { formatDateTime, formatMoneyCents } from "@/lib/format";
import { historyDetail } from "@/lib/review/history";
import { DossierSection } from "./section";
import type { DossierDetails } from "./types";

/** What happened to the application, in the words of the audit catalogue. */
export function HistorySection({
  user,
  core,
  history,
}: {
  user: Principal;
  core: ApplicationCore;
  history: DossierDetails["history"];
}) {
  return (
    <DossierSection id="historique" title="Historique">
      <ol className="mt-2 flex flex-col gap-1">
        {history.map((h) => (
          <li key={h.id}>
            {formatDateTime(h.occurredAt)} — {auditLabel(h.action)}
            {h.actorName ? ` (${h.actorName})` : ""}
            {historyDetail(h.action, h.data, formatMoneyCents)
              ? `\u00a0: ${historyDetail(h.action, h.data, formatMoneyCents)}`
              : ""}
          </li>
        ))}
      </ol>
      {canReadAuditLog(user) ? (
        <p className="mt-2">
          <Link href={`/admin/journal?dossier=${core.id}`}>
            Historique complet du dossier dans le journal
          </Link>
        </p>
      ) : null}
    </DossierSection>
  );
}
