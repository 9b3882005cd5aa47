import { PERCENTILE_TIE_EPSILON } from './constants';
import { lengthCdf, lengthSearchUpperBound, normalCdf, type LengthDistribution } from './distributions';
import { NULL_LATENCY, type LatencyAtomShape } from './latency';

export type TtftSpread = NonNullable<LatencyAtomShape['ttftSpread']>;
import type { LatencySummary } from './types';

/**
 * Latency with a lognormal time to first token (ADR 011). A model with `ttftP95Ms` has TTFT = s + τ, τ ~ LN(ln m, σ),
 * m = `ttftMs`, σ = ln(ttftP95Ms/ttftMs)/Z95, s = 1000·E[in]/prefillTokensPerSec (0 without prefill). A success atom
 * (overhead oh, model j, interval I of X) then has first token at d + τ and full response at d + τ + 1000·X/tps_j with
 * d = oh + s, τ and X independent, X restricted to I. Its CDFs:
 *   first token   w·p_I·Φ((ln(t − d) − ln m)/σ)
 *   full response w·E_Z[H(r·(t − d − m·e^{σZ}))],  H(y) = [F(min(y, hi)) − F(lo)]⁺,  r = tps_j/1000,  Z ~ N(0, 1)
 * The expectation is split where the integrand is constant (H = 0 for y ≤ lo, H = p_I once y reaches min(hi, K) or a
 * point mass of X: exact through Φ) and integrated by composite 8-point Gauss-Legendre over Z elsewhere, with panel
 * ends at the X quantiles e^{μ + kσ_X}, k = −9, −7, …, 9, and panels at most 1 wide (relative error < 1e-10 against a
 * 20,000-point reference, tested). Means are exact: w·[(d + m·e^{σ²/2})·p_I + PE(I)/r].
 */

const PERCENTILES = [0.5, 0.95, 0.99] as const;
const MAX_LATENCY_MS = 1e300;
/** The normal tail beyond ±8.5 (< 1e-17) is dropped. */
const Z_LIMIT = 8.5;
const MAX_PANEL = 1;
const TARGET_SLACK_MS = 1e-9;
/** X quantile offsets (in σ_X) used as panel ends. */
const QUANTILE_STEPS = 9;

// 8-point Gauss-Legendre on [-1, 1].
const GL_NODES = [-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363];
const GL_WEIGHTS = [0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];
const INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

/** The deterministic part d = oh + s of a shape with spread: firstTokenMs holds d + m. */
function offsetOf(shape: LatencyAtomShape, spread: TtftSpread): number {
  return shape.firstTokenMs - spread.medianMs;
}

/** P(d + τ ≤ t) for τ ~ LN(ln m, σ). */
export function spreadFirstTokenCdf(offsetMs: number, spread: TtftSpread, t: number): number {
  const s = t - offsetMs;
  if (!(s > 0)) return 0;
  return normalCdf((Math.log(s / spread.medianMs)) / spread.sigma);
}

/** Z at which d + m·e^{σZ} + c/r = t, i.e. the point where y(Z) = c; −∞ when t − d − c/r ≤ 0. */
function zWhere(room: number, c: number, tokensPerMs: number, spread: TtftSpread): number {
  const left = room - c / tokensPerMs;
  if (!(left > 0)) return -Infinity;
  return Math.log(left / spread.medianMs) / spread.sigma;
}

/**
 * P(d + τ + X/r ≤ t, X ∈ (lo, hi]) for one atom: the full-response CDF contribution per unit weight (see the module
 * comment). `cdfLo` = F(lo), `mass` = p_I.
 */
