import { Sfc32 } from '@/lib/engine/prng';
import { Z95 } from '@/lib/engine';

/**
 * Sampling helpers of the discrete-event validator, on the engine's seeded sfc32 generator (MODEL.md §9.2): every
 * run with the same seed draws the same numbers.
 */
export class Sampler {
  private readonly rng: Sfc32;
  /**
   * sfc32 seeds only one of its four words; with the 12 discards of §9.2, nearby seeds (7920, 7921) give visibly
   * correlated streams. The validator derives many seeds arithmetically, so it hashes the seed (murmur3's fmix32)
   * and discards 52 more outputs.
   */
  constructor(seed: number) {
    this.rng = new Sfc32(fmix32(seed >>> 0));
    for (let i = 0; i < 52; i++) this.rng.nextUint32();
  }

  uniform(): number {
    return this.rng.uniform();
  }

  normal(): number {
    return this.rng.normal();
  }

  exponential(mean: number): number {
    return this.rng.exponential(mean);
  }

  poisson(mean: number): number {
    return mean > 0 ? this.rng.poisson(mean) : 0;
  }

  /** Uniform on [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Log-uniform on [lo, hi). */
  logBetween(lo: number, hi: number): number {
    return Math.exp(this.between(Math.log(lo), Math.log(hi)));
  }

  /** An integer in lo..hi inclusive. */
  int(lo: number, hi: number): number {
    return Math.min(hi, lo + Math.floor((hi - lo + 1) * this.uniform()));
  }

  chance(p: number): boolean {
    return this.uniform() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.min(items.length - 1, Math.floor(items.length * this.uniform()))]!;
  }

  /**
   * Gamma(shape k, scale 1): Marsaglia & Tsang (2000) for k ≥ 1; for k < 1, Gamma(k+1)·U^{1/k}.
   */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * this.uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x ** 4) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}

/** A lognormal from median and p95 (MODEL.md §3.2), optionally capped: X = min(Y, K). */
export interface Lognormal {
  median: number;
  sigma: number;
  cap: number;
}

export function lognormal(median: number, p95: number | null | undefined, cap: number | null = null): Lognormal {
  const sigma = p95 !== null && p95 !== undefined && median > 0 && p95 > median ? Math.log(p95 / median) / Z95 : 0;
  return { median, sigma, cap: cap ?? Infinity };
}

export function sampleLognormal(sampler: Sampler, d: Lognormal): number {
  const y = d.sigma === 0 ? d.median : d.median * Math.exp(d.sigma * sampler.normal());
  return Math.min(y, d.cap);
}

/** murmur3's 32-bit finalizer: a bijection that spreads every input bit over the output. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
