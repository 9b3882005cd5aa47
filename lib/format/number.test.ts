import { describe, expect, it } from 'vitest';
import {
  MISSING,
  formatAvailability,
  formatCount,
  formatCountAxis,
  formatDurationAxis,
  formatDurationMs,
  formatMinutes,
  formatMoney,
  formatMoneyAxis,
  formatMonth,
  formatNines,
  formatPercent,
} from './number';

const NON_FINITE = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const FORMATTERS = {
  formatMoney,
  formatMoneyAxis,
  formatPercent,
  formatAvailability,
  formatNines,
  formatDurationMs,
  formatDurationAxis,
  formatMinutes,
  formatCount,
  formatCountAxis,
};

describe('every formatter', () => {
  it.each(Object.entries(FORMATTERS))('%s returns the dash for null, undefined, NaN and ±Infinity', (_, format) => {
    for (const value of NON_FINITE) expect(format(value)).toBe(MISSING);
  });

  it.each(Object.entries(FORMATTERS))('%s never prints NaN, Infinity or -0 for finite input', (_, format) => {
    for (const value of [0, -0, 1e-300, -1e-12, 0.5, 1, 999.999, 1e15, -1e15, Number.MAX_VALUE, -Number.MAX_VALUE]) {
      const text = format(value);
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(text).not.toMatch(/^-\$?0(\.0+)?\D*$/);
    }
  });
});

describe('formatMoney', () => {
  it('uses cents below $1,000 and whole dollars above', () => {
    expect(formatMoney(1148.196)).toBe('$1,148');
    expect(formatMoney(441.4564)).toBe('$441.46');
    expect(formatMoney(36487.33)).toBe('$36,487');
    expect(formatMoney(36487.33, { cents: true })).toBe('$36,487.33');
  });

  it('switches to compact notation from $1M', () => {
    expect(formatMoney(1_234_567)).toBe('$1.23M');
    expect(formatMoney(999_999)).toBe('$999,999');
    expect(formatMoney(2.5e9)).toBe('$2.5B');
    expect(formatMoney(1_234_567, { compactFrom: Number.POSITIVE_INFINITY })).toBe('$1,234,567');
  });

  it('keeps two significant digits below one cent (cost per request)', () => {
    // E1: $1,148.1960 / 3,043,750 requests = $3.772e-4 per request
    expect(formatMoney(1148.196 / 3_043_750)).toBe('$0.00038');
  });

  it('prints zero and negatives cleanly', () => {
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(-0)).toBe('$0');
    expect(formatMoney(-27.755)).toBe('-$27.76');
    expect(formatMoney(-1e-9)).toBe('-$0.000000001');
  });
});

describe('formatMoneyAxis', () => {
  it('is short', () => {
    expect(formatMoneyAxis(0)).toBe('$0');
    expect(formatMoneyAxis(950)).toBe('$950');
    expect(formatMoneyAxis(15_935)).toBe('$15.9K');
    expect(formatMoneyAxis(1_200_000)).toBe('$1.2M');
  });
});

describe('formatPercent', () => {
  it('formats fractions with one decimal by default', () => {
    expect(formatPercent(0.342587)).toBe('34.3%');
    expect(formatPercent(0.005792, { digits: 2 })).toBe('0.58%');
    expect(formatPercent(1)).toBe('100.0%');
  });

  it('never rounds a small non-zero share to 0', () => {
    expect(formatPercent(2.1808789e-6)).toBe('0.00022%');
    expect(formatPercent(0)).toBe('0%');
  });
});

describe('formatAvailability', () => {
  it('shows the unavailability to two significant digits', () => {
    // E7: A = 0.99979856 → 1 - A = 2.0e-4
    expect(formatAvailability(0.9997985597)).toBe('99.980%');
    expect(formatAvailability(0.99)).toBe('99.0%');
    // E2, ρ = 0: 1 - 0.001·0.005 = 0.999995
    expect(formatAvailability(0.999995)).toBe('99.99950%');
    expect(formatAvailability(0.5)).toBe('50.0%');
  });

  it('says 100% only for exactly 1 and never rounds up to it', () => {
    expect(formatAvailability(1)).toBe('100%');
    expect(formatAvailability(1 - 1e-12)).toBe('>99.999999%');
    expect(formatAvailability(0)).toBe('0.0%');
  });
});

describe('formatNines', () => {
  it('counts nines as -log10(1 - a)', () => {
    expect(formatNines(0.999)).toBe('3 nines');
    expect(formatNines(0.99)).toBe('2 nines');
    expect(formatNines(0.9995)).toBe('3.3 nines');
    expect(formatNines(0.9)).toBe('1 nine');
    // E7: 1 - 0.99979856 = 2.0144e-4 → 3.696 nines
    expect(formatNines(0.9997985597)).toBe('3.7 nines');
  });

  it('caps at nine nines and rejects values outside 0..1', () => {
    expect(formatNines(1)).toBe('9+ nines');
    expect(formatNines(1 - 1e-10)).toBe('9+ nines');
    expect(formatNines(0)).toBe('0 nines');
    expect(formatNines(1.5)).toBe(MISSING);
    expect(formatNines(-0.1)).toBe(MISSING);
  });
});

describe('formatDurationMs', () => {
  it('picks ms, s or min', () => {
    expect(formatDurationMs(400)).toBe('400 ms');
    expect(formatDurationMs(3.25)).toBe('3.3 ms');
    expect(formatDurationMs(3525)).toBe('3.53 s');
    expect(formatDurationMs(29_130.455)).toBe('29.1 s');
    expect(formatDurationMs(150_000)).toBe('2.5 min');
    expect(formatDurationMs(0)).toBe('0 ms');
  });

  it('has a short axis form', () => {
    expect(formatDurationAxis(500)).toBe('500 ms');
    expect(formatDurationAxis(15_000)).toBe('15 s');
    expect(formatDurationAxis(2_500)).toBe('2.5 s');
  });
});

describe('formatMinutes', () => {
  it('scales from seconds to days', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(0.21915)).toBe('13 s'); // E2 ρ = 0: 0.21915 min = 13.1 s
    expect(formatMinutes(0.001)).toBe('0.06 s');
    expect(formatMinutes(8.829)).toBe('8.8 min');
    expect(formatMinutes(52.975)).toBe('53 min');
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(43_830)).toBe('30 d 11 h'); // 730.5 h rounds to 731 h
    expect(formatMinutes(-5)).toBe('-5 min');
  });
});

describe('formatCount', () => {
  it('groups, compacts and keeps one decimal for small fractional counts', () => {
    expect(formatCount(2807.79)).toBe('2,808');
    expect(formatCount(3_043_750)).toBe('3.04M');
    expect(formatCount(16.53)).toBe('16.5');
    expect(formatCount(0.0195)).toBe('0.02');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(3_043_750, { compactFrom: Number.POSITIVE_INFINITY })).toBe('3,043,750');
  });

  it('has a short axis form', () => {
    expect(formatCountAxis(15_400)).toBe('15.4K');
    expect(formatCountAxis(12)).toBe('12');
  });
});

describe('formatMonth', () => {
  it('is 1-based for people', () => {
    expect(formatMonth(0)).toBe('Month 1');
    expect(formatMonth(5)).toBe('Month 6');
    expect(formatMonth(-1)).toBe(MISSING);
    expect(formatMonth(1.5)).toBe(MISSING);
  });
});
