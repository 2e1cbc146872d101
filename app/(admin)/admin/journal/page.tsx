import type { Metadata } from "next";
import Link from "next/link";
import { inputClass, primaryButtonClass, selectClass } from "@/components/form/field";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { AUDIT_SUBJECT_LABELS, auditActionsByFamily, auditLabel } from "@/lib/audit-events";
import {
  AUDIT_PAGE_SIZE,
  type AuditRow,
  auditQuery,
  describeAuditData,
  listAuditEvents,
  parseAuditFilters,
} from "@/lib/audit-log";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canReadAuditLog } from "@/lib/authz/policy";
import { listAdminCalls } from "@/lib/calls/queries";
import { formatCount, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Journal des actions" };

/** Where an event's object can be seen, when it has a page. */
function subjectHref(row: AuditRow) {
  if (row.subjectType === "application") return `/instruction/dossiers/${row.subjectId}`;
  if (row.subjectType === "call") return `/admin/appels/${row.subjectId}`;
  return null;
}

/** The history of the event's object alone. */
function subjectHistory(row: AuditRow) {
  if (row.subjectType === "application") return `/admin/journal?dossier=${row.subjectId}`;
  if (row.subjectType === "call") return `/admin/journal?appel=${row.subjectId}`;
  if (row.subjectType === "user") return `/admin/journal?compte=${row.subjectId}`;
  return `/admin/journal?objet=${row.subjectType}:${encodeURIComponent(row.subjectId)}`;
}

export default async function AuditJournalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/admin/journal");
  allowOrForbid(canReadAuditLog(user));
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const requested = Number(Array.isArray(params.page) ? params.page[0] : params.page) || 1;
  const db = getDb();
  const [{ rows, total, page, pageCount }, calls] = await Promise.all([
    listAuditEvents(db, filters, requested),
    listAdminCalls(db, new Date()),
  ]);
  const first = total === 0 ? 0 : (page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(total, page * AUDIT_PAGE_SIZE);
  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Journal des actions</h1>
      <p className="mt-2 max-w-3xl text-grey-800">
        Chaque action enregistrée par le service&nbsp;: qui l’a faite, quand, sur quel objet. Le journal ne
        peut être ni modifié ni effacé.
      </p>

      <form method="get" className="mt-6 grid gap-4 border border-grey-200 p-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="journal-who" className="fr-label">
            Qui (nom ou adresse)
          </label>
          <input
            id="journal-who"
            name="qui"
            type="search"
            defaultValue={filters.who ?? ""}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="journal-what" className="fr-label">
            Quoi
          </label>
          <select id="journal-what" name="quoi" defaultValue={filters.what ?? ""} className={selectClass}>
            <option value="">Toutes les actions</option>
            {auditActionsByFamily().map((family) => (
              <optgroup key={family.family} label={family.label}>
                <option value={`${family.family}.*`}>{family.label} : toutes</option>
                {family.actions.map((a) => (
                  <option key={a.action} value={a.action}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="journal-call" className="fr-label">
            Appel
          </label>
          <select id="journal-call" name="appel" defaultValue={filters.callId ?? ""} className={selectClass}>
            <option value="">Tous les appels</option>
            {calls.map((call) => (
              <option key={call.id} value={call.id}>
                {call.year} — {call.title}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="journal-from" className="fr-label">
            Du
          </label>
          <input
            id="journal-from"
            name="du"
            type="date"
            defaultValue={filters.from ?? ""}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="journal-to" className="fr-label">
            Au
          </label>
          <input
            id="journal-to"
            name="au"
            type="date"
            defaultValue={filters.to ?? ""}
            className={inputClass}
          />
        </div>
        {filters.applicationId ? <input type="hidden" name="dossier" value={filters.applicationId} /> : null}
        {filters.userId ? <input type="hidden" name="compte" value={filters.userId} /> : null}
        {filters.object ? (
          <input type="hidden" name="objet" value={`${filters.object.type}:${filters.object.id}`} />
        ) : null}
        <div className="flex items-end gap-3">
          <button type="submit" className={primaryButtonClass}>
            Filtrer
          </button>
          <Link href="/admin/journal">Tout le journal</Link>
        </div>
      </form>
      {filters.applicationId || filters.userId || filters.object ? (
        <p className="mt-2">
          Historique limité à{" "}
          {filters.applicationId ? "un dossier" : filters.userId ? "un compte" : "un objet"}.{" "}
          <Link
            href={`/admin/journal${auditQuery({ ...filters, applicationId: undefined, userId: undefined, object: undefined })}`}
          >
            Retirer cette limite
          </Link>
        </p>
      ) : null}

      <p className="mt-6">
        {total === 0
          ? "Aucune action ne correspond à ces critères."
          : `${formatCount(total)} action${total > 1 ? "s" : ""} — ${formatCount(first)} à ${formatCount(last)} affichées.`}{" "}
        <a href={`/api/exports/journal${auditQuery(filters)}`}>Exporter ces actions (CSV)</a>
      </p>

      {rows.length > 0 ? (
        <DataTable
          caption="Actions du journal, de la plus récente à la plus ancienne"
          captionHidden
          width="max-w-none"
          columns={[{ label: "Quand" }, { label: "Qui" }, { label: "Quoi" }, { label: "Sur quoi" }]}
          rows={rows.map((row) => {
            const href = subjectHref(row);
            const details = describeAuditData(row.action, row.data);
            const name = row.subjectName ?? `n° ${row.subjectId}`;
            return {
              key: row.id,
              header: <span className="whitespace-nowrap">{formatDateTime(row.occurredAt)}</span>,
              cells: [
                row.actorId ? (
                  <Link key="who" href={`/admin/journal?compte=${row.actorId}`}>
                    {row.actorName ?? row.actorEmail ?? "Compte"}
                  </Link>
                ) : (
                  "Le service"
                ),
                <>
                  <strong>{auditLabel(row.action)}</strong>
                  {details.length > 0 ? (
                    <ul className="mt-1 list-disc pl-4">
                      {details.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : null}
                </>,
                <>
                  {AUDIT_SUBJECT_LABELS[row.subjectType] ?? row.subjectType}{" "}
                  {href ? <Link href={href}>{name}</Link> : name}
                  <br />
                  <Link href={subjectHistory(row)}>
                    Son historique<span className="sr-only"> ({name})</span>
                  </Link>
                </>,
              ],
            };
          })}
        />
      ) : null}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => `/admin/journal${auditQuery(filters, p > 1 ? { page: String(p) } : {})}`}
      />
    </PageContainer>
  );
}
