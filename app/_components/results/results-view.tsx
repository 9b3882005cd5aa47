'use client';

import { useMemo } from 'react';
import { deterministicCharts, monthlyTcoChartRows } from '@/lib/charts/results-data';
import type { EngineInput, MonteCarloResult, Result } from '@/lib/engine/types';
import { AvailabilityChart } from '../charts/availability-chart';
import { CostPerRequestChart } from '../charts/cost-per-request-chart';
import { CumulativeTcoChart } from '../charts/cumulative-tco-chart';
import { LatencyCdfChart } from '../charts/latency-cdf-chart';
import { MonthlyTcoChart } from '../charts/monthly-tco-chart';
import { RateLimitChart } from '../charts/rate-limit-chart';
import { TokenLengthChart } from '../charts/token-length-chart';
import { HeadlineFigures } from './headline-figures';

/** What the results column needs from the store's selectors (lib/store/selectors.ts). */
export interface ResultsEvaluation {
  input: EngineInput | null;
  result: Result | null;
  /** True when the draft is invalid and `result` is the last valid one. */
  stale: boolean;
}

export interface ResultsMonteCarlo {
  status: 'idle' | 'updating' | 'ready';
  result: MonteCarloResult | null;
}

/** Headline figures and charts of one scenario; props-driven so it renders the same from the store or a test page. */
export function ResultsView({ evaluation, monteCarlo }: { evaluation: ResultsEvaluation; monteCarlo: ResultsMonteCarlo }) {
  const { input, result, stale } = evaluation;
  const charts = useMemo(() => (input && result ? deterministicCharts(input, result) : null), [input, result]);
  const monthlyRows = useMemo(() => (result ? monthlyTcoChartRows(result, monteCarlo.result) : []), [result, monteCarlo.result]);

  if (!input || !result || !charts) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
        Results appear here as soon as the scenario is valid. Fix the highlighted inputs to see cost, availability and
        latency.
      </p>
    );
  }
  const monteCarloTotal = monteCarlo.result && monteCarlo.result.monthly.length === result.months.length ? monteCarlo.result.total : null;

  return (
    <div className="space-y-6">
      {stale ? <StaleBanner /> : null}
      <div className={`space-y-6 ${stale ? 'opacity-60 saturate-50' : ''}`} data-stale={stale || undefined}>
        <HeadlineFigures figures={charts.figures} />
        <section aria-labelledby="charts-cost-title" className="space-y-4">
          <h2 id="charts-cost-title" className="text-base font-semibold">Cost over time</h2>
          <MonthlyTcoChart rows={monthlyRows} monteCarloStatus={monteCarlo.status} trials={monteCarlo.result?.trials ?? null} />
          <div className="grid gap-4 2xl:grid-cols-2">
            <CumulativeTcoChart rows={charts.cumulativeTco} monteCarloTotal={monteCarloTotal} />
            <CostPerRequestChart rows={charts.costPerThousand} />
          </div>
        </section>
        <section aria-labelledby="charts-service-title" className="space-y-4">
          <h2 id="charts-service-title" className="text-base font-semibold">Latency, availability and rate limits</h2>
          <LatencyCdfChart data={charts.latency} firstToken={result.total.firstToken} fullResponse={result.total.fullResponse} />
          <AvailabilityChart rows={charts.availability} correlation={input.outageCorrelation} />
          <RateLimitChart pressure={charts.ratePressure} headroom={charts.headroom} />
          <TokenLengthChart rows={charts.tokenLengths.rows} ticks={charts.tokenLengths.ticks} input={charts.tokenLengths.input} output={charts.tokenLengths.output} />
        </section>
      </div>
    </div>
  );
}

function StaleBanner() {
  return (
    <div
      role="status"
      className="flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <span aria-hidden="true" className="mt-0.5 font-bold">!</span>
      <span>
        <strong className="font-semibold">Stale</strong>: showing the results of the last valid scenario. Fix the
        highlighted input to update them.
      </span>
    </div>
  );
}
