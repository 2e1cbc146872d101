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

/**
 * The one table of the service, with its caption: the first column heads each
 * row (`<th scope="row">`), numeric columns are right-aligned with tabular
 * digits. Figures (the text alternative of the charts and maps, and what
 * prints) and lists (dossiers, users, e-mails) alike: a list whose heading
 * already says what it holds hides its caption for screen readers only
 * (`captionHidden`). It is the design system's table (DSFR `fr-table`), drawn here once.
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
    <div
      className={`fr-table fr-table--multiline ${captionHidden ? "fr-table--no-caption" : ""} ${width} ${className}`}
    >
      <div className="fr-table__wrapper">
        <TableScroll className="fr-table__container" label={caption}>
          <div className="fr-table__content">
            <table id={id} className="tabular-nums">
              <caption className={captionHidden ? "sr-only" : undefined}>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column.label} scope="col" className={column.numeric ? "text-right" : undefined}>
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{rows.map((row) => renderRow(row, columns, rowHeaderWeight))}</tbody>
              {footer.length > 0 && (
                <tfoot>
                  {footer.map((row) => renderRow({ ...row, total: true }, columns, rowHeaderWeight))}
                </tfoot>
              )}
            </table>
          </div>
        </TableScroll>
      </div>
    </div>
  );
}

function renderRow(row: DataTableRow, columns: DataTableColumn[], rowHeaderWeight: string) {
  // A total is ruled off from the lines it sums (a heavier rule above, bold figures).
  const total = row.total ? "border-t-2 border-grey-800 font-semibold" : "";
  return (
    <tr key={row.key} data-testid={row.testId}>
      <th scope="row" className={`${total} ${row.total ? "" : rowHeaderWeight}`}>
        {row.header}
      </th>
      {row.cells.map((value, index) => (
        <td
          // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are positional.
          key={index}
          className={`${total} ${columns[index + 1]?.numeric ? "text-right" : ""}`}
        >
          {value}
        </td>
      ))}
    </tr>
  );
}
