import { activeComponents, type MonthlyTcoRow } from '@/lib/charts/monthly-tco';
import { formatMoney, formatMonth } from '@/lib/format/number';
import { NumbersTable, type NumbersColumn } from './numbers-table';

/** To the cent, like the CSV export. */
const CENTS = { cents: true } as const;

/**
 * The monthly TCO chart's numbers as a table, behind a disclosure: for keyboard and screen-reader users, and the
 * figures a finance reader wants to copy. Same rows as the chart.
 */
export function MonthlyTcoTable({ rows }: { rows: MonthlyTcoRow[] }) {
  const hasBand = rows.some((row) => row.band !== null);
  const columns: NumbersColumn<MonthlyTcoRow>[] = [
    ...activeComponents(rows).map((component) => ({
      key: component.key,
      header: component.label,
      cell: (row: MonthlyTcoRow) => formatMoney(row[component.key], CENTS),
    })),
    { key: 'tco', header: 'Total', emphasis: true, cell: (row) => formatMoney(row.tco, CENTS) },
  ];
  if (hasBand) {
    columns.push({
      key: 'band',
      header: 'Monte Carlo p5–p95',
      cell: (row) => (row.band ? `${formatMoney(row.band[0], CENTS)} – ${formatMoney(row.band[1], CENTS)}` : '—'),
    });
  }
  return (
    <NumbersTable
      caption="Monthly cost of ownership by component, USD"
      rowHeader={{ header: 'Month', cell: (row) => formatMonth(row.month) }}
      columns={columns}
      rows={rows}
      rowKey={(row) => String(row.month)}
    />
  );
}
