'use client';

import { useCallback, useSyncExternalStore } from 'react';
import type { EngineInput, MonteCarloResult } from '@/lib/engine/types';
import { monteCarloFailed, monteCarloKey, peekMonteCarlo, requestMonteCarlo } from '@/lib/store/monte-carlo-runner';

export type ReportMonteCarlo =
  | { status: 'off' }
  | { status: 'running'; trials: number }
  | { status: 'failed' }
  | { status: 'ready'; result: MonteCarloResult };

/**
 * Monte Carlo percentiles of the reported scenario (MODEL.md §9), in the simulator's Web Worker runner
 * (lib/store/monte-carlo-runner.ts): the report renders and prints at once with the deterministic figures, and adds
 * the p5–p95 band when the run is done.
 */
export function useReportMonteCarlo(input: EngineInput | null): ReportMonteCarlo {
  const key = input?.monteCarlo ? monteCarloKey(input) : null;
  const subscribe = useCallback((onChange: () => void) => (input?.monteCarlo ? requestMonteCarlo(input, onChange) : () => {}), [input]);
  const snapshot = useCallback(() => (key === null ? undefined : (peekMonteCarlo(key) ?? (monteCarloFailed(key) ? 'failed' : undefined))), [key]);
  const result = useSyncExternalStore(subscribe, snapshot, snapshot);
  if (!input?.monteCarlo) return { status: 'off' };
  if (result === 'failed') return { status: 'failed' };
  if (!result) return { status: 'running', trials: input.monteCarlo.trials };
  return { status: 'ready', result };
}
