import { formatCount, formatMoney } from '@/lib/format/number';
import type { ReportTable, ReportTableRow } from './monthly-table-rows';

/** Money to the cent, never compacted: the figures a finance reader reconciles with the CSV export. */
export const CENTS = { cents: true, compactFrom: Infinity } as const;

const cell = 'tabular whitespace-nowrap px-1.5 py-[3px] text-right';

function Row({ row, table, total = false }: { row: ReportTableRow; table: ReportTable; total?: boolean }) {
  return (
    <tr className={total ? 'border-t-2 border-slate-400 font-semibold dark:border-slate-500' : 'border-t border-slate-200 dark:border-slate-800'}>
      <th scope="row" className="whitespace-nowrap py-[3px] pr-1.5 text-left font-medium">
        {row.label}
      </th>
      <td className={cell}>{formatCount(row.requests, { compactFrom: Infinity })}</td>
      {table.columns.map((column) => (
        <td key={column.key} className={cell}>
          {formatMoney(row.costs[column.key], CENTS)}
        </td>
      ))}
      <td className={`${cell} font-semibold`} data-column="tco">
        {formatMoney(row.tco, CENTS)}
      </td>
      <td className={cell}>{total ? '' : formatMoney(row.cumulativeTco, CENTS)}</td>
      {table.hasBand ? <td className={cell}>{row.band ? `${formatMoney(row.band[0])} – ${formatMoney(row.band[1])}` : '—'}</td> : null}
    </tr>
  );
}

/** One row per month and a total row; every cost component in USD to the cent, as in the CSV export. */
export function ReportMonthlyTable({ table }: { table: ReportTable }) {
  return (
    <div className="relative overflow-x-auto break-inside-avoid">
      <table className="w-full border-collapse text-[11px] leading-tight text-slate-800 dark:text-slate-200" aria-describedby="report-table-note">
        <caption className="sr-only">Monthly cost of ownership by component, USD</caption>
        <thead>
          <tr className="align-bottom text-[10px] font-medium text-slate-500 dark:text-slate-400">
            <th scope="col" className="py-1 pr-1.5 text-left font-medium">
              Month
            </th>
            <th scope="col" className="px-1.5 py-1 text-right font-medium">
              Requests
            </th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className="px-1.5 py-1 text-right font-medium">
                {column.label}
              </th>
            ))}
            <th scope="col" className="px-1.5 py-1 text-right font-semibold text-slate-700 dark:text-slate-200">
              TCO
            </th>
            <th scope="col" className="px-1.5 py-1 text-right font-medium">
              Cumulative
            </th>
            {table.hasBand ? (
              <th scope="col" className="px-1.5 py-1 text-right font-medium">
                TCO p5–p95
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {table.months.map((row) => (
            <Row key={row.label} row={row} table={table} />
          ))}
        </tbody>
        <tfoot>
          <Row row={table.total} table={table} total />
        </tfoot>
      </table>
      <p id="report-table-note" className="mt-1.5 text-[10.5px] leading-snug text-slate-500 dark:text-slate-400">
        USD, rounded to the cent exactly as in the CSV export. Realtime tokens include the spend on timed-out attempts and
        on fallbacks.
        {table.zeroColumns.length > 0 ? ` Zero in every month, so not shown: ${table.zeroColumns.map((column) => column.label.toLowerCase()).join(', ')}.` : ''}
        {table.hasBand ? ' The p5–p95 column is the Monte Carlo range of each month’s total.' : ''}
      </p>
    </div>
  );
}
