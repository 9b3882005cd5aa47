'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { OKABE_ITO } from '@/lib/charts/palette';
import { tokenLengthsAt, type TokenLengthRow, type TokenLengthSummary } from '@/lib/charts/token-lengths';
import { formatCount, formatCountAxis, formatPercent } from '@/lib/format/number';
import { AXIS_LABEL_STYLE, AXIS_LINE, AXIS_TICK, CHART_MARGIN, chartLabel, GRID_PROPS, shareYAxisProps } from './axis';
import { ChartFrame } from './chart-frame';
import { LEGEND_PROPS } from './legend';
import { ChartTooltip } from './chart-tooltip';
import { NumbersGrid, NumbersTable } from './numbers-table';

/** Chart 6b: the input and output token-length distributions the costs and latencies are integrated over. */
export function TokenLengthChart({
  rows,
  ticks,
  input,
  output,
}: {
  rows: TokenLengthRow[];
  ticks: number[];
  input: TokenLengthSummary;
  output: TokenLengthSummary;
}) {
  return (
    <ChartFrame
      id="chart-token-lengths"
      title="Token-length distributions"
      height={260}
      empty={rows.length < 2}
      footer={rows.length < 2 ? null : <TokenLengthTable rows={rows} ticks={ticks} input={input} output={output} />}
      caption={
        <>
          Share of requests with at most x tokens (log scale), lognormal from your median and p95, cut at max_tokens.
          Mean input {formatCount(input.mean)} tokens, mean output {formatCount(output.mean)} tokens
          {output.cappedShare > 0 ? `; ${formatPercent(output.cappedShare, { digits: 2 })} of responses hit the cap` : ''}.
          Costs use these means; the long tail is what drives timeouts and slow full responses.
        </>
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 260 }}>
        <LineChart data={rows} margin={{ ...CHART_MARGIN, bottom: 20 }} {...chartLabel('Token-length distributions', 'token counts')}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis
            dataKey="tokens"
            type="number"
            scale="log"
            domain={['dataMin', 'dataMax']}
            ticks={ticks}
            allowDataOverflow
            tick={AXIS_TICK}
            axisLine={AXIS_LINE}
            tickLine={false}
            tickFormatter={formatCountAxis}
            label={{ value: 'tokens per request (log scale)', position: 'insideBottom', offset: -12, style: AXIS_LABEL_STYLE }}
          />
          <YAxis {...shareYAxisProps('share of requests ≤ x', 60)} />
          <Tooltip
            content={(props) => (
              <ChartTooltip
                {...props}
                formatLabel={(label) => `≤ ${formatCount(label as number)} tokens`}
                formatValue={(value) => formatPercent(value as number)}
              />
            )}
          />
          <Legend {...LEGEND_PROPS} wrapperStyle={{ ...LEGEND_PROPS.wrapperStyle, paddingTop: 16 }} />
          <Line dataKey="input" name="Input tokens" stroke={OKABE_ITO.blue} strokeWidth={2} dot={false} isAnimationActive={false} type="linear" />
          <Line dataKey="output" name="Output tokens" stroke={OKABE_ITO.orange} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} type="linear" />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

const SUMMARY_ROWS: { label: string; pick: (summary: TokenLengthSummary) => string }[] = [
  { label: 'Median', pick: (s) => formatCount(s.median) },
  { label: 'p95', pick: (s) => formatCount(s.p95) },
  { label: 'Mean (what costs use)', pick: (s) => formatCount(s.mean) },
  { label: 'Cut at max_tokens', pick: (s) => formatPercent(s.cappedShare, { digits: 2 }) },
];

function TokenLengthTable({ rows, ticks, input, output }: { rows: TokenLengthRow[]; ticks: number[]; input: TokenLengthSummary; output: TokenLengthSummary }) {
  return (
    <NumbersTable
      caption="Share of requests with at most each number of tokens"
      rowHeader={{ header: 'At most', cell: (row) => `${formatCount(row.tokens)} tokens` }}
      columns={[
        { key: 'input', header: 'Input', cell: (row) => formatPercent(row.input, { digits: 2 }) },
        { key: 'output', header: 'Output', cell: (row) => formatPercent(row.output, { digits: 2 }) },
      ]}
      rows={tokenLengthsAt(rows, ticks)}
      rowKey={(row) => String(row.tokens)}
    >
      <div className="mt-3 overflow-x-auto [contain:inline-size]">
        <NumbersGrid
          caption="Token-length summary, tokens per request"
          rowHeader={{ header: 'Tokens per request', cell: (row) => row.label }}
          columns={[
            { key: 'input', header: 'Input', cell: (row) => row.pick(input) },
            { key: 'output', header: 'Output', cell: (row) => row.pick(output) },
          ]}
          rows={SUMMARY_ROWS}
          rowKey={(row) => row.label}
        />
      </div>
    </NumbersTable>
  );
}
