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

/**
 * Rearrange values[lo … hi] so that values[k] is the element a sort would put there, smaller ones before it and
 * larger ones after (Hoare's selection, median-of-three pivot): O(n) expected instead of a sort's O(n log n).
 */
function select(values: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three into values[mid] as the pivot.
    if (values[mid]! < values[lo]!) swap(values, mid, lo);
    if (values[hi]! < values[lo]!) swap(values, hi, lo);
    if (values[hi]! < values[mid]!) swap(values, hi, mid);
    const pivot = values[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}

function minimum(values: Float64Array, from: number, to: number): number {
  let min = values[from]!;
  for (let i = from + 1; i <= to; i++) if (values[i]! < min) min = values[i]!;
  return min;
}

/**
 * Type-7 p5/p50/p95 (MODEL.md §9.4) of `values` (reordered in place) by selection: x_⌊h⌋ and x_⌊h⌋+1 are order
 * statistics, so the result equals `quantileType7` of the sorted values. Select p50, then p5 left of it and p95
 * right of it; x_⌊h⌋+1 is the minimum of what lies right of x_⌊h⌋ within its part.
 */
function percentiles(values: Float64Array): Percentiles {
  const n = values.length;
  const last = n - 1;
  const rank = (p: number) => Math.floor(last * p);
  const k50 = rank(0.5);
  const k5 = rank(0.05);
  const k95 = rank(0.95);
  select(values, 0, last, k50);
  const after50 = k50 < last ? minimum(values, k50 + 1, last) : values[k50]!;
  if (k5 < k50) select(values, 0, k50 - 1, k5);
  const after5 = k5 < k50 ? minimum(values, k5 + 1, k50) : after50;
  if (k95 > k50) select(values, k50 + 1, last, k95);
  const after95 = k95 < last ? (k95 > k50 ? minimum(values, k95 + 1, last) : after50) : values[k95]!;
  const at = (k: number, value: number, next: number, p: number) => {
    const h = last * p;
    return value + (h - k) * (next - value);
  };
  return { p5: at(k5, values[k5]!, after5, 0.05), p50: at(k50, values[k50]!, after50, 0.5), p95: at(k95, values[k95]!, after95, 0.95) };
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
    monthly.push(percentiles(column));
  }
  const total = percentiles(Float64Array.from(samples.totalTco.subarray(0, trials)));
  return saturateInfinities({ trials, seed: settings.seed, monthly, total });
}

/** Monte Carlo block (MODEL.md §9.6): p5/p50/p95 of TCO_m per month and of Σ_m TCO_m; same seed → same output. */
export function runMonteCarlo(input: EngineInput, settings: { trials: number; seed: number }): MonteCarloResult {
  return summarizeMonteCarlo(settings, sampleMonteCarlo({ ...input, monteCarlo: settings }, 0, settings.trials));
}
