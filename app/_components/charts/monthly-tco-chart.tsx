'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { stackedExtent } from '@/lib/charts/linear-ticks';
import { activeComponents, hasAnyCost, type MonthlyTcoRow } from '@/lib/charts/monthly-tco';
import { OKABE_ITO } from '@/lib/charts/palette';
import { formatMoney, formatMonth } from '@/lib/format/number';
import { chartLabel, GRID_PROPS, MONTH_CHART_MARGIN, monthAxisProps, moneyYAxisProps } from './axis';
import { ChartFrame } from './chart-frame';
import { LEGEND_PROPS } from './legend';
import { ChartTooltip } from './chart-tooltip';
import { MonthlyTcoTable } from './monthly-tco-table';

/** Chart 1: TCO per month stacked by component, the TCO line, and the Monte Carlo p5–p95 band when available. */
export function MonthlyTcoChart({
  rows,
  monteCarloStatus,
  trials,
}: {
  rows: MonthlyTcoRow[];
  monteCarloStatus: 'idle' | 'updating' | 'ready';
  trials: number | null;
}) {
  const components = activeComponents(rows);
  const hasBand = rows.some((row) => row.band !== null);
  const [stackLow, stackHigh] = stackedExtent(rows, (row) => components.map((component) => row[component.key]));
  const extent: [number, number] = [
    Math.min(stackLow, ...rows.map((row) => Math.min(row.tco, row.band?.[0] ?? 0))),
    Math.max(stackHigh, ...rows.map((row) => Math.max(row.tco, row.band?.[1] ?? 0))),
  ];
  const status =
    monteCarloStatus === 'updating' ? (
      <span role="status">Monte Carlo updating…</span>
    ) : hasBand && trials !== null ? (
      `Band: p5–p95 of ${trials.toLocaleString('en-US')} Monte Carlo trials`
    ) : null;
  return (
    <ChartFrame
      id="chart-monthly-tco"
      title="Monthly cost of ownership by component"
      status={status}
      height={300}
      empty={!hasAnyCost(rows)}
      emptyText="Nothing costs anything in this scenario yet: add traffic, prices or engineering hours."
      footer={hasAnyCost(rows) ? <MonthlyTcoTable rows={rows} /> : null}
      caption={
        <>
          Bars stack each month’s cost components (USD); SLA credits go below zero. The line is the month’s total
          {hasBand
            ? '; the shaded band is the Monte Carlo 5th–95th percentile range of that total (traffic, token lengths and outages drawn at random).'
            : '. Turn on Monte Carlo in the scenario to see the 5th–95th percentile band around it.'}
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
        <ComposedChart data={rows} margin={MONTH_CHART_MARGIN} stackOffset="sign" {...chartLabel('Monthly cost of ownership by component')}>
          <CartesianGrid {...GRID_PROPS} vertical={false} />
          <XAxis {...monthAxisProps(rows)} />
          <YAxis {...moneyYAxisProps('USD per month', 40, extent)} />
          <Tooltip
            cursor={{ fill: 'currentColor', fillOpacity: 0.06 }}
            content={(props) => (
              <ChartTooltip
                {...props}
                formatLabel={(month) => formatMonth(month as number)}
                formatValue={(value) =>
                  Array.isArray(value) ? `${formatMoney(value[0] as number)} – ${formatMoney(value[1] as number)}` : formatMoney(value as number)
                }
              />
            )}
          />
          <Legend {...LEGEND_PROPS} />
          {hasBand ? (
            <Area
              dataKey="band"
              name="Monte Carlo p5–p95"
              fill={OKABE_ITO.grey}
              fillOpacity={0.25}
              stroke={OKABE_ITO.grey}
              strokeDasharray="4 3"
              isAnimationActive={false}
              legendType="square"
            />
          ) : null}
          {components.map((component) => (
            <Bar
              key={component.key}
              dataKey={component.key}
              name={component.label}
              stackId="tco"
              fill={component.colour}
              isAnimationActive={false}
              maxBarSize={56}
            />
          ))}
          <Line
            dataKey="tco"
            name="Total"
            stroke="currentColor"
            strokeWidth={2}
            dot={{ r: 3, fill: 'currentColor' }}
            isAnimationActive={false}
            type="linear"
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
