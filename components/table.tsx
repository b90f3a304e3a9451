import type { ReactNode } from "react";

export type TableHeader = {
  text: ReactNode;
  /** Right-aligns the column, so figures line up. */
  isNumeric?: boolean;
};

export type TableProps = {
  /** Says what the table is; read out first by screen readers. */
  caption: ReactNode;
  captionSize?: "l" | "m" | "s";
  head: readonly TableHeader[];
  rows: readonly (readonly ReactNode[])[];
  /** Makes each row's first cell a row header (th scope="row"), e.g. a reference number. */
  firstCellIsHeader?: boolean;
};

const captionClasses = { l: "heading-l", m: "heading-m", s: "heading-s" };

/*
 * Below tablet width (40rem) the table reflows instead of scrolling sideways (WCAG 1.4.10): the
 * header row is hidden from sight, each row becomes a block and each cell starts with its
 * column's header in bold. That visible label is aria-hidden, since a screen reader already
 * names the column from the table; the table, row and cell roles restate its semantics, which some browsers
 * drop from elements whose CSS display is changed.
 */
const stacked = {
  table: "max-sm:block",
  head: "max-sm:sr-only",
  body: "max-sm:block max-sm:border-t max-sm:border-border",
  row: "max-sm:block max-sm:border-b max-sm:border-border max-sm:py-2.5",
  cell: "max-sm:block max-sm:border-b-0 max-sm:py-1 max-sm:pr-0 max-sm:text-left",
};

export function Table({ caption, captionSize = "m", head, rows, firstCellIsHeader = false }: TableProps) {
  const align = (column: number) => (head[column]?.isNumeric ? "text-right" : "text-left");
  const cellClass = "border-b border-border py-2.5 pr-5 align-top last:pr-0 break-words";
  const label = (column: number) => (
    <span aria-hidden="true" className="block font-bold sm:hidden">
      {head[column]?.text}
    </span>
  );
  return (
    <table role="table" className={`body-m mb-5 w-full border-collapse sm:mb-8 ${stacked.table}`}>
      <caption className={`${captionClasses[captionSize]} mb-4 text-left max-sm:block`}>
        {caption}
      </caption>
      <thead className={stacked.head}>
        <tr role="row">
          {head.map((header, column) => (
            <th key={column} role="columnheader" scope="col" className={`${cellClass} font-bold ${align(column)}`}>
              {header.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={stacked.body}>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex} role="row" className={stacked.row}>
            {row.map((cell, column) =>
              column === 0 && firstCellIsHeader ? (
                <th key={column} role="rowheader" scope="row" className={`${cellClass} font-bold ${align(column)} ${stacked.cell}`}>
                  {label(column)}
                  {cell}
                </th>
              ) : (
                // eslint-disable-next-line jsx-a11y/no-interactive-element-to-noninteractive-role -- the plugin reads td as a grid cell; "cell" keeps a stacked row's cells cells
                <td key={column} role="cell" className={`${cellClass} ${align(column)} ${stacked.cell}`}>
                  {label(column)}
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
