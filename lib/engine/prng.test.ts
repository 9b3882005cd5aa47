import { describe, expect, it } from 'vitest';
import { normalCdf } from './distributions';
import { inverseNormalCdf, Sfc32, tableExp } from './prng';

describe('sfc32 (MODEL.md §9.2)', () => {
  it('is deterministic by seed and differs across seeds', () => {
    const a = new Sfc32(1);
    const b = new Sfc32(1);
    const c = new Sfc32(2);
    const draws = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(draws);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(draws);
  });
  it('uniforms lie strictly inside (0, 1) with mean 1/2 within 5σ (σ = 1/√(12n))', () => {
    const rng = new Sfc32(99);
    const n = 200000;
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 / Math.sqrt(12 * n));
  });
  it('Acklam inverse: |relative error| < 1.15e-9 against known quantiles', () => {
    const quantiles: [number, number][] = [
      [0.5, 0],
      [0.95, 1.6448536269514722],
      [0.975, 1.959963984540054],
      [0.01, -2.3263478740408408],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, x] of quantiles) expect(Math.abs(inverseNormalCdf(p) - x)).toBeLessThanOrEqual(1.15e-9 * Math.abs(x) + 1e-15);
    expect(normalCdf(inverseNormalCdf(0.3))).toBeCloseTo(0.3, 9);
  });
  it('Poisson draws have mean and variance λ within 5 standard errors (also above the 500 split)', () => {
    for (const mean of [3, 700]) {
      const rng = new Sfc32(5);
      const n = 20000;
      const draws = Array.from({ length: n }, () => rng.poisson(mean));
      const average = draws.reduce((s, x) => s + x, 0) / n;
      expect(Math.abs(average - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
    }
  });

  // Pearson χ² over equiprobable bins of the CDF: with df = bins - 1 = 99 the 1 - 1e-6 quantile is ≈ 181
  // (Wilson-Hilferty: df·(1 - 2/(9df) + 4.753·√(2/(9df)))³), so a correct sampler fails with probability 1e-6.
  const chiSquare = (cdfs: Float64Array, bins: number) => {
    const counts = new Float64Array(bins);
    for (const u of cdfs) counts[Math.min(bins - 1, Math.floor(u * bins))]!++;
    const expected = cdfs.length / bins;
    return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
  };
  const CHI_SQUARE_99_BOUND = 181;

  it('ziggurat normals (docs/decisions/006): χ² over 100 bins, the tail beyond R and the variance', () => {
    const rng = new Sfc32(2026);
    const n = 400000;
    const cdfs = new Float64Array(n);
    let tail = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.gaussian();
      cdfs[i] = normalCdf(z);
      squares += z * z;
      if (Math.abs(z) > 3.6541528853610088) tail++;
    }
    expect(chiSquare(cdfs, 100)).toBeLessThan(CHI_SQUARE_99_BOUND);
    // P(|Z| > R) = 2(1 - Φ(R)) = 2.58e-4: the base layer's tail draws, within 5 binomial SE.
    const pTail = 2 * (1 - normalCdf(3.6541528853610088));
    expect(Math.abs(tail - n * pTail)).toBeLessThan(5 * Math.sqrt(n * pTail));
    // Var(Z²) = 2: the sample mean of Z² within 5 SE of 1.
    expect(Math.abs(squares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('ziggurat exponentials: χ² over 100 bins, the tail beyond R and the mean', () => {
    const rng = new Sfc32(7);
    const n = 400000;
    const cdfs = new Float64Array(n);
    let tail = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.standardExponential();
      cdfs[i] = -Math.expm1(-x);
      sum += x;
      if (x > 7.69711747013104972) tail++;
    }
    expect(chiSquare(cdfs, 100)).toBeLessThan(CHI_SQUARE_99_BOUND);
    const pTail = Math.exp(-7.69711747013104972);
    expect(Math.abs(tail - n * pTail)).toBeLessThan(5 * Math.sqrt(n * pTail));
    expect(Math.abs(sum / n - 1)).toBeLessThan(5 / Math.sqrt(n));
  });

  it('expGaussianSum draws what gaussian() draws, in order, and leaves the same state', () => {
    for (const sigma of [0.1, 1.8, 40]) {
      const a = new Sfc32(11);
      const b = new Sfc32(11);
      // 20,000 normals include ~240 wedge and tail draws.
      const fast = a.expGaussianSum(20000, sigma);
      let slow = 0;
      for (let i = 0; i < 20000; i++) slow += Math.exp(sigma * b.gaussian());
      expect(Math.abs(fast - slow)).toBeLessThanOrEqual(1e-14 * slow);
      expect(a.nextUint32()).toBe(b.nextUint32());
    }
  });

  it('tableExp is e^x within 6e-16 relative, and Math.exp outside |x| < 32', () => {
    let worst = 0;
    for (let i = -40000; i <= 40000; i++) {
      const x = i * 7.9e-4 + 1e-7;
      worst = Math.max(worst, Math.abs(tableExp(x) - Math.exp(x)) / Math.exp(x));
    }
    expect(worst).toBeLessThan(6e-16);
    expect(tableExp(0)).toBe(1);
    expect(tableExp(-700)).toBe(Math.exp(-700));
    expect(tableExp(Infinity)).toBe(Infinity);
  });
});
