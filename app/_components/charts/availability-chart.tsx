'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChainAvailabilityRow } from '@/lib/charts/availability';
import { minuteTicks } from '@/lib/charts/linear-ticks';
import { OKABE_ITO } from '@/lib/charts/palette';
import { formatAvailability, formatMinutes, formatNines, formatPercent } from '@/lib/format/number';
import { AXIS_LABEL_STYLE, AXIS_LINE, AXIS_TICK, CHART_MARGIN, chartLabel, GRID_PROPS } from './axis';
import { ChartFrame } from './chart-frame';
import { LEGEND_PROPS } from './legend';
import { ChartTooltip } from './chart-tooltip';

/** Bar labels: minutes, formatted; recharts passes the raw value (possibly undefined). */
function formatBarLabel(value: unknown): string {
  return typeof value === 'number' ? formatMinutes(value) : '';
}

/** Chart 4: expected downtime minutes per month of each chain, against its first provider alone, with availability. */
export function AvailabilityChart({ rows, correlation }: { rows: ChainAvailabilityRow[]; correlation: number }) {
  const height = Math.max(200, 70 + rows.length * 56);
  // Round durations on the axis (30 min, 1 h, …), four intervals so the labels fit a phone.
  const axis = minuteTicks(0, Math.max(0, ...rows.flatMap((row) => [row.downtimeMinutes, row.primaryAloneDowntimeMinutes])), 5);
  return (
    <ChartFrame
      id="chart-availability"
      title="Availability per chain and downtime per month"
      height={height}
      empty={rows.length === 0}
      caption={
        <>
          Expected minutes per month during which every provider of a chain is down at once (shorter is better), against
          the chain’s first provider on its own. Outage correlation ρ = {correlation}: the fallback only helps against
          independent outages.
        </>
      }
      footer={
        <table className="tabular mt-3 w-full text-left text-xs">
          <caption className="sr-only">Availability per chain</caption>
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">Chain</th>
              <th scope="col" className="py-1 pr-2 font-medium">Traffic</th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">Availability</th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">Down per month</th>
              <th scope="col" className="py-1 text-right font-medium">First provider alone</th>
            </tr>
          </thead>
          <tbody className="text-slate-700 dark:text-slate-200">
            {rows.map((row) => (
              <tr key={row.label} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 font-normal">
                  <span className="font-medium">{row.label}</span>{' '}
                  <span className="[overflow-wrap:anywhere] text-slate-500 dark:text-slate-400">{row.route}</span>
                </th>
                <td className="py-1 pr-2">{formatPercent(row.weight, { digits: 0 })}</td>
                <td className="py-1 pr-2 text-right">
                  {formatAvailability(row.availability)}{' '}
                  <span className="text-slate-500 dark:text-slate-400">({formatNines(row.availability)})</span>
                </td>
                <td className="py-1 pr-2 text-right">{formatMinutes(row.downtimeMinutes)}</td>
                <td className="py-1 text-right">{formatMinutes(row.primaryAloneDowntimeMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ ...CHART_MARGIN, right: 92, bottom: 24 }}
          barGap={2}
          {...chartLabel('Availability per chain and downtime per month', 'chains')}
        >
          <CartesianGrid {...GRID_PROPS} horizontal={false} />
          <XAxis
            type="number"
            ticks={axis.ticks}
            domain={axis.domain}
            tick={AXIS_TICK}
            axisLine={AXIS_LINE}
            tickLine={false}
            tickFormatter={(value: number) => formatMinutes(value)}
            label={{ value: 'minutes down per month', position: 'insideBottom', offset: -12, style: AXIS_LABEL_STYLE }}
          />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} axisLine={AXIS_LINE} tickLine={false} width={78} />
          <Tooltip
            cursor={{ fill: 'currentColor', fillOpacity: 0.06 }}
            content={(props) => (
              <ChartTooltip
                {...props}
                formatValue={(value) => formatMinutes(value as number)}
                footer={(payload) => {
                  const row = payload[0]?.payload as ChainAvailabilityRow | undefined;
                  return row ? (
                    <span className="text-slate-600 dark:text-slate-300">
                      {row.route}: {formatAvailability(row.availability)} ({formatNines(row.availability)})
                    </span>
                  ) : null;
                }}
              />
            )}
          />
          <Legend {...LEGEND_PROPS} wrapperStyle={{ ...LEGEND_PROPS.wrapperStyle, paddingTop: 24 }} />
          <Bar dataKey="downtimeMinutes" name="Chain (with fallbacks)" fill={OKABE_ITO.blue} isAnimationActive={false} maxBarSize={18}>
            <LabelList dataKey="downtimeMinutes" position="right" formatter={formatBarLabel} fill="currentColor" fontSize={11} />
          </Bar>
          <Bar
            dataKey="primaryAloneDowntimeMinutes"
            name="First provider alone"
            fill={OKABE_ITO.grey}
            isAnimationActive={false}
            maxBarSize={18}
          >
            <LabelList dataKey="primaryAloneDowntimeMinutes" position="right" formatter={formatBarLabel} fill="currentColor" fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
