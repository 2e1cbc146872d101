/**
 * Size and memory of the XLSX export on generated rows, without a database:
 * `npx tsx scripts/xlsx-size.ts [rows]` (10 000 by default).
 */
import { EXPORT_HEADER } from "../lib/exports/applications";
import { type Cell, xlsxChunks } from "../lib/exports/xlsx";

const count = Number(process.argv[2] ?? 10_000);

async function* rows(): AsyncGenerator<Cell[]> {
  for (let i = 0; i < count; i++) {
    yield [
      `2026-AAP-${String(i).padStart(6, "0")}`,
      `Coopération décentralisée n° ${i} : eau potable et assainissement à Ségou`,
      "Appel à projets Afrique 2026",
      2026,
      `Commune de Saint-Étienne-${i % 500}`,
      "84",
      "42",
      "Déposé",
      new Date(Date.UTC(2026, 0, 1 + (i % 300))),
      12_500 + (i % 1000) * 10.5,
      i % 4,
      i % 4 ? 60 + (i % 40) : null,
      i % 4 ? 3.2 : null,
      i % 7 === 0 ? "oui" : "non",
      i % 3 === 0 ? "Accepté" : null,
      i % 3 === 0 ? 10_000 : null,
    ];
  }
}

const started = Date.now();
let bytes = 0;
let peak = 0;
for await (const chunk of xlsxChunks("Dossiers", EXPORT_HEADER, rows())) {
  bytes += chunk.byteLength;
  peak = Math.max(peak, process.memoryUsage().rss);
}
console.log(
  `${count} rows: ${(bytes / 1e6).toFixed(2)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS ${(peak / 1e6).toFixed(0)} MB`,
);
