import type { OutageState } from './availability';
import { MIN_PER_MONTH } from './constants';
import { dailyPeriods } from './load';
import { EvaluationCache, evaluateMonth, monthCosts } from './month-model';
import { lengthModel, prepareScenario, type LengthModel, type PreparedScenario } from './prepare';
import { Sfc32 } from './prng';
import { saturateInfinities } from './saturate';
import type { EngineInput, MonteCarloResult, Percentiles } from './types';

/** Days averaged into the monthly volume multiplier (MODEL.md §9.1a). */
const DAYS_SAMPLED = 30;
/** Outage processes start this many mean durations before the month so that it begins in steady state (§9.1c). */
const WARM_UP_DURATIONS = 20;

/** Fixed-point tolerance in Monte Carlo: far below its sampling noise (warm starts make it converge in a few steps). */
const MONTE_CARLO_FIXED_POINT_TOLERANCE = 1e-7;

/** One trial-month of §9.3. */
export interface TrialMonth {
  tco: number;
  tokenSpend: number;
  downtimeMinutes: number;
}

/** Down intervals [start, end) of one process within the month, disjoint and sorted. */
type Intervals = [number, number][];

/**
 * One outage process (MODEL.md §9.1c): Poisson starts at rate λ = -ln(1-u)/D per minute over [-20D, 43830),
 * exponential durations of mean D (coverage 1 - e^{-λD} = u, M/G/∞), union of intervals clipped to the month.
 * Draw order: the count, then per event its start and its duration.
 */
