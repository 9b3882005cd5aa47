'use client';

import type { ReactNode } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { LatencyChartData } from '@/lib/charts/latency';
import { activeComponents, type CumulativeTcoRow, type MonthlyTcoRow } from '@/lib/charts/monthly-tco';
import { OKABE_ITO } from '@/lib/charts/palette';
import { formatDurationAxis, formatDurationMs, formatMoney, formatMoneyAxis, formatMonth, formatPercent } from '@/lib/format/number';
import { AXIS_LABEL_STYLE, AXIS_LINE, AXIS_TICK, GRID_PROPS } from '../charts/axis';
import { ChartTooltip } from '../charts/chart-tooltip';
import styles from './report.module.css';

/**
 * The report's charts at a fixed size that fits the printable width of A4 and Letter (680 CSS px ≈ 180 mm at
 * 96 px/in; A4 minus 14 mm margins is 182 mm). A fixed size renders in the first client render, with no resize
 * observer, so what prints is what is on screen; on a narrow screen the SVG scales down (report.module.css). No
 * animation (isAnimationActive={false}), so a chart is complete the moment it is drawn.
 */

export const REPORT_CHART_WIDTH = 680;
/** Two charts side by side in the printable width. */
export const REPORT_HALF_CHART_WIDTH = 330;

const MARGIN = { top: 10, right: 16, bottom: 22, left: 8 } as const;

type LegendMark = 'bar' | 'line' | 'dashed' | 'dotted' | 'band';

interface LegendItem {
  label: string;
  colour: string;
  mark: LegendMark;
}

/** An SVG legend swatch: prints in colour even when the browser drops background colours. */
function Swatch({ colour, mark }: { colour: string; mark: LegendMark }) {
  return (
    <svg aria-hidden="true" width="18" height="10" viewBox="0 0 18 10" className="shrink-0">
      {mark === 'bar' ? <rect x="3" y="0" width="12" height="10" rx="1.5" fill={colour} /> : null}
      {mark === 'band' ? <rect x="0" y="1" width="18" height="8" fill={colour} fillOpacity={0.3} stroke={colour} strokeDasharray="3 2" /> : null}
      {mark === 'line' || mark === 'dashed' || mark === 'dotted' ? (
        <line x1="0" y1="5" x2="18" y2="5" stroke={colour} strokeWidth="2.5" strokeDasharray={mark === 'dashed' ? '5 3' : mark === 'dotted' ? '2 2' : undefined} />
      ) : null}
    </svg>
  );
}

function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-[11px] text-slate-700 dark:text-slate-200">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <Swatch colour={item.colour} mark={item.mark} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

