import { inverseNormalCdf } from '@/lib/engine/prng';

/**
 * Statistics of the validator: batch means over a stratified sample (each daily period is a stratum with its request
 * share), Student t with B - 1 degrees of freedom turned into an equivalent z, and the Bonferroni bound on |z|.
 */

export interface Estimate {
  value: number;
  /** Standard error (batch means). */
  se: number;
  /** Degrees of freedom of the batch-means t statistic. */
  dof: number;
}

/** One stratum's per-batch numerator, denominator and request count. */
export interface StratumBatches {
  share: number;
  numerators: number[];
  denominators: number[];
  requests: number[];
}

/**
 * Ratio of stratified means, Σ_π s_π·num_π/n_π over Σ_π s_π·den_π/n_π: on the totals for the value, per batch for
 * the standard error (sd of batch values/√B).
 */
export function stratifiedRatio(strata: readonly StratumBatches[]): Estimate {
  const batchCount = Math.min(...strata.map((s) => s.requests.length));
  const ratioOf = (pick: (s: StratumBatches) => { num: number; den: number; n: number }): number => {
    let num = 0;
    let den = 0;
    for (const s of strata) {
      const { num: a, den: b, n } = pick(s);
      if (n > 0) {
        num += (s.share * a) / n;
        den += (s.share * b) / n;
      }
    }
    return den > 0 ? num / den : Number.NaN;
  };
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const value = ratioOf((s) => ({ num: total(s.numerators), den: total(s.denominators), n: total(s.requests) }));
  const batchValues: number[] = [];
  for (let b = 0; b < batchCount; b++) {
    const v = ratioOf((s) => ({ num: s.numerators[b]!, den: s.denominators[b]!, n: s.requests[b]! }));
    if (Number.isFinite(v)) batchValues.push(v);
  }
  return { value, se: standardError(batchValues), dof: Math.max(1, batchValues.length - 1) };
}

/** sd/√B of batch values. */
export function standardError(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.POSITIVE_INFINITY;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (n - 1);
  return Math.sqrt(variance / n);
}

/**
 * A Student t with ν degrees of freedom as the standard normal deviate of equal tail probability, by Wallace's
 * (1959) approximation z = (8ν + 1)/(8ν + 3)·√(ν·ln(1 + t²/ν)) (error well under 0.05 for ν ≥ 20 and |t| ≤ 8).
 */
export function tToZ(t: number, dof: number): number {
  if (!Number.isFinite(t)) return t;
  const z = ((8 * dof + 1) / (8 * dof + 3)) * Math.sqrt(dof * Math.log1p((t * t) / dof));
  return t < 0 ? -z : z;
}

/** Two-sided Bonferroni bound: |z| ≤ Φ⁻¹(1 - α/(2n)) for n comparisons at family-wise level α. */
export function bonferroniBound(comparisons: number, alpha: number): number {
  return -inverseNormalCdf(alpha / (2 * Math.max(1, comparisons)));
}
