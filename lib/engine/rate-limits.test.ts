import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// Property and sampling tests run thousands of cases; on a shared 2-core machine they need more than the 5 s default.
vi.setConfig({ testTimeout: 120_000 });
import { lnGamma } from './distributions';
import { effectiveRequestLimitPerMinute, expectedExcess, rateLimitRejectedShare } from './rate-limits';

/** E[(N-L)^+] by brute force over k = 0..kMax with pmf from logs (independent of the recurrences). */
function bruteForceExcess(mean: number, limit: number, dispersion: number, kMax: number): number {
  let sum = 0;
  for (let k = limit + 1; k <= kMax; k++) {
    const logP =
      dispersion === 1
        ? -mean + k * Math.log(mean) - lnGamma(k + 1)
        : (() => {
            const r = mean / (dispersion - 1);
            return lnGamma(k + r) - lnGamma(r) - lnGamma(k + 1) + r * Math.log(1 / dispersion) + k * Math.log(1 - 1 / dispersion);
          })();
    sum += (k - limit) * Math.exp(logP);
  }
  return sum;
}

describe('expected excess over a window limit (MODEL.md §6.2)', () => {
  it('agrees with a brute-force sum on both evaluation branches', () => {
    for (const [mean, limit, dispersion] of [
      [20, 25, 1],
      [20, 12, 1],
      [30, 40, 3],
      [30, 20, 3],
      [5, 0, 1],
    ] as const) {
      const expected = bruteForceExcess(mean, limit, dispersion, 2000);
      expect(Math.abs(expectedExcess(mean, limit, dispersion) - expected)).toBeLessThanOrEqual(1e-10 * Math.max(1, expected));
    }
  });
  it('lies between (λ - L)^+ and λ and decreases in L (fast-check, 1,000 runs)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 2000, noNaN: true }), fc.integer({ min: 0, max: 3000 }), fc.double({ min: 1, max: 20, noNaN: true }), (mean, limit, dispersion) => {
        const excess = expectedExcess(mean, limit, dispersion);
        expect(excess).toBeGreaterThanOrEqual(Math.max(0, mean - limit) * (1 - 1e-12) - 1e-12);
        expect(excess).toBeLessThanOrEqual(mean * (1 + 1e-12));
        expect(expectedExcess(mean, limit + 1, dispersion)).toBeLessThanOrEqual(excess * (1 + 1e-12) + 1e-300);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
  // The excess moves by about 5.5·(D - 1) relative near D = 1; 100·(D - 1) bounds it, 1e-9 covers rounding.
  it('tends to the Poisson value as D → 1 (no cancellation in the negative binomial terms)', () => {
    const poisson = expectedExcess(208.33333333333334, 250, 1);
    for (const dispersion of [1 + 1e-6, 1 + 1e-9, 1 + 1e-13, 1.0000000000000002]) {
      expect(Math.abs(expectedExcess(208.33333333333334, 250, dispersion) / poisson - 1)).toBeLessThan(100 * (dispersion - 1) + 1e-9);
    }
  });
  it('derives L from RPM and TPM and rejects everything at rpm 0', () => {
    expect(effectiveRequestLimitPerMinute(250, 2_000_000, 1495.2)).toBe(250);
    // ⌊400,000 / 1,300⌋ = 307.
    expect(effectiveRequestLimitPerMinute(null, 400_000, 1300)).toBe(307);
    expect(effectiveRequestLimitPerMinute(null, null, 1300)).toBe(Infinity);
    expect(rateLimitRejectedShare(100, 0, 60, 1)).toBe(1);
    expect(rateLimitRejectedShare(100, Infinity, 60, 1)).toBe(0);
    expect(rateLimitRejectedShare(0, 10, 60, 1)).toBe(0);
  });
  it('uses the window: a 1 s window with the same per-minute limit rejects more', () => {
    expect(rateLimitRejectedShare(200, 250, 1, 1)).toBeGreaterThan(rateLimitRejectedShare(200, 250, 60, 1));
  });
});