export function spreadFullResponseCdf(
  offsetMs: number,
  spread: TtftSpread,
  tokensPerMs: number,
  lo: number,
  hi: number,
  cdfLo: number,
  mass: number,
  output: LengthDistribution,
  t: number,
): number {
  const room = t - offsetMs;
  if (!(room > 0)) return 0;
  // H is constant (= mass) once y ≥ full: hi, the cap K, or the point mass of X.
  const pointMass = output.sigma === 0 ? Math.min(Math.exp(output.mu), output.cap) : Infinity;
  const full = Math.min(hi, output.cap, pointMass);
  const zFull = Number.isFinite(full) ? zWhere(room, full, tokensPerMs, spread) : -Infinity;
  let sum = mass * normalCdf(zFull);
  if (output.sigma === 0) return Math.min(mass, sum);
  // Varying part: y between max(lo, e^{μ − 9σ_X}) and full, i.e. Z in (zFull, zLow).
  const floorY = Math.max(lo, Math.exp(output.mu - QUANTILE_STEPS * output.sigma));
  const zLow = Math.min(Z_LIMIT, zWhere(room, floorY, tokensPerMs, spread));
  const zStart = Math.max(-Z_LIMIT, zFull);
  if (!(zLow > zStart)) return Math.min(mass, sum);
  const ends = [zStart, zLow];
  for (let k = -QUANTILE_STEPS; k <= QUANTILE_STEPS; k += 2) {
    const y = Math.exp(output.mu + k * output.sigma);
    if (y <= floorY || y >= full) continue;
    const z = zWhere(room, y, tokensPerMs, spread);
    if (z > zStart && z < zLow) ends.push(z);
  }
  ends.sort((a, b) => a - b);
  for (let e = 0; e + 1 < ends.length; e++) {
    const a = ends[e]!;
    const b = ends[e + 1]!;
    if (!(b > a)) continue;
    const pieces = Math.max(1, Math.ceil((b - a) / MAX_PANEL));
    const width = (b - a) / pieces;
    for (let p = 0; p < pieces; p++) {
      const mid = a + (p + 0.5) * width;
      const half = width / 2;
      let panel = 0;
      for (let g = 0; g < 8; g++) {
        const z = mid + half * GL_NODES[g]!;
        const y = tokensPerMs * (room - spread.medianMs * Math.exp(spread.sigma * z));
        if (!(y > lo)) continue;
        const h = Math.max(0, lengthCdf(output, Math.min(y, full)) - cdfLo);
        panel += GL_WEIGHTS[g]! * h * Math.exp(-0.5 * z * z);
      }
      sum += half * panel * INV_SQRT_TWO_PI;
    }
  }
  return Math.min(mass, Math.max(0, sum));
}

/** A shape's spread, or null for a point-mass TTFT. */
function spreadOf(shape: LatencyAtomShape): TtftSpread | null {
  return shape.ttftSpread && shape.ttftSpread.sigma > 0 ? shape.ttftSpread : null;
}

/** True when some weighted shape has a TTFT spread (then the blocks below apply; else latency.ts as in v1). */
export function hasTtftSpread(shapes: readonly LatencyAtomShape[], weights: ArrayLike<number>): boolean {
  for (let i = 0; i < shapes.length; i++) if (weights[i]! > 0 && spreadOf(shapes[i]!)) return true;
  return false;
}

interface ActiveAtom {
  shape: LatencyAtomShape;
  spread: TtftSpread | null;
  offset: number;
  w: number;
}

function activeAtoms(shapes: readonly LatencyAtomShape[], weights: ArrayLike<number>): { atoms: ActiveAtom[]; total: number } {
  const atoms: ActiveAtom[] = [];
  let total = 0;
  for (let i = 0; i < shapes.length; i++) {
    const w = weights[i]!;
    if (!(w > 0)) continue;
    const shape = shapes[i]!;
    const spread = spreadOf(shape);
    atoms.push({ shape, spread, offset: spread ? offsetOf(shape, spread) : shape.firstTokenMs, w });
    total += w * shape.interval.probability;
  }
  return { atoms, total };
}

/** Upper end of τ's support used to bracket searches: m·e^{8.5σ}. */
function ttftUpper(spread: TtftSpread | null, shape: LatencyAtomShape): number {
  return spread ? spread.medianMs * Math.exp(Z_LIMIT * spread.sigma) : shape.firstTokenMs;
}

/** First-token CDF of the mixture (unnormalized): point atoms as steps (MODEL.md §7.3), spread atoms continuous. */
function firstTokenMixtureCdf(atoms: readonly ActiveAtom[], t: number): number {
  let sum = 0;
  for (const a of atoms) {
    const mass = a.w * a.shape.interval.probability;
    if (a.spread) sum += mass * spreadFirstTokenCdf(a.offset, a.spread, t);
    else if (a.shape.firstTokenMs <= t) sum += mass;
  }
  return sum;
}

