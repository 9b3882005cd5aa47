import { PERCENTILE_TIE_EPSILON } from './constants';
import { lengthCdf, lengthSearchUpperBound, normalCdf, type LengthDistribution } from './distributions';
import type { LengthInterval } from './prepare';
import type { LatencySummary } from './types';

/** The static part of a success atom: its first-token time and the interval of X it covers (MODEL.md §7.2-§7.3). */
export interface LatencyAtomShape {
  /** oh + TTFT_j: the first-token time, ms. */
  firstTokenMs: number;
  /** tps_j/1000, tokens per ms. */
  tokensPerMs: number;
  interval: LengthInterval;
  /**
   * Lognormal TTFT of the answering model (ADR 011): TTFT = (firstTokenMs − oh − medianMs) + LN(ln medianMs, sigma);
   * absent = a point mass at firstTokenMs (MODEL.md v1). Shapes with it go through latency-ttft.ts.
   */
  ttftSpread?: { medianMs: number; sigma: number };
}

const PERCENTILES = [0.5, 0.95, 0.99] as const;
const MAX_LATENCY_MS = 1e300;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
/** Half-width (relative) of the bracket tried around a hinted quantile. */
const HINT_BRACKET = 1e-3;
/** A first-token atom counts as over target only when later than target + 1e-9 ms (MODEL.md §7.3). */
const TARGET_SLACK_MS = 1e-9;

export const NULL_LATENCY: LatencySummary = { mean: null, p50: null, p95: null, p99: null, shareOverTarget: null };

/**
 * Full-response latency (MODEL.md §7.2): mixture CDF G(t) = Σ w·[F(min(hi, y)) - F(lo)]⁺, y = (t - oh - TTFT)·tps/1000;
 * mean Σ w·[(oh + TTFT)p_I + 1000·PE(I)/tps]/G∞; q_p = smallest t ≥ 0 with G(t) ≥ (p - 1e-12)·G∞ by 200 halvings of
 * [0, Tmax] returning the upper end; shareOverTarget = 1 - G(target)/G∞. `weights[i]` belongs to `shapes[i]`.
 */
