import "server-only";
import type { Database } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditAction } from "./audit-events";

type Writer = Pick<Database, "insert">;

export type AuditEntry = {
  actorId: string | null;
  /** One of the catalogue (lib/audit-events.ts), where its French label is. */
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
  ip?: string | null;
};

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
