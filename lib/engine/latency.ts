import { PERCENTILE_TIE_EPSILON } from './constants';
import { lengthCdf, lengthSearchUpperBound, type LengthDistribution } from './distributions';
import type { LengthInterval } from './prepare';
import type { LatencySummary } from './types';

/** The static part of a success atom: its first-token time and the interval of X it covers (MODEL.md §7.2-§7.3). */
export interface LatencyAtomShape {
  /** oh + TTFT_j: the first-token time, ms. */
  firstTokenMs: number;
  /** tps_j/1000, tokens per ms. */
  tokensPerMs: number;
  interval: LengthInterval;
}

const HALVINGS = 200;
const PERCENTILES = [0.5, 0.95, 0.99] as const;
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
): LatencySummary {
  const active: number[] = [];
  let total = 0;
  let weightedTime = 0;
  let upper = 0;
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
  }
  if (!(total > 0)) return NULL_LATENCY;

  const cdf = (t: number): number => {
    let sum = 0;
    for (const i of active) {
      const shape = shapes[i]!;
      const y = (t - shape.firstTokenMs) * shape.tokensPerMs;
      const { lo, hi } = shape.interval;
      if (y <= lo) continue;
      const w = weights[i]!;
      if (y >= hi) sum += w * shape.interval.probability;
      else sum += w * Math.max(0, lengthCdf(output, y) - shape.interval.cdfLo);
    }
    return sum;
  };

  const quantile = (p: number): number => {
    const goal = (p - PERCENTILE_TIE_EPSILON) * total;
    let lo = 0;
    let hi = upper;
    for (let k = 0; k < HALVINGS; k++) {
      const mid = (lo + hi) / 2;
      // Once lo and hi are adjacent doubles every further halving is a no-op.
      if (mid === lo || mid === hi) break;
      if (cdf(mid) >= goal) hi = mid;
      else lo = mid;
    }
    return hi;
  };

  const [p50, p95, p99] = PERCENTILES.map(quantile) as [number, number, number];
  return {
    mean: weightedTime / total,
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
