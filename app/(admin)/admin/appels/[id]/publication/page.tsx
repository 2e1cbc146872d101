import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublishResultsForm, UnpublishResultsForm } from "@/components/calls/publish-results-form";
import { CallStatusBadge } from "@/components/public/call-status-badge";
import { DateTime } from "@/components/public/date-time";
import { Alert } from "@/components/ui/alert";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canPublishResults } from "@/lib/authz/policy";
import { getCall, getCallWithStatus } from "@/lib/calls/queries";
import { formatCount, formatMoneyCents, formatPercent, rate } from "@/lib/format";
import { staffRecordTitle } from "@/lib/page-titles";
import { publicationHistory, publicationSummary } from "@/lib/publication/queries";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Publication des résultats — Administration", async (user) => {
      if (!canPublishResults(user)) return "forbidden";
      const call = await getCall(getDb(), id);
      return call ? staffRecordTitle(call.title, "Publication des résultats", "Administration") : "not-found";
    }),
  };
}

export default async function PublicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/appels/${id}/publication`);
  allowOrForbid(canPublishResults(user));
  const db = getDb();
  const call = await getCallWithStatus(db, id, new Date());
  if (!call) notFound();
  const [summary, history] = await Promise.all([publicationSummary(db, call), publicationHistory(db, id)]);
  const share = rate(summary.grantedCents, summary.envelopeCents);
  const lastPublication = history.find((h) => h.action === "call.results_published");
  const emailsData = (lastPublication?.data as { emails?: unknown } | undefined)?.emails;
  const lastEmails = typeof emailsData === "number" ? emailsData : null;
  const latest = history[0];
  const withdrawalReason = (latest?.data as { reason?: unknown } | undefined)?.reason;
  const lastWithdrawal =
    latest?.action === "call.results_unpublished"
      ? {
          occurredAt: latest.occurredAt,
          reason: typeof withdrawalReason === "string" ? withdrawalReason : null,
          emails: (latest.data as { emails?: unknown }).emails,
        }
      : null;
  const stillOpen = call.status === "open" || call.status === "upcoming";
  const blocked = stillOpen || summary.undecided > 0 || summary.accepted + summary.rejected === 0;

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/appels", label: "Appels à projets" },
          { href: `/admin/appels/${id}`, label: call.title },
          { label: "Publication des résultats" },
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">Publication des résultats</h1>
        <CallStatusBadge status={call.status} />
      </div>
      <p className="mt-2 text-grey-800">{call.title}</p>

      <section aria-labelledby="summary-title" className="mt-8">
        <h2 id="summary-title" className="text-2xl font-bold">
          Récapitulatif
        </h2>
        <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt>Dossiers retenus</dt>
          <dd className="font-bold">{formatCount(summary.accepted)}</dd>
          <dt>Montant total accordé</dt>
          <dd className="font-bold">
            {formatMoneyCents(summary.grantedCents)} sur une enveloppe de{" "}
            {formatMoneyCents(summary.envelopeCents)}
            {share === null ? "" : ` (${formatPercent(share)})`}
          </dd>
          <dt>Dossiers non retenus</dt>
          <dd className="font-bold">{formatCount(summary.rejected)}</dd>
          <dt>Dossiers sans décision</dt>
          <dd className="font-bold">{formatCount(summary.undecided)}</dd>
        </dl>
        {summary.grantedCents > summary.envelopeCents ? (
          <Alert tone="warning" announce={false} className="mt-4">
            Attention&nbsp;: le montant accordé dépasse l’enveloppe de l’appel.
          </Alert>
        ) : null}
      </section>

      {call.resultsPublishedAt ? (
        <section aria-labelledby="published-title" className="mt-8">
          <h2 id="published-title" className="text-2xl font-bold">
            Résultats publiés
          </h2>
          <p className="mt-2" role="status">
            Publiés le <DateTime value={call.resultsPublishedAt} withTime /> (heure de Paris). Les lauréats
            figurent sur les pages publiques
            {lastEmails === null
              ? "."
              : `\u00a0; ${formatCount(lastEmails)} courriel${lastEmails > 1 ? "s" : ""} de décision mis en file d’envoi par cette publication.`}
          </p>
          <UnpublishResultsForm callId={id} />
        </section>
      ) : (
        <section aria-labelledby="confirm-title" className="mt-8">
          <h2 id="confirm-title" className="text-2xl font-bold">
            Confirmer la publication
          </h2>
          {lastWithdrawal ? (
            <Alert tone="info" className="mt-2">
              La publication a été retirée le <DateTime value={lastWithdrawal.occurredAt} withTime />
              {lastWithdrawal.reason ? ` (motif\u00a0: ${lastWithdrawal.reason})` : ""}&nbsp;: les décisions
              ne sont plus publiques.
              {typeof lastWithdrawal.emails === "number"
                ? ` ${formatCount(lastWithdrawal.emails)} courriel${lastWithdrawal.emails > 1 ? "s" : ""} de retrait mis en file d’envoi aux candidats.`
                : ""}
            </Alert>
          ) : null}
          {stillOpen ? (
            <Alert tone="warning" announce={false} className="mt-2">
              L’appel n’est pas encore clos&nbsp;: ses résultats ne peuvent pas être publiés.
            </Alert>
          ) : summary.undecided > 0 ? (
            <Alert tone="warning" announce={false} className="mt-2">
              {formatCount(summary.undecided)} dossier{summary.undecided > 1 ? "s n’ont" : " n’a"} pas encore
              de décision&nbsp;: la publication est impossible tant que chaque dossier n’est pas décidé.
            </Alert>
          ) : summary.accepted + summary.rejected === 0 ? (
            <Alert tone="warning" announce={false} className="mt-2">
              Aucune décision n’a été prise sur cet appel.
            </Alert>
          ) : (
            <p className="mt-2 max-w-3xl">
              La publication rend publics les lauréats et les chiffres de l’appel, et envoie à chaque candidat
              la décision sur son dossier. Elle ne peut être retirée qu’avec un motif, conservé dans le{" "}
              <Link href={`/admin/journal?appel=${id}`}>journal des actions</Link>&nbsp;; chaque candidat est
              alors prévenu du retrait et de son motif, puis de nouveau à la publication suivante.
            </p>
          )}
          <PublishResultsForm callId={id} disabled={blocked} />
        </section>
      )}

      {history.length > 0 ? (
        <section aria-labelledby="history-title" className="mt-10">
          <h2 id="history-title" className="text-2xl font-bold">
            Historique
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {history.map((h) => (
              <li key={`${h.action}-${h.occurredAt.toISOString()}`}>
                <DateTime value={h.occurredAt} withTime /> —{" "}
                {h.action === "call.results_published" ? "publication" : "retrait de la publication"}
                {h.actorName ? ` par ${h.actorName}` : ""}
                {h.action === "call.results_unpublished" &&
                typeof (h.data as { reason?: unknown }).reason === "string"
                  ? ` (motif\u00a0: ${(h.data as { reason: string }).reason})`
                  : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="mt-8">
        <Link href={`/admin/appels/${id}`}>Retour au tableau de bord de l’appel</Link>
      </p>
    </PageContainer>
  );
}
