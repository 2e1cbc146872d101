import "server-only";
import type { Database } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditEvent } from "./audit-events";

type Writer = Pick<Database, "insert">;

/**
 * One event: an action of the catalogue (lib/audit-events.ts, where its French
 * label is) with the details declared for it, and no others.
 */
export type AuditEntry = AuditEvent<{
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  ip?: string | null;
}>;

/**
 * Appends to the audit trail, in the caller's transaction so the events and the
 * change commit together; several events are written in one statement.
 */
export async function recordAudit(db: Writer, entries: AuditEntry | AuditEntry[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.insert(auditEvents).values(
    list.map((entry) => ({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      data: entry.data ?? {},
      ip: entry.ip ?? null,
    })),
  );
}
