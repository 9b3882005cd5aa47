'use client';

import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { OKABE_ITO } from '@/lib/charts/palette';
import { formatMoney, formatMoneyAxis } from '@/lib/format/number';
import type { BreakevenResult } from '@/lib/planner/breakeven';
import type { SensitivityResult } from '@/lib/planner/sensitivity';
import type { CandidateFigures } from '@/lib/planner/types';
import { AXIS_LABEL_STYLE, AXIS_LINE, AXIS_TICK, GRID_PROPS } from '../_components/charts/axis';
import { ChartFrame } from '../_components/charts/chart-frame';
import { NumbersTable } from '../_components/charts/numbers-table';

export const pct = (v: number, digits = 4) => `${(100 * v).toFixed(digits)} %`;
export const msText = (v: number | null) => (v === null ? 'no success' : `${Math.round(v).toLocaleString('en-US')} ms`);
const CENTS = { cents: true } as const;

/** p95 buckets coloured from fast (blue) to slow (vermillion), colour-blind safe (Okabe & Ito). */
const P95_COLOURS = [OKABE_ITO.blue, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen, OKABE_ITO.orange, OKABE_ITO.vermillion];

function p95Colour(value: number | null, min: number, max: number): string {
  if (value === null) return OKABE_ITO.grey;
  const t = max > min ? (value - min) / (max - min) : 0;
  return P95_COLOURS[Math.min(P95_COLOURS.length - 1, Math.floor(t * P95_COLOURS.length))]!;
}