/** Full-response CDF of the mixture (unnormalized): MODEL.md §7.2 for point atoms, the convolution for spread ones. */
function fullResponseMixtureCdf(atoms: readonly ActiveAtom[], output: LengthDistribution, t: number): number {
  let sum = 0;
  for (const a of atoms) {
    const { interval, tokensPerMs } = a.shape;
    if (a.spread) {
      sum += a.w * spreadFullResponseCdf(a.offset, a.spread, tokensPerMs, interval.lo, interval.hi, interval.cdfLo, interval.probability, output, t);
      continue;
    }
    const y = (t - a.shape.firstTokenMs) * tokensPerMs;
    if (y <= interval.lo) continue;
    sum += y >= interval.hi ? a.w * interval.probability : a.w * Math.max(0, lengthCdf(output, y) - interval.cdfLo);
  }
  return sum;
}

/** Relative width at which a percentile bracket is resolved: far inside the 1e-6 the blocks promise (ADR 011). */
const RESOLVED_WIDTH = 1e-10;

/**
 * The smallest t in (lo, hi] with cdf(t) ≥ goal, given cdf(lo) < goal ≤ cdf(hi): Illinois false position on ln t with a
 * halving every third step that does not halve the bracket, stopped at a relative width of 1e-10, upper end returned.
 */
function solveQuantile(cdf: (t: number) => number, goal: number, lo: number, hi: number, cdfLo: number, cdfHi: number): { time: number; below: number; cdfBelow: number } {
  let uLo = Math.log(lo);
  let uHi = Math.log(hi);
  let fLo = cdfLo - goal;
  let fHi = cdfHi - goal;
  let below = lo;
  let cdfBelow = cdfLo;
  let side = 0;
  let lastWidth = uHi - uLo;
  for (let step = 0; step < 200 && uHi - uLo > RESOLVED_WIDTH; step++) {
    const width = uHi - uLo;
    let u = step % 3 === 2 && width > lastWidth / 2 ? uLo + width / 2 : uLo + (width * -fLo) / (fHi - fLo);
    if (step % 3 === 2) lastWidth = width;
    if (!(u > uLo && u < uHi)) u = uLo + width / 2;
    if (u === uLo || u === uHi) break;
    const t = Math.exp(u);
    const value = cdf(t);
    const f = value - goal;
    if (f >= 0) {
      uHi = u;
      hi = t;
      fHi = f;
      if (side === -1) fLo /= 2;
      side = -1;
    } else {
      uLo = u;
      below = t;
      cdfBelow = value;
      fLo = f;
      if (side === 1) fHi /= 2;
      side = 1;
    }
  }
  return { time: hi, below, cdfBelow };
}

/** Half-width (relative) of the bracket tried around a hinted quantile (the previous month's). */
const HINT_BRACKET = 1e-3;

/**
 * q_p = the smallest t with G(t) ≥ (p − 1e-12)·G∞ (MODEL.md §7.2), found to 1e-10 relative in [lower, upper]; a hint
 * (the previous month's block) is tried first as a narrow bracket, which saves most CDF evaluations.
 */
function quantiles(cdf: (t: number) => number, total: number, lower: number, upper: number, hint?: LatencySummary): [number, number, number] {
  let lo = Math.max(lower, upper * 1e-12, Number.MIN_VALUE);
  let cdfLo = cdf(lo);
  let cdfUpper = Number.NaN;
  const hints = hint ? [hint.p50, hint.p95, hint.p99] : [];
  const found = PERCENTILES.map((p, index) => {
    const goal = (p - PERCENTILE_TIE_EPSILON) * total;
    if (cdfLo >= goal) return lo;
    const guess = hints[index];
    if (guess != null && guess * (1 - HINT_BRACKET) > lo && guess * (1 + HINT_BRACKET) < upper) {
      const a = guess * (1 - HINT_BRACKET);
      const b = guess * (1 + HINT_BRACKET);
      const cdfA = cdf(a);
      if (cdfA < goal) {
        const cdfB = cdf(b);
        if (cdfB >= goal) {
          const result = solveQuantile(cdf, goal, a, b, cdfA, cdfB);
          lo = result.below;
          cdfLo = result.cdfBelow;
          return result.time;
        }
        lo = b;
        cdfLo = cdfB;
      }
    }
    if (Number.isNaN(cdfUpper)) cdfUpper = cdf(upper);
    const result = solveQuantile(cdf, goal, lo, upper, cdfLo, Math.max(cdfUpper, goal));
    lo = result.below;
    cdfLo = result.cdfBelow;
    return result.time;
  }) as [number, number, number];
  const p95 = Math.max(found[0], found[1]);
  return [found[0], p95, Math.max(p95, found[2])];
}

