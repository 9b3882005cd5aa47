import { describe, expect, it } from 'vitest';
import { saturateInfinities } from './saturate';

describe('saturateInfinities (MODEL.md §2: a Result never holds ±Infinity)', () => {
  it('replaces ±Infinity at any depth by ±MAX_VALUE in place, keeps null, NaN and finite numbers', () => {
    const result = { tco: Infinity, months: [{ tco: -Infinity, fullResponse: { p95: null, mean: 3 } }, Infinity], total: { rate: Number.NaN, n: 0 } };
    const out = saturateInfinities(result);
    expect(out).toBe(result);
    expect(out).toEqual({ tco: Number.MAX_VALUE, months: [{ tco: -Number.MAX_VALUE, fullResponse: { p95: null, mean: 3 } }, Number.MAX_VALUE], total: { rate: Number.NaN, n: 0 } });
    expect(saturateInfinities(-Infinity)).toBe(-Number.MAX_VALUE);
  });
});
