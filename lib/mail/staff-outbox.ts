import "server-only";
/**
 * The outbox as staff see it (admin page and its CSV export). A message's body
 * holds secrets (sign-in links, invitation tokens): staff get its kind, address,
 * subject and delivery state, never its body — the projection below has no body
 * column, so no page or export built on it can leak one.
 */
import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { parisTime } from "@/lib/time";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: "En attente d’envoi",
  sending: "Envoi en cours",
  sent: "Envoyé",
  failed: "Échec définitif",
  cancelled: "Annulé",
};

/** The kinds of message (the `template` column), in French. */
export const OUTBOX_TEMPLATE_LABELS: Record<string, string> = {
  "sign-in": "Lien de connexion",
  receipt: "Accusé de réception",
  decision: "Décision",
  "information-request": "Demande de compléments",
  invitation: "Invitation à rejoindre une organisation",
  "agreement-sent": "Convention à signer",
  "report-reviewed": "Suite donnée à un rapport",
  "payment-notice": "Avis de versement",
  "report-reminder": "Rappel de rapport à rendre",
  "report-overdue": "Rapport en retard",
};

export function templateLabel(template: string) {
  return OUTBOX_TEMPLATE_LABELS[template] ?? template;
}

export const STAFF_OUTBOX_PAGE_SIZE = 50;

export type OutboxFilters = {
  status?: OutboxStatus;
  template?: string;
  /** Part of the address. */
  recipient?: string;
  /** Paris calendar days, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
};

/** Reads the filters of the page's query string; anything malformed is dropped. */
export function parseOutboxFilters(params: Record<string, string | string[] | undefined>): OutboxFilters {
  const one = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const day = (key: string) => {
    const value = one(key);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const status = one("statut");
  const template = one("modele");
  const recipient = one("destinataire");
  return {
    status: OUTBOX_STATUSES.includes(status as OutboxStatus) ? (status as OutboxStatus) : undefined,
    template: template && template in OUTBOX_TEMPLATE_LABELS ? template : undefined,
    recipient: recipient ? recipient.slice(0, 200) : undefined,
    from: day("du"),
    to: day("au"),
  };
}

/** The query string of the filters (French keys, as the form sends them). */
export function outboxQuery(filters: OutboxFilters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  if (filters.status) params.set("statut", filters.status);
  if (filters.template) params.set("modele", filters.template);
  if (filters.recipient) params.set("destinataire", filters.recipient);
  if (filters.from) params.set("du", filters.from);
  if (filters.to) params.set("au", filters.to);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

function parisDay(value: string, nextDay = false) {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return parisTime(y, m, d + (nextDay ? 1 : 0));
}

function where(filters: OutboxFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(emailOutbox.status, filters.status));
  if (filters.template) conditions.push(eq(emailOutbox.template, filters.template));
  if (filters.recipient) {
    const escaped = filters.recipient.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(ilike(emailOutbox.toAddress, `%${escaped}%`));
  }
  if (filters.from) conditions.push(gte(emailOutbox.createdAt, parisDay(filters.from)));
  if (filters.to) conditions.push(lt(emailOutbox.createdAt, parisDay(filters.to, true)));
  return conditions.length ? and(...conditions) : undefined;
}

/** Only what staff may see: no body. */
const staffColumns = {
  id: emailOutbox.id,
  toAddress: emailOutbox.toAddress,
  subject: emailOutbox.subject,
  template: emailOutbox.template,
  status: emailOutbox.status,
  attempts: emailOutbox.attempts,
  nextAttemptAt: emailOutbox.nextAttemptAt,
  lastError: emailOutbox.lastError,
  createdAt: emailOutbox.createdAt,
  sentAt: emailOutbox.sentAt,
};

export type StaffOutboxRow = {
  id: number;
  toAddress: string;
  subject: string;
  template: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

/**
 * An SMTP error can quote what it refused; any URL in it (a sign-in link's
 * token) is masked before staff see it.
 */
export function redactSecrets(text: string) {
  return text.replace(/https?:\/\/\S+/g, "[lien masqué]").replace(/token=[^\s&]+/gi, "token=[masqué]");
}

function toStaffRow(row: typeof emailOutbox.$inferSelect | StaffOutboxRow): StaffOutboxRow {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: redactSecrets(row.subject),
    template: row.template,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError ? redactSecrets(row.lastError) : null,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

/** One page of the outbox, newest first, with the total matching the filters. */
export async function listStaffOutbox(db: Database, filters: OutboxFilters, page = 1) {
  const condition = where(filters);
  const [{ n: total } = { n: 0 }] = await db.select({ n: count() }).from(emailOutbox).where(condition);
  const pageCount = Math.max(1, Math.ceil(total / STAFF_OUTBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await db
    .select(staffColumns)
    .from(emailOutbox)
    .where(condition)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(STAFF_OUTBOX_PAGE_SIZE)
    .offset((current - 1) * STAFF_OUTBOX_PAGE_SIZE);
  return { rows: rows.map(toStaffRow), total, page: current, pageCount };
}

/** Every row matching the filters (the CSV export), in batches. */
export async function* streamStaffOutbox(db: Database, filters: OutboxFilters, batch = 1000) {
  const condition = where(filters);
  let beforeId: number | null = null;
  for (;;) {
    const rows: StaffOutboxRow[] = await db
      .select(staffColumns)
      .from(emailOutbox)
      .where(beforeId === null ? condition : and(condition, lt(emailOutbox.id, beforeId)))
      .orderBy(desc(emailOutbox.id))
      .limit(batch);
    for (const row of rows) yield toStaffRow(row);
    if (rows.length < batch) return;
    beforeId = rows[rows.length - 1]?.id ?? null;
  }
}

/** E-mails given up for good: shown on the admin home so that someone looks. */
export async function countFailedEmails(db: Database) {
  const [row] = await db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, "failed"));
  return row?.n ?? 0;
}

/** Which actions an e-mail allows in its state. */
export function outboxActions(row: Pick<StaffOutboxRow, "status" | "attempts">) {
  return {
    // Retry now: given up, cancelled, or waiting for a retry after a failure.
    resend:
      row.status === "failed" || row.status === "cancelled" || (row.status === "pending" && row.attempts > 0),
    cancel: row.status === "pending" || row.status === "failed",
  };
}