function ReportFigure({ id, title, caption, legend, children }: { id: string; title: string; caption: ReactNode; legend: LegendItem[]; children: ReactNode }) {
  return (
    <figure role="figure" aria-labelledby={`${id}-title`} data-report-chart={id} className={`${styles.chart} break-inside-avoid`}>
      <h3 id={`${id}-title`} className="text-[13px] font-semibold text-slate-900 dark:text-slate-50">
        {title}
      </h3>
      <div className="mt-2 text-slate-600 dark:text-slate-300">{children}</div>
      <ChartLegend items={legend} />
      <figcaption className="mt-1.5 text-[11px] leading-snug text-slate-500 dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}

const monthAxis = {
  dataKey: 'month',
  tick: AXIS_TICK,
  axisLine: AXIS_LINE,
  tickLine: false,
  interval: 0,
  tickFormatter: (month: number) => String(month + 1),
  label: { value: 'month', position: 'insideBottom', offset: -14, style: AXIS_LABEL_STYLE },
} as const;

function moneyAxis(label: string, height: number) {
  return {
    tick: AXIS_TICK,
    axisLine: AXIS_LINE,
    tickLine: false,
    tickFormatter: formatMoneyAxis,
    width: 58,
    label: { value: label, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, dx: 4, dy: height / 6 },
  } as const;
}

const monthLabel = (month: unknown) => formatMonth(month as number);

/** Monthly TCO stacked by component (MODEL.md §8.6), the total as a line, the Monte Carlo p5–p95 band when ready. */
export function MonthlyTcoReportChart({ rows }: { rows: MonthlyTcoRow[] }) {
  const components = activeComponents(rows);
  const hasBand = rows.some((row) => row.band !== null);
  const height = 220;
  const legend: LegendItem[] = [
    ...components.map((component) => ({ label: component.label, colour: component.colour, mark: 'bar' as const })),
    { label: 'Total', colour: 'currentColor', mark: 'line' },
    ...(hasBand ? [{ label: 'Monte Carlo p5–p95', colour: OKABE_ITO.grey, mark: 'band' as const }] : []),
  ];
  return (
    <ReportFigure
      id="report-chart-monthly"
      title="Monthly cost of ownership by component"
      legend={legend}
      caption={
        <>
          USD per month. Bars stack the month’s cost components (SLA credits below zero); the line is the month’s total
          {hasBand ? '; the band is the 5th–95th percentile of that total over the Monte Carlo trials.' : '.'}
        </>
      }
    >
      <ComposedChart width={REPORT_CHART_WIDTH} height={height} data={rows} margin={MARGIN} stackOffset="sign" title="Monthly cost of ownership by component">
        <CartesianGrid {...GRID_PROPS} vertical={false} />
        <XAxis {...monthAxis} />
        <YAxis {...moneyAxis('USD per month', height)} />
        <Tooltip
          cursor={{ fill: 'currentColor', fillOpacity: 0.06 }}
          content={(props) => (
            <ChartTooltip
              {...props}
              formatLabel={monthLabel}
              formatValue={(value) => (Array.isArray(value) ? `${formatMoney(value[0] as number)} – ${formatMoney(value[1] as number)}` : formatMoney(value as number))}
            />
          )}
        />
        {hasBand ? <Area dataKey="band" name="Monte Carlo p5–p95" fill={OKABE_ITO.grey} fillOpacity={0.25} stroke={OKABE_ITO.grey} strokeDasharray="4 3" isAnimationActive={false} /> : null}
        {components.map((component) => (
          <Bar key={component.key} dataKey={component.key} name={component.label} stackId="tco" fill={component.colour} isAnimationActive={false} maxBarSize={52} />
        ))}
        <Line dataKey="tco" name="Total" stroke="currentColor" strokeWidth={2} dot={{ r: 2.5, fill: 'currentColor' }} isAnimationActive={false} type="linear" />
      </ComposedChart>
    </ReportFigure>
  );
}

/** Running total of TCO, with token spend and engineering as their own running totals. */
export function CumulativeTcoReportChart({ rows, width = REPORT_CHART_WIDTH }: { rows: CumulativeTcoRow[]; width?: number }) {
  const height = 190;
  const last = rows.at(-1);
  return (
    <ReportFigure
      id="report-chart-cumulative"
      title="Cumulative cost of ownership"
      legend={[
        { label: 'Total cost of ownership', colour: OKABE_ITO.blue, mark: 'line' },
        { label: 'Token spend', colour: OKABE_ITO.bluishGreen, mark: 'dotted' },
        { label: 'Engineering', colour: OKABE_ITO.orange, mark: 'dashed' },
      ]}
      caption={<>USD, running total at the end of each month{last ? `, reaching ${formatMoney(last.cumulativeTco)}` : ''}.</>}
    >
      <LineChart width={width} height={height} data={rows} margin={MARGIN} title="Cumulative cost of ownership">
        <CartesianGrid {...GRID_PROPS} vertical={false} />
        <XAxis {...monthAxis} />
        <YAxis {...moneyAxis('USD, cumulative', height)} />
        <Tooltip content={(props) => <ChartTooltip {...props} formatLabel={monthLabel} formatValue={(value) => formatMoney(value as number)} />} />
        <Line dataKey="cumulativeTco" name="Total cost of ownership" stroke={OKABE_ITO.blue} strokeWidth={2.5} dot={{ r: 2.5 }} isAnimationActive={false} />
        <Line dataKey="cumulativeTokens" name="Token spend" stroke={OKABE_ITO.bluishGreen} strokeWidth={2} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
        <Line dataKey="cumulativeEngineering" name="Engineering" stroke={OKABE_ITO.orange} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
      </LineChart>
    </ReportFigure>
  );
}

/** Share of successful requests answered within t (first token and full response), with the latency target. */
export function LatencyReportChart({ data, width = REPORT_CHART_WIDTH }: { data: LatencyChartData; width?: number }) {
  const height = 190;
  return (
    <ReportFigure
      id="report-chart-latency"
      title="Latency distribution"
      legend={[
        { label: 'First token', colour: OKABE_ITO.blue, mark: 'line' },
        { label: 'Full response', colour: OKABE_ITO.orange, mark: 'dashed' },
        ...(data.targetInRange ? [{ label: `Target ${formatDurationMs(data.targetMs)}`, colour: OKABE_ITO.vermillion, mark: 'dashed' as const }] : []),
      ]}
      caption={<>Share of successful requests with their first token or full response within t (log scale), retries and failover included.</>}
    >
      <LineChart width={width} height={height} margin={{ ...MARGIN, top: 14 }} title="Latency distribution">
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
          label={{ value: 'latency (log scale)', position: 'insideBottom', offset: -14, style: AXIS_LABEL_STYLE }}
        />
        <YAxis
          dataKey="share"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={false}
          width={62}
          tickFormatter={(value: number) => formatPercent(value, { digits: 0 })}
          label={{ value: 'share ≤ t', angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, dx: 4, dy: 24 }}
        />
        <Tooltip content={(props) => <ChartTooltip {...props} formatLabel={(label) => `≤ ${formatDurationMs(label as number)}`} formatValue={(value) => formatPercent(value as number)} />} />
        {data.targetInRange ? <ReferenceLine x={data.targetMs} stroke={OKABE_ITO.vermillion} strokeDasharray="5 4" /> : null}
        <Line data={data.firstToken} dataKey="share" name="First token" type="stepAfter" stroke={OKABE_ITO.blue} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line data={data.fullResponse} dataKey="share" name="Full response" type="linear" stroke={OKABE_ITO.orange} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
      </LineChart>
    </ReportFigure>
  );
}
