import { describe, expect, it } from 'vitest';
import { normalCdf } from './distributions';
import { inverseNormalCdf, Sfc32 } from './prng';

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
});
