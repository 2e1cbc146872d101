import "server-only";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import type { Principal } from "@/lib/authz/principal";
import { isoDateInParis } from "@/lib/format";
import type { ListFilters } from "@/lib/review/filters";
import { STATUS_LABELS } from "@/lib/review/labels";
import { type ListRow, selectList, statusCountsQuery, toRow } from "@/lib/review/queries";
import { csvChunks, streamOf } from "./csv";
import { type Cell, xlsxChunks } from "./xlsx";

/** Columns of the dashboard export: the list's rows with their scores and decisions. */
export const EXPORT_HEADER = [
  "Numéro de dossier",
  "Titre",
  "Appel à projets",
  "Année",
  "Chef de file",
  "Région (code INSEE)",
  "Département",
  "Statut",
  "Déposé le",
  "Montant demandé (€)",
  "Évaluations soumises",
  "Note moyenne /100",
  "Écart type",
  "Divergence",
  "Décision",
  "Montant accordé (€)",
] as const;

/** The Paris calendar day of a time, as a date cell (midnight UTC: spreadsheets store days, not zones). */
const parisDay = (at: Date) => new Date(`${isoDateInParis(at)}T00:00:00Z`);
const euros = (cents: number | null) => (cents === null ? null : cents / 100);
const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function exportCells(r: ListRow): Cell[] {
  return [
    r.receiptNumber,
    r.title,
    r.callTitle,
    r.callYear,
    r.leadName,
    r.regionCode,
    r.departementCode,
    STATUS_LABELS[r.status] ?? r.status,
    r.submittedAt ? parisDay(r.submittedAt) : null,
    euros(r.requestedAmountCents),
    r.reviewCount,
    round(r.scoreMean),
    round(r.scoreSpread),
    r.disagreement ? "oui" : "non",
    r.outcome === "accepted" ? "Accepté" : r.outcome === "rejected" ? "Refusé" : null,
    euros(r.grantedAmountCents),
  ];
}

/** The rows of the filtered list (every page, in the list's order), read with a server-side cursor. */
async function* exportRows(user: Principal, filters: ListFilters): AsyncGenerator<Cell[]> {
  const { columns, from, order } = selectList(user, filters);
  const query = new PgDialect().sqlToQuery(sql`select ${columns} ${from} order by ${order}`);
  const client = getDb().$client;
  for await (const batch of client.unsafe(query.sql, query.params as never[]).cursor(500)) {
    for (const row of batch) yield exportCells(toRow(row as Record<string, unknown>));
  }
}

/** Rows of the export: the list's per-status counts (see statusCountsQuery), for the chosen status or all. */
export async function countExportRows(user: Principal, filters: ListFilters) {
  const rows = (await getDb().execute(statusCountsQuery(user, filters))) as unknown as {
    status: string;
    n: number;
  }[];
  return rows
    .filter((r) => !filters.status || r.status === filters.status)
    .reduce((total, r) => total + Number(r.n), 0);
}

/** A byte stream of the export; rows are fetched as the client reads (back-pressure through pull). */
export function exportStream(
  user: Principal,
  filters: ListFilters,
  format: "csv" | "xlsx",
): ReadableStream<Uint8Array> {
  return streamOf(() =>
    format === "csv"
      ? csvChunks(EXPORT_HEADER, csvCells(exportRows(user, filters)))
      : xlsxChunks("Dossiers", EXPORT_HEADER, exportRows(user, filters)),
  );
}

/** Numbers with a decimal comma, as French spreadsheets read them in a CSV; days as ISO dates. */
async function* csvCells(rows: AsyncIterable<readonly Cell[]>) {
  for await (const cells of rows)
    yield cells.map((c) =>
      typeof c === "number"
        ? String(c).replace(".", ",")
        : c instanceof Date
          ? c.toISOString().slice(0, 10)
          : c,
    );
}
