import type { Metadata } from "next";
import Link from "next/link";
import { EnvelopeMeter } from "@/components/review/envelope-meter";
import { ExportLinks } from "@/components/review/export-links";
import { ReviewFiltersForm } from "@/components/review/filters-form";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { Pagination } from "@/components/ui/pagination";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canAccessReviewSpace } from "@/lib/authz/policy";
import { formatCount, formatMoneyCents, formatShortDate } from "@/lib/format";
import { loadEnvelope } from "@/lib/review/application";
import { LIST_STATUSES, listQuery, parseListFilters, resultCountLabel } from "@/lib/review/filters";
import { formatScore, STATUS_LABELS, STATUS_TONES } from "@/lib/review/labels";
import { listApplications, listFilterOptions } from "@/lib/review/queries";

export const metadata: Metadata = { title: "Instruction des dossiers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewDashboardPage({ searchParams }: Props) {
  const user = await requireUser("/instruction");
  allowOrForbid(canAccessReviewSpace(user));
  const filters = parseListFilters(await searchParams);
  const [list, options, envelope] = await Promise.all([
    listApplications(user, filters),
    listFilterOptions(user),
    user.isAdmin && filters.call ? loadEnvelope(filters.call) : Promise.resolve(null),
  ]);
  // The export takes every row of the filtered list: neither the page nor its size.
  const exportQuery = listQuery(filters, { page: undefined, perPage: undefined });
  // The URL's state, to remount the form on each navigation (see ReviewFiltersForm).
  const viewKey = listQuery(filters);
  const call = options.calls.find((c) => c.id === filters.call);

  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Instruction des dossiers</h1>
      <p className="mt-2 max-w-3xl text-grey-800">
        {user.isAdmin
          ? "Tous les dossiers déposés, sur tous les appels à projets."
          : "Les dossiers qui vous sont confiés. Les notes des autres instructeurs apparaissent une fois votre propre évaluation soumise."}
      </p>

      <div className="mt-6">
        <ReviewFiltersForm key={viewKey} filters={filters} options={options} />
      </div>

      {/* DSFR tags, the current one filled: links to the list by status, not toggles (so no aria-pressed). */}
      <nav aria-label="Nombre de dossiers par statut" className="mt-6">
        <ul className="fr-tags-group">
          <li>
            <Link
              href={`/instruction${listQuery(filters, { status: undefined, page: undefined })}`}
              aria-current={filters.status ? undefined : "page"}
              className="fr-tag aria-[current=page]:bg-blue-france aria-[current=page]:text-white"
            >
              Tous ({formatCount(Object.values(list.byStatus).reduce((a, b) => a + b, 0))})
            </Link>
          </li>
          {LIST_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={`/instruction${listQuery(filters, { status: s, page: undefined })}`}
                aria-current={filters.status === s ? "page" : undefined}
                className="fr-tag aria-[current=page]:bg-blue-france aria-[current=page]:text-white"
              >
                {STATUS_LABELS[s]} ({formatCount(list.byStatus[s] ?? 0)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {envelope ? (
        <div className="mt-6">
          <EnvelopeMeter {...envelope} callTitle={call ? `${call.year} – ${call.title}` : undefined} />
          <p className="mt-2">
            <Link href={`/instruction/appels/${filters.call}/aide-a-la-decision`}>
              Voir l’aide à la décision de cet appel
            </Link>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="resultats" className="mt-6">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 id="resultats" className="text-xl font-bold" data-testid="result-count">
            {resultCountLabel(list.total, filters.page, filters.perPage, list.rows.length)}
          </h2>
          {list.total > 0 ? <ExportLinks query={exportQuery} total={list.total} /> : null}
        </div>
        {list.total > 0 ? (
          <DataTable
            caption={`Dossiers, ${filters.sort === "submitted_desc" ? "du plus récent au plus ancien" : "triés selon votre choix"}`}
            captionHidden
            width="max-w-none"
            columns={[
              { label: "Dossier" },
              { label: "Chef de file" },
              { label: "Statut" },
              { label: "Demandé", numeric: true },
              { label: "Note moyenne /100", numeric: true },
              { label: "Évaluations" },
              { label: "Décision" },
            ]}
            rows={list.rows.map((r) => ({
              key: r.id,
              header: (
                <>
                  {/* A plain link: a next/link per row is a client component to render and hydrate, and prefetches a dynamic page. */}
                  <a href={`/instruction/dossiers/${r.id}`} className="font-medium">
                    {r.title}
                  </a>
                  <div className="text-grey-600">
                    {r.callYear} – {r.callTitle}
                    {r.receiptNumber ? ` · n° ${r.receiptNumber}` : ""}
                    {r.submittedAt ? ` · déposé le ${formatShortDate(r.submittedAt)}` : ""}
                  </div>
                </>
              ),
              cells: [
                r.leadName,
                <Badge key="status" tone={STATUS_TONES[r.status]}>
                  {STATUS_LABELS[r.status] ?? r.status}
                </Badge>,
                <span key="requested" className="whitespace-nowrap">
                  {formatMoneyCents(r.requestedAmountCents)}
                </span>,
                <>
                  {formatScore(r.scoreMean)}
                  {r.disagreement ? (
                    <div>
                      <Badge tone="warning">Divergence</Badge>
                    </div>
                  ) : null}
                </>,
                <>
                  {r.reviewCount !== null ? `${r.reviewCount} soumise${r.reviewCount > 1 ? "s" : ""}` : "—"}
                  {r.assigned ? (
                    <div className="text-grey-600">
                      {r.conflict
                        ? "Vous\u00a0: conflit déclaré"
                        : r.myReviewStatus === "submitted"
                          ? "Vous\u00a0: soumise"
                          : r.myReviewStatus === "draft"
                            ? "Vous\u00a0: brouillon"
                            : "Vous\u00a0: à faire"}
                    </div>
                  ) : null}
                </>,
                r.outcome === "accepted"
                  ? `Accepté (${formatMoneyCents(r.grantedAmountCents ?? 0)})`
                  : r.outcome === "rejected"
                    ? "Refusé"
                    : "—",
              ],
            }))}
          />
        ) : null}
        <Pagination
          page={filters.page}
          pageCount={list.pageCount}
          hrefFor={(page) => `/instruction${listQuery(filters, { page })}`}
        />
      </section>
    </PageContainer>
  );
}
