/**
 * Logical backup and restore of the application's database, without pg_dump
 * (see docs/operations.md for why): the schema is the migrations' version, the
 * data is every row of every table, read in one consistent snapshot.
 *
 * Archive (gzip): a JSON header line, then for every table, in foreign-key
 * order, frames `@@<table> <byte length>\n<rows as JSON lines>` (500 rows
 * each, as PostgreSQL's row_to_json writes them), and a trailer frame
 * `@@end <length>\n{rows per table}` checked on restore.
 */
import { once } from "node:events";
import {
  cpSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { createDb } from "./client";
import { MIGRATIONS_FOLDER } from "./migrate";

export const ARCHIVE_FORMAT = "coop-backup/1";

type Journal = { entries: { idx: number; tag: string; when: number }[] };

export type BackupHeader = {
  format: typeof ARCHIVE_FORMAT;
  createdAt: string;
  /** Number of migrations applied to the source and the tag of the last one. */
  migrations: number;
  lastMigration: string | null;
  server: string;
  tables: { name: string; columns: string[] }[];
};

export type BackupSummary = {
  file: string;
  bytes: number;
  rows: Record<string, number>;
  header: BackupHeader;
};

type Queryable = postgres.Sql | postgres.TransactionSql;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function journal(): Journal {
  return JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;
}

/** The tables of `public` with their columns (generated columns left out), parents before children. */
async function tablesInOrder(sql: Queryable) {
  const columns = await sql<{ table: string; column: string }[]>`
    select c.relname as table, a.attname as column
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname, a.attnum`;
  const edges = await sql<{ child: string; parent: string }[]>`
    select distinct c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`;
  const byTable = new Map<string, string[]>();
  for (const row of columns) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row.column]);
  const parents = new Map<string, Set<string>>();
  for (const edge of edges) parents.set(edge.child, (parents.get(edge.child) ?? new Set()).add(edge.parent));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const parent of [...(parents.get(table) ?? [])].sort()) visit(parent);
    ordered.push(table);
  };
  for (const table of [...byTable.keys()].sort()) visit(table);
  return ordered.map((name) => ({ name, columns: byTable.get(name) ?? [] }));
}

async function appliedMigrations(sql: Queryable) {
  const exists =
    await sql`select 1 from pg_tables where schemaname = 'drizzle' and tablename = '__drizzle_migrations'`;
  if (!exists.length) return 0;
  const [row] = await sql<
    { count: number }[]
  >`select count(*)::int as count from drizzle.__drizzle_migrations`;
  return row?.count ?? 0;
}

/** Writes a backup of `url` to `file` (one REPEATABLE READ snapshot); returns what it holds. */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(file, { mode: 0o600 });
  const written = pipeline(gzip, out);
  const write = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, "drain");
  };
  const rows: Record<string, number> = {};
  let header: BackupHeader | undefined;
  try {
    await sql.begin("isolation level repeatable read read only", async (tx) => {
      const count = await appliedMigrations(tx);
      const [version] = await tx<{ version: string }[]>`select version() as version`;
      const tables = await tablesInOrder(tx);
      header = {
        format: ARCHIVE_FORMAT,
        createdAt: new Date().toISOString(),
        migrations: count,
        lastMigration: journal().entries[count - 1]?.tag ?? null,
        server: version?.version ?? "",
        tables,
      };
      await write(`${JSON.stringify(header)}\n`);
      for (const table of tables) {
        const [counted] = await tx.unsafe<{ n: number }[]>(
          `select count(*)::int as n from ${quote(table.name)}`,
        );
        rows[table.name] = counted?.n ?? 0;
        const list = table.columns.map(quote).join(", ");
        // Rows as JSON text produced by PostgreSQL itself (never parsed in JavaScript, so
        // bigints, timestamps and arrays keep their exact text), 500 rows a frame.
        const cursor = tx
          .unsafe(`select row_to_json(r)::text as j from (select ${list} from ${quote(table.name)}) r`)
          .cursor(500);
        for await (const batch of cursor as AsyncIterable<{ j: string }[]>) {
          const bytes = Buffer.from(batch.map((row) => row.j).join("\n"));
          await write(`@@${table.name} ${bytes.length}\n`);
          await write(bytes);
        }
      }
      const trailer = JSON.stringify(rows);
      await write(`@@end ${Buffer.byteLength(trailer)}\n${trailer}`);
    });
  } finally {
    gzip.end();
    await written.catch(() => {});
    await sql.end({ timeout: 5 });
  }
  if (!header) throw new Error("backup failed");
  return { file, bytes: statSync(file).size, rows, header };
}

/** Reads an archive's frames: the header, then (table, bytes) chunks, then the trailer. */
async function* frames(
  file: string,
): AsyncGenerator<
  | { kind: "header"; header: BackupHeader }
  | { kind: "chunk"; table: string; bytes: Buffer }
  | { kind: "end"; rows: Record<string, number> }