/** First-token block with TTFT spread: mean Σ mass·(d + m·e^{σ²/2})/G∞, percentiles and share over target exact. */
export function firstTokenLatencyWithSpread(shapes: readonly LatencyAtomShape[], weights: ArrayLike<number>, targetMs: number): LatencySummary {
  const { atoms, total } = activeAtoms(shapes, weights);
  if (!(total > 0)) return NULL_LATENCY;
  let weightedTime = 0;
  let late = 0;
  let lower = Infinity;
  let upper = 0;
  for (const a of atoms) {
    const mass = a.w * a.shape.interval.probability;
    if (a.spread) {
      weightedTime += mass * (a.offset + a.spread.medianMs * Math.exp((a.spread.sigma * a.spread.sigma) / 2));
      late += mass * (1 - spreadFirstTokenCdf(a.offset, a.spread, targetMs));
      lower = Math.min(lower, a.offset);
      upper = Math.max(upper, a.offset + ttftUpper(a.spread, a.shape));
    } else {
      weightedTime += mass * a.shape.firstTokenMs;
      if (a.shape.firstTokenMs > targetMs + TARGET_SLACK_MS) late += mass;
      lower = Math.min(lower, a.shape.firstTokenMs);
      upper = Math.max(upper, a.shape.firstTokenMs * (1 + 1e-12));
    }
  }
  upper = Math.min(Math.max(upper, lower * (1 + 1e-9), 1e-9), MAX_LATENCY_MS);
  const [p50, p95, p99] = quantiles((t) => firstTokenMixtureCdf(atoms, t), total, lower, upper);
  return { mean: Math.min(weightedTime / total, MAX_LATENCY_MS), p50, p95, p99, shareOverTarget: Math.min(1, Math.max(0, late / total)) };
}

/** Full-response block with TTFT spread: the §7.2 quantities over the convolved mixture. */
export function fullResponseLatencyWithSpread(shapes: readonly LatencyAtomShape[], weights: ArrayLike<number>, output: LengthDistribution, targetMs: number, hint?: LatencySummary): LatencySummary {
  const { atoms, total } = activeAtoms(shapes, weights);
  if (!(total > 0)) return NULL_LATENCY;
  const searchX = lengthSearchUpperBound(output);
  let weightedTime = 0;
  let lower = Infinity;
  let upper = 0;
  for (const a of atoms) {
    const { interval, tokensPerMs } = a.shape;
    const ttftMean = a.spread ? a.spread.medianMs * Math.exp((a.spread.sigma * a.spread.sigma) / 2) : 0;
    weightedTime += a.w * ((a.offset + ttftMean) * interval.probability + interval.partialExpectation / tokensPerMs);
    const xHi = interval.hi === Infinity ? searchX : interval.hi;
    lower = Math.min(lower, a.offset);
    upper = Math.max(upper, a.offset + ttftUpper(a.spread, a.shape) + xHi / tokensPerMs);
  }
  upper = Math.min(Math.max(upper, 1e-9), MAX_LATENCY_MS);
  const cdf = (t: number) => fullResponseMixtureCdf(atoms, output, t);
  const [p50, p95, p99] = quantiles(cdf, total, lower, upper, hint);
  return {
    mean: Math.min(weightedTime / total, MAX_LATENCY_MS),
    p50,
    p95,
    p99,
    shareOverTarget: Math.min(1, Math.max(0, 1 - cdf(targetMs) / total)),
  };
}

/** Normalized CDFs at t for charts (latency-cdf.ts): first token and full response. */
export function spreadMixtureShares(shapes: readonly LatencyAtomShape[], weights: ArrayLike<number>, output: LengthDistribution) {
  const { atoms, total } = activeAtoms(shapes, weights);
  return {
    total,
    firstToken: (t: number) => (total > 0 ? Math.min(1, firstTokenMixtureCdf(atoms, t) / total) : 0),
    fullResponse: (t: number) => (total > 0 ? Math.min(1, fullResponseMixtureCdf(atoms, output, t) / total) : 0),
  };
}
