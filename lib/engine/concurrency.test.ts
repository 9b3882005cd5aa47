import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangCMeanWaitMs, offeredLoadErlangs } from './concurrency';

describe('Erlang B and C (MODEL.md §6.3)', () => {
  it('matches closed forms for one server', () => {
    // B(1, A) = A/(1 + A); C(1, A) = A for A < 1.
    for (const a of [0.1, 0.5, 2, 10]) expect(erlangB(1, a)).toBeCloseTo(a / (1 + a), 15);
    expect(erlangC(1, 0.4)).toBeCloseTo(0.4, 15);
  });
  it('matches the explicit sum B = (A^c/c!)/Σ_k A^k/k!', () => {
    const a = 7.3;
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= 10; k++) {
      term *= a / k;
      sum += term;
    }
    expect(erlangB(10, a) / (term / sum) - 1).toBeLessThan(1e-13);
  });
  it('is 0 without a cap or load and 1 at infinite load; C ≥ B; the queue wait is finite below saturation', () => {
    expect(erlangB(Infinity, 5)).toBe(0);
    expect(erlangB(4, 0)).toBe(0);
    expect(erlangB(4, Infinity)).toBe(1);
    expect(erlangB(1e6, 10)).toBe(0);
    expect(erlangC(16, 12.15)).toBeGreaterThan(erlangB(16, 12.15));
    expect(erlangC(4, 5)).toBe(1);
    expect(erlangCMeanWaitMs(16, 3.4722222222222223, 3.5)).toBeCloseTo(201.66843127104545, 9);
  });
  it('Little: 208.333 req/min held 3.5 s is 12.15 Erlangs', () => {
    expect(offeredLoadErlangs(208.33333333333334, 3500)).toBeCloseTo(12.152777777777779, 12);
  });
});
