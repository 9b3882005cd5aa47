'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { latencyTableRows, type LatencyChartData } from '@/lib/charts/latency';
import { OKABE_ITO } from '@/lib/charts/palette';
import type { LatencySummary } from '@/lib/engine/types';
import { formatDurationAxis, formatDurationMs, formatPercent } from '@/lib/format/number';
import { AXIS_LABEL_STYLE, AXIS_LINE, AXIS_TICK, CHART_MARGIN, chartLabel, GRID_PROPS, shareYAxisProps } from './axis';
import { ChartFrame } from './chart-frame';
import { LEGEND_PROPS } from './legend';
import { ChartTooltip } from './chart-tooltip';
import { NumbersGrid, NumbersTable } from './numbers-table';

/** Chart 3: share of successful requests answered within t, first token and full response, with the target line. */
export function LatencyCdfChart({
  data,
  firstToken,
  fullResponse,
}: {
  data: LatencyChartData | null;
  firstToken: LatencySummary;
  fullResponse: LatencySummary;
}) {
  return (
    <ChartFrame
      id="chart-latency-cdf"
      title="Latency distribution (CDF)"
      height={280}
      empty={data === null}
      emptyText="No request succeeds in this scenario, so there is no latency to plot."
      footer={data ? <LatencyTable data={data} firstToken={firstToken} fullResponse={fullResponse} /> : null}
      caption={
        data ? (
          <>
            Share of successful requests that have their first token (steps: one per model and retry path) or their full
            response within t, retries and failovers included, over the whole horizon. Target {formatDurationMs(data.targetMs)}
            {data.targetInRange ? ' (vertical line)' : ' (beyond the plotted range)'}: {formatPercent(firstToken.shareOverTarget, { digits: 2 })} of
            first tokens and {formatPercent(fullResponse.shareOverTarget, { digits: 2 })} of full responses are later.
          </>
        ) : (
          'Latency of successful requests, first token and full response.'
        )
      }
    >
      {data ? (
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 280 }}>
          <LineChart margin={{ ...CHART_MARGIN, top: 22, bottom: 20 }} {...chartLabel('Latency distribution', 'plotted latencies')}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis
              dataKey="ms"
              type="number"
              scale="log"
              domain={data.domain}
              ticks={data.ticks}
              allowDataOverflow
              tick={AXIS_TICK}
              axisLine={AXIS_LINE}
              tickLine={false}
              tickFormatter={formatDurationAxis}
              label={{ value: 'latency (log scale)', position: 'insideBottom', offset: -12, style: AXIS_LABEL_STYLE }}
            />
            <YAxis dataKey="share" {...shareYAxisProps('share of requests ≤ t', 56)} />
            <Tooltip
              content={(props) => (
                <ChartTooltip
                  {...props}
                  formatLabel={(label) => `≤ ${formatDurationMs(label as number)}`}
                  formatValue={(value) => formatPercent(value as number)}
                />
              )}
            />
            <Legend {...LEGEND_PROPS} wrapperStyle={{ ...LEGEND_PROPS.wrapperStyle, paddingTop: 16 }} />
            {data.targetInRange ? (
              <ReferenceLine
                x={data.targetMs}
                stroke={OKABE_ITO.vermillion}
                strokeDasharray="5 4"
                label={{ value: `target ${formatDurationMs(data.targetMs)}`, position: 'top', fill: 'currentColor', fontSize: 10 }}
              />
            ) : null}
            <Line
              data={data.firstToken}
              dataKey="share"
              name="First token"
              type="stepAfter"
              stroke={OKABE_ITO.blue}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              data={data.fullResponse}
              dataKey="share"
              name="Full response"
              type="linear"
              stroke={OKABE_ITO.orange}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      ) : null}
    </ChartFrame>
  );
}

type Summary = { label: string; pick: (summary: LatencySummary) => string };

const SUMMARY_ROWS: Summary[] = [
  { label: 'Median (p50)', pick: (s) => formatDurationMs(s.p50) },
  { label: 'p95', pick: (s) => formatDurationMs(s.p95) },
  { label: 'p99', pick: (s) => formatDurationMs(s.p99) },
  { label: 'Mean', pick: (s) => formatDurationMs(s.mean) },
  { label: 'Later than the target', pick: (s) => formatPercent(s.shareOverTarget, { digits: 2 }) },
];

/** The curves read at round times and the target, then the percentiles of the Result. */
function LatencyTable({ data, firstToken, fullResponse }: { data: LatencyChartData; firstToken: LatencySummary; fullResponse: LatencySummary }) {
  return (
    <NumbersTable
      caption="Share of successful requests answered within each time"
      rowHeader={{ header: 'Within', cell: (row) => (row.isTarget ? `${formatDurationMs(row.ms)} (target)` : formatDurationMs(row.ms)) }}
      columns={[
        { key: 'first', header: 'First token', cell: (row) => formatPercent(row.firstToken, { digits: 2 }) },
        { key: 'full', header: 'Full response', cell: (row) => formatPercent(row.fullResponse, { digits: 2 }) },
      ]}
      rows={latencyTableRows(data)}
      rowKey={(row) => String(row.ms)}
    >
      <div className="mt-3 overflow-x-auto [contain:inline-size]">
        <NumbersGrid
          caption="Latency percentiles of successful requests"
          rowHeader={{ header: 'Percentile', cell: (row) => row.label }}
          columns={[
            { key: 'first', header: 'First token', cell: (row) => row.pick(firstToken) },
            { key: 'full', header: 'Full response', cell: (row) => row.pick(fullResponse) },
          ]}
          rows={SUMMARY_ROWS}
          rowKey={(row) => row.label}
        />
      </div>
    </NumbersTable>
  );
}
