'use client';

import { useMemo } from 'react';
import type { EngineInput, MonteCarloResult, Result } from '@/lib/engine/types';
import { headlineFigures } from '@/lib/charts/headline-figures';
import { HeadlineFigures } from './headline-figures';

/** What the results column needs from the store's selectors (lib/store/selectors.ts). */
export interface ResultsEvaluation {
  status: 'ok' | 'invalid';
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
    <div className="space-y-6">
      {stale ? <StaleBanner /> : null}
      <div className={stale ? 'opacity-60 transition-opacity' : undefined} aria-busy={monteCarlo.status === 'updating'}>
        <HeadlineFigures figures={figures} />
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
        <strong className="font-semibold">Stale</strong>: these are the results of the last valid scenario. Fix the
        highlighted input to update them.
      </span>
    </div>
  );
}
