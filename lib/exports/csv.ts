import { neutraliseFormula } from "./formula";

/** One CSV field (RFC 4180): quoted when needed; formulas neutralised for spreadsheet safety. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutraliseFormula(value) : String(value);
  return /[";\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line with the French separator (;) that spreadsheets in French expect. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(";")}\r\n`;
}

/** UTF-8 byte order mark, so that spreadsheets read accents right. */
export const CSV_BOM = "\ufeff";

type Cells = readonly (string | number | null | undefined)[];

/** The bytes of a CSV file (BOM, header, rows), in chunks of about 64 KB. */
export async function* csvChunks(header: Cells, rows: AsyncIterable<Cells>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode(CSV_BOM + csvLine(header));
  let buffer = "";
  for await (const cells of rows) {
    buffer += csvLine(cells);
    if (buffer.length > 64_000) {
      yield encoder.encode(buffer);
      buffer = "";
    }
  }
  if (buffer) yield encoder.encode(buffer);
}

/**
 * A byte stream read from chunks as the client reads (back-pressure through
 * pull); a client that goes away stops the producer, and with it the query.
 */
export function streamOf(produce: () => AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  let producer: AsyncGenerator<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      producer ??= produce();
      const { value, done } = await producer.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await producer?.return(undefined);
    },
  });
}

/** A CSV download that no shared cache keeps. */
export function csvDownload(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
