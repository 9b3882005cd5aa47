import type { ReactNode } from 'react';

export interface NumbersColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Bold, for the total column. */
  emphasis?: boolean;
}

const CELL = 'tabular whitespace-nowrap px-2 py-1 text-right';

/**
 * "Show the numbers": a chart's figures as a table behind a disclosure, for keyboard and screen-reader users and for
 * a reader who wants to copy them. The first column is the row header (month, time, cost line); the table scrolls
 * inside the chart card on a narrow screen rather than widening the page (`contain: inline-size` keeps its width out of
 * the card's min-content size, so a grid column around the chart does not grow either).
 */
export function NumbersTable<Row>({
  caption,
  rowHeader,
  columns,
  rows,
  rowKey,
  children,
  summary = 'Show the numbers',
}: {
  /** Read by screen readers: what the table holds and its unit. */
  caption: string;
  rowHeader: { header: ReactNode; cell: (row: Row) => ReactNode };
  columns: readonly NumbersColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** More below the table (a second table, a note). */
  children?: ReactNode;
  summary?: string;
}) {
  return (
    <details className="mt-3 text-xs">
      <summary className="cursor-pointer select-none rounded font-medium text-blue-700 dark:text-blue-300">{summary}</summary>
      <div className="mt-2 overflow-x-auto [contain:inline-size]" role="region" aria-label={caption} tabIndex={0}>
        <NumbersGrid caption={caption} rowHeader={rowHeader} columns={columns} rows={rows} rowKey={rowKey} />
      </div>
      {children}
    </details>
  );
}

/** The bare table of {@link NumbersTable}, for a second table inside the same disclosure. */
export function NumbersGrid<Row>({
  caption,
  rowHeader,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  rowHeader: { header: ReactNode; cell: (row: Row) => ReactNode };
  columns: readonly NumbersColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
}) {
  return (
    <table className="w-full border-collapse text-slate-700 dark:text-slate-200">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
          <th scope="col" className="px-2 py-1 text-left font-medium">
            {rowHeader.header}
          </th>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={`px-2 py-1 text-right ${column.emphasis ? 'font-semibold' : 'font-medium'}`}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
            <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
              {rowHeader.cell(row)}
            </th>
            {columns.map((column) => (
              <td key={column.key} className={`${CELL} ${column.emphasis ? 'font-semibold' : ''}`}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
