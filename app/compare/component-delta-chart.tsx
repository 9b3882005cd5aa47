'use client';

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { linearTicks } from '@/lib/charts/linear-ticks';
import { OKABE_ITO } from '@/lib/charts/palette';
import { formatMoneyAxis } from '@/lib/format/number';
import { AXIS_LABEL_STYLE, AXIS_LINE, AXIS_TICK, chartLabel, GRID_PROPS } from '../_components/charts/axis';
import { ChartFrame } from '../_components/charts/chart-frame';
import { ChartTooltip } from '../_components/charts/chart-tooltip';
import { NumbersTable } from '../_components/charts/numbers-table';
import type { ComponentDelta } from './compare-data';
import { formatMetricDelta } from './compare-format';

/**
 * Per-component TCO delta of one scenario against the baseline, as horizontal bars: left of zero (blue) the lines
 * where it is cheaper, right (vermillion) where it costs more. The table beside it carries the same figures.
 */
export function ComponentDeltaChart({ id, deltas, name, baselineName }: { id: string; deltas: ComponentDelta[]; name: string; baselineName: string }) {
  const rows = deltas.map((d) => ({ label: d.label, delta: d.delta }));
  // Always include zero, so bars grow from the zero line in both directions; round ticks, the axis ends on one.
  const axis = linearTicks(Math.min(0, ...rows.map((r) => r.delta)), Math.max(0, ...rows.map((r) => r.delta)), 5);
  return (
    <ChartFrame
      id={id}
      title={`Cost lines: ${name} vs ${baselineName}`}
      height={Math.max(120, 44 * rows.length + 40)}
      empty={rows.length === 0}
      emptyText="Every cost line is the same."
      footer={
        rows.length > 0 ? (
          <NumbersTable
            caption={`Difference in each cost line, ${name} minus ${baselineName}, USD`}
            rowHeader={{ header: 'Cost line', cell: (row) => row.label }}
            columns={[{ key: 'delta', header: 'Difference', emphasis: true, cell: (row) => formatMetricDelta('usd', row.delta) }]}
            rows={rows}
            rowKey={(row) => row.label}
          />
        ) : null
      }
      caption={`Difference in each cost line over the horizon (USD): bars to the left are where ${name} is cheaper, to the right where it costs more.`}
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 200 }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 16, left: 8 }} {...chartLabel(`Cost lines: ${name} vs ${baselineName}`, 'cost lines')}>
          <CartesianGrid {...GRID_PROPS} horizontal={false} />
          <XAxis
            type="number"
            ticks={axis.ticks}
            domain={axis.domain}
            tick={AXIS_TICK}
            axisLine={AXIS_LINE}
            tickLine={false}
            tickFormatter={formatMoneyAxis}
            label={{ value: `USD, ${name} − ${baselineName}`, position: 'insideBottom', style: AXIS_LABEL_STYLE, dy: 14 }}
          />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} axisLine={AXIS_LINE} tickLine={false} width={170} />
          <ReferenceLine x={0} stroke="currentColor" strokeOpacity={0.5} />
          <Tooltip content={(props) => <ChartTooltip {...props} formatValue={(value) => formatMetricDelta('usd', typeof value === 'number' ? value : null)} />} />
          <Bar dataKey="delta" name="Difference" isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.label} fill={row.delta < 0 ? OKABE_ITO.blue : OKABE_ITO.vermillion} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