export function fullResponseLatency(
  shapes: readonly LatencyAtomShape[],
  weights: Float64Array,
  output: LengthDistribution,
  targetMs: number,
  hint?: LatencySummary,
): LatencySummary {
  const active: number[] = [];
  let total = 0;
  let weightedTime = 0;
  let upper = 0;
  let lower = Infinity;
  const searchX = lengthSearchUpperBound(output);
  for (let i = 0; i < shapes.length; i++) {
    const w = weights[i]!;
    if (!(w > 0)) continue;
    const shape = shapes[i]!;
    active.push(i);
    total += w * shape.interval.probability;
    weightedTime += w * (shape.firstTokenMs * shape.interval.probability + shape.interval.partialExpectation / shape.tokensPerMs);
    const xHi = shape.interval.hi === Infinity ? searchX : shape.interval.hi;
    upper = Math.max(upper, shape.firstTokenMs + xHi / shape.tokensPerMs);
    lower = Math.min(lower, shape.firstTokenMs);
  }
  if (!(total > 0)) return NULL_LATENCY;
  // Latencies beyond 1e300 ms are reported as 1e300 (extreme inputs only; keeps the Result finite).
  upper = Math.min(upper, MAX_LATENCY_MS);

  // The active atoms' fields in flat arrays: the CDF is evaluated ~100 times per call over every atom.
  const count = active.length;
  const firstTokenMs = new Float64Array(count);
  const tokensPerMs = new Float64Array(count);
  const intervalLo = new Float64Array(count);
  const intervalHi = new Float64Array(count);
  const intervalMass = new Float64Array(count);
  const intervalCdfLo = new Float64Array(count);
  const atomWeight = new Float64Array(count);
  for (let a = 0; a < count; a++) {
    const i = active[a]!;
    const shape = shapes[i]!;
    firstTokenMs[a] = shape.firstTokenMs;
    tokensPerMs[a] = shape.tokensPerMs;
    intervalLo[a] = shape.interval.lo;
    intervalHi[a] = shape.interval.hi;
    intervalMass[a] = shape.interval.probability;
    intervalCdfLo[a] = shape.interval.cdfLo;
    atomWeight[a] = weights[i]!;
  }
  // Per-atom constants of the lognormal part: F(y) = Φ((ln y - μ)/σ) and its density φ(z)/(σ·y) (MODEL.md §3.2).
  const lognormal = output.sigma > 0;
  const { mu, sigma } = output;
  const cdf = (t: number): number => {
    let sum = 0;
    for (let a = 0; a < count; a++) {
      const y = (t - firstTokenMs[a]!) * tokensPerMs[a]!;
      if (y <= intervalLo[a]!) continue;
      if (y >= intervalHi[a]!) sum += atomWeight[a]! * intervalMass[a]!;
      else sum += atomWeight[a]! * Math.max(0, lengthCdf(output, y) - intervalCdfLo[a]!);
    }
    return sum;
  };
  // G(t) as `cdf`, also leaving dG/d(ln t) = t·Σ w·tps·φ(z)/(σ·y) over the atoms inside their interval in `slope`
  // (the continuous part only; jumps at caps are left to the search's bracketing steps).
  let slope = 0;
  const cdfWithSlope = (t: number): number => {
    if (!lognormal) {
      slope = 0;
      return cdf(t);
    }
    let sum = 0;
    let density = 0;
    for (let a = 0; a < count; a++) {
      const y = (t - firstTokenMs[a]!) * tokensPerMs[a]!;
      if (y <= intervalLo[a]!) continue;
      const w = atomWeight[a]!;
      if (y >= intervalHi[a]!) {
        sum += w * intervalMass[a]!;
        continue;
      }
      if (y >= output.cap) {
        sum += w * Math.max(0, 1 - intervalCdfLo[a]!);
        continue;
      }
      const z = (Math.log(y) - mu) / sigma;
      sum += w * Math.max(0, normalCdf(z) - intervalCdfLo[a]!);
      density += (w * tokensPerMs[a]! * Math.exp(-0.5 * z * z)) / y;
    }
    slope = (t * density) / (sigma * SQRT_TWO_PI);
    return sum;
  };
  const withSlope = { cdf: cdfWithSlope, slope: () => slope };

  // Quantiles in increasing p: each search starts where the previous one left G below its goal.
  // G = 0 up to the earliest first token; a positive start keeps the search's log scale finite.
  let lowerStart = Math.max(lower, upper * 1e-12, Number.MIN_VALUE);
  // G at lowerStart and at upper, once known: every search starts from them (saves two evaluations per search).
  let lowerStartCdf = Number.NaN;
  let upperCdf = Number.NaN;
  const jumps = cdfJumps(output, firstTokenMs, tokensPerMs, intervalLo, intervalHi, lowerStart, upper);
  const hints = hint ? [hint.p50, hint.p95, hint.p99] : [];
  const quantile = (p: number, index: number): number => {
    const goal = (p - PERCENTILE_TIE_EPSILON) * total;
    const guess = hints[index];
    // A quantile on a jump of G (a max_tokens cap or a point mass) is the jump itself: G(t⁻) < goal ≤ G(t).
    // Bisection needs ~45 evaluations to resolve it; the previous month's answer or a search over the jumps needs 2-7.
    if (jumps.length > 0) {
      const nearHint = guess == null ? -1 : jumpNear(jumps, guess);
      const at = nearHint >= 0 ? nearHint : guess == null ? firstJumpReaching(jumps, goal, cdf) : -1;
      if (at >= 0) {
        const justAbove = jumps[at]! * (1 + JUMP_SIDE);
        const justBelow = jumps[at]! * (1 - JUMP_SIDE);
        const cdfAbove = cdf(justAbove);
        if (cdfAbove >= goal) {
          const cdfBelow = justBelow > lowerStart ? cdf(justBelow) : Number.NaN;
          if (cdfBelow < goal) {
            lowerStart = justBelow;
            lowerStartCdf = cdfBelow;
            return justAbove;
          }
          // The quantile lies below the jump (in the continuous part before it): search up to it.
          if (guess == null && justBelow > lowerStart) {
            const before = at > 0 ? jumps[at - 1]! * (1 + JUMP_SIDE) : lowerStart;
            if (before > lowerStart && before < justBelow) {
              const cdfBefore = cdf(before);
              if (cdfBefore < goal) {
                lowerStart = before;
                lowerStartCdf = cdfBefore;
              }
            }
            const found = smallestTimeReaching(cdf, goal, lowerStart, justBelow, withSlope, undefined, {
              cdfLo: Number.isNaN(lowerStartCdf) ? undefined : lowerStartCdf,
              cdfHi: cdfBelow,
            });
            lowerStart = found.below;
            lowerStartCdf = found.cdfBelow;
            return found.time;
          }
        } else if (justAbove > lowerStart) {
          lowerStart = justAbove;
          lowerStartCdf = cdfAbove;
        }
      }
    }
    // A nearby answer (the previous month's) gives a narrow bracket when it still straddles the goal.
    if (guess != null && guess > lowerStart && guess < upper) {
      const lo = Math.max(lowerStart, guess * (1 - HINT_BRACKET));
      const hi = Math.min(upper, guess * (1 + HINT_BRACKET));
      const cdfLo = lo === lowerStart && !Number.isNaN(lowerStartCdf) ? lowerStartCdf : cdf(lo);
      if (cdfLo < goal) {
        const cdfHi = cdf(hi);
        if (cdfHi >= goal) {
          const found = smallestTimeReaching(cdf, goal, lo, hi, withSlope, guess, { cdfLo, cdfHi });
          lowerStart = found.below;
          lowerStartCdf = found.cdfBelow;
          return found.time;
        }
        // The quantile lies above hi: a tighter start for the full search.
        lowerStart = hi;
        lowerStartCdf = cdfHi;
      }
    }
    if (Number.isNaN(upperCdf)) upperCdf = cdf(upper);
    const found = smallestTimeReaching(cdf, goal, lowerStart, upper, withSlope, undefined, {
      cdfLo: Number.isNaN(lowerStartCdf) ? undefined : lowerStartCdf,
      cdfHi: upperCdf,
    });
    lowerStart = found.below;
    lowerStartCdf = found.cdfBelow;
    return found.time;
  };

  const [p50, p95raw, p99raw] = PERCENTILES.map(quantile) as [number, number, number];
  // Each search resolves its quantile to a relative 1e-13 above the exact point; at a step of G (a point mass) two
  // searches may land in different places above it, so keep them ordered as the exact quantiles are.
  const p95 = Math.max(p50, p95raw);
  const p99 = Math.max(p95, p99raw);
  return {
    mean: Math.min(weightedTime / total, MAX_LATENCY_MS),
    p50,
    p95,
    p99,
    shareOverTarget: Math.min(1, Math.max(0, 1 - cdf(targetMs) / total)),
  };
}

