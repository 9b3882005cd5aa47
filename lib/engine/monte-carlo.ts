import type { EngineInput, MonteCarloResult } from './types';

export function runMonteCarlo(input: EngineInput, settings: { trials: number; seed: number }): MonteCarloResult {
  void input;
  return { trials: settings.trials, seed: settings.seed, monthly: [], total: { p5: 0, p50: 0, p95: 0 } };
}
