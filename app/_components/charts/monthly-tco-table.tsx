import { activeComponents, type MonthlyTcoRow } from '@/lib/charts/monthly-tco';
import { formatMoney, formatMonth } from '@/lib/format/number';

/** To the cent, like the CSV export. */
const CENTS = { cents: true } as const;

/**
 * The monthly TCO chart's numbers as a table, behind a disclosure: reachable by keyboard and screen readers (chart
 * tooltips are pointer-only), and the figures a finance reader wants to copy. Same rows as the chart.
 */
export function MonthlyTcoTable({ rows }: { rows: MonthlyTcoRow[] }) {
  const components = activeComponents(rows);
  const hasBand = rows.some((row) => row.band !== null);
  const cell = 'tabular whitespace-nowrap px-2 py-1 text-right';
  return (
    <details className="mt-3 text-xs">
      <summary className="cursor-pointer select-none font-medium text-blue-700 dark:text-blue-300">Show the numbers</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-slate-700 dark:text-slate-200">
          <caption className="sr-only">Monthly cost of ownership by component, USD</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-500 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Month
              </th>
              {components.map((component) => (
                <th key={component.key} scope="col" className="px-2 py-1 text-right font-medium">
                  {component.label}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-right font-semibold">
                Total
              </th>
              {hasBand ? (
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Monte Carlo p5–p95
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                  {formatMonth(row.month)}
                </th>
                {components.map((component) => (
                  <td key={component.key} className={cell}>
                    {formatMoney(row[component.key], CENTS)}
                  </td>
                ))}
                <td className={`${cell} font-semibold`}>{formatMoney(row.tco, CENTS)}</td>
                {hasBand ? <td className={cell}>{row.band ? `${formatMoney(row.band[0], CENTS)} – ${formatMoney(row.band[1], CENTS)}` : '—'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
