import { getDb } from "@/db/client";
import { AUDIT_SUBJECT_LABELS, auditLabel } from "@/lib/audit-events";
import { describeAuditData, parseAuditFilters, streamAuditEvents } from "@/lib/audit-log";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canReadAuditLog } from "@/lib/authz/policy";
import { csvChunks, csvDownload, streamOf } from "@/lib/exports/csv";
import { formatDateTime, isoDateInParis } from "@/lib/format";

/** The journal as CSV, with the page's filters, streamed. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) {
    return new Response(null, {
      status: 303,
      headers: { location: "/connexion?callbackUrl=%2Fadmin%2Fjournal" },
    });
  }
  if (!canReadAuditLog(user)) {
    return new Response("Accès refusé.", {
      status: 403,
      headers: { "cache-control": "private, no-store", "content-type": "text/plain; charset=utf-8" },
    });
  }
  const filters = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const rows = streamAuditEvents(getDb(), filters);
  return csvDownload(
    streamOf(() => csvChunks(HEADER, cells(rows))),
    `journal-${isoDateInParis(new Date())}.csv`,
  );
}

const HEADER = [
  "Quand",
  "Qui",
  "Adresse",
  "Quoi",
  "Détails",
  "Objet",
  "Identifiant",
  "Nom de l’objet",
  "Code de l’action",
];

async function* cells(rows: ReturnType<typeof streamAuditEvents>) {
  for await (const row of rows) {
    yield [
      formatDateTime(row.occurredAt),
      row.actorName ?? (row.actorId ? "" : "Le service"),
      row.actorEmail ?? "",
      auditLabel(row.action),
      describeAuditData(row.action, row.data).join("\u00a0; "),
      AUDIT_SUBJECT_LABELS[row.subjectType] ?? row.subjectType,
      row.subjectId,
      row.subjectName ?? "",
      row.action,
    ];
  }
}
