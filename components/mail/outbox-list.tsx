import { formatDateTime } from "@/lib/format";
import { linksIn } from "@/lib/mail/mailbox";

type Row = {
  id: number;
  toAddress: string;
  subject: string;
  textBody: string;
  template: string;
  status: "pending" | "sending" | "sent" | "failed" | "cancelled";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const STATUS = {
  pending: "En attente d’envoi",
  sending: "Envoi en cours",
  sent: "Envoyé",
  failed: "Échec définitif",
  cancelled: "Annulé",
} as const;

/**
 * The demo mailbox only (/dev/courriels, demo mode): e-mails with their body and
 * links, so that a newcomer can follow a sign-in link without SMTP. Staff pages
 * use StaffOutboxTable, which never shows a body.
 */
export function OutboxList({ rows, smtpConfigured }: { rows: Row[]; smtpConfigured: boolean }) {
  if (rows.length === 0) return <p className="mt-4">Aucun e-mail pour l’instant.</p>;
  return (
    <ol className="mt-6 flex flex-col gap-4">
      {rows.map((row) => (
        <li key={row.id} className="border border-grey-200 p-4">
          <h2 className="text-lg font-bold">{row.subject}</h2>
          <p className="text-sm text-grey-800">
            À&nbsp;: {row.toAddress} · {formatDateTime(row.createdAt)} · modèle «&nbsp;{row.template}&nbsp;» ·{" "}
            <strong>{STATUS[row.status]}</strong>
            {row.status === "pending" && !smtpConfigured ? " (aucun serveur SMTP configuré)" : ""}
            {row.attempts > 0 ? ` · ${row.attempts} tentative(s)` : ""}
          </p>
          {row.lastError ? (
            <p className="text-sm text-red-marianne-dark">Dernière erreur&nbsp;: {row.lastError}</p>
          ) : null}
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium">Lire le message</summary>
            <pre className="mt-2 text-sm whitespace-pre-wrap">{row.textBody}</pre>
          </details>
          {linksIn(row.textBody).map((link) => (
            <p key={link} className="mt-2 text-sm break-all">
              <a href={link}>Ouvrir le lien du message</a>
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