export function sampleOutageIntervals(rng: Sfc32, unavailability: number, meanMinutes: number): Intervals {
  if (unavailability >= 1) return [[0, MIN_PER_MONTH]];
  if (!(unavailability > 0)) return [];
  const rate = -Math.log(1 - unavailability) / meanMinutes;
  const from = -WARM_UP_DURATIONS * meanMinutes;
  const span = MIN_PER_MONTH - from;
  const count = rng.poisson(rate * span);
  const raw: Intervals = [];
  for (let i = 0; i < count; i++) {
    const start = from + span * rng.uniform();
    const end = start + rng.exponential(meanMinutes);
    const clippedStart = Math.max(0, start);
    const clippedEnd = Math.min(MIN_PER_MONTH, end);
    if (clippedEnd > clippedStart) raw.push([clippedStart, clippedEnd]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: Intervals = [];
  for (const [start, end] of raw) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Realized time fraction of every global outage state S in one month: provider p is down when the common process or
 * its own residual process is down (MODEL.md §9.1c, §4.2).
 */
export function realizedStates(common: Intervals, residual: readonly Intervals[]): OutageState[] {
  const providerCount = residual.length;
  const allDown = (1 << providerCount) - 1;
  const boundaries: { time: number; process: number; delta: number }[] = [];
  const add = (intervals: Intervals, process: number) => {
    for (const [start, end] of intervals) {
      boundaries.push({ time: start, process, delta: 1 });
      boundaries.push({ time: end, process, delta: -1 });
    }
  };
  add(common, providerCount);
  residual.forEach((intervals, p) => add(intervals, p));
  if (boundaries.length === 0) return [{ downMask: 0, probability: 1 }];
  boundaries.sort((a, b) => a.time - b.time);
  const minutes = new Map<number, number>();
  const active = new Int32Array(providerCount + 1);
  let previous = 0;
  const maskNow = () => {
    if (active[providerCount]! > 0) return allDown;
    let mask = 0;
    for (let p = 0; p < providerCount; p++) if (active[p]! > 0) mask |= 1 << p;
    return mask;
  };
  for (const boundary of boundaries) {
    if (boundary.time > previous) {
      const mask = maskNow();
      minutes.set(mask, (minutes.get(mask) ?? 0) + boundary.time - previous);
      previous = boundary.time;
    }
    active[boundary.process] = active[boundary.process]! + boundary.delta;
  }
  if (MIN_PER_MONTH > previous) {
    const mask = maskNow();
    minutes.set(mask, (minutes.get(mask) ?? 0) + MIN_PER_MONTH - previous);
  }
  return [...minutes.entries()]
    .filter(([, m]) => m > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([downMask, m]) => ({ downMask, probability: m / MIN_PER_MONTH }));
}

/** σ of a mean-one lognormal multiplier with coefficient of variation cv: σ² = ln(1 + cv²) (MODEL.md §9.1). */
function multiplierSigma(cv: number): number {
  return Math.sqrt(Math.log(1 + cv * cv));
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

/**
 * Every trial-month of §9 (MODEL.md §9.1-§9.3) for trials firstTrial … firstTrial + trialCount - 1: volume
 * multiplier, token-length drift, outage timelines, then §6-§8 with the realized state fractions; SLA credits on
 * realized availability, downtime on realized all-down minutes. Trial t draws from `Sfc32.forTrial(seed, t)` only.
 * `visit(t, m, month)` sees every trial-month.
 */
function forEachTrialMonth(input: EngineInput, firstTrial: number, trialCount: number, visit: (trial: number, month: number, figures: TrialMonth) => void): void {
  const seed = input.monteCarlo?.seed ?? 1;
  const prepared = prepareScenario(input);
  const { workload } = input;
  const periods = dailyPeriods(workload);
  const rng = new Sfc32(0);
  const volumeSigma = multiplierSigma(workload.dailyVolumeCV);
  const inputSigma = multiplierSigma(workload.inputDriftCV);
  const outputSigma = multiplierSigma(workload.outputDriftCV);
  const { commonUnavailability, residualUnavailability } = prepared.outage;
  // Without drift every trial-month shares one length model.
  const fixedLengths = inputSigma === 0 && outputSigma === 0 ? lengthModel(prepared) : null;
  const cache = new EvaluationCache(prepared, fixedLengths ?? lengthModel(prepared), false);

  for (let t = firstTrial; t < firstTrial + trialCount; t++) {
    rng.reseedForTrial(seed, t);
    // Warm starts chain the months of one trial only, so a trial never depends on another.
    const costsOnly = { warmStarts: new Map<string, Float64Array>(), tolerance: MONTE_CARLO_FIXED_POINT_TOLERANCE };
    for (let m = 0; m < input.horizonMonths; m++) {
      let volume = 0;
      for (let d = 0; d < DAYS_SAMPLED; d++) volume += Math.exp(volumeSigma * rng.normal() - (volumeSigma * volumeSigma) / 2);
      volume /= DAYS_SAMPLED;
      // §9.1b: μ += ln(multiplier), multiplier = exp(σZ - σ²/2).
      const inputShift = inputSigma * rng.normal() - (inputSigma * inputSigma) / 2;
      const outputShift = outputSigma * rng.normal() - (outputSigma * outputSigma) / 2;
      const common = sampleOutageIntervals(rng, commonUnavailability, input.commonOutageMinutes);
      const residual = prepared.providers.map((provider, p) => sampleOutageIntervals(rng, residualUnavailability[p]!, provider.meanOutageMinutes));
      const states = realizedStates(common, residual);

      const lengths: LengthModel = fixedLengths ?? lengthModel(prepared, inputShift, outputShift);
      const requestsPerDay = workload.requestsPerDay * (1 + workload.monthlyGrowthPct / 100) ** m * volume;
      const evaluation = evaluateMonth(
        { prepared, lengths, periods, states, cache, atoms: null, reportRejection: false, costsOnly },
        requestsPerDay,
      );
      const downtimeMinutes = realizedDowntimeMinutes(prepared, states);
      const providerAvailability = prepared.providers.map((_, p) => realizedAvailability(states, p));
      const costs = monthCosts(prepared, m, evaluation, providerAvailability, downtimeMinutes);
      visit(t, m, { tco: costs.tco, tokenSpend: costs.tokenCostTotal, downtimeMinutes });
    }
  }
}

/** Every trial-month of §9 with its cost lines, trials[t][m] (tests and diagnostics). */
export function monteCarloTrials(input: EngineInput, settings: { trials: number; seed: number }): TrialMonth[][] {
  const trials: TrialMonth[][] = Array.from({ length: settings.trials }, () => []);
  forEachTrialMonth({ ...input, monteCarlo: settings }, 0, settings.trials, (t, _m, figures) => trials[t]!.push(figures));
  return trials;
}

/**
 * TCO samples of trials firstTrial … firstTrial + trialCount - 1 (MODEL.md §9.3) with the seed of `input.monteCarlo`
 * (1 when absent). Any split of a run into contiguous parts, merged, is bit-identical to the whole run.
 */
export function sampleMonteCarlo(input: EngineInput, firstTrial: number, trialCount: number): MonteCarloSamples {
  const months = input.horizonMonths;
  const monthlyTco = new Float64Array(trialCount * months);
  const totalTco = new Float64Array(trialCount);
  forEachTrialMonth(input, firstTrial, trialCount, (t, m, figures) => {
    monthlyTco[(t - firstTrial) * months + m] = figures.tco;
  });
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

/** Σ_c w_c × minutes during which every provider of chain c is down (MODEL.md §9.3). */
function realizedDowntimeMinutes(prepared: PreparedScenario, states: readonly OutageState[]): number {
  let minutes = 0;
  for (const chain of prepared.chains) {
    for (const state of states) {
      if ((state.downMask & chain.providerMask) === chain.providerMask) minutes += chain.weight * state.probability * MIN_PER_MONTH;
    }
  }
  return minutes;
}

function realizedAvailability(states: readonly OutageState[], providerIndex: number): number {
  let down = 0;
  for (const state of states) if (state.downMask & (1 << providerIndex)) down += state.probability;
  return 1 - down;
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
