import type { Metadata } from "next";
import { inputClass, primaryButtonClass, selectClass } from "@/components/form/field";
import { StaffOutboxTable } from "@/components/mail/staff-outbox-table";
import { PageContainer } from "@/components/ui/page-container";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canManageOutbox, canReadOutbox } from "@/lib/authz/policy";
import { formatCount } from "@/lib/format";
import {
  listStaffOutbox,
  OUTBOX_STATUS_LABELS,
  OUTBOX_STATUSES,
  OUTBOX_TEMPLATE_LABELS,
  outboxQuery,
  parseOutboxFilters,
  STAFF_OUTBOX_PAGE_SIZE,
} from "@/lib/mail/staff-outbox";
import { smtpConfigured } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "E-mails du service" };

export default async function AdminOutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/admin/courriels");
  allowOrForbid(canReadOutbox(user));
  const params = await searchParams;
  const filters = parseOutboxFilters(params);
  const requested = Number(Array.isArray(params.page) ? params.page[0] : params.page) || 1;
  const { rows, total, page, pageCount } = await listStaffOutbox(getDb(), filters, requested);
  const first = total === 0 ? 0 : (page - 1) * STAFF_OUTBOX_PAGE_SIZE + 1;
  const last = Math.min(total, page * STAFF_OUTBOX_PAGE_SIZE);
  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">E-mails du service</h1>
      <p className="mt-2 text-grey-800">
        {smtpConfigured()
          ? "Un serveur SMTP est configuré\u00a0: les e-mails en attente partent en arrière-plan."
          : "Aucun serveur SMTP n’est configuré\u00a0: les e-mails restent dans la file."}{" "}
        Le contenu des messages (liens de connexion, invitations) n’est jamais affiché ici&nbsp;: seuls leur
        nature et leur état le sont.
      </p>

      <form method="get" className="mt-6 grid gap-4 border border-grey-200 p-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="outbox-status" className="fr-label">
            État
          </label>
          <select
            id="outbox-status"
            name="statut"
            defaultValue={filters.status ?? ""}
            className={selectClass}
          >
            <option value="">Tous</option>
            {OUTBOX_STATUSES.map((status) => (
              <option key={status} value={status}>
                {OUTBOX_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="outbox-template" className="fr-label">
            Nature
          </label>
          <select
            id="outbox-template"
            name="modele"
            defaultValue={filters.template ?? ""}
            className={selectClass}
          >
            <option value="">Toutes</option>
            {Object.entries(OUTBOX_TEMPLATE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="outbox-recipient" className="fr-label">
            Destinataire
          </label>
          <input
            id="outbox-recipient"
            name="destinataire"
            type="search"
            defaultValue={filters.recipient ?? ""}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="outbox-from" className="fr-label">
            Créé à partir du
          </label>
          <input
            id="outbox-from"
            name="du"
            type="date"
            defaultValue={filters.from ?? ""}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="outbox-to" className="fr-label">
            Jusqu’au
          </label>
          <input
            id="outbox-to"
            name="au"
            type="date"
            defaultValue={filters.to ?? ""}
            className={inputClass}
          />
        </div>
        <div className="flex items-end">
          <button type="submit" className={primaryButtonClass}>
            Filtrer
          </button>
        </div>
      </form>

      <p className="mt-6" aria-live="polite">
        {total === 0
          ? "Aucun e-mail."
          : `${formatCount(total)} e-mail${total > 1 ? "s" : ""} — ${formatCount(first)} à ${formatCount(last)} affichés.`}{" "}
        <a href={`/api/exports/courriels${outboxQuery(filters)}`}>Exporter ces e-mails (CSV)</a>
      </p>
      <StaffOutboxTable rows={rows} smtpConfigured={smtpConfigured()} canManage={canManageOutbox(user)} />
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => `/admin/courriels${outboxQuery(filters, p > 1 ? { page: String(p) } : {})}`}
      />
    </PageContainer>
  );
}
