import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { neutraliseFormula } from "./formula";

/**
 * A one-sheet XLSX written by exceljs's streaming writer: rows are committed
 * as they come and leave deflated (a tenth of the stored size), so nothing is
 * held in memory but the rows zlib has not compressed yet.
 */

export type Cell = string | number | Date | null | undefined;

/** Rows committed between two looks at the output. */
const BATCH = 500;
/** Batches (of BATCH rows, some 75 KB of XML each) that may wait for zlib. */
const BATCHES_WITHOUT_OUTPUT = 20;

/** How a date cell shows: the day, as French spreadsheets write it. */
const DATE_FORMAT = "dd/mm/yyyy";

function cellValue(value: Cell): string | number | Date | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  // A text cell is never evaluated by Excel, but a sheet saved again as CSV, or opened by a
  // program that re-reads text cells, would run it: the same neutralisation as the CSV files.
  return neutraliseFormula(value);
}

/**
 * A one-sheet workbook as a stream of chunks: header row, then the rows of
 * `rows` as they come. Rows are read only when the consumer asks for the next
 * chunk, so a slow or gone client stops the source (and its query).
 */
export async function* xlsxChunks(
  sheetName: string,
  header: readonly string[],
  rows: AsyncIterable<readonly Cell[]>,
): AsyncGenerator<Uint8Array> {
  const queued: Buffer[] = [];
  let wake: (() => void) | null = null;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      queued.push(chunk);
      wake?.();
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    output.on("finish", resolve);
    output.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 6 } },
  });
  // Fixed metadata: the file is generated, and exceljs would write its own name.
  workbook.creator = "Coopération décentralisée";
  workbook.lastModifiedBy = workbook.creator;
  const sheet = workbook.addWorksheet(sheetName);
  const commit = (cells: readonly Cell[]) => {
    const row = sheet.addRow(cells.map(cellValue));
    cells.forEach((cell, i) => {
      if (cell instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
    row.commit();
  };
  const take = () => Buffer.concat(queued.splice(0));

  commit(header);
  // The first bytes go out at once (the download starts), before any row is read.
  if (!queued.length) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  yield take();
  // exceljs hands committed rows to zlib without waiting for it: after each batch the loop lets
  // zlib run (one turn of the event loop), and after BATCHES_WITHOUT_OUTPUT batches with nothing
  // out it waits for output, so at most that many batches are pending, whatever the source's speed.
  let count = 0;
  let batchesWithoutOutput = 0;
  for await (const cells of rows) {
    commit(cells);
    if (++count % BATCH !== 0) continue;
    await new Promise((resolve) => setImmediate(resolve));
    if (!queued.length && ++batchesWithoutOutput >= BATCHES_WITHOUT_OUTPUT) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    if (queued.length) {
      batchesWithoutOutput = 0;
      yield take();
    }
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  if (queued.length) yield take();
}