> {
  let buffer: Buffer = Buffer.alloc(0);
  let headerRead = false;
  const source = createReadStream(file).pipe(createGunzip());
  for await (const piece of source as AsyncIterable<Buffer>) {
    buffer = buffer.length ? Buffer.concat([buffer, piece]) : piece;
    while (true) {
      const newline = buffer.indexOf(10);
      if (newline < 0) break;
      if (!headerRead) {
        const header = JSON.parse(buffer.subarray(0, newline).toString("utf8")) as BackupHeader;
        if (header.format !== ARCHIVE_FORMAT)
          throw new Error(`Not a backup of this service (${header.format}).`);
        headerRead = true;
        buffer = buffer.subarray(newline + 1);
        yield { kind: "header", header };
        continue;
      }
      const line = buffer.subarray(0, newline).toString("utf8");
      const match = /^@@(\S+) (\d+)$/.exec(line);
      if (!match) throw new Error("Damaged backup: unexpected frame.");
      const length = Number(match[2]);
      if (buffer.length < newline + 1 + length) break;
      const bytes = buffer.subarray(newline + 1, newline + 1 + length);
      buffer = buffer.subarray(newline + 1 + length);
      if (match[1] === "end") yield { kind: "end", rows: JSON.parse(bytes.toString("utf8")) };
      else yield { kind: "chunk", table: match[1] as string, bytes: Buffer.from(bytes) };
    }
  }
  if (buffer.length) throw new Error("Damaged backup: truncated.");
}

/** Reads the header of an archive (to show what it holds before restoring). */
export async function readBackupHeader(file: string) {
  for await (const frame of frames(file)) if (frame.kind === "header") return frame.header;
  throw new Error("Empty backup.");
}

/** Applies the first `count` migrations only (a backup taken before later ones). */
async function migrateTo(url: string, count: number) {
  const all = journal();
  if (count > all.entries.length) {
    throw new Error(
      `The backup comes from a newer version (${count} migrations, this code has ${all.entries.length}): update the code first.`,
    );
  }
  const folder = mkdtempSync(path.join(tmpdir(), "coop-migrations-"));
  try {
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    writeFileSync(
      path.join(folder, "meta", "_journal.json"),
      JSON.stringify({ ...all, entries: all.entries.slice(0, count) }),
    );
    const { db, close } = createDb(url, { max: 1 });
    try {
      await migrate(db, { migrationsFolder: folder });
    } finally {
      await close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Whether the database holds any table of ours (restore wants an empty one, unless told to erase it). */
export async function databaseIsEmpty(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_tables where schemaname in ('public', 'drizzle') limit 1`;
    return rows.length === 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Restores `file` into `url`: erases the database's schemas when `erase` (else it
 * must be empty), applies the migrations up to the backup's version, loads every
 * table (user triggers off: derived counters are restored as they were), resets
 * the sequences, checks the row counts, then applies the later migrations.
 */
export async function restoreDatabase(url: string, file: string, options: { erase?: boolean } = {}) {
  const header = await readBackupHeader(file);
  if (!(await databaseIsEmpty(url))) {
    if (!options.erase) throw new Error("The target database is not empty (pass --yes to erase it).");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(
        "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;",
      );
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  await migrateTo(url, header.migrations);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const loaded: Record<string, number> = {};
  try {
    await sql.begin(async (tx) => {
      const names = header.tables.map((t) => quote(t.name));
      // Rows a migration may have inserted (none today) are replaced by the backup's.
      for (const name of names) await tx.unsafe(`alter table ${name} disable trigger user`);
      if (names.length) await tx.unsafe(`truncate ${names.join(", ")}`);
      let trailer: Record<string, number> | null = null;
      for await (const frame of frames(file)) {
        if (frame.kind === "header") continue;
        if (frame.kind === "end") {
          trailer = frame.rows;
          continue;
        }
        const table = header.tables.find((t) => t.name === frame.table);
        if (!table) throw new Error(`Damaged backup: unknown table ${frame.table}.`);
        const list = table.columns.map(quote).join(", ");
        const json = `[${frame.bytes.toString("utf8").split("\n").join(",")}]`;
        await tx.unsafe(
          `insert into ${quote(table.name)} (${list}) overriding system value
           select ${list} from json_populate_recordset(null::${quote(table.name)}, $1::text::json)`,
          [json],
        );
      }
      for (const name of names) await tx.unsafe(`alter table ${name} enable trigger user`);
      if (!trailer) throw new Error("Damaged backup: no trailer (was it cut?).");
      for (const table of header.tables) {
        const [counted] = await tx.unsafe<{ n: number }[]>(
          `select count(*)::int as n from ${quote(table.name)}`,
        );
        loaded[table.name] = counted?.n ?? 0;
        if (loaded[table.name] !== (trailer[table.name] ?? 0)) {
          throw new Error(
            `Row count mismatch on ${table.name}: ${loaded[table.name]} restored, ${trailer[table.name]} in the backup.`,
          );
        }
      }
      // Sequences (serial and identity columns) continue after the restored rows.
      const sequences = await tx<{ table: string; column: string; seq: string }[]>`
        select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = 'public' and c.relkind = 'r'
          and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`;
      for (const s of sequences) {
        await tx.unsafe(
          `select setval('${s.seq.replace(/'/g, "''")}', coalesce((select max(${quote(s.column)}) from ${quote(s.table)}), 0) + 1, false)`,
        );
      }
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
  // Then the migrations written since the backup, if any.
  await migrateTo(url, journal().entries.length);
  return { header, rows: loaded };
}

/** Per table, the row count and an MD5 of its contents in a stable order (for checks and tests). */
export async function tableChecksums(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await tablesInOrder(sql);
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const table of tables) {
      const list = table.columns.map(quote).join(", ");
      const [row] = await sql.unsafe<{ rows: number; md5: string }[]>(
        `select count(*)::int as rows, coalesce(md5(string_agg(r::text, E'\\n' order by r::text)), '') as md5
         from (select ${list} from ${quote(table.name)}) r`,
      );
      result[table.name] = { rows: row?.rows ?? 0, md5: row?.md5 ?? "" };
    }
    return result;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
