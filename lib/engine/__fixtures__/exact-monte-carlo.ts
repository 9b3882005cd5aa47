/**
 * Test-only: the exact per-trial Monte Carlo path that preceded the cost-only path (docs/decisions/006), kept as the
 * reference of the statistical tests. Each trial-month runs the full §6-§8 month (fixed points at the trial's volume
 * and drifted lengths, warm-started within the trial) with the realized state fractions. Same draws, in the same
 * order, as the production path: a trial's numbers differ only by what the cost-only path approximates.
 */
import type { OutageState } from '../availability';
import { MIN_PER_MONTH } from '../constants';
import { dailyPeriods } from '../load';
import { EvaluationCache, evaluateMonth, monthCosts } from '../month-model';
import { WARM_UP_DURATIONS } from '../outage-sampler';
import { lengthModel, prepareScenario, type LengthModel, type PreparedScenario } from '../prepare';
import { Sfc32 } from '../prng';
import type { EngineInput } from '../types';

const DAYS_SAMPLED = 30;
/** Fixed-point tolerance of the old path: far below its sampling noise (warm starts converge in a few steps). */
const MONTE_CARLO_FIXED_POINT_TOLERANCE = 1e-7;

export interface TrialMonth {
  tco: number;
  tokenSpend: number;
  downtimeMinutes: number;
}

/** Down intervals [start, end) of one process within the month, disjoint and sorted. */
type Intervals = [number, number][];

/**
 * One outage process (MODEL.md §9.1c): Poisson starts at rate λ = -ln(1-u)/D per minute from -20D, as exponential
 * gaps of mean 1/λ, exponential durations of mean D (coverage 1 - e^{-λD} = u, M/G/∞), union of intervals clipped
 * to the month. Draw order (docs/decisions/006): per event its gap, then its duration; one last gap past the month.
 */
export function sampleOutageIntervals(rng: Sfc32, unavailability: number, meanMinutes: number): Intervals {
  if (unavailability >= 1) return [[0, MIN_PER_MONTH]];
  if (!(unavailability > 0)) return [];
  const meanGap = meanMinutes / -Math.log(1 - unavailability);
  const raw: Intervals = [];
  for (let start = -WARM_UP_DURATIONS * meanMinutes + meanGap * rng.standardExponential(); start < MIN_PER_MONTH; start += meanGap * rng.standardExponential()) {
    const end = start + meanMinutes * rng.standardExponential();
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

/**
 * Every trial-month of §9 (MODEL.md §9.1-§9.3) for trials firstTrial … firstTrial + trialCount - 1: volume
 * multiplier, token-length drift, outage timelines, then §6-§8 with the realized state fractions; SLA credits on
 * realized availability, downtime on realized all-down minutes. Trial t draws from `Sfc32.forTrial(seed, t)` only.
 * `visit(t, m, month)` sees every trial-month.
 */
export function exactTrialMonths(input: EngineInput, firstTrial: number, trialCount: number, visit: (trial: number, month: number, figures: TrialMonth) => void): void {
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
      for (let d = 0; d < DAYS_SAMPLED; d++) volume += Math.exp(volumeSigma * rng.gaussian() - (volumeSigma * volumeSigma) / 2);
      volume /= DAYS_SAMPLED;
      // §9.1b: μ += ln(multiplier), multiplier = exp(σZ - σ²/2).
      const inputShift = inputSigma * rng.gaussian() - (inputSigma * inputSigma) / 2;
      const outputShift = outputSigma * rng.gaussian() - (outputSigma * outputSigma) / 2;
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

/** Exact trial-months, trials[t - firstTrial][m]. */
export function exactMonteCarloTrials(input: EngineInput, firstTrial: number, trialCount: number): TrialMonth[][] {
  const trials: TrialMonth[][] = Array.from({ length: trialCount }, () => []);
  exactTrialMonths(input, firstTrial, trialCount, (t, _m, figures) => trials[t - firstTrial]!.push(figures));
  return trials;
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

