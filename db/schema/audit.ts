import { bigint, index, inet, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Append-only audit trail: who did what, when, to what. A trigger (see the
 * migration `audit_append_only`) refuses UPDATE and DELETE on this table.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    data: jsonb("data").notNull().default({}),
    ip: inet("ip"),
  },
  (t) => [
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId, t.occurredAt),
    index("audit_events_actor_id_idx").on(t.actorId, t.occurredAt),
    index("audit_events_action_idx").on(t.action, t.occurredAt),
  ],
);
