import type { Database } from "@/db/client";
import { auditEvents } from "@/db/schema";

type Writer = Pick<Database, "insert">;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends to the audit trail, in the caller's transaction so the event and the change commit together. */
export async function recordAudit(db: Writer, entry: AuditEntry) {
  await db.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data ?? {},
    ip: entry.ip ?? null,
  });
}
