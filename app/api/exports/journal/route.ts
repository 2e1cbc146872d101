import { getDb } from "@/db/client";
import { deny, runRoute } from "@/lib/actions/route";
import { AUDIT_SUBJECT_LABELS, auditLabel } from "@/lib/audit-events";
import { describeAuditData, parseAuditFilters, streamAuditEvents } from "@/lib/audit-log";
import { canReadAuditLog } from "@/lib/authz/policy";
import { accessRefused, exportFailed, signIn } from "@/lib/exports/answers";
import { csvChunks, csvDownload, streamOf } from "@/lib/exports/csv";
import { formatDateTime, isoDateInParis } from "@/lib/format";

/** The journal as CSV, with the page's filters, streamed. */
export async function GET(request: Request) {
  return runRoute(request, {
    name: "GET /api/exports/journal",
    signedOut: () => signIn("/admin/journal"),
    access: (user) => {
      if (!canReadAuditLog(user)) deny(accessRefused());
    },
    run: () => {
      const filters = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
      const rows = streamAuditEvents(getDb(), filters);
      return csvDownload(
        streamOf(() => csvChunks(HEADER, cells(rows))),
        `journal-${isoDateInParis(new Date())}.csv`,
      );
    },
    failed: exportFailed,
  });
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