/**
 * First-token latency (MODEL.md §7.3): a discrete mixture with mass w·p_I at oh + TTFT_j; q_p = the smallest atom
 * location whose cumulative mass reaches (p - 1e-12)·G∞; shareOverTarget = mass later than target + 1e-9 ms over G∞.
 */
export function firstTokenLatency(shapes: readonly LatencyAtomShape[], weights: Float64Array, targetMs: number): LatencySummary {
  const points: { t: number; mass: number }[] = [];
  let total = 0;
  let weightedTime = 0;
  let late = 0;
  for (let i = 0; i < shapes.length; i++) {
    const w = weights[i]!;
    if (!(w > 0)) continue;
    const shape = shapes[i]!;
    const mass = w * shape.interval.probability;
    points.push({ t: shape.firstTokenMs, mass });
    total += mass;
    weightedTime += mass * shape.firstTokenMs;
    if (shape.firstTokenMs > targetMs + TARGET_SLACK_MS) late += mass;
  }
  if (!(total > 0)) return NULL_LATENCY;
  points.sort((a, b) => a.t - b.t);
  const quantile = (p: number): number => {
    const goal = (p - PERCENTILE_TIE_EPSILON) * total;
    let cumulative = 0;
    for (let k = 0; k < points.length; k++) {
      const t = points[k]!.t;
      cumulative += points[k]!.mass;
      // C_k includes every atom located at t.
      while (k + 1 < points.length && points[k + 1]!.t === t) cumulative += points[++k]!.mass;
      if (cumulative >= goal) return t;
    }
    return points[points.length - 1]!.t;
  };
  const [p50, p95, p99] = PERCENTILES.map(quantile) as [number, number, number];
  return { mean: weightedTime / total, p50, p95, p99, shareOverTarget: Math.min(1, Math.max(0, late / total)) };
}

/** Relative offset of the points just below and just above a jump of G (rounding of y = (t - oh - TTFT)·tps). */
const JUMP_SIDE = 1e-14;
/** A hint within this relative distance of a jump is taken to be that jump. */
const JUMP_HINT_DISTANCE = 1e-9;

/**
 * Sorted distinct times in (from, to) where G jumps: t = oh + TTFT + 1000·x/tps for the atoms whose interval holds a
 * point mass x of X: the cap K (mass 1 - F(K), MODEL.md §3.2), or the median when σ = 0.
 */
function cdfJumps(
  output: LengthDistribution,
  firstTokenMs: Float64Array,
  tokensPerMs: Float64Array,
  intervalLo: Float64Array,
  intervalHi: Float64Array,
  from: number,
  to: number,
): number[] {
  const mass = output.sigma > 0 ? output.cap : Math.min(Math.exp(output.mu), output.cap);
  if (!(mass < Infinity)) return [];
  const times: number[] = [];
  for (let a = 0; a < firstTokenMs.length; a++) {
    if (!(intervalLo[a]! < mass && mass <= intervalHi[a]!)) continue;
    const t = firstTokenMs[a]! + mass / tokensPerMs[a]!;
    if (t > from && t < to) times.push(t);
  }
  times.sort((a, b) => a - b);
  let unique = 0;
  for (let i = 0; i < times.length; i++) if (i === 0 || times[i] !== times[unique - 1]) times[unique++] = times[i]!;
  times.length = unique;
  return times;
}

