import { formatCount } from "@/lib/format";

export type BarChartRow = { label: string; submitted: number; accepted: number };

const BAR = 14;
const GAP = 4;
const ROW = BAR * 2 + GAP + 14;
const PLOT_WIDTH = 380;
const VALUE_WIDTH = 60;
const LABEL_MAX_CHARS = 40;
/** Room for the labels, from the longest one (~8 units a character at 14 px): years need little, régions more. */
const labelWidth = (rows: BarChartRow[]) =>
  Math.min(
    LABEL_MAX_CHARS * 8,
    Math.max(44, 12 + 8 * Math.max(0, ...rows.map((r) => Math.min(r.label.length, LABEL_MAX_CHARS)))),
  );

/**
 * Paired horizontal bars (submitted / accepted), drawn on the server as a
 * static SVG. Submitted is an outlined bar and accepted a solid one, each
 * with its value written at its end, so nothing relies on colour alone. The
 * SVG is an image with a text summary; the figures themselves are in the data
 * table the page shows with every chart. The SVG is drawn at its own width
 * (never enlarged) and shrinks with a narrow screen: the narrower the labels,
 * the more legible it stays on a phone.
 */
export function BarChart({ rows, summary }: { rows: BarChartRow[]; summary: string }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.submitted, r.accepted)));
  const height = rows.length * ROW + 8;
  const labels = labelWidth(rows);
  const width = labels + PLOT_WIDTH + VALUE_WIDTH;
  const scale = (v: number) => (v / max) * PLOT_WIDTH;
  return (
    <div>
      <ul className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-hidden="true">
        <li className="flex items-center gap-2">
          <span className="inline-block h-3 w-6 border-2 border-blue-france bg-white" /> dossiers déposés
        </li>
        <li className="flex items-center gap-2">
          <span className="inline-block h-3 w-6 border-2 border-blue-france bg-blue-france" /> lauréats
        </li>
      </ul>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        style={{ fontSize: 14, maxWidth: width }}
      >
        {rows.map((row, i) => {
          const y = i * ROW + 4;
          return (
            <g key={row.label}>
              <text x={labels - 8} y={y + BAR + 2} textAnchor="end" fill="#161616">
                {row.label.length > LABEL_MAX_CHARS
                  ? `${row.label.slice(0, LABEL_MAX_CHARS - 1)}…`
                  : row.label}
              </text>
              <rect
                x={labels}
                y={y}
                width={Math.max(1, scale(row.submitted))}
                height={BAR}
                fill="#ffffff"
                stroke="#000091"
                strokeWidth={2}
              />
              <text x={labels + scale(row.submitted) + 6} y={y + BAR - 3} fill="#3a3a3a">
                {formatCount(row.submitted)}
              </text>
              <rect
                x={labels}
                y={y + BAR + GAP}
                width={Math.max(1, scale(row.accepted))}
                height={BAR}
                fill="#000091"
              />
              <text x={labels + scale(row.accepted) + 6} y={y + 2 * BAR + GAP - 3} fill="#161616">
                {formatCount(row.accepted)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