/** The Pareto frontier: TCO against availability, p95 as colour. */
export function FrontierChart({ frontier, measure }: { frontier: CandidateFigures[]; measure: string }) {
  const points = frontier.map((c, i) => ({ ...c, rank: i + 1, availabilityPct: 100 * c.chainAvailability, chain: c.models.join(' → ') }));
  const p95s = frontier.flatMap((c) => (c.p95Ms === null ? [] : [c.p95Ms]));
  const min = Math.min(...p95s);
  const max = Math.max(...p95s);
  return (
    <ChartFrame
      id="chart-frontier"
      title="Pareto frontier"
      height={300}
      empty={frontier.length === 0}
      emptyText="No feasible chain: nothing to plot."
      caption={`Each point is a chain no other feasible chain beats on cost, availability and p95 ${measure} latency at once. Colour: p95 from fast (blue) to slow (red), ${msText(p95s.length ? min : null)} to ${msText(p95s.length ? max : null)}.`}
      footer={
        <NumbersTable
          caption="Pareto frontier: chain, TCO in USD, availability in percent, p95 in ms"
          rowHeader={{ header: 'Chain', cell: (row) => row.chain }}
          columns={[
            { key: 'tco', header: 'TCO', emphasis: true, cell: (row) => formatMoney(row.tco, CENTS) },
            { key: 'availability', header: 'Availability', cell: (row) => pct(row.chainAvailability) },
            { key: 'p95', header: `p95 ${measure}`, cell: (row) => msText(row.p95Ms) },
          ]}
          rows={points}
          rowKey={(row) => row.chain}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis type="number" dataKey="tco" name="TCO" tick={AXIS_TICK} axisLine={AXIS_LINE} tickLine={false} tickFormatter={(v: number) => formatMoneyAxis(v)} domain={['auto', 'auto']} label={{ value: 'TCO over the horizon, USD', position: 'insideBottom', offset: -14, style: AXIS_LABEL_STYLE }} />
          <YAxis type="number" dataKey="availabilityPct" name="Availability" tick={AXIS_TICK} axisLine={AXIS_LINE} tickLine={false} width={64} domain={['auto', 'auto']} tickFormatter={(v: number) => `${v.toFixed(3)}`} label={{ value: 'availability, %', angle: -90, position: 'insideLeft', offset: 4, style: AXIS_LABEL_STYLE }} />
          <ZAxis range={[70, 70]} />
          <Tooltip
            content={({ active, payload }) => {
              const row = active ? (payload?.[0]?.payload as (typeof points)[number] | undefined) : undefined;
              if (!row) return null;
              return (
                <div className="rounded-md border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
                  <div className="font-medium">{row.chain}</div>
                  <div>TCO {formatMoney(row.tco, CENTS)}</div>
                  <div>Availability {pct(row.chainAvailability)}</div>
                  <div>p95 {msText(row.p95Ms)}</div>
                </div>
              );
            }}
          />
          <Scatter data={points} isAnimationActive={false} name="Frontier chains">
            {points.map((p) => (
              <Cell key={p.chain} fill={p95Colour(p.p95Ms, min, max)} />
            ))}
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Tornado: TCO at the low and the high value of each input, around the scenario's TCO. */
export function TornadoChart({ result, swingPct }: { result: SensitivityResult; swingPct: number }) {
  const rows = result.rows.slice(0, 12).map((r) => ({ ...r, lowDelta: r.tcoLow - result.baseTco, highDelta: r.tcoHigh - result.baseTco }));
  return (
    <ChartFrame
      id="chart-tornado"
      title="What drives the cost"
      height={Math.max(200, 28 * rows.length + 60)}
      empty={rows.length === 0}
      caption={`Change in TCO (USD) from ${formatMoney(result.baseTco)} when one input moves ${swingPct} % down (orange) or up (blue), the others fixed; largest swing first. Fractions are clamped to their range.`}
      footer={
        <NumbersTable
          caption="Sensitivity of TCO to each input, USD"
          rowHeader={{ header: 'Input', cell: (row) => row.input }}
          columns={[
            { key: 'low', header: 'Low value', cell: (row) => String(Number(row.low.toPrecision(6))) },
            { key: 'high', header: 'High value', cell: (row) => String(Number(row.high.toPrecision(6))) },
            { key: 'tcoLow', header: 'TCO at low', cell: (row) => formatMoney(row.tcoLow, CENTS) },
            { key: 'tcoHigh', header: 'TCO at high', cell: (row) => formatMoney(row.tcoHigh, CENTS) },
          ]}
          rows={result.rows}
          rowKey={(row) => row.input}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 24, left: 8 }} barGap={-14} accessibilityLayer>
          <CartesianGrid {...GRID_PROPS} horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK} axisLine={AXIS_LINE} tickLine={false} tickFormatter={(v: number) => formatMoneyAxis(v)} label={{ value: 'change in TCO, USD', position: 'insideBottom', offset: -14, style: AXIS_LABEL_STYLE }} />
          <YAxis type="category" dataKey="input" tick={{ ...AXIS_TICK, fontSize: 10 }} axisLine={AXIS_LINE} tickLine={false} width={170} interval={0} tickFormatter={(v: string) => (v.length > 30 ? `…${v.slice(-29)}` : v)} />
          <ReferenceLine x={0} stroke="currentColor" strokeOpacity={0.5} />
          <Tooltip formatter={(value) => formatMoney(Number(value), CENTS)} />
          <Legend wrapperStyle={{ fontSize: 12 }} verticalAlign="top" />
          <Bar dataKey="lowDelta" name={`−${swingPct} %`} fill={OKABE_ITO.orange} barSize={14} isAnimationActive={false} />
          <Bar dataKey="highDelta" name={`+${swingPct} %`} fill={OKABE_ITO.blue} barSize={14} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Both TCO curves over the varied input with the crossings marked. */
export function BreakevenChart({ result, labelA, labelB }: { result: BreakevenResult; labelA: string; labelB: string }) {
  const fraction = result.vary.endsWith('Share');
  const format = (v: number) => (fraction ? `${(100 * v).toFixed(1)} %` : Number(v.toPrecision(4)).toLocaleString('en-US'));
  return (
    <ChartFrame
      id="chart-breakeven"
      title="Break-even"
      height={280}
      caption={
        result.crossings.length === 0
          ? `${labelA} and ${labelB} never cost the same for ${result.vary} between ${format(result.from)} and ${format(result.to)}.`
          : `Total cost of ownership (USD) of both setups as ${result.vary} varies; they cost the same at ${result.crossings.map((c) => format(c.value)).join(', ')} (marked).`
      }
      footer={
        <NumbersTable
          caption={`Break-even: TCO of both setups in USD by ${result.vary}`}
          rowHeader={{ header: result.vary, cell: (row) => format(row.value) }}
          columns={[
            { key: 'a', header: labelA, cell: (row) => formatMoney(row.tcoA, CENTS) },
            { key: 'b', header: labelB, cell: (row) => formatMoney(row.tcoB, CENTS) },
          ]}
          rows={[...result.points.filter((_, i) => i % Math.max(1, Math.floor(result.points.length / 20)) === 0), ...result.crossings.map((c) => ({ value: c.value, tcoA: c.tco, tcoB: c.tco }))].sort((x, y) => x.value - y.value)}
          rowKey={(row, i) => `${row.value}-${i}`}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 280 }}>
        <LineChart data={result.points} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis type="number" dataKey="value" domain={[result.from, result.to]} tick={AXIS_TICK} axisLine={AXIS_LINE} tickLine={false} tickFormatter={format} label={{ value: `${result.vary}${fraction ? ', %' : ''}`, position: 'insideBottom', offset: -14, style: AXIS_LABEL_STYLE }} />
          <YAxis tick={AXIS_TICK} axisLine={AXIS_LINE} tickLine={false} width={64} tickFormatter={(v: number) => formatMoneyAxis(v)} label={{ value: 'TCO, USD', angle: -90, position: 'insideLeft', offset: 4, style: AXIS_LABEL_STYLE }} />
          <Tooltip labelFormatter={(v) => format(Number(v))} formatter={(value) => formatMoney(Number(value), CENTS)} />
          <Legend wrapperStyle={{ fontSize: 12 }} verticalAlign="top" />
          <Line dataKey="tcoA" name={labelA} stroke={OKABE_ITO.blue} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="tcoB" name={labelB} stroke={OKABE_ITO.orange} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
          {result.crossings.map((c) => (
            <ReferenceDot key={c.value} x={c.value} y={c.tco} r={6} fill={OKABE_ITO.vermillion} stroke="white" />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
