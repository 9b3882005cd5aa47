import { linearTicks, monthTicks } from '@/lib/charts/linear-ticks';
import { formatMoneyAxis, formatPercent } from '@/lib/format/number';

/** Shared recharts styling: ticks and grid follow the surrounding text colour, so dark mode needs no second palette. */
export const AXIS_TICK = { fill: 'currentColor', fontSize: 11 } as const;
export const AXIS_LINE = { stroke: 'currentColor', strokeOpacity: 0.3 } as const;
export const GRID_PROPS = { stroke: 'currentColor', strokeOpacity: 0.12, strokeDasharray: '3 3' } as const;
export const AXIS_LABEL_STYLE = { fill: 'currentColor', fontSize: 11 } as const;
export const LEGEND_STYLE = { fontSize: 12, paddingTop: 14 } as const;
export const CHART_MARGIN = { top: 8, right: 12, bottom: 8, left: 4 } as const;

/** X axis of the by-month charts: 1-based month numbers as ticks (fits a phone and a 60-month horizon), unit below. */
export const MONTH_AXIS_PROPS = {
  dataKey: 'month',
  tick: AXIS_TICK,
  axisLine: AXIS_LINE,
  tickLine: false,
  tickFormatter: (month: number) => String(month + 1),
  label: { value: 'month', position: 'insideBottom', offset: -12, style: AXIS_LABEL_STYLE },
} as const;

/**
 * The month axis with round ticks (every month up to 13, then 2, 3, 6, 12 … apart) for the rows' 0-based months;
 * a month missing from the rows (no requests, so no per-request cost) gets no tick.
 */
export function monthAxisProps(rows: readonly { month: number }[]) {
  const present = new Set(rows.map((row) => row.month));
  const ticks = monthTicks(Math.max(0, ...present) + 1).filter((month) => present.has(month));
  return { ...MONTH_AXIS_PROPS, ticks, interval: 0 } as const;
}

/** Margin of the by-month charts: room below for the month axis label. */
export const MONTH_CHART_MARGIN = { ...CHART_MARGIN, bottom: 20 } as const;

/**
 * Y axis in USD: compact money ticks and a rotated unit label (`labelOffset` centres it on the plot height). With the
 * data's [min, max] (`extent`) the ticks are round 1-2-5 steps (lib/charts/linear-ticks) and the axis ends on one.
 */
export function moneyYAxisProps(unitLabel: string, labelOffset: number, extent?: readonly [number, number]) {
  const round = extent ? linearTicks(Math.min(0, extent[0]), Math.max(0, extent[1])) : null;
  return {
    ...(round ? { ticks: round.ticks, domain: round.domain } : {}),
    tick: AXIS_TICK,
    axisLine: AXIS_LINE,
    tickLine: false,
    tickFormatter: formatMoneyAxis,
    width: 64,
    label: { value: unitLabel, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, dx: 4, dy: labelOffset },
  } as const;
}

const SHARE_TICKS = linearTicks(0, 1).ticks;

/** Y axis of the cumulative-distribution charts: share of requests from 0 to 100 % in steps of 20 %, rotated label. */
export function shareYAxisProps(unitLabel: string, labelOffset: number) {
  return {
    domain: [0, 1],
    ticks: SHARE_TICKS,
    tick: AXIS_TICK,
    axisLine: AXIS_LINE,
    tickLine: false,
    width: 64,
    tickFormatter: (value: number) => formatPercent(value, { digits: 0 }),
    label: { value: unitLabel, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, dx: 4, dy: labelOffset },
  } as const;
}

/**
 * Accessible name and instructions of a chart's SVG (recharts renders them as <title> and <desc>). Recharts'
 * accessibility layer makes the chart focusable: arrow keys move the active point and show its tooltip.
 */
export function chartLabel(title: string, points = 'months') {
  return {
    title: `${title} (chart)`,
    desc: `Focus the chart, then use the left and right arrow keys to step through the ${points}; the tooltip shows the values. The same numbers are in a table below the chart.`,
  } as const;
}
