import type { MonteCarloResult, MonthResult, Result } from '@/lib/engine/types';
import { formatMonth } from '@/lib/format/number';
import { OKABE_ITO } from './palette';

/** The stacked components of TCO_m (MODEL.md §8.6); credits are negative so the stack nets to the TCO. */
export const TCO_COMPONENTS = [
  { key: 'tokens', label: 'Realtime tokens', colour: OKABE_ITO.blue },
  { key: 'batch', label: 'Batch tokens', colour: OKABE_ITO.skyBlue },
  { key: 'flatRate', label: 'Flat rate (provisioned)', colour: OKABE_ITO.bluishGreen },
  { key: 'fees', label: 'Aggregator and platform fees', colour: OKABE_ITO.yellow },
  { key: 'engineering', label: 'Engineering', colour: OKABE_ITO.orange },
  { key: 'downtime', label: 'Downtime and failed requests', colour: OKABE_ITO.vermillion },
  { key: 'credits', label: 'SLA credits (subtracted)', colour: OKABE_ITO.reddishPurple },
] as const;

export type TcoComponentKey = (typeof TCO_COMPONENTS)[number]['key'];

export type TcoComponents = Record<TcoComponentKey, number>;

export interface MonthlyTcoRow extends TcoComponents {
  month: number;
  label: string;
  tco: number;
  requests: number;
  /** Monte Carlo p5–p95 of TCO_m (MODEL.md §9.4), null when no Monte Carlo result is available. */
  band: [number, number] | null;
  p50: number | null;
}

/** TCO_m split into its components (MODEL.md §8.6): they sum to `tco` up to rounding. */
export function tcoComponents(month: MonthResult): TcoComponents {
  return {
    tokens: month.tokenCost.total - month.tokenCost.batch,
    batch: month.tokenCost.batch,
    flatRate: month.flatRate,
    fees: month.aggregatorFee + month.platformFee,
    engineering: month.engineering.integration + month.engineering.maintenance,
    downtime: month.downtimeCost + month.failedRequestCost,
    credits: -month.slaCredits,
  };
}

/** One row per month for the stacked monthly TCO chart, with the Monte Carlo band when it matches the horizon. */
export function monthlyTcoRows(result: Result, monteCarlo: MonteCarloResult | null = null): MonthlyTcoRow[] {
  const percentiles = monteCarlo && monteCarlo.monthly.length === result.months.length ? monteCarlo.monthly : null;
  return result.months.map((month, index) => {
    const mc = percentiles?.[index];
    return {
      month: month.month,
      label: formatMonth(month.month),
      ...tcoComponents(month),
      tco: month.tco,
      requests: month.requests,
      band: mc ? [mc.p5, mc.p95] : null,
      p50: mc ? mc.p50 : null,
    };
  });
}

/** Components that are non-zero in at least one row, in stacking order (an all-zero series only clutters the legend). */
export function activeComponents(rows: readonly TcoComponents[]): (typeof TCO_COMPONENTS)[number][] {
  return TCO_COMPONENTS.filter((component) => rows.some((row) => Math.abs(row[component.key]) > 0));
}

export interface CostPerThousandRow extends TcoComponents {
  month: number;
  label: string;
  total: number;
}

/**
 * Cost per 1,000 requests by month and component: component_m × 1,000 ÷ requests_m. Months without requests are
 * left out (a per-request cost is undefined there).
 */
export function costPerThousandRows(result: Result): CostPerThousandRow[] {
  const rows: CostPerThousandRow[] = [];
  for (const month of result.months) {
    if (!(month.requests > 0)) continue;
    const scale = 1000 / month.requests;
    const components = tcoComponents(month);
    const scaled = Object.fromEntries(
      Object.entries(components).map(([key, value]) => [key, value * scale]),
    ) as TcoComponents;
    rows.push({ month: month.month, label: formatMonth(month.month), ...scaled, total: month.tco * scale });
  }
  return rows;
}

export interface CumulativeTcoRow {
  month: number;
  label: string;
  /** Σ_{k ≤ m} TCO_k. */
  cumulativeTco: number;
  /** Σ_{k ≤ m} token spend (realtime + batch). */
  cumulativeTokens: number;
  /** Σ_{k ≤ m} engineering (integration + maintenance). */
  cumulativeEngineering: number;
}

/** Running totals over the horizon; the last row's `cumulativeTco` equals `result.total.tco`. */
export function cumulativeTcoRows(result: Result): CumulativeTcoRow[] {
  let tco = 0;
  let tokens = 0;
  let engineering = 0;
  return result.months.map((month) => {
    tco += month.tco;
    tokens += month.tokenCost.total;
    engineering += month.engineering.integration + month.engineering.maintenance;
    return {
      month: month.month,
      label: formatMonth(month.month),
      cumulativeTco: tco,
      cumulativeTokens: tokens,
      cumulativeEngineering: engineering,
    };
  });
}

/** Whether any month has a non-zero cost or component; an all-zero chart is shown as an empty state instead. */
export function hasAnyCost(rows: readonly (TcoComponents & { tco?: number; total?: number })[]): boolean {
  return rows.some(
    (row) => (row.tco ?? 0) !== 0 || (row.total ?? 0) !== 0 || TCO_COMPONENTS.some((component) => row[component.key] !== 0),
  );
}

/** Whether the running totals ever leave zero (an empty horizon or a free scenario shows an empty state). */
export function hasAnyCumulativeCost(rows: readonly CumulativeTcoRow[]): boolean {
  return rows.some((row) => row.cumulativeTco !== 0 || row.cumulativeTokens !== 0 || row.cumulativeEngineering !== 0);
}
