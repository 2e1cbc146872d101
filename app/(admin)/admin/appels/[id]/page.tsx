import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/form/action-button";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { CallStatusBadge } from "@/components/public/call-status-badge";
import { DateTime } from "@/components/public/date-time";
import { Alert } from "@/components/ui/alert";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { timeLeftLabel } from "@/lib/applications/rules";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canManageCalls } from "@/lib/authz/policy";
import { openCallNow } from "@/lib/calls/actions";
import { APPLICATION_STATUS_LABELS } from "@/lib/calls/labels";
import { callDashboard, getCall, getCallWithStatus, getGrid, isGridLocked } from "@/lib/calls/queries";
import { formatCount, formatMoneyCents, formatPercent, rate } from "@/lib/format";
import { staffRecordTitle } from "@/lib/page-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Tableau de bord de l’appel — Administration", async (user) => {
      if (!canManageCalls(user)) return "forbidden";
      const call = await getCall(getDb(), id);
      return call
        ? staffRecordTitle(call.title, "Tableau de bord de l’appel", "Administration")
        : "not-found";
    }),
  };
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="border border-grey-200 p-4">
      <dt className="text-sm text-grey-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold">{value}</dd>
      {detail ? <dd className="text-sm text-grey-800">{detail}</dd> : null}
    </div>
  );
}

export default async function CallDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ enregistre?: string }>;
}) {
  const { id } = await params;
  const { enregistre } = await searchParams;
  const user = await requireUser(`/admin/appels/${id}`);
  allowOrForbid(canManageCalls(user));
  const db = getDb();
  const now = new Date();
  const call = await getCallWithStatus(db, id, now);
  if (!call) notFound();
  const [figures, grid, locked] = await Promise.all([
    callDashboard(db, call, now),
    getGrid(db, id),
    isGridLocked(db, id),
  ]);
  const envelopeShare = rate(figures.grantedCents, call.envelopeCents);
  const reviewShare = rate(figures.reviewsSubmitted, figures.reviewsExpected);

  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/appels", label: "Appels à projets" },
          { label: call.title },
        ]}
      />
      {enregistre ? (
        <Alert tone="success" className="mb-4">
          L’appel a été enregistré.
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">{call.title}</h1>
        <CallStatusBadge status={call.status} />
      </div>
      <p className="mt-2 text-grey-800">
        Ouverture le <DateTime value={call.opensAt} withTime />, clôture le{" "}
        <DateTime value={call.closesAt} withTime /> (heure de Paris).
        {call.resultsPublishedAt ? (
          <>
            {" "}
            Résultats publiés le <DateTime value={call.resultsPublishedAt} withTime />.
          </>
        ) : null}
      </p>

      <nav aria-label="Actions sur l’appel" className="mt-6 flex flex-wrap gap-3">
        <Link href={`/admin/appels/${id}/modifier`} className={primaryButtonClass}>
          Modifier l’appel
        </Link>
        <Link href={`/admin/appels/${id}/affectations`} className={secondaryButtonClass}>
          Affecter les instructeurs
        </Link>
        <Link href={`/admin/appels/${id}/publication`} className={secondaryButtonClass}>
          {call.resultsPublishedAt ? "Publication des résultats" : "Publier les résultats"}
        </Link>
        {call.resultsPublishedAt ? (
          <Link href={`/admin/appels/${id}/conventions`} className={secondaryButtonClass}>
            Conventions et versements
          </Link>
        ) : null}
        <Link href={`/admin/appels/nouveau?depuis=${id}`} className={secondaryButtonClass}>
          Dupliquer pour l’année suivante
        </Link>
        <Link href={`/appels/${call.slug}`} className={secondaryButtonClass}>
          Voir la page publique
        </Link>
        <Link href={`/admin/journal?appel=${id}`} className={secondaryButtonClass}>
          Historique de l’appel
        </Link>
      </nav>
      {call.status === "upcoming" ? (
        <div className="mt-4">
          <ActionButton
            action={openCallNow}
            values={{ id }}
            label="Ouvrir l’appel maintenant"
            className={primaryButtonClass}
          />
        </div>
      ) : null}

      <section aria-labelledby="figures-title" className="mt-10">
        <h2 id="figures-title" className="text-2xl font-bold">
          Tableau de bord
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure label="Avant la clôture" value={timeLeftLabel(new Date(), call.closesAt) ?? "Clos"} />
          <Figure label="Dossiers déposés (hors retirés)" value={formatCount(figures.active)} />
          <Figure
            label="Évaluations soumises / attendues"
            value={`${formatCount(figures.reviewsSubmitted)} / ${formatCount(figures.reviewsExpected)}`}
            detail={
              reviewShare === null ? undefined : `${formatPercent(reviewShare)} des évaluations attendues`
            }
          />
          <Figure
            label="Accordé / enveloppe"
            value={`${formatMoneyCents(figures.grantedCents)} / ${formatMoneyCents(call.envelopeCents)}`}
            detail={envelopeShare === null ? undefined : `${formatPercent(envelopeShare)} de l’enveloppe`}
          />
          <Figure label="Décisions&nbsp;: retenus" value={formatCount(figures.accepted)} />
          <Figure label="Décisions&nbsp;: non retenus" value={formatCount(figures.rejected)} />
          <Figure label="Dossiers sans décision" value={formatCount(figures.undecided)} />
          <Figure label="Affectations actives" value={formatCount(figures.assigned)} />
        </dl>

        <DataTable
          className="mt-8"
          caption="Dossiers par statut"
          width="max-w-3xl"
          columns={[{ label: "Statut" }, { label: "Dossiers", numeric: true }]}
          rows={(Object.keys(APPLICATION_STATUS_LABELS) as (keyof typeof APPLICATION_STATUS_LABELS)[]).map(
            (status) => ({
              key: status,
              header: APPLICATION_STATUS_LABELS[status],
              cells: [formatCount(figures.byStatus[status])],
            }),
          )}
        />
      </section>

      <section aria-labelledby="grid-title" className="mt-10">
        <h2 id="grid-title" className="text-2xl font-bold">
          Grille d’évaluation
        </h2>
        <p className="mt-2 text-grey-800">
          {locked
            ? "Verrouillée\u00a0: au moins une évaluation a été soumise."
            : "Modifiable tant qu’aucune évaluation n’a été soumise."}{" "}
          {formatCount(call.reviewersPerApplication)} instructeur{call.reviewersPerApplication > 1 ? "s" : ""}{" "}
          par dossier.
        </p>
        <ol className="mt-4 list-decimal pl-6">
          {grid.map((c) => (
            <li key={c.id}>
              {c.label} — poids {c.weight}, noté sur {c.maxScore}
            </li>
          ))}
        </ol>
      </section>
    </PageContainer>
  );
}
