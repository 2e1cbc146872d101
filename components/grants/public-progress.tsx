import { getDb } from "@/db/client";
import { formatMoneyCents } from "@/lib/format";
import { frenchDate } from "@/lib/grants/labels";
import { GRANT_STATUS_LABELS, type GrantStatus } from "@/lib/grants/lifecycle";
import { publicGrantProgress } from "@/lib/grants/queries";

/** A laureate's grant on its public page: where the payments and reports stand, and when the project ends. */
export async function GrantProgress({ applicationId }: { applicationId: string }) {
  const progress = await publicGrantProgress(getDb(), applicationId);
  if (!progress) return null;
  return (
    <section aria-labelledby="avancement" className="mt-10">
      <h2 id="avancement" className="text-2xl">
        Avancement de la subvention
      </h2>
      <dl className="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="grant-progress">
        <dt className="font-bold">Convention</dt>
        <dd>{GRANT_STATUS_LABELS[progress.status as GrantStatus]}</dd>
        <dt className="font-bold">Versements</dt>
        <dd>
          {progress.instalmentsPaid} effectué{progress.instalmentsPaid > 1 ? "s" : ""} sur{" "}
          {progress.instalments} ({formatMoneyCents(progress.paidCents)} versés)
        </dd>
        <dt className="font-bold">Rapports</dt>
        <dd>
          {progress.reportsAccepted} validé{progress.reportsAccepted > 1 ? "s" : ""} sur {progress.reports}
        </dd>
        <dt className="font-bold">Fin du projet</dt>
        <dd>{frenchDate(progress.endsOn)}</dd>
      </dl>
    </section>
  );
}
