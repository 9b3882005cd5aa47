'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { hasAnyCumulativeCost, type CumulativeTcoRow } from '@/lib/charts/monthly-tco';
import { OKABE_ITO } from '@/lib/charts/palette';
import type { Percentiles } from '@/lib/engine/types';
import { formatMoney, formatMonth } from '@/lib/format/number';
import { chartLabel, GRID_PROPS, MONTH_CHART_MARGIN, monthAxisProps, moneyYAxisProps } from './axis';
import { ChartFrame } from './chart-frame';
import { LEGEND_PROPS } from './legend';
import { ChartTooltip } from './chart-tooltip';
import { NumbersTable } from './numbers-table';

const CENTS = { cents: true } as const;

/** Chart 2: running total of TCO over the horizon, with token spend and engineering for scale. */
export function CumulativeTcoChart({ rows, monteCarloTotal }: { rows: CumulativeTcoRow[]; monteCarloTotal: Percentiles | null }) {
  const last = rows.at(-1);
  const values = rows.flatMap((row) => [row.cumulativeTco, row.cumulativeEngineering, row.cumulativeTokens]);
  const extent: [number, number] = [Math.min(0, ...values), Math.max(0, ...values)];
  return (
    <ChartFrame
      id="chart-cumulative-tco"
      title="Cumulative cost of ownership"
      height={260}
      empty={!hasAnyCumulativeCost(rows)}
      emptyText="Nothing costs anything in this scenario yet."
      footer={
        hasAnyCumulativeCost(rows) ? (
          <NumbersTable
            caption="Cumulative cost of ownership at the end of each month, USD"
            rowHeader={{ header: 'End of', cell: (row) => formatMonth(row.month) }}
            columns={[
              { key: 'tco', header: 'Total cost of ownership', emphasis: true, cell: (row) => formatMoney(row.cumulativeTco, CENTS) },
              { key: 'engineering', header: 'Engineering', cell: (row) => formatMoney(row.cumulativeEngineering, CENTS) },
              { key: 'tokens', header: 'Token spend', cell: (row) => formatMoney(row.cumulativeTokens, CENTS) },
            ]}
            rows={rows}
            rowKey={(row) => String(row.month)}
          />
        ) : null
      }
      caption={
        <>
          Running total (USD) at the end of each month{last ? `, reaching ${formatMoney(last.cumulativeTco)}` : ''}
          {monteCarloTotal
            ? ` (Monte Carlo p5–p95 of the total: ${formatMoney(monteCarloTotal.p5)} – ${formatMoney(monteCarloTotal.p95)})`
            : ''}
          . Token spend and engineering are shown as their own running totals to see which one drives the cost.
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
        <LineChart data={rows} margin={MONTH_CHART_MARGIN} {...chartLabel('Cumulative cost of ownership')}>
          <CartesianGrid {...GRID_PROPS} vertical={false} />
          <XAxis {...monthAxisProps(rows)} />
          <YAxis {...moneyYAxisProps('USD, cumulative', 44, extent)} />
          <Tooltip content={(props) => <ChartTooltip {...props} formatLabel={(month) => formatMonth(month as number)} formatValue={(value) => formatMoney(value as number)} />} />
          <Legend {...LEGEND_PROPS} />
          <Line dataKey="cumulativeTco" name="Total cost of ownership" stroke={OKABE_ITO.blue} strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
          <Line dataKey="cumulativeEngineering" name="Engineering" stroke={OKABE_ITO.orange} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
          <Line dataKey="cumulativeTokens" name="Token spend" stroke={OKABE_ITO.bluishGreen} strokeWidth={2} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
