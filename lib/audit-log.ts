import "server-only";
/**
 * The service's journal: the audit trail read by admins, with filters (who,
 * what, when, which call, application or account, or any object) and its export.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { formatDateTime, formatMoneyCents } from "@/lib/format";
import { AUDIT_FAMILIES, CALL_FIELD_LABELS, isAuditAction } from "./audit-events";
import { parisTime } from "./time";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  /** Part of the actor's name or e-mail address. */
  who?: string;
  /** An action of the catalogue, or a family (`call.*`). */
  what?: string;
  /** Paris calendar days, both included. */
  from?: string;
  to?: string;
  callId?: string;
  applicationId?: string;
  userId?: string;
  /** Any object: `<subject type>:<id>`. */
  object?: { type: string; id: string };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from the query string (French keys); anything malformed is dropped. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const one = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const day = (key: string) => {
    const value = one(key);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const uuid = (key: string) => {
    const value = one(key);
    return value && UUID.test(value) ? value.toLowerCase() : undefined;
  };
  const what = one("quoi");
  const family = what?.endsWith(".*") ? what.slice(0, -2) : undefined;
  const object = /^([a-z_]{1,40}):([\w-]{1,64})$/.exec(one("objet") ?? "");
  return {
    who: one("qui")?.slice(0, 200),
    what: what && (isAuditAction(what) || (family && family in AUDIT_FAMILIES)) ? what : undefined,
    from: day("du"),
    to: day("au"),
    callId: uuid("appel"),
    applicationId: uuid("dossier"),
    userId:
      uuid("compte") ??
      (one("compte") && /^[\w-]{1,64}$/.test(one("compte") ?? "") ? one("compte") : undefined),
    object: object ? { type: object[1] as string, id: object[2] as string } : undefined,
  };
}

