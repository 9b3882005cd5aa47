import { describe, expect, it } from 'vitest';
import { lengthCdf, lnGamma, lognormalFromMedianP95, normalCdf, partialExpectation } from './distributions';

describe('normalCdf (Hart/West, MODEL.md §2)', () => {
  it('matches reference values to 1e-14 absolute', () => {
    // Reference values of Φ from the complementary error function: Φ(x) = erfc(-x/√2)/2.
    const cases: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [1.6448536269514722, 0.95],
      [1.96, 0.9750021048517795],
      [-3, 0.0013498980316300946],
      [-8, 6.22096057427178e-16],
      [-40, 0],
    ];
    for (const [x, expected] of cases) expect(Math.abs(normalCdf(x) - expected)).toBeLessThanOrEqual(1e-14);
  });
  it('is symmetric: Φ(x) + Φ(-x) = 1', () => {
    for (let x = -9; x <= 9; x += 0.37) expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThanOrEqual(2e-16);
  });
});

describe('lnGamma (Lanczos g = 7, n = 9)', () => {
  it('gives ln n! at integers and ln √π at 1/2', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 30; n++) {
      logFactorial += Math.log(n);
      expect(Math.abs(lnGamma(n + 1) - logFactorial)).toBeLessThanOrEqual(1e-13 * Math.max(1, logFactorial));
    }
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });
});

describe('lognormal from median and p95 (MODEL.md §3.2)', () => {
  it('reproduces the E1 intermediates', () => {
    // σ_in = ln(3000/800)/Z95 = 0.8035705; E[in] = 800·e^{σ²/2} = 1,104.8606.
    const input = lognormalFromMedianP95(800, 3000, null);
    expect(input.sigma).toBeCloseTo(0.8035704930365303, 14);
    expect(input.mean / 1104.8606487904017 - 1).toBeLessThan(1e-13);
    const output = lognormalFromMedianP95(250, 1200, null);
    expect(Math.abs(output.mean / 393.9349553184365 - 1)).toBeLessThan(1e-13);
  });
  it('gives the capped mean of E7 (cap 4,096) and F(median) = 1/2, F(K) = 1', () => {
    const output = lognormalFromMedianP95(250, 1200, 4096);
    expect(Math.abs(output.mean / 391.3997084087534 - 1)).toBeLessThan(1e-12);
    expect(lengthCdf(output, 250)).toBeCloseTo(0.5, 15);
    expect(lengthCdf(output, 4096)).toBe(1);
    expect(lengthCdf(output, 0)).toBe(0);
  });
  it('partial expectations add up over a partition to the mean', () => {
    const d = lognormalFromMedianP95(250, 1200, 4096);
    const parts = partialExpectation(d, 0, 768) + partialExpectation(d, 768, 2940) + partialExpectation(d, 2940, Infinity);
    expect(Math.abs(parts / d.mean - 1)).toBeLessThan(1e-14);
  });
  it('treats p95 = median as a point mass at min(median, cap)', () => {
    const d = lognormalFromMedianP95(200, 200, null);
    expect(d.sigma).toBe(0);
    // exp(ln 200) = 199.99999999999994: the point sits at e^μ, as in the reference (E3 input tokens).
    expect(d.mean).toBeCloseTo(200, 12);
    expect(lengthCdf(d, 199.999)).toBe(0);
    expect(lengthCdf(d, 200)).toBe(1);
    expect(lognormalFromMedianP95(200, 200, 150).mean).toBe(150);
    expect(lengthCdf(d, 199.999)).toBe(0);
  });
  it('stays finite when exp(μ + σ²/2) overflows', () => {
    const capped = lognormalFromMedianP95(1e-300, 1e8, 1e8);
    expect(Number.isFinite(capped.mean)).toBe(true);
    expect(capped.mean).toBeLessThanOrEqual(1e8);
    expect(Number.isFinite(lognormalFromMedianP95(1e-300, 1e8, null).mean)).toBe(true);
  });
});
