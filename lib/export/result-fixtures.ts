import type { LatencySummary, MonthResult, Result, TotalResult } from '@/lib/engine/types';

/**
 * Hand-built Results for the export tests (the engine is tested on its own). Every figure is chosen so a test can
 * state the expected CSV cell with the arithmetic beside it.
 */

const NO_LATENCY: LatencySummary = { mean: null, p50: null, p95: null, p99: null, shareOverTarget: null };

export interface MonthFigures {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  inputUncached: number;
  inputCached: number;
  output: number;
  batch: number;
  flatRate: number;
  aggregatorFee: number;
  platformFee: number;
  integration: number;
  maintenance: number;
  downtimeMinutes: number;
  downtimeCost: number;
  slaCredits: number;
  wastedSpend: number;
  failoverExtraCost: number;
  failedRequestCost: number;
}

/** TCO per MODEL.md §8.6: token spend + flat + fees + engineering + downtime + failed-request cost − credits. */
export function tcoOf(f: MonthFigures): number {
  return (
    f.inputUncached + f.inputCached + f.output + f.batch + f.flatRate + f.aggregatorFee + f.platformFee + f.integration +
    f.maintenance + f.downtimeCost + f.failedRequestCost - f.slaCredits
  );
}

function periodOf(f: MonthFigures): TotalResult {
  return {
    requests: f.requests,
    realtimeRequests: f.requests,
    batchRequests: 0,
    inputTokens: f.inputTokens,
    outputTokens: f.outputTokens,
    tokenCost: {
      inputUncached: f.inputUncached,
      inputCached: f.inputCached,
      output: f.output,
      batch: f.batch,
      total: f.inputUncached + f.inputCached + f.output + f.batch,
    },
    wastedSpend: f.wastedSpend,
    failoverExtraCost: f.failoverExtraCost,
    flatRate: f.flatRate,
    aggregatorFee: f.aggregatorFee,
    platformFee: f.platformFee,
    engineering: { integration: f.integration, maintenance: f.maintenance },
    slaCredits: f.slaCredits,
    downtimeMinutes: f.downtimeMinutes,
    downtimeCost: f.downtimeCost,
    chainAvailability: 0.999,
    requestSuccessRate: 0.999,
    failedRequests: 0,
    failedRequestCost: f.failedRequestCost,
    attempts: f.requests,
    retries: 0,
    failovers: 0,
    servedByFallback: 0,
    count429: 0,
    rate429: 0,
    count5xx: 0,
    outageFailures: 0,
    timeouts: 0,
    fullResponse: NO_LATENCY,
    firstToken: NO_LATENCY,
    targetMissShare: null,
    tco: tcoOf(f),
  };
}

function sumFigures(months: readonly MonthFigures[]): MonthFigures {
  const keys = Object.keys(months[0] ?? {}) as (keyof MonthFigures)[];
  const total = {} as MonthFigures;
  for (const key of keys) total[key] = months.reduce((sum, m) => sum + m[key], 0);
  return total;
}

/** A Result whose months have the given figures and whose total is their sum. */
export function resultOf(months: readonly MonthFigures[], monteCarlo?: Result['monteCarlo']): Result {
  const monthResults: MonthResult[] = months.map((f, month) => ({
    ...periodOf(f),
    month,
    requestsPerDay: f.requests / 30.4375,
    peakConcurrency: {},
    rejectionProbNoOutage: {},
  }));
  return { months: monthResults, total: periodOf(sumFigures(months)), ...(monteCarlo ? { monteCarlo } : {}) };
}

export const PLAIN_MONTH: MonthFigures = {
  requests: 1_521_875,
  inputTokens: 1_826_250_000.5,
  outputTokens: 380_468_750,
  inputUncached: 100.004,
  inputCached: 20.5,
  output: 300.125,
  batch: 10,
  flatRate: 0,
  aggregatorFee: 21.53,
  platformFee: 99,
  integration: 2400,
  maintenance: 240,
  downtimeMinutes: 43.2,
  downtimeCost: 0,
  slaCredits: 0,
  wastedSpend: 1.2345,
  failoverExtraCost: -12.345,
  failedRequestCost: 0,
};
