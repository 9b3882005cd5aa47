'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { linearTicks, monthTicks } from '@/lib/charts/linear-ticks';
import { seriesColour } from '@/lib/charts/palette';
import { formatMoneyAxis } from '@/lib/format/number';
import { AXIS_LABEL_STYLE, AXIS_LINE, AXIS_TICK, CHART_MARGIN, chartLabel, GRID_PROPS } from '../_components/charts/axis';
import { ChartFrame } from '../_components/charts/chart-frame';
import { ChartTooltip } from '../_components/charts/chart-tooltip';
import { LEGEND_PROPS } from '../_components/charts/legend';
import { NumbersTable } from '../_components/charts/numbers-table';
import type { CumulativeRow } from './compare-data';
import { formatUsd } from './compare-format';

/** Dash patterns per series, so lines differ by more than colour. */
const DASHES = [undefined, '8 4', '3 3', '12 3 3 3'] as const;

/** Cumulative TCO of every scenario on one chart (Σ_{k ≤ m} TCO_k, MODEL.md §8.6). */
export function CumulativeCompareChart({ rows, names }: { rows: CumulativeRow[]; names: string[] }) {
  const values = rows.flatMap((row) => names.map((_, i) => row[`s${i}`] ?? 0));
  const yAxis = linearTicks(Math.min(0, ...values), Math.max(0, ...values));
  // Rows are 1-based months here.
  const xTicks = monthTicks(rows.length).map((month) => month + 1);
  return (
    <ChartFrame
      id="compare-cumulative"
      title="Cumulative cost of ownership"
      height={300}
      empty={rows.length === 0}
      footer={
        rows.length > 0 ? (
          <NumbersTable
            caption="Cumulative cost of ownership of each scenario at the end of each month, USD"
            rowHeader={{ header: 'End of', cell: (row) => `Month ${row.month}` }}
            columns={names.map((name, i) => ({ key: `s${i}`, header: name, cell: (row: CumulativeRow) => formatUsd(row[`s${i}`] ?? null) }))}
            rows={rows}
            rowKey={(row) => String(row.month)}
          />
        ) : null
      }
      caption="Running total of the cost of ownership (USD) at the end of each month, one line per scenario. Where lines cross, the cheaper option changes."
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
        <LineChart data={rows} margin={CHART_MARGIN} {...chartLabel('Cumulative cost of ownership of each scenario')}>
          <CartesianGrid {...GRID_PROPS} vertical={false} />
          <XAxis
            dataKey="month"
            ticks={xTicks}
            interval={0}
            tick={AXIS_TICK}
            axisLine={AXIS_LINE}
            tickLine={false}
            tickFormatter={(m: number) => `M${m}`}
            label={{ value: 'Month', position: 'insideBottomRight', style: AXIS_LABEL_STYLE, dy: 8 }}
          />
          <YAxis
            ticks={yAxis.ticks}
            domain={yAxis.domain}
            tick={AXIS_TICK}
            axisLine={AXIS_LINE}
            tickLine={false}
            tickFormatter={formatMoneyAxis}
            width={68}
            label={{ value: 'USD, cumulative', angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, dx: 4, dy: 44 }}
          />
          <Tooltip
            content={(props) => (
              <ChartTooltip {...props} formatLabel={(label) => `Month ${String(label)}`} formatValue={(value) => formatUsd(typeof value === 'number' ? value : null)} />
            )}
          />
          <Legend {...LEGEND_PROPS} />
          {names.map((name, i) => (
            <Line
              key={i}
              dataKey={`s${i}`}
              name={name}
              stroke={seriesColour(i)}
              strokeWidth={2.5}
              strokeDasharray={DASHES[i % DASHES.length]}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
