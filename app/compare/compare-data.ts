import type { Result } from '@/lib/engine/types';
import { roundCents } from '@/lib/export/rounding';

/**
 * Pure data of the compare view (DESIGN.md §1.4): headline metrics with deltas against a baseline, cumulative TCO
 * lines, and the per-component TCO delta that explains why one scenario is cheaper than another (MODEL.md §8.6).
 */

export type MetricUnit = 'usd' | 'fraction' | 'ms' | 'minutes' | 'count';

export interface MetricDefinition {
  id: string;
  label: string;
  unit: MetricUnit;
  /** Which way is better, to word a delta as better or worse (never by colour alone). */
  better: 'lower' | 'higher';
  value: (result: Result) => number | null;
}

const perMonth = (result: Result, total: number) => (result.months.length > 0 ? total / result.months.length : null);

export const COMPARE_METRICS: readonly MetricDefinition[] = [
  { id: 'total-tco', label: 'Total cost of ownership', unit: 'usd', better: 'lower', value: (r) => r.total.tco },
  { id: 'monthly-average', label: 'Average monthly cost', unit: 'usd', better: 'lower', value: (r) => perMonth(r, r.total.tco) },
  { id: 'cost-per-1k', label: 'Cost per 1,000 requests', unit: 'usd', better: 'lower', value: (r) => (r.total.requests > 0 ? (r.total.tco * 1000) / r.total.requests : null) },
  { id: 'availability', label: 'Chain availability', unit: 'fraction', better: 'higher', value: (r) => r.total.chainAvailability },
  { id: 'success-rate', label: 'Request success rate', unit: 'fraction', better: 'higher', value: (r) => r.total.requestSuccessRate },
  { id: 'downtime', label: 'Downtime per month', unit: 'minutes', better: 'lower', value: (r) => perMonth(r, r.total.downtimeMinutes) },
  { id: 'p95-first-token', label: 'p95 first token', unit: 'ms', better: 'lower', value: (r) => r.total.firstToken.p95 },
  { id: 'p95-full-response', label: 'p95 full response', unit: 'ms', better: 'lower', value: (r) => r.total.fullResponse.p95 },
  { id: 'target-miss', label: 'Share over latency target', unit: 'fraction', better: 'lower', value: (r) => r.total.targetMissShare },
  { id: 'rate-429', label: '429 share of attempts', unit: 'fraction', better: 'lower', value: (r) => r.total.rate429 },
  { id: 'failovers', label: 'Failovers per month', unit: 'count', better: 'lower', value: (r) => perMonth(r, r.total.failovers) },
];

export interface MetricDelta {
  value: number | null;
  /** value − baseline (money rounded to the cent first, so the table's figures subtract exactly). */
  absolute: number | null;
  /** (value − baseline)/|baseline|; null when the baseline is 0 or missing. */
  relative: number | null;
  /** 'better' | 'worse' | 'same' for the metric's direction, null when not comparable. */
  verdict: 'better' | 'worse' | 'same' | null;
}

function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

export function metricDelta(metric: MetricDefinition, result: Result, baseline: Result): MetricDelta {
  const round = metric.unit === 'usd' ? roundCents : (x: number) => x;
  const rawValue = finite(metric.value(result));
  const rawBase = finite(metric.value(baseline));
  const value = rawValue === null ? null : round(rawValue);
  if (value === null || rawBase === null) return { value, absolute: null, relative: null, verdict: null };
  const base = round(rawBase);
  const absolute = metric.unit === 'usd' ? roundCents(value - base) : value - base;
  const relative = base === 0 ? null : (value - base) / Math.abs(base);
  const verdict = absolute === 0 ? 'same' : (absolute < 0) === (metric.better === 'lower') ? 'better' : 'worse';
  return { value, absolute, relative, verdict };
}

/** The TCO components a delta is explained by (MODEL.md §8.6); credits count negative because they reduce TCO. */
export const DELTA_COMPONENTS = [
  { key: 'tokens', label: 'Realtime tokens', value: (t: Result['total']) => t.tokenCost.total - t.tokenCost.batch },
  { key: 'batch', label: 'Batch tokens', value: (t: Result['total']) => t.tokenCost.batch },
  { key: 'flatRate', label: 'Flat rate (provisioned)', value: (t: Result['total']) => t.flatRate },
  { key: 'fees', label: 'Aggregator and platform fees', value: (t: Result['total']) => t.aggregatorFee + t.platformFee },
  { key: 'engineering', label: 'Engineering', value: (t: Result['total']) => t.engineering.integration + t.engineering.maintenance },
  { key: 'downtime', label: 'Downtime cost', value: (t: Result['total']) => t.downtimeCost },
  { key: 'failedRequests', label: 'Failed requests', value: (t: Result['total']) => t.failedRequestCost },
  { key: 'credits', label: 'SLA credits (subtracted)', value: (t: Result['total']) => -t.slaCredits },
] as const;

export type DeltaComponentKey = (typeof DELTA_COMPONENTS)[number]['key'];

export interface ComponentDelta {
  key: DeltaComponentKey;
  label: string;
  baseline: number;
  value: number;
  /** value − baseline in USD over the horizon; negative = this scenario is cheaper on this line. */
  delta: number;
}

/** Horizon-total TCO by component for `result` against `baseline`; the deltas sum to the TCO delta (MODEL.md §8.6). */
export function componentDeltas(result: Result, baseline: Result): ComponentDelta[] {
  return DELTA_COMPONENTS.map(({ key, label, value }) => {
    const mine = value(result.total);
    const theirs = value(baseline.total);
    return { key, label, baseline: theirs, value: mine, delta: mine - theirs };
  });
}

/** Components that differ (by at least half a cent), largest absolute delta first. */
export function significantDeltas(deltas: readonly ComponentDelta[]): ComponentDelta[] {
  return deltas.filter((d) => Math.abs(d.delta) >= 0.005).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}

export interface CumulativeRow {
  month: number;
  /** `s0`, `s1`, …: cumulative TCO of scenario i at the end of this month (absent past its horizon). */
  [series: `s${number}`]: number | undefined;
}

/** One row per month up to the longest horizon, each scenario's running TCO (Σ_{k ≤ m} TCO_k). */
export function cumulativeRows(results: readonly (Result | null)[]): CumulativeRow[] {
  const months = Math.max(0, ...results.map((r) => r?.months.length ?? 0));
  const running = results.map(() => 0);
  const rows: CumulativeRow[] = [];
  for (let m = 0; m < months; m++) {
    const row: CumulativeRow = { month: m + 1 };
    results.forEach((result, i) => {
      const month = result?.months[m];
      if (!month) return;
      running[i] = (running[i] ?? 0) + month.tco;
      row[`s${i}`] = running[i];
    });
    rows.push(row);
  }
  return rows;
}