/** The query string of the filters, as the form sends them. */
export function auditQuery(filters: AuditFilters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  if (filters.who) params.set("qui", filters.who);
  if (filters.what) params.set("quoi", filters.what);
  if (filters.from) params.set("du", filters.from);
  if (filters.to) params.set("au", filters.to);
  if (filters.callId) params.set("appel", filters.callId);
  if (filters.applicationId) params.set("dossier", filters.applicationId);
  if (filters.userId) params.set("compte", filters.userId);
  if (filters.object) params.set("objet", `${filters.object.type}:${filters.object.id}`);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

function parisDay(value: string, nextDay = false) {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return parisTime(y, m, d + (nextDay ? 1 : 0));
}

function whereClause(f: AuditFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.who) {
    const like = `%${f.who.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(u.name ilike ${like} or u.email ilike ${like})`);
  }
  if (f.what) {
    parts.push(
      f.what.endsWith(".*") ? sql`e.action like ${`${f.what.slice(0, -2)}.%`}` : sql`e.action = ${f.what}`,
    );
  }
  if (f.from) parts.push(sql`e.occurred_at >= ${parisDay(f.from).toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`e.occurred_at < ${parisDay(f.to, true).toISOString()}::timestamptz`);
  if (f.callId) {
    // The call itself, its applications, and events that name it (a bulk assignment per application).
    parts.push(sql`((e.subject_type = 'call' and e.subject_id = ${f.callId})
      or (e.subject_type = 'application' and e.subject_id in (select id::text from applications where call_id = ${f.callId}))
      or e.data->>'callId' = ${f.callId})`);
  }
  if (f.applicationId) {
    parts.push(sql`((e.subject_type = 'application' and e.subject_id = ${f.applicationId})
      or e.data->>'applicationId' = ${f.applicationId})`);
  }
  if (f.userId) {
    // What was done to the account and what the account did.
    parts.push(sql`((e.subject_type = 'user' and e.subject_id = ${f.userId}) or e.actor_id = ${f.userId})`);
  }
  if (f.object) parts.push(sql`(e.subject_type = ${f.object.type} and e.subject_id = ${f.object.id})`);
  return sql.join(parts, sql` and `);
}

export type AuditRow = {
  id: number;
  occurredAt: Date;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  /** What the subject is called (an application's title, a call's title, an account's e-mail), if known. */
  subjectName: string | null;
};

const select = sql`select e.id::int as id, e.occurred_at as "occurredAt", e.action, e.subject_type as "subjectType",
    e.subject_id as "subjectId", e.data, e.actor_id as "actorId", u.name as "actorName", u.email as "actorEmail",
    case e.subject_type
      when 'application' then (select a.title from applications a where a.id::text = e.subject_id)
      when 'call' then (select c.title from calls c where c.id::text = e.subject_id)
      when 'user' then (select s.email from users s where s.id = e.subject_id)
      else null end as "subjectName"
  from audit_events e left join users u on u.id = e.actor_id`;

function toRow(r: Record<string, unknown>): AuditRow {
  return {
    id: Number(r.id),
    occurredAt: new Date(String(r.occurredAt)),
    action: String(r.action),
    subjectType: String(r.subjectType),
    subjectId: String(r.subjectId),
    data: (r.data ?? {}) as Record<string, unknown>,
    actorId: r.actorId ? String(r.actorId) : null,
    actorName: r.actorName ? String(r.actorName) : null,
    actorEmail: r.actorEmail ? String(r.actorEmail) : null,
    subjectName: r.subjectName ? String(r.subjectName) : null,
  };
}

/** One page of the journal, newest first, and how many events match. */
export async function listAuditEvents(
  db: Database,
  filters: AuditFilters,
  page = 1,
  pageSize = AUDIT_PAGE_SIZE,
) {
  const where = whereClause(filters);
  const [counted] = (await db.execute(
    sql`select count(*)::int as n from audit_events e left join users u on u.id = e.actor_id where ${where}`,
  )) as unknown as { n: number }[];
  const total = counted?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = (await db.execute(
    sql`${select} where ${where} order by e.occurred_at desc, e.id desc limit ${pageSize} offset ${(current - 1) * pageSize}`,
  )) as unknown as Record<string, unknown>[];
  return { rows: rows.map(toRow), total, page: current, pageCount };
}

/** Every matching event (the export), newest first, in batches. */
export async function* streamAuditEvents(db: Database, filters: AuditFilters, batch = 1000) {
  const where = whereClause(filters);
  let before: number | null = null;
  for (;;) {
    const rows = (await db.execute(
      sql`${select} where ${where} ${before === null ? sql`` : sql`and e.id < ${before}`} order by e.id desc limit ${batch}`,
    )) as unknown as Record<string, unknown>[];
    for (const row of rows) yield toRow(row);
    if (rows.length < batch) return;
    before = Number(rows[rows.length - 1]?.id);
  }
}

function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field.endsWith("Cents") && typeof value === "number") return formatMoneyCents(value);
  if ((field === "opensAt" || field === "closesAt") && typeof value === "string") {
    return formatDateTime(new Date(value));
  }
  if (field === "maxSharePercent" && typeof value === "number") return `${value} %`;
  if (Array.isArray(value)) return value.join(", ") || "—";
  if (field.endsWith("Md")) return "texte";
  return String(value);
}

const ROLE_WORDS: Record<string, string> = {
  admin: "administrateur",
  reviewer: "instructeur",
  network_editor: "éditeur de réseau",
};

/** The event's details in French, one line each (what changed, the reason, the role…). */
export function describeAuditData(action: string, data: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const changes = data.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  if (changes && typeof changes === "object") {
    for (const [field, change] of Object.entries(changes)) {
      const label = CALL_FIELD_LABELS[field] ?? field;
      lines.push(
        field.endsWith("Md")
          ? `${label} modifiée`
          : `${label} : ${formatValue(field, change?.from)} → ${formatValue(field, change?.to)}`,
      );
    }
  }
  if (action === "call.updated" && data.gridChanged === true && !changes) lines.push("Grille enregistrée");
  if (typeof data.role === "string") {
    lines.push(
      `Rôle : ${ROLE_WORDS[data.role] ?? data.role}${typeof data.email === "string" ? ` (${data.email})` : ""}`,
    );
  }
  if (typeof data.reason === "string" && data.reason.trim()) lines.push(`Motif : ${data.reason.trim()}`);
  if (typeof data.outcome === "string")
    lines.push(`Décision : ${data.outcome === "accepted" ? "accepté" : "refusé"}`);
  if (typeof data.grantedAmountCents === "number")
    lines.push(`Montant : ${formatMoneyCents(data.grantedAmountCents)}`);
  if (typeof data.created === "number") lines.push(`${data.created} affectation(s) créée(s)`);
  if (data.bulk === true) lines.push("Par l’affectation automatique");
  if (typeof data.previousOpensAt === "string") {
    lines.push(`Ouverture prévue auparavant : ${formatDateTime(new Date(data.previousOpensAt))}`);
  }
  return lines;
}
