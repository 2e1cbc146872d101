import { ActionButton } from "@/components/form/action-button";
import { secondaryButtonClass } from "@/components/form/field";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import { cancelEmail, resendEmail } from "@/lib/mail/outbox-actions";
import {
  OUTBOX_STATUS_LABELS,
  outboxActions,
  type StaffOutboxRow,
  templateLabel,
} from "@/lib/mail/staff-outbox";

/**
 * The outbox for staff: kind, address, subject and delivery state of each
 * e-mail, never its body (it may hold a sign-in link or an invitation token).
 */
export function StaffOutboxTable({
  rows,
  smtpConfigured,
  canManage,
}: {
  rows: StaffOutboxRow[];
  smtpConfigured: boolean;
  canManage: boolean;
}) {
  if (rows.length === 0) return <p className="mt-4">Aucun e-mail ne correspond à ces critères.</p>;
  return (
    <DataTable
      caption="E-mails de la file d’envoi, du plus récent au plus ancien"
      captionHidden
      width="max-w-none"
      rowHeaderWeight="font-normal"
      columns={[{ label: "E-mail" }, { label: "État" }, { label: "Tentatives" }, { label: "Actions" }]}
      rows={rows.map((row) => ({
        key: row.id,
        header: (
          <>
            <strong>{templateLabel(row.template)}</strong> — {row.subject}
            <br />
            <span className="text-grey-600">
              À&nbsp;: {row.toAddress} · créé le {formatDateTime(row.createdAt)}
            </span>
          </>
        ),
        cells: [
          <DeliveryState key="state" row={row} smtpConfigured={smtpConfigured} />,
          <Attempts key="attempts" row={row} />,
          <RowActions key="actions" row={row} canManage={canManage} />,
        ],
      }))}
    />
  );
}

function DeliveryState({ row, smtpConfigured }: { row: StaffOutboxRow; smtpConfigured: boolean }) {
  return (
    <>
      <strong>{OUTBOX_STATUS_LABELS[row.status]}</strong>
      {row.status === "sent" && row.sentAt ? <> le {formatDateTime(row.sentAt)}</> : null}
      {row.status === "pending" && !smtpConfigured ? <> (aucun serveur SMTP configuré)</> : null}
      {row.status === "pending" && row.attempts > 0 ? (
        <>
          <br />
          Prochain essai&nbsp;: {formatDateTime(row.nextAttemptAt)}
        </>
      ) : null}
    </>
  );
}

function Attempts({ row }: { row: StaffOutboxRow }) {
  return (
    <>
      {row.attempts}
      {row.lastError ? (
        <>
          <br />
          <span className="text-red-marianne-dark">Dernière erreur&nbsp;: {row.lastError}</span>
        </>
      ) : null}
    </>
  );
}

function RowActions({ row, canManage }: { row: StaffOutboxRow; canManage: boolean }) {
  const allowed = outboxActions(row);
  if (!canManage || !(allowed.resend || allowed.cancel)) return <span className="text-grey-600">—</span>;
  return (
    <div className="flex flex-wrap gap-2">
      {allowed.resend ? (
        <ActionButton
          action={resendEmail}
          values={{ emailId: String(row.id) }}
          label="Renvoyer"
          accessibleLabel={`Renvoyer l’e-mail n° ${row.id} à ${row.toAddress}`}
          className={secondaryButtonClass}
        />
      ) : null}
      {allowed.cancel ? (
        <ActionButton
          action={cancelEmail}
          values={{ emailId: String(row.id) }}
          label="Annuler"
          accessibleLabel={`Annuler l’e-mail n° ${row.id} à ${row.toAddress}`}
          className={secondaryButtonClass}
        />
      ) : null}
    </div>
  );
}
