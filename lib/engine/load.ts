import { erlangB, offeredLoadErlangs } from './concurrency';
import { DAYS_PER_MONTH } from './constants';
import type { LengthModel, PreparedModel, PreparedScenario } from './prepare';
import { effectiveRequestLimitPerMinute, rateLimitRejectedShare } from './rate-limits';
import { emptyStateLoad, evaluateStateLoad, type StateLoad } from './request-stages';
import type { EngineWorkload } from './types';

export type PeriodName = 'peak' | 'base';

/** One level of the two-level daily profile (MODEL.md §6.1). */
export interface DailyPeriod {
  name: PeriodName;
  /** s_π: share of the day's requests. */
  share: number;
  /** Rate relative to the daily average (P at peak, b = (24 - P·H)/(24 - H) at base). */
  level: number;
  /** Minutes per month in the period (MODEL.md §8.3). */
  minutesPerMonth: number;
}

/** Peak (H hours at level P) and base periods; a period with share 0 is skipped (MODEL.md §6.1). */
export function dailyPeriods(workload: EngineWorkload): DailyPeriod[] {
  const peakHours = workload.peakHoursPerDay;
  const peakShare = (workload.peakToAvg * peakHours) / 24;
  const periods: DailyPeriod[] = [];
  if (peakShare > 0) {
    periods.push({ name: 'peak', share: peakShare, level: workload.peakToAvg, minutesPerMonth: 60 * peakHours * DAYS_PER_MONTH });
  }
  const baseShare = 1 - peakShare;
  if (baseShare > 0) {
    periods.push({
      name: 'base',
      share: baseShare,
      level: (24 - workload.peakToAvg * peakHours) / (24 - peakHours),
      minutesPerMonth: 60 * (24 - peakHours) * DAYS_PER_MONTH,
    });
  }
  return periods;
}

/** Realtime arrivals per minute λ_π = R_m·(1 - batchShare)·level_π/1440 (MODEL.md §6.1). */
export function arrivalsPerMinute(requestsPerDay: number, batchShare: number, level: number): number {
  return (requestsPerDay * (1 - batchShare) * level) / 1440;
}

const FIXED_POINT_ITERATIONS = 50;
/** Excess sums stop at 1e-12 of their value under a loose (Monte Carlo) tolerance instead of 1e-17. */
const MONTE_CARLO_SUM_STOP_RATIO = 1e-12;
/** The iteration has converged when no r_j moves by more than this (later iterations change nothing visible). */
const FIXED_POINT_TOLERANCE = 1e-15;
/** …or by more than 1e-13 relative for r_j above 1e-2 (1e-15 / 1e-13 = 100). */
const FIXED_POINT_RELATIVE_SCALE = 100;
/**
 * Or when the iteration contracts geometrically (ratio of successive relative moves ρ ≤ 1/2, twice in a row) and
 * the moves still to come, ≤ move·ρ/(1 - ρ), are below 1e-13 of every r_j: the iterates the 1e-15 rule would add
 * change no r_j by more than that, far inside the 1e-9 conformance of MODEL.md §11.
 */
const REMAINING_RELATIVE_TOLERANCE = 1e-13;
const GEOMETRIC_RATIO = 0.5;

/** One reusable load buffer per model count: the fixed point runs thousands of times per simulation. */
const scratchLoads = new Map<number, StateLoad>();
function scratchLoad(modelCount: number): StateLoad {
  let load = scratchLoads.get(modelCount);
  if (!load) {
    load = emptyStateLoad(modelCount);
    scratchLoads.set(modelCount, load);
  }
  return load;
}

/**
 * Per length model and outage state: the limited models that are up (the ones the fixed point updates) and the load
 * at r = 0, the first iteration of every fixed point. Neither depends on the month or the period (§6.5 scales the
 * per-request attempts by λ afterwards), so they are computed once per simulation instead of once per fixed point.
 */
interface StateStart {
  limited: PreparedModel[];
  unlimitedLoad: StateLoad | null;
}
const stateStarts = new WeakMap<LengthModel, Map<number, StateStart>>();
function stateStart(prepared: PreparedScenario, lengths: LengthModel, downMask: number): StateStart {
  let byState = stateStarts.get(lengths);
  if (!byState) {
    byState = new Map();
    stateStarts.set(lengths, byState);
  }
  let start = byState.get(downMask);
  if (!start) {
    start = { limited: prepared.models.filter((m) => m.hasLimits && (downMask & (1 << m.providerIndex)) === 0), unlimitedLoad: null };
    byState.set(downMask, start);
  }
  return start;
}

/**
 * New rejection probabilities from one evaluation (MODEL.md §6.2-§6.3, §6.5): λ_j = λ_π·attempts_j,
 * r_j = 1 - (1 - rRate_j)(1 - rConc_j), rConc = ErlangB(c_j, λ_j(1 - rRate)·S̄_j), S̄_j = busy_j/(attempts_j - 429_j).
 */
