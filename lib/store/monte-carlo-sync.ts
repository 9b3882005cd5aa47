import { runMonteCarlo } from '@/lib/engine';
import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';
import type { MonteCarloExecutor } from './monte-carlo-runner';

/**
 * Monte Carlo on the calling thread (tests, and browsers without workers). In its own module so that the page's
 * first load does not carry the Monte Carlo engine: the browser runs it in the worker pool (docs/decisions/007).
 */

/** Run now, synchronously; an engine failure yields null (the UI then shows the deterministic figures only). */
export function computeMonteCarlo(input: EngineInput): MonteCarloResult | null {
  if (!input.monteCarlo) return null;
  try {
    return runMonteCarlo(input, { trials: input.monteCarlo.trials, seed: input.monteCarlo.seed });
  } catch {
    return null;
  }
}

/** One final band, reported before it returns. */
export const synchronousExecutor: MonteCarloExecutor = (input, report) => {
  const result = computeMonteCarlo(input);
  if (result) report.band(result, true);
  else report.fail();
  return () => {};
};
