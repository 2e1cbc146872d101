import { ActionButton } from "@/components/form/action-button";
import { secondaryButtonClass } from "@/components/form/field";
import { TableScroll } from "@/components/ui/table-scroll";
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
    <TableScroll className="mt-4" label="E-mails de la file d’envoi">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">E-mails de la file d’envoi, du plus récent au plus ancien</caption>
        <thead>
          <tr className="border-b-2 border-grey-800">
            <th scope="col" className="py-2 pr-4">
              E-mail
            </th>
            <th scope="col" className="py-2 pr-4">
              État
            </th>
            <th scope="col" className="py-2 pr-4">
              Tentatives
            </th>
            <th scope="col" className="py-2">
              Actions
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const allowed = outboxActions(row);
            return (
              <tr key={row.id} className="border-b border-grey-200 align-top">
                <td className="py-2 pr-4">
                  <strong>{templateLabel(row.template)}</strong> — {row.subject}
                  <br />
                  <span className="text-grey-600">
                    À : {row.toAddress} · créé le {formatDateTime(row.createdAt)}
                  </span>
                </td>
                <td className="py-2 pr-4">
                  <strong>{OUTBOX_STATUS_LABELS[row.status]}</strong>
                  {row.status === "sent" && row.sentAt ? <> le {formatDateTime(row.sentAt)}</> : null}
                  {row.status === "pending" && !smtpConfigured ? <> (aucun serveur SMTP configuré)</> : null}
                  {row.status === "pending" && row.attempts > 0 ? (
                    <>
                      <br />
                      Prochain essai : {formatDateTime(row.nextAttemptAt)}
                    </>
                  ) : null}
                </td>
                <td className="py-2 pr-4">
                  {row.attempts}
                  {row.lastError ? (
                    <>
                      <br />
                      <span className="text-red-marianne-dark">Dernière erreur : {row.lastError}</span>
                    </>
                  ) : null}
                </td>
                <td className="py-2">
                  {canManage && (allowed.resend || allowed.cancel) ? (
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
                  ) : (
                    <span className="text-grey-600">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