function updatedRejection(
  limited: readonly PreparedModel[],
  lengths: LengthModel,
  arrivals: number,
  dispersion: number,
  evaluation: StateLoad,
  into: Float64Array,
  stopRatio: number | undefined,
): void {
  for (const model of limited) {
    const j = model.index;
    const modelArrivals = arrivals * evaluation.attempts[j]!;
    const limit = effectiveRequestLimitPerMinute(model.spec.rpm, model.spec.tpm, lengths.tokensPerRequest);
    const rateRejected = rateLimitRejectedShare(modelArrivals, limit, model.spec.limitWindowSec, dispersion, stopRatio);
    let concurrencyRejected = 0;
    if (model.maxConcurrency !== Infinity) {
      const admittedAttempts = evaluation.attempts[j]! - evaluation.rejected429[j]!;
      const meanHoldMs = admittedAttempts > 0 ? evaluation.busyMs[j]! / admittedAttempts : 0;
      concurrencyRejected = erlangB(model.maxConcurrency, offeredLoadErlangs(modelArrivals * (1 - rateRejected), meanHoldMs));
    }
    into[j] = 1 - (1 - rateRejected) * (1 - concurrencyRejected);
  }
}

/**
 * Retry amplification fixed point for one period and outage state (MODEL.md §6.5): start at r = 0, evaluate §5,
 * update r from the resulting per-model load, at most 50 times. It stops early once no r_j moves by more than
 * 1e-15, or once a geometric contraction leaves less than 1e-13 of every r_j to move (later iterations change
 * nothing visible). No acceleration: where the iteration contracts slowly (an
 * overloaded fallback during an outage), the 50th iterate is the contract, not the limit (E7 depends on it).
 * Monte Carlo passes a warm start (the previous trial's fixed point) and a looser tolerance: its own noise dominates.
 * A model whose provider is down in S never reaches the rate limiter (§5.2), so its r_j is irrelevant and kept at 0.
 */
export function rejectionFixedPoint(
  prepared: PreparedScenario,
  lengths: LengthModel,
  downMask: number,
  arrivals: number,
  dispersion: number,
  warmStart?: Float64Array,
  tolerance = FIXED_POINT_TOLERANCE,
): Float64Array {
  const modelCount = prepared.models.length;
  let rejection = new Float64Array(modelCount);
  if (!(arrivals > 0)) return rejection;
  const start = stateStart(prepared, lengths, downMask);
  const { limited } = start;
  if (limited.length === 0) return rejection;
  let atZero = true;
  if (warmStart) {
    for (const model of limited) {
      rejection[model.index] = warmStart[model.index]!;
      if (rejection[model.index] !== 0) atZero = false;
    }
  }
  let next = new Float64Array(modelCount);
  const scratch = scratchLoad(modelCount);
  const geometricStop = tolerance === FIXED_POINT_TOLERANCE;
  let previousMove = Infinity;
  let previousRatio = Infinity;
  for (let iteration = 0; iteration < FIXED_POINT_ITERATIONS; iteration++) {
    let evaluation = scratch;
    if (iteration === 0 && atZero) {
      if (!start.unlimitedLoad) {
        start.unlimitedLoad = emptyStateLoad(modelCount);
        evaluateStateLoad(prepared, lengths, downMask, rejection, start.unlimitedLoad);
      }
      evaluation = start.unlimitedLoad;
    } else evaluateStateLoad(prepared, lengths, downMask, rejection, scratch);
    updatedRejection(limited, lengths, arrivals, dispersion, evaluation, next, tolerance === FIXED_POINT_TOLERANCE ? undefined : MONTE_CARLO_SUM_STOP_RATIO);
    let change = 0;
    let move = 0;
    for (const model of limited) {
      const j = model.index;
      const delta = Math.abs(next[j]! - rejection[j]!);
      change = Math.max(change, delta / Math.max(1, FIXED_POINT_RELATIVE_SCALE * next[j]!));
      if (delta > 0) move = Math.max(move, delta / next[j]!);
    }
    [rejection, next] = [next, rejection];
    if (change <= tolerance) break;
    if (geometricStop) {
      // A first move, or one from a zero r_j (no relative size), starts the geometric test afresh.
      const ratio = move < Infinity && previousMove < Infinity && previousMove > 0 ? move / previousMove : Infinity;
      if (ratio <= GEOMETRIC_RATIO && previousRatio <= GEOMETRIC_RATIO && (move * ratio) / (1 - ratio) <= REMAINING_RELATIVE_TOLERANCE) break;
      previousMove = move;
      previousRatio = ratio;
    }
  }
  return rejection;
}
