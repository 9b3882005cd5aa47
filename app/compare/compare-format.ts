import { formatAvailability, formatCount, formatDurationMs, formatMinutes, formatMoney, formatPercent, MISSING } from '@/lib/format/number';
import type { MetricUnit } from './compare-data';

/** Money in the compare view: always to the cent, never compact, so it reconciles with the CSV. */
export function formatUsd(value: number | null): string {
  return formatMoney(value, { cents: true, compactFrom: Number.POSITIVE_INFINITY });
}

export function formatMetric(unit: MetricUnit, value: number | null): string {
  if (value === null) return MISSING;
  switch (unit) {
    case 'usd':
      return formatUsd(value);
    case 'fraction':
      return formatAvailability(value);
    case 'ms':
      return formatDurationMs(value);
    case 'minutes':
      return formatMinutes(value);
    case 'count':
      return formatCount(value);
  }
}

function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text.replace(/^-/, '')}`;
  return text;
}

/** A delta in the metric's unit: "+$12.30", "−0.045 pp", "+120 ms". */
export function formatMetricDelta(unit: MetricUnit, delta: number | null): string {
  if (delta === null) return MISSING;
  const magnitude = Math.abs(delta);
  switch (unit) {
    case 'usd':
      return signed(formatUsd(magnitude), delta);
    case 'fraction':
      return signed(`${Number((magnitude * 100).toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 4 })} pp`, delta);
    case 'ms':
      return signed(formatDurationMs(magnitude), delta);
    case 'minutes':
      return signed(formatMinutes(magnitude), delta);
    case 'count':
      return signed(formatCount(magnitude), delta);
  }
}

export function formatRelative(relative: number | null): string {
  if (relative === null) return '';
  return signed(formatPercent(Math.abs(relative)), relative);
}
