'use client';

import { useEvaluation, useMonteCarlo } from '@/lib/store/selectors';
import { ResultsView } from './results-view';

const NO_EVALUATION = { input: null, result: null, stale: false } as const;

/**
 * The results column of the simulator for scenario `index`: headline figures and the charts. Reads the evaluation
 * and the Monte Carlo run through the store's selectors (the only UI → engine path, DESIGN.md §2).
 */
export function ResultsPanel({ index }: { index: number }) {
  const evaluation = useEvaluation(index);
  const monteCarlo = useMonteCarlo(index);
  return (
    <section aria-label="Results" className="min-w-0">
      <ResultsView evaluation={evaluation ?? NO_EVALUATION} monteCarlo={monteCarlo} />
    </section>
  );
}
