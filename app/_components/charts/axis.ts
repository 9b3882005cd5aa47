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

/** Margin of the by-month charts: room below for the month axis label. */
export const MONTH_CHART_MARGIN = { ...CHART_MARGIN, bottom: 20 } as const;

/** Y axis in USD: compact money ticks and a rotated unit label (`labelOffset` centres it on the plot height). */
export function moneyYAxisProps(unitLabel: string, labelOffset: number) {
  return {
    tick: AXIS_TICK,
    axisLine: AXIS_LINE,
    tickLine: false,
    tickFormatter: formatMoneyAxis,
    width: 64,
    label: { value: unitLabel, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, dx: 4, dy: labelOffset },
  } as const;
}

/** Y axis of the cumulative-distribution charts: share of requests from 0 to 100 % with a rotated label. */
export function shareYAxisProps(unitLabel: string, labelOffset: number) {
  return {
    domain: [0, 1],
    tick: AXIS_TICK,
    axisLine: AXIS_LINE,
    tickLine: false,
    width: 64,
    tickFormatter: (value: number) => formatPercent(value, { digits: 0 }),
    label: { value: unitLabel, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, dx: 4, dy: labelOffset },
  } as const;
}
