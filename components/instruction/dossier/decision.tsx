import { EnvelopeMeter } from "@/components/review/envelope-meter";
import { DecisionForm } from "@/components/review/forms";
import type { ApplicationCore } from "@/lib/applications/read-model";
import { canDecide, canReviseDecision } from "@/lib/authz/policy";
import type { Principal } from "@/lib/authz/principal";
import { decideApplication } from "@/lib/decisions/actions";
import { formatDateTime, formatMoneyCents } from "@/lib/format";
import type { loadEnvelope } from "@/lib/review/application";
import { DossierSection } from "./section";
import type { DossierDetails } from "./types";

/** Cents as the amount field expects them: « 5000 », « 50000,50 ». */
function eurosInput(cents: number) {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(".", ",");
}

/** The admin's decision, within the call's envelope: recorded, corrected until published. */
export function DecisionSection({
  user,
  core,
  details,
  envelope,
  maxCents,
}: {
  user: Principal;
  core: ApplicationCore;
  details: DossierDetails;
  envelope: NonNullable<Awaited<ReturnType<typeof loadEnvelope>>>;
  maxCents: number;
}) {
  return (
    <DossierSection id="decision" title="Décision">
      <div className="mt-3">
        <EnvelopeMeter {...envelope} callTitle={`${core.callYear} – ${core.callTitle}`} />
      </div>
      {details.decision ? (
        <p className="mt-4" data-testid="decision">
          {details.decision.outcome === "accepted"
            ? `Accepté pour ${formatMoneyCents(details.decision.grantedCents ?? 0)}`
            : `Refusé\u00a0: ${details.decision.rejectionReason ?? ""}`}{" "}
          — par {details.decision.decidedBy ?? "—"} le {formatDateTime(details.decision.decidedAt)}.
        </p>
      ) : null}
      {details.decision && canReviseDecision(user, core.status, core.resultsPublished) ? (
        <details className="mt-4 border border-grey-200 p-3">
          <summary className="cursor-pointer font-medium">Corriger la décision</summary>
          <div className="mt-3">
            <p className="mb-3 text-sm text-grey-700">
              Possible tant que les résultats ne sont pas publiés. La décision précédente et le motif de la
              correction restent dans l’historique.
            </p>
            <DecisionForm
              action={decideApplication}
              applicationId={core.id}
              version={core.version}
              maxGrantableLabel={formatMoneyCents(maxCents)}
              revision={{
                outcome: details.decision.outcome === "accepted" ? "accepted" : "rejected",
                grantedAmount: details.decision.grantedCents ? eurosInput(details.decision.grantedCents) : "",
                rejectionReason: details.decision.rejectionReason ?? "",
              }}
            />
          </div>
        </details>
      ) : details.decision && core.resultsPublished ? (
        <p className="mt-2 text-sm text-grey-700">
          Les résultats de l’appel sont publiés&nbsp;: retirez la publication pour corriger cette décision.
        </p>
      ) : null}
      {details.decision ? null : canDecide(user, core.status) ? (
        <div className="mt-4">
          <p className="mb-3 text-sm text-grey-700">
            Règles&nbsp;: au plus le montant demandé ({formatMoneyCents(core.requestedCents)}), la subvention
            maximale de l’appel ({formatMoneyCents(core.callMaxGrantCents)}) et {core.maxSharePercent} % du
            budget total. La décision reste confidentielle jusqu’à la publication des résultats.
          </p>
          <DecisionForm
            action={decideApplication}
            applicationId={core.id}
            version={core.version}
            maxGrantableLabel={formatMoneyCents(maxCents)}
          />
        </div>
      ) : (
        <p className="mt-4">Ce dossier ne peut pas être décidé dans son état actuel.</p>
      )}
    </DossierSection>
  );
}
