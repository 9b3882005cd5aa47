import { Z95 } from './constants';

/**
 * Standard normal CDF Φ(x): Hart (1968) double-precision algorithm as published by West (2005),
 * "Better approximations to cumulative normal functions", absolute error < 1e-14. MODEL.md §2.
 */
export function normalCdf(x: number): number {
  const xAbs = Math.abs(x);
  let tail: number;
  if (xAbs > 37) {
    tail = 0;
  } else {
    const e = Math.exp((-xAbs * xAbs) / 2);
    if (xAbs < 7.07106781186547) {
      let b = 3.52624965998911e-2 * xAbs + 0.700383064443688;
      b = b * xAbs + 6.37396220353165;
      b = b * xAbs + 33.912866078383;
      b = b * xAbs + 112.079291497871;
      b = b * xAbs + 221.213596169931;
      b = b * xAbs + 220.206867912376;
      tail = e * b;
      b = 8.83883476483184e-2 * xAbs + 1.75566716318264;
      b = b * xAbs + 16.064177579207;
      b = b * xAbs + 86.7807322029461;
      b = b * xAbs + 296.564248779674;
      b = b * xAbs + 637.333633378831;
      b = b * xAbs + 793.826512519948;
      b = b * xAbs + 440.413735824752;
      tail = tail / b;
    } else {
      let b = xAbs + 0.65;
      b = xAbs + 4 / b;
      b = xAbs + 3 / b;
      b = xAbs + 2 / b;
      b = xAbs + 1 / b;
      tail = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0: Lanczos approximation, g = 7, n = 9 standard coefficients (MODEL.md §2). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < 9; i++) series += LANCZOS_COEFFICIENTS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/** A token length X = min(Y, K), Y ~ LN(mu, sigma) (MODEL.md §3.2). `cap` = ∞ when there is no max_tokens. */
export interface LengthDistribution {
  mu: number;
  sigma: number;
  cap: number;
  /** exp(mu + sigma²/2), the uncapped mean. */
  uncappedMean: number;
  /** E[X] = PE(0, ∞). */
  mean: number;
}

/** Lognormal from median and p95: μ = ln median, σ = ln(p95/median)/Z95; σ = 0 is a point mass (MODEL.md §3.2). */
export function lognormalFromMedianP95(median: number, p95: number, cap: number | null, muShift = 0): LengthDistribution {
  const mu = Math.log(median) + muShift;
  const sigma = Math.max(0, Math.log(p95 / median) / Z95);
  const distribution: LengthDistribution = {
    mu,
    sigma,
    cap: cap ?? Infinity,
    uncappedMean: Math.exp(mu + (sigma * sigma) / 2),
    mean: 0,
  };
  distribution.mean = partialExpectation(distribution, 0, Infinity);
  return distribution;
}

/** The value of a point mass (σ = 0): min(median, K). */
function pointMassValue(d: LengthDistribution): number {
  return Math.min(Math.exp(d.mu), d.cap);
}

/** F(x) = 0 for x ≤ 0; Φ((ln x - μ)/σ) for 0 < x < K; 1 for x ≥ K (MODEL.md §3.2). */
export function lengthCdf(d: LengthDistribution, x: number): number {
  if (x <= 0) return 0;
  if (x >= d.cap) return 1;
  if (d.sigma === 0) return x >= pointMassValue(d) ? 1 : 0;
  if (x === Infinity) return 1;
  return normalCdf((Math.log(x) - d.mu) / d.sigma);
}

/** Φ((ln x - μ - σ²)/σ) with ln 0 = -∞ and ln ∞ = +∞. */
function shiftedCdf(d: LengthDistribution, x: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return normalCdf((Math.log(x) - d.mu - d.sigma * d.sigma) / d.sigma);
}

/**
 * Partial expectation PE(a, b) = E[X·1{a < X ≤ b}] = m·[Φ((ln b' - μ - σ²)/σ) - Φ((ln a - μ - σ²)/σ)]
 * + K·(1 - Φ((ln K - μ)/σ))·1{a < K ≤ b}, b' = min(b, K) (MODEL.md §3.2).
 */
export function partialExpectation(d: LengthDistribution, a: number, b: number): number {
  if (d.sigma === 0) {
    const x0 = pointMassValue(d);
    return a < x0 && x0 <= b ? x0 : 0;
  }
  const upper = Math.min(b, d.cap);
  let value = 0;
  if (upper > a) {
    const mass = shiftedCdf(d, upper) - shiftedCdf(d, a);
    // m·mass in log space when m = exp(μ + σ²/2) overflows (tiny median, huge p95) but the product does not.
    if (mass > 0) value = Number.isFinite(d.uncappedMean) ? d.uncappedMean * mass : Math.exp(d.mu + (d.sigma * d.sigma) / 2 + Math.log(mass));
  }
  if (d.cap !== Infinity && a < d.cap && d.cap <= b) value += d.cap * (1 - normalCdf((Math.log(d.cap) - d.mu) / d.sigma));
  return Math.min(value, MAX_EXPECTED_TOKENS);
}

/**
 * Expectations of token counts are clamped here: an uncapped lognormal with a tiny median and a huge p95 has a mean
 * beyond the double range (e.g. median 1e-300, p95 1e8: e^{92000}). 1e100 tokens is beyond any workload and keeps
 * every cost finite (a Result never holds ±Infinity, MODEL.md §2).
 */
export const MAX_EXPECTED_TOKENS = 1e100;

/** Upper end of the X range used to bracket latency percentiles: min(K, e^{μ+8.5σ}) (MODEL.md §7.2). */
export function lengthSearchUpperBound(d: LengthDistribution): number {
  return Math.min(d.cap, Math.exp(d.mu + 8.5 * d.sigma), MAX_EXPECTED_TOKENS);
}
