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

export function Table({ caption, captionSize = "m", head, rows, firstCellIsHeader = false }: TableProps) {
  const align = (column: number) => (head[column]?.isNumeric ? "text-right" : "text-left");
  const cellClass = "border-b border-border py-2.5 pr-5 align-top last:pr-0 break-words";
  return (
    <table className="body-m mb-5 w-full border-collapse sm:mb-8">
      <caption className={`${captionClasses[captionSize]} mb-4 text-left`}>
        {caption}
      </caption>
      <thead>
        <tr>
          {head.map((header, column) => (
            <th key={column} scope="col" className={`${cellClass} font-bold ${align(column)}`}>
              {header.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, column) =>
              column === 0 && firstCellIsHeader ? (
                <th key={column} scope="row" className={`${cellClass} font-bold ${align(column)}`}>
                  {cell}
                </th>
              ) : (
                <td key={column} className={`${cellClass} ${align(column)}`}>
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
