/**
 * Seeded random numbers for Monte Carlo (MODEL.md §9.2): sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * 32-bit, passes PractRand) with state (0x9E3779B9, 0x243F6A88, 0xB7E15162, seed) and 12 discarded outputs.
 */
export class Sfc32 {
  private a = 0x9e3779b9 | 0;
  private b = 0x243f6a88 | 0;
  private c = 0xb7e15162 | 0;
  private d: number;

  constructor(seed: number) {
    this.d = seed >>> 0 | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * The generator of Monte Carlo trial `trial` (docs/decisions/006): state (a, b, c, d) = (0x9E3779B9 ^ h(seed),
   * 0x243F6A88 ^ h(trial ^ h(seed)), 0xB7E15162 ^ h(trial + 0x632BE5AB), trial) with h the lowbias32 integer hash,
   * then 12 discarded outputs. Trial t's draws depend only on (seed, t), so any split of the trials gives the same
   * numbers.
   */
  static forTrial(seed: number, trial: number): Sfc32 {
    const generator = new Sfc32(0);
    generator.reseedForTrial(seed, trial);
    return generator;
  }

  /** Reset this generator to the state of `Sfc32.forTrial(seed, trial)` (no allocation). */
  reseedForTrial(seed: number, trial: number): void {
    const seedHash = lowbias32(seed >>> 0);
    this.a = (0x9e3779b9 ^ seedHash) | 0;
    this.b = (0x243f6a88 ^ lowbias32((trial ^ seedHash) >>> 0)) | 0;
    this.c = (0xb7e15162 ^ lowbias32((trial + 0x632be5ab) >>> 0)) | 0;
    this.d = trial | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** u = (x + 0.5)/2^32 ∈ (0, 1), never 0 or 1 (MODEL.md §9.2). */
  uniform(): number {
    return (this.nextUint32() + 0.5) / 4294967296;
  }

  /** Standard normal by the inverse CDF of a uniform (Acklam, |relative error| < 1.15e-9). */
  normal(): number {
    return inverseNormalCdf(this.uniform());
  }

  /** Exponential with the given mean: -mean·ln u. */
  exponential(mean: number): number {
    return -mean * Math.log(this.uniform());
  }

  /** Poisson by sequential inversion; means above 500 are split into independent Poisson(≤ 500) parts. */
  poisson(mean: number): number {
    let count = 0;
    let remaining = mean;
    while (remaining > 0) {
      const part = Math.min(remaining, POISSON_CHUNK);
      remaining -= part;
      const u = this.uniform();
      let k = 0;
      let p = Math.exp(-part);
      let cumulative = p;
      while (u > cumulative && p > 0) {
        k++;
        p *= part / k;
        cumulative += p;
      }
      count += k;
    }
    return count;
  }
}

const POISSON_CHUNK = 500;

/** lowbias32 (Chris Wellons' integer hash, bias 0.17): x ^= x>>16; x *= 0x7feb352d; x ^= x>>15; x *= 0x846ca68b; x ^= x>>16. */
function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p in (0, 1): Peter Acklam's rational approximation (|relative error| < 1.15e-9), MODEL.md §9.2. */
export function inverseNormalCdf(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}
