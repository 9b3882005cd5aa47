'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { hasAnyCumulativeCost, type CumulativeTcoRow } from '@/lib/charts/monthly-tco';
import { OKABE_ITO } from '@/lib/charts/palette';
import type { Percentiles } from '@/lib/engine/types';
import { formatMoney, formatMonth } from '@/lib/format/number';
import { GRID_PROPS, MONTH_AXIS_PROPS, MONTH_CHART_MARGIN, moneyYAxisProps } from './axis';
import { ChartFrame } from './chart-frame';
import { LEGEND_PROPS } from './legend';
import { ChartTooltip } from './chart-tooltip';

/** Chart 2: running total of TCO over the horizon, with token spend and engineering for scale. */
export function CumulativeTcoChart({ rows, monteCarloTotal }: { rows: CumulativeTcoRow[]; monteCarloTotal: Percentiles | null }) {
  const last = rows.at(-1);
  return (
    <ChartFrame
      id="chart-cumulative-tco"
      title="Cumulative cost of ownership"
      height={260}
      empty={!hasAnyCumulativeCost(rows)}
      emptyText="Nothing costs anything in this scenario yet."
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
        <LineChart data={rows} margin={MONTH_CHART_MARGIN}>
          <CartesianGrid {...GRID_PROPS} vertical={false} />
          <XAxis {...MONTH_AXIS_PROPS} />
          <YAxis {...moneyYAxisProps('USD, cumulative', 44)} />
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
