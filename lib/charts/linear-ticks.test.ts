import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinutes } from '@/lib/format/number';
import { linearTicks, minuteTicks, monthTicks, niceStep, percentTickDigits, stackedExtent } from './linear-ticks';

/** Whether a step is 1, 2 or 5 × 10^k. */
function isOneTwoFive(step: number): boolean {
  const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
  return [1, 2, 5].includes(mantissa);
}

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 × 10^k', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1)).toBe(1);
    expect(niceStep(1.2)).toBe(2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(55)).toBe(100);
    expect(niceStep(0.00031)).toBe(0.0005);
    expect(niceStep(7300)).toBe(10_000);
  });
});

describe('linearTicks', () => {
  it('uses round steps from zero', () => {
    expect(linearTicks(0, 93)).toEqual({ ticks: [0, 20, 40, 60, 80, 100], domain: [0, 100], step: 20 });
    expect(linearTicks(0, 1).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0, 36_487).ticks).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    expect(linearTicks(0, 0.0137).ticks).toEqual([0, 0.005, 0.01, 0.015]);
  });

  it('spans negative values (SLA credits below zero)', () => {
    expect(linearTicks(-120, 950).ticks).toEqual([-500, 0, 500, 1000]);
    expect(linearTicks(-120, 950, 7).ticks).toEqual([-200, 0, 200, 400, 600, 800, 1000]);
    expect(linearTicks(-3.2, 0).ticks).toEqual([-4, -3, -2, -1, 0]);
  });

  it('gives an all-zero or one-valued series an axis', () => {
    expect(linearTicks(0, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(5, 5).ticks[0]).toBe(0);
    expect(linearTicks(Number.NaN, Number.POSITIVE_INFINITY).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('always covers the data with at most maxCount evenly spaced 1-2-5 ticks', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 0, noNaN: true }),
        fc.double({ min: 1e-9, max: 1e9, noNaN: true }),
        fc.integer({ min: 3, max: 10 }), // a range across zero needs three
        (min, max, maxCount) => {
          const { ticks, domain, step } = linearTicks(min, max, maxCount);
          expect(ticks.length).toBeLessThanOrEqual(maxCount);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          // An excess of a billionth of a step is not worth a tick.
          expect(domain[0]).toBeLessThanOrEqual(min + step * 1e-9);
          expect(domain[1]).toBeGreaterThanOrEqual(max - step * 1e-9);
          expect(isOneTwoFive(step)).toBe(true);
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 6);
        },
      ),
    );
  });
});

describe('minuteTicks', () => {
  it('labels the availability axis at round durations', () => {
    // The case of issue 9: 0, 55 min, 1 h 50 min before.
    expect(minuteTicks(0, 100).ticks.map(formatMinutes)).toEqual(['0 min', '30 min', '1 h', '1 h 30 min', '2 h']);
    expect(minuteTicks(0, 4.4).ticks.map(formatMinutes)).toEqual(['0 min', '1 min', '2 min', '3 min', '4 min', '5 min']);
    expect(minuteTicks(0, 44).ticks.map(formatMinutes)).toEqual(['0 min', '10 min', '20 min', '30 min', '40 min', '50 min']);
    expect(minuteTicks(0, 620).ticks.map(formatMinutes)).toEqual(['0 min', '3 h', '6 h', '9 h', '12 h']);
    expect(minuteTicks(0, 5000).ticks.map(formatMinutes)).toEqual(['0 min', '1 d', '2 d', '3 d', '4 d']);
  });

  it('uses seconds for sub-minute downtime, and 1-2-5 seconds below one', () => {
    expect(minuteTicks(0, 2.2).ticks.map(formatMinutes)).toEqual(['0 min', '30 s', '1 min', '1.5 min', '2 min', '2.5 min']);
    expect(minuteTicks(0, 0.05).ticks.map(formatMinutes)).toEqual(['0 min', '1 s', '2 s', '3 s']);
    expect(minuteTicks(0, 0.004).ticks.map((t) => Number((t * 60).toPrecision(6)))).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25]);
  });

  it('covers the data with at most maxCount ticks', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.integer({ min: 3, max: 8 }), (max, maxCount) => {
        const { ticks, domain, step } = minuteTicks(0, max, maxCount);
        expect(ticks.length).toBeLessThanOrEqual(maxCount);
        expect(domain[0]).toBe(0);
        expect(domain[1]).toBeGreaterThanOrEqual(max - step * 1e-9);
      }),
    );
  });
});

describe('monthTicks', () => {
  it('labels every month of a short horizon', () => {
    expect(monthTicks(6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(monthTicks(12)).toHaveLength(12);
  });

  it('thins long horizons to round months', () => {
    expect(monthTicks(24).map((m) => m + 1)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
    expect(monthTicks(36).map((m) => m + 1)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36]);
    expect(monthTicks(60).map((m) => m + 1)).toEqual([1, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60]);
    expect(monthTicks(0)).toEqual([]);
  });
});

describe('percentTickDigits', () => {
  it('prints as many digits as the step needs', () => {
    expect(percentTickDigits(0.2)).toBe(0);
    expect(percentTickDigits(0.01)).toBe(0);
    expect(percentTickDigits(0.005)).toBe(1);
    expect(percentTickDigits(0.0002)).toBe(2);
    expect(percentTickDigits(0)).toBe(0);
  });
});

describe('stackedExtent', () => {
  it('adds positives and negatives apart', () => {
    const rows = [[3, 4, -1], [10, -2, -5], [Number.NaN, 1]];
    expect(stackedExtent(rows, (row) => row)).toEqual([-7, 10]);
    expect(stackedExtent([], (row: number[]) => row)).toEqual([0, 0]);
  });
});
