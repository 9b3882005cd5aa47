import { describe, expect, it } from 'vitest';
import { logTicks } from './log-ticks';

describe('logTicks', () => {
  it('uses 1-2-5 when it fits', () => {
    expect(logTicks(320, 16_000)).toEqual([500, 1000, 2000, 5000, 10_000]);
  });

  it('thins to 1-3-10 and then to decades over wide ranges', () => {
    expect(logTicks(20, 20_000)).toEqual([30, 100, 300, 1000, 3000, 10_000]);
    expect(logTicks(1, 1e7, 8)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7]);
    expect(logTicks(1, 1e20, 8).length).toBeLessThanOrEqual(8);
  });

  it('stays inside the domain and avoids floating-point noise', () => {
    const ticks = logTicks(0.25, 4);
    expect(ticks).toEqual([0.5, 1, 2]);
    expect(logTicks(0.1, 0.35, 8)).toEqual([0.1, 0.2]);
  });

  it('is empty for an invalid domain', () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(10, 10)).toEqual([]);
    expect(logTicks(1, Number.POSITIVE_INFINITY)).toEqual([]);
    expect(logTicks(Number.NaN, 10)).toEqual([]);
  });
});
