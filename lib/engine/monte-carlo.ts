import { sampleTrialMonths } from './monte-carlo-trials';
import { saturateInfinities } from './saturate';
import type { EngineInput, MonteCarloResult, Percentiles } from './types';

/** One trial-month of §9.3. */
export interface TrialMonth {
  tco: number;
  tokenSpend: number;
  downtimeMinutes: number;
}

/** Trial-major Monte Carlo samples (docs/decisions/006): TCO_m of trial t at (t - firstTrial)·months + m. */
export interface MonteCarloSamples {
  firstTrial: number;
  trials: number;
  months: number;
  /** Trial-major: index (t - firstTrial)·months + m. */
  monthlyTco: Float64Array;
  /** Σ_m TCO_m, one per trial. */
  totalTco: Float64Array;
}

/** Every trial-month of §9 with its cost lines, trials[t][m] (tests and diagnostics). */
export function monteCarloTrials(input: EngineInput, settings: { trials: number; seed: number }): TrialMonth[][] {
  const months = input.horizonMonths;
  const size = settings.trials * months;
  const sink = { tco: new Float64Array(size), tokenSpend: new Float64Array(size), downtimeMinutes: new Float64Array(size) };
  sampleTrialMonths({ ...input, monteCarlo: settings }, 0, settings.trials, sink);
  return Array.from({ length: settings.trials }, (_, t) =>
    Array.from({ length: months }, (_, m) => {
      const at = t * months + m;
      return { tco: sink.tco[at]!, tokenSpend: sink.tokenSpend[at]!, downtimeMinutes: sink.downtimeMinutes[at]! };
    }),
  );
}

/**
 * TCO samples of trials firstTrial … firstTrial + trialCount - 1 (MODEL.md §9.3) with the seed of `input.monteCarlo`
 * (1 when absent). Any split of a run into contiguous parts, merged, is bit-identical to the whole run.
 */
export function sampleMonteCarlo(input: EngineInput, firstTrial: number, trialCount: number): MonteCarloSamples {
  const months = input.horizonMonths;
  const monthlyTco = new Float64Array(trialCount * months);
  const totalTco = new Float64Array(trialCount);
  sampleTrialMonths(input, firstTrial, trialCount, { tco: monthlyTco, tokenSpend: null, downtimeMinutes: null });
  for (let i = 0; i < trialCount; i++) {
    let sum = 0;
    for (let m = 0; m < months; m++) sum += monthlyTco[i * months + m]!;
    totalTco[i] = sum;
  }
  return { firstTrial, trials: trialCount, months, monthlyTco, totalTco };
}

/** Concatenate sample parts (any order) into one run; they must cover contiguous trials with the same horizon. */
export function mergeMonteCarloSamples(parts: readonly MonteCarloSamples[]): MonteCarloSamples {
  if (parts.length === 0) throw new Error('mergeMonteCarloSamples: no parts');
  const sorted = [...parts].sort((a, b) => a.firstTrial - b.firstTrial);
  const months = sorted[0]!.months;
  let trials = 0;
  for (const part of sorted) {
    if (part.months !== months) throw new Error('mergeMonteCarloSamples: parts have different horizons');
    if (part.firstTrial !== sorted[0]!.firstTrial + trials) throw new Error(`mergeMonteCarloSamples: trials are not contiguous at trial ${part.firstTrial}`);
    trials += part.trials;
  }
  const monthlyTco = new Float64Array(trials * months);
  const totalTco = new Float64Array(trials);
  let at = 0;
  for (const part of sorted) {
    monthlyTco.set(part.monthlyTco.subarray(0, part.trials * months), at * months);
    totalTco.set(part.totalTco.subarray(0, part.trials), at);
    at += part.trials;
  }
  return { firstTrial: sorted[0]!.firstTrial, trials, months, monthlyTco, totalTco };
}

/** Linear-interpolation quantile of sorted values (type 7): h = (N-1)p, x_⌊h⌋ + (h-⌊h⌋)(x_⌊h⌋+1 - x_⌊h⌋) (MODEL.md §9.4). */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(sorted.length - 1, below + 1)]!;
  return lower + (h - below) * (upper - lower);
}

function percentiles(sorted: Float64Array): Percentiles {
  return { p5: quantileType7(sorted, 0.05), p50: quantileType7(sorted, 0.5), p95: quantileType7(sorted, 0.95) };
}

/**
 * Monte Carlo block (MODEL.md §9.6) of a set of samples: p5/p50/p95 of TCO_m per month and of Σ_m TCO_m. `trials`
 * echoes the number of trials summarized (samples.trials), `seed` the settings' seed.
 */
export function summarizeMonteCarlo(settings: { trials: number; seed: number }, samples: MonteCarloSamples): MonteCarloResult {
  const { trials, months } = samples;
  if (!(trials > 0)) throw new Error('summarizeMonteCarlo: no trials');
  const column = new Float64Array(trials);
  const monthly: Percentiles[] = [];
  for (let m = 0; m < months; m++) {
    for (let i = 0; i < trials; i++) column[i] = samples.monthlyTco[i * months + m]!;
    monthly.push(percentiles(column.sort()));
  }
  const total = percentiles(Float64Array.from(samples.totalTco.subarray(0, trials)).sort());
  return saturateInfinities({ trials, seed: settings.seed, monthly, total });
}

/** Monte Carlo block (MODEL.md §9.6): p5/p50/p95 of TCO_m per month and of Σ_m TCO_m; same seed → same output. */
export function runMonteCarlo(input: EngineInput, settings: { trials: number; seed: number }): MonteCarloResult {
  return summarizeMonteCarlo(settings, sampleMonteCarlo({ ...input, monteCarlo: settings }, 0, settings.trials));
}
