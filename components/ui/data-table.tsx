import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll";

export type DataTableColumn = { label: string; numeric?: boolean };
export type DataTableRow = {
  key: string | number;
  header: ReactNode;
  cells: ReactNode[];
  /** A total or subtotal: bold, ruled off from the lines it sums. */
  total?: boolean;
  /** For tests that aim at one row (e.g. one year of a series). */
  testId?: string;
};

const cell = "border-b border-grey-200 px-3 py-2";

/**
 * The one table of the service, with its caption: the first column heads each
 * row (`<th scope="row">`), numeric columns are right-aligned with tabular
 * digits. Figures (the text alternative of the charts and maps, and what
 * prints) and lists (dossiers, users, e-mails) alike: a list whose heading
 * already says what it holds hides its caption for screen readers only
 * (`captionHidden`). The design system's restyle happens here, once.
 */
export function DataTable({
  id,
  caption,
  columns,
  rows,
  width = "max-w-4xl",
  rowHeaderWeight = "font-normal",
  className = "mt-4",
  captionHidden = false,
  footer = [],
}: {
  id?: string;
  caption: string;
  /** The caption for screen readers only, when a visible heading already says it. */
  captionHidden?: boolean;
  /** The first column is the row headers' one. */
  columns: DataTableColumn[];
  rows: DataTableRow[];
  /** Rows summing the body (« Toutes années »), in the table's footer. */
  footer?: DataTableRow[];
  width?: "max-w-3xl" | "max-w-4xl" | "max-w-none";
  rowHeaderWeight?: "font-normal" | "font-semibold";
  className?: string;
}) {
  return (
    <TableScroll className={className} label={caption}>
      <table id={id} className={`w-full ${width} border-collapse text-sm`}>
        {/* Wraps within the screen and stays in view while a wide table scrolls sideways (phones). */}
        <caption
          className={
            captionHidden ? "sr-only" : "sticky left-0 mb-2 max-w-[calc(100vw-2rem)] text-left font-semibold"
          }
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`border-b-2 border-grey-800 px-3 py-2 font-semibold ${column.numeric ? "text-right" : "text-left"}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map((row) => renderRow(row, columns, rowHeaderWeight))}</tbody>
        {footer.length > 0 && (
          <tfoot>{footer.map((row) => renderRow({ ...row, total: true }, columns, rowHeaderWeight))}</tfoot>
        )}
      </table>
    </TableScroll>
  );
}

function renderRow(row: DataTableRow, columns: DataTableColumn[], rowHeaderWeight: string) {
  const rule = row.total ? "border-b-2 border-grey-800 px-3 py-2 font-semibold" : cell;
  return (
    <tr key={row.key} className="align-top" data-testid={row.testId}>
      <th scope="row" className={`${rule} text-left ${row.total ? "" : rowHeaderWeight}`}>
        {row.header}
      </th>
      {row.cells.map((value, index) => (
        <td
          // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are positional.
          key={index}
          className={`${rule} ${columns[index + 1]?.numeric ? "text-right tabular-nums" : ""}`}
        >
          {value}
        </td>
      ))}
    </tr>
  );
}
