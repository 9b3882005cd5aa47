'use client';

import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { headlineFigures } from '@/lib/charts/headline-figures';
import type { EngineInput, MonteCarloResult, Result } from '@/lib/engine/types';
import { ChartsPlaceholder } from './chart-reserve';
import { HeadlineFigures } from './headline-figures';
import { ValidatorRegimeNotice } from '../simulator/validator-regime-notice';

/** The charts (and recharts) in their own chunk, off the first load; their sections keep their height meanwhile. */
const ResultsCharts = dynamic(() => import('./results-charts').then((module) => module.ResultsCharts), {
  ssr: false,
  loading: ChartsPlaceholder,
});

/** What the results column needs from the store's selectors (lib/store/selectors.ts). */
export interface ResultsEvaluation {
  input: EngineInput | null;
  result: Result | null;
  /** True when the draft is invalid and `result` is the last valid one. */
  stale: boolean;
}

export interface ResultsMonteCarlo {
  /** refining: `result` is a first band of this draft (fewer trials than asked); ready: its final band. */
  status: 'idle' | 'updating' | 'refining' | 'ready';
  result: MonteCarloResult | null;
}

/**
 * `data-mc-state` of the results column, for benchmarks and tests: settled once the band over every trial of the
 * shown draft is in (or there is no Monte Carlo to wait for), partial while a first band refines.
 */
function monteCarloState(status: ResultsMonteCarlo['status']): 'settled' | 'partial' | 'running' | 'off' {
  if (status === 'ready') return 'settled';
  if (status === 'refining') return 'partial';
  return status === 'updating' ? 'running' : 'off';
}

/** A serial number per Result shown (`data-result-serial`): a benchmark sees the headline figures of a new result land. */
const resultSerials = new WeakMap<Result, number>();
let lastSerial = 0;
function resultSerial(result: Result): number {
  let serial = resultSerials.get(result);
  if (serial === undefined) {
    serial = ++lastSerial;
    resultSerials.set(result, serial);
  }
  return serial;
}

/** Headline figures and charts of one scenario; props-driven so it renders the same from the store or a test page. */
export function ResultsView({ evaluation, monteCarlo }: { evaluation: ResultsEvaluation; monteCarlo: ResultsMonteCarlo }) {
  const { input, result, stale } = evaluation;
  // Only the headline figures are computed here: the chart data follows one step later (results-charts.tsx).
  const figures = useMemo(() => (input && result ? headlineFigures(input, result) : null), [input, result]);

  if (!input || !result || !figures) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
        Results appear here as soon as the scenario is valid. Fix the highlighted inputs to see cost, availability and
        latency.
      </p>
    );
  }

  return (
    <div
      className="space-y-6"
      data-result-serial={resultSerial(result)}
      data-mc-state={monteCarloState(monteCarlo.status)}
      data-mc-trials={monteCarlo.status === 'idle' ? undefined : (monteCarlo.result?.trials ?? 0)}
    >
      {stale ? <StaleBanner /> : null}
      <div className={`space-y-6 ${stale ? 'opacity-60 saturate-50' : ''}`} data-stale={stale || undefined}>
        <HeadlineFigures figures={figures} />
        <ValidatorRegimeNotice input={input} result={result} />
        <ResultsCharts input={input} result={result} monteCarlo={monteCarlo.result} monteCarloStatus={monteCarlo.status} />
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