/** Index of the jump within 1e-9 relative of `t`, or -1. */
function jumpNear(jumps: readonly number[], t: number): number {
  for (let i = 0; i < jumps.length; i++) if (Math.abs(jumps[i]! - t) <= JUMP_HINT_DISTANCE * t) return i;
  return -1;
}

/** Smallest jump index whose right side reaches the goal (G just above it ≥ goal), by bisection; -1 if none. */
function firstJumpReaching(jumps: readonly number[], goal: number, cdf: (t: number) => number): number {
  let lo = 0;
  let hi = jumps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf(jumps[mid]! * (1 + JUMP_SIDE)) >= goal) hi = mid;
    else lo = mid + 1;
  }
  return lo < jumps.length ? lo : -1;
}

/** Relative width at which a bracket is resolved: far below the 1e-9 conformance tolerance (MODEL.md §11). */
const BRACKET_RELATIVE_WIDTH = 1e-13;
const MAX_SEARCH_STEPS = 200;

/** G with its slope in ln t at the last point evaluated, for Newton steps. */
export interface CdfWithSlope {
  cdf: (t: number) => number;
  /** dG/d(ln t) at the argument of the last `cdf` call; 0 when unknown. */
  slope: () => number;
}

/**
 * The smallest t in (lo, hi] with cdf(t) ≥ goal, given cdf(lo) < goal ≤ cdf(hi): the quantity MODEL.md §7.2 defines
 * through 200 halvings of [0, Tmax] (upper end returned). Found here by a bracketing search on ln t, resolved to a
 * relative width of 1e-13 and returning the upper end, so it agrees with the halvings far inside the conformance
 * tolerance with a fraction of the CDF evaluations. Steps are Newton steps when `withSlope` gives G's slope and the
 * step stays inside the bracket (started from `start` when given), else Illinois false position, with a halving
 * whenever the bracket shrinks slowly. Near the root a Newton step is pushed a quarter width past it so the next
 * evaluation closes the bracket. `below` is the final lower end (cdf(below) < goal), a valid start for a larger goal;
 * `known` passes cdf(lo) and cdf(hi) when the caller has them, `cdfBelow` returns cdf(below).
 */
export function smallestTimeReaching(
  cdf: (t: number) => number,
  goal: number,
  lo: number,
  hi: number,
  withSlope?: CdfWithSlope,
  start?: number,
  known?: { cdfLo?: number; cdfHi?: number },
): { time: number; below: number; cdfBelow: number } {
  let fLo = (known?.cdfLo ?? cdf(lo)) - goal;
  let fHi = (known?.cdfHi ?? cdf(hi)) - goal;
  if (fLo >= 0) return { time: lo, below: lo, cdfBelow: fLo + goal };
  // G at the lower end (fLo is scaled by the Illinois steps).
  let cdfAtLo = fLo + goal;
  // Search on u = ln t: a lognormal mixture's CDF is close to a normal CDF there, where false position is fast.
  let uLo = Math.log(lo);
  let uHi = Math.log(hi);
  let retained = 0;
  let lastWidth = uHi - uLo;
  // The next Newton step from the last evaluated point (NaN when there is none).
  let newton = Number.NaN;
  if (withSlope && start !== undefined && start > lo && start < hi) newton = Math.log(start);
  for (let step = 0; step < MAX_SEARCH_STEPS; step++) {
    const width = uHi - uLo;
    if (width <= BRACKET_RELATIVE_WIDTH) break;
    let u: number;
    // Halve every third step unless the bracket at least halved since the previous check.
    if (step % 3 === 2 && width > lastWidth / 2) u = uLo + width / 2;
    else if (newton > uLo && newton < uHi) u = newton;
    else u = uLo + (width * -fLo) / (fHi - fLo);
    if (step % 3 === 2) lastWidth = width;
    if (!(u > uLo && u < uHi)) u = uLo + width / 2;
    if (u === uLo || u === uHi) break;
    const t = Math.exp(u);
    const f = withSlope ? withSlope.cdf(t) - goal : cdf(t) - goal;
    if (f >= 0) {
      uHi = u;
      hi = t;
      fHi = f;
      if (retained === -1) fLo /= 2;
      retained = -1;
    } else {
      uLo = u;
      lo = t;
      fLo = f;
      cdfAtLo = f + goal;
      if (retained === 1) fHi /= 2;
      retained = 1;
    }
    newton = Number.NaN;
    const slope = withSlope ? withSlope.slope() : 0;
    if (slope > 0) {
      const delta = -f / slope;
      // A step below a quarter of the target width is pushed that far past the root: the bracket then closes.
      const push = BRACKET_RELATIVE_WIDTH / 4;
      newton = u + (Math.abs(delta) < push ? delta + (f >= 0 ? -push : push) : delta);
    }
  }
  return { time: hi, below: lo, cdfBelow: cdfAtLo };
}
