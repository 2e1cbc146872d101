import { getDb } from "@/db/client";
import { deny, runRoute } from "@/lib/actions/route";
import { canReadOutbox } from "@/lib/authz/policy";
import { accessRefused, exportFailed, signIn } from "@/lib/exports/answers";
import { csvChunks, csvDownload, streamOf } from "@/lib/exports/csv";
import { formatDateTime, isoDateInParis } from "@/lib/format";
import {
  OUTBOX_STATUS_LABELS,
  parseOutboxFilters,
  streamStaffOutbox,
  templateLabel,
} from "@/lib/mail/staff-outbox";

/**
 * The admin outbox as CSV, with the page's filters. Built on the staff
 * projection, which has no body: no sign-in link or invitation token can be in it.
 */
export async function GET(request: Request) {
  return runRoute(request, {
    name: "GET /api/exports/courriels",
    signedOut: () => signIn("/admin/courriels"),
    access: (user) => {
      if (!canReadOutbox(user)) deny(accessRefused());
    },
    run: () => {
      const filters = parseOutboxFilters(Object.fromEntries(new URL(request.url).searchParams));
      const rows = streamStaffOutbox(getDb(), filters);
      return csvDownload(
        streamOf(() => csvChunks(HEADER, cells(rows))),
        `courriels-${isoDateInParis(new Date())}.csv`,
      );
    },
    failed: exportFailed,
  });
}

const HEADER = [
  "Numéro",
  "Créé le",
  "Nature",
  "Destinataire",
  "Objet",
  "État",
  "Tentatives",
  "Prochain essai",
  "Dernière erreur",
  "Envoyé le",
];

async function* cells(rows: ReturnType<typeof streamStaffOutbox>) {
  for await (const row of rows) {
    yield [
      row.id,
      formatDateTime(row.createdAt),
      templateLabel(row.template),
      row.toAddress,
      row.subject,
      OUTBOX_STATUS_LABELS[row.status],
      row.attempts,
      row.status === "pending" ? formatDateTime(row.nextAttemptAt) : "",
      row.lastError ?? "",
      row.sentAt ? formatDateTime(row.sentAt) : "",
    ];
  }
}
