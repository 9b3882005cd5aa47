'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { linearTicks, percentTickDigits } from '@/lib/charts/linear-ticks';
import { OKABE_ITO } from '@/lib/charts/palette';
import { hasRealtimeLoad, type PrimaryHeadroom, type RatePressure, type RatePressureRow } from '@/lib/charts/rate-limits';
import { formatCount, formatMonth, formatPercent } from '@/lib/format/number';
import { AXIS_LABEL_STYLE, AXIS_LINE, AXIS_TICK, chartLabel, GRID_PROPS, MONTH_CHART_MARGIN, monthAxisProps } from './axis';
import { ChartFrame } from './chart-frame';
import { LEGEND_PROPS } from './legend';
import { ChartTooltip } from './chart-tooltip';
import { NumbersTable } from './numbers-table';

/**
 * Chart 5: rate-limit pressure by month: peak in-flight attempts per model (bars, against each model's concurrency
 * cap), the 429 share (line, right axis), and a table of peak demand against each primary model's request limit.
 */
export function RateLimitChart({ pressure, headroom }: { pressure: RatePressure; headroom: PrimaryHeadroom[] }) {
  const { models, rows } = pressure;
  const maxConcurrency = Math.max(0, ...rows.flatMap((row) => models.map((m) => row[`concurrency:${m.modelId}`] ?? 0)));
  // Draw a cap only when it is within reach of the plotted values; a far-away cap would flatten the bars.
  const caps = models.filter((m) => m.maxConcurrency !== null && m.maxConcurrency <= Math.max(1, maxConcurrency) * 3);
  // Round ticks on both axes; the concurrency axis reaches the caps it draws.
  const concurrencyAxis = linearTicks(0, Math.max(maxConcurrency, ...caps.map((m) => m.maxConcurrency ?? 0)));
  const shareAxis = linearTicks(0, Math.max(0, ...rows.map((row) => row.rate429)), 5);
  const shareDigits = percentTickDigits(shareAxis.step);
  return (
    <ChartFrame
      id="chart-rate-limits"
      title="Rate-limit pressure by month"
      height={280}
      empty={models.length === 0 || !hasRealtimeLoad(pressure)}
      emptyText="No realtime requests reach a model, so there is no rate-limit pressure."
      caption={
        <>
          Bars: peak-hour in-flight attempts per model (Little’s law), dashed lines their concurrency caps where set. Line
          (right axis): share of attempts rejected with 429, retries included. The table compares first-attempt peak
          demand with each primary model’s effective limit min(RPM, TPM ÷ tokens per request).
        </>
      }
      footer={
        <>
          {headroom.length > 0 ? <HeadroomTable headroom={headroom} /> : null}
          {hasRealtimeLoad(pressure) ? <PressureTable pressure={pressure} /> : null}
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 280 }}>
        <ComposedChart data={rows} margin={MONTH_CHART_MARGIN} {...chartLabel('Rate-limit pressure by month')}>
          <CartesianGrid {...GRID_PROPS} vertical={false} />
          <XAxis {...monthAxisProps(rows)} />
          <YAxis
            yAxisId="concurrency"
            ticks={concurrencyAxis.ticks}
            domain={concurrencyAxis.domain}
            tick={AXIS_TICK}
            axisLine={AXIS_LINE}
            tickLine={false}
            width={52}
            tickFormatter={(value: number) => formatCount(value)}
            label={{ value: 'in-flight at peak', angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, dx: 4, dy: 44 }}
          />
          <YAxis
            yAxisId="share"
            orientation="right"
            tick={AXIS_TICK}
            axisLine={AXIS_LINE}
            tickLine={false}
            width={80}
            ticks={shareAxis.ticks}
            domain={shareAxis.domain}
            tickFormatter={(value: number) => formatPercent(value, { digits: shareDigits })}
            label={{ value: '429 share', angle: 90, position: 'insideRight', style: AXIS_LABEL_STYLE, dx: 0, dy: -30 }}
          />
          <Tooltip
            cursor={{ fill: 'currentColor', fillOpacity: 0.06 }}
            content={(props) => (
              <ChartTooltip
                {...props}
                formatLabel={(month) => formatMonth(month as number)}
                formatValue={(value, entry) =>
                  entry.dataKey === 'rate429' ? formatPercent(value as number, { digits: 3 }) : `${formatCount(value as number)} in flight`
                }
              />
            )}
          />
          <Legend {...LEGEND_PROPS} />
          {models.map((model) => (
            <Bar
              key={model.key}
              yAxisId="concurrency"
              dataKey={model.key}
              name={model.modelId}
              fill={model.colour}
              isAnimationActive={false}
              maxBarSize={28}
            />
          ))}
          {caps.map((model) => (
            <ReferenceLine
              key={`cap-${model.modelId}`}
              yAxisId="concurrency"
              y={model.maxConcurrency ?? 0}
              stroke={model.colour}
              strokeDasharray="5 4"
              label={{ value: `${model.modelId} cap ${model.maxConcurrency}`, position: 'insideTopLeft', fill: 'currentColor', fontSize: 10 }}
            />
          ))}
          <Line
            yAxisId="share"
            dataKey="rate429"
            name="429 share"
            stroke={OKABE_ITO.vermillion}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function HeadroomTable({ headroom }: { headroom: PrimaryHeadroom[] }) {
  return (
    <table className="tabular mt-3 w-full text-left text-xs">
      <caption className="sr-only">Peak demand against each primary model’s request limit</caption>
      <thead className="text-slate-500 dark:text-slate-400">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">Primary model</th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">Limit</th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">Peak demand, first → last month</th>
          <th scope="col" className="py-1 text-right font-medium">Of limit</th>
        </tr>
      </thead>
      <tbody className="text-slate-700 dark:text-slate-200">
        {headroom.map((row) => {
          const first = row.peakDemandPerMinute[0];
          const last = row.peakDemandPerMinute.at(-1);
          const share = row.limitPerMinute !== null && row.limitPerMinute > 0 && last !== undefined ? last / row.limitPerMinute : null;
          return (
            <tr key={row.modelId} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="[overflow-wrap:anywhere] py-1 pr-2 font-medium">{row.modelId}</th>
              <td className="py-1 pr-2 text-right">{row.limitPerMinute === null ? 'none' : `${formatCount(row.limitPerMinute)}/min`}</td>
              <td className="py-1 pr-2 text-right">
                {formatCount(first)} → {formatCount(last)}/min
              </td>
              <td className={`py-1 text-right ${share !== null && share >= 0.8 ? 'font-semibold text-amber-700 dark:text-amber-300' : ''}`}>
                {share === null ? '—' : formatPercent(share, { digits: 0 })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The plotted values by month: peak in-flight attempts per model and the 429 share. */
function PressureTable({ pressure }: { pressure: RatePressure }) {
  return (
    <NumbersTable
      caption="Peak-hour in-flight attempts per model and share of attempts rejected with 429, by month"
      rowHeader={{ header: 'Month', cell: (row: RatePressureRow) => formatMonth(row.month) }}
      columns={[
        ...pressure.models.map((model) => ({
          key: model.key,
          header: (
            <>
              <span className="font-mono">{model.modelId}</span>
              <span className="block font-normal">in flight{model.maxConcurrency !== null ? ` (cap ${formatCount(model.maxConcurrency)})` : ''}</span>
            </>
          ),
          cell: (row: RatePressureRow) => formatCount(row[`concurrency:${model.modelId}`] ?? 0),
        })),
        { key: 'rate429', header: '429 share', emphasis: true, cell: (row: RatePressureRow) => formatPercent(row.rate429, { digits: 3 }) },
      ]}
      rows={pressure.rows}
      rowKey={(row) => String(row.month)}
    />
  );
}
