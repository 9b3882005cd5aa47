import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, formatQuantity, roundCents } from './rounding';

describe('roundCents / formatCents', () => {
  it('rounds the shortest decimal representation, halves away from zero', () => {
    expect(formatCents(0.125)).toBe('0.13');
    expect(formatCents(-0.125)).toBe('-0.13');
    expect(formatCents(1.005)).toBe('1.01'); // the double is 1.00499999999999989…, but people (and Intl) read 1.005
    expect(formatCents(2.675)).toBe('2.68');
    expect(formatCents(0.994)).toBe('0.99');
    expect(formatCents(0.995)).toBe('1.00'); // carry into the integer part
    expect(formatCents(999.995)).toBe('1000.00');
    expect(formatCents(1234.5)).toBe('1234.50');
    expect(formatCents(7)).toBe('7.00');
  });

  it('handles exponent notation in both directions', () => {
    expect(formatCents(1e-7)).toBe('0.00');
    expect(formatCents(0.005)).toBe('0.01');
    expect(formatCents(5e-3)).toBe('0.01');
    expect(formatCents(1.5e22)).toBe('15000000000000000000000.00');
    expect(formatCents(-2.5e21)).toBe('-2500000000000000000000.00');
    expect(roundCents(1e300)).toBe(1e300);
  });

  it('never writes -0', () => {
    expect(formatCents(-0.001)).toBe('0.00');
    expect(formatCents(-0)).toBe('0.00');
    expect(Object.is(roundCents(-0.001), 0)).toBe(true);
  });

  it('agrees with Intl.NumberFormat at two fraction digits, so the screen shows the CSV figure', () => {
    const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000)), (x) => {
        const expected = intl.format(x).replace(/^-(0\.00)$/, '$1');
        expect(formatCents(x)).toBe(expected);
        expect(intl.format(roundCents(x)).replace(/^-(0\.00)$/, '$1')).toBe(expected);
      }),
      { numRuns: 20000 },
    );
  });

  it('throws on non-finite input instead of writing NaN', () => {
    expect(() => formatCents(Number.NaN)).toThrow(RangeError);
    expect(() => formatCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatQuantity', () => {
  it('drops trailing zeros and keeps at most four decimals', () => {
    expect(formatQuantity(1521875)).toBe('1521875');
    expect(formatQuantity(43.2)).toBe('43.2');
    expect(formatQuantity(1 / 3)).toBe('0.3333');
    expect(formatQuantity(-0.00001)).toBe('0');
  });
});
