import type { MonteCarloResult, MonthResult, Result, TotalResult } from '@/lib/engine/types';
import { formatMonth } from '@/lib/format/number';

/**
 * The report's monthly table: one row per month and a total row, one column per cost component of TCO_m
 * (MODEL.md §8.6), the same split and the same figures as the CSV export (lib/export/csv.ts), so the table and the
 * file agree to the cent. The failed-request cost, inside `tco_usd` in the CSV, gets its own column here so that the
 * components of every row add up to its TCO.
 */

type Figures = MonthResult | TotalResult;

export const REPORT_COST_COLUMNS = [
  // Realtime tokens = inputUncached + inputCached + output, the CSV's `token_cost_usd`.
  { key: 'tokens', label: 'Realtime tokens', pick: (f: Figures) => f.tokenCost.inputUncached + f.tokenCost.inputCached + f.tokenCost.output },
  { key: 'batch', label: 'Batch tokens', pick: (f: Figures) => f.tokenCost.batch },
  { key: 'flatRate', label: 'Flat rate', pick: (f: Figures) => f.flatRate },
  { key: 'aggregatorFee', label: 'Aggregator fee', pick: (f: Figures) => f.aggregatorFee },
  { key: 'platformFee', label: 'Platform fee', pick: (f: Figures) => f.platformFee },
  { key: 'engineering', label: 'Engineering', pick: (f: Figures) => f.engineering.integration + f.engineering.maintenance },
  { key: 'downtime', label: 'Downtime', pick: (f: Figures) => f.downtimeCost },
  { key: 'failedRequests', label: 'Failed requests', pick: (f: Figures) => f.failedRequestCost },
  // Credits reduce the bill: shown negative so every row's components sum to its TCO.
  { key: 'slaCredits', label: 'SLA credits', pick: (f: Figures) => -f.slaCredits },
] as const;

export type ReportCostColumn = (typeof REPORT_COST_COLUMNS)[number];
export type ReportCostKey = ReportCostColumn['key'];

export interface ReportTableRow {
  /** "Month 1" … or "Total". */
  label: string;
  requests: number;
  costs: Record<ReportCostKey, number>;
  tco: number;
  /** Σ TCO up to this month; the total row's is the horizon TCO (like the CSV's `cumulative_tco_usd`). */
  cumulativeTco: number;
  /** Monte Carlo p5–p95 of this row's TCO (MODEL.md §9.4), when a run for this horizon is at hand. */
  band: [number, number] | null;
}

export interface ReportTable {
  /** Columns with a non-zero figure in some row, in TCO order. */
  columns: ReportCostColumn[];
  /** Columns that are zero in every row (named under the table, so every component is accounted for). */
  zeroColumns: ReportCostColumn[];
  months: ReportTableRow[];
  total: ReportTableRow;
  hasBand: boolean;
}

function costsOf(figures: Figures): Record<ReportCostKey, number> {
  return Object.fromEntries(REPORT_COST_COLUMNS.map((column) => [column.key, column.pick(figures)])) as Record<ReportCostKey, number>;
}

/** The monthly table of a Result, with the Monte Carlo band when `monteCarlo` covers the same months. */
export function reportTable(result: Result, monteCarlo: MonteCarloResult | null = null): ReportTable {
  const percentiles = monteCarlo && monteCarlo.monthly.length === result.months.length ? monteCarlo : null;
  let cumulativeTco = 0;
  const months = result.months.map((month, index): ReportTableRow => {
    cumulativeTco += month.tco;
    const band = percentiles?.monthly[index];
    return {
      label: formatMonth(month.month),
      requests: month.requests,
      costs: costsOf(month),
      tco: month.tco,
      cumulativeTco,
      band: band ? [band.p5, band.p95] : null,
    };
  });
  const total: ReportTableRow = {
    label: 'Total',
    requests: result.total.requests,
    costs: costsOf(result.total),
    tco: result.total.tco,
    cumulativeTco: result.total.tco,
    band: percentiles ? [percentiles.total.p5, percentiles.total.p95] : null,
  };
  const rows = [...months, total];
  const used = (column: ReportCostColumn) => rows.some((row) => row.costs[column.key] !== 0);
  // Realtime tokens and engineering always show: a reader looks for them even when they are zero.
  const alwaysShown = new Set<ReportCostKey>(['tokens', 'engineering']);
  return {
    columns: REPORT_COST_COLUMNS.filter((column) => alwaysShown.has(column.key) || used(column)),
    zeroColumns: REPORT_COST_COLUMNS.filter((column) => !alwaysShown.has(column.key) && !used(column)),
    months,
    total,
    hasBand: percentiles !== null,
  };
}
