import { describe, expect, it } from 'vitest';
import { singleModelScenario } from './__fixtures__/scenarios';
import { arrivalsPerMinute, dailyPeriods, rejectionFixedPoint } from './load';
import { lengthModel, prepareScenario } from './prepare';
import { rateLimitRejectedShare } from './rate-limits';

describe('daily profile (MODEL.md §6.1)', () => {
  it('splits the day into a peak and a base level that average to 1', () => {
    const [peak, base] = dailyPeriods(singleModelScenario({ workload: { peakToAvg: 3, peakHoursPerDay: 2 } }).workload);
    // s_peak = 3·2/24 = 0.25; base level (24 - 6)/22.
    expect(peak!.share).toBe(0.25);
    expect(base!.level).toBeCloseTo(18 / 22, 15);
    expect(peak!.share + base!.share).toBe(1);
    expect((peak!.level * 2 + base!.level * 22) / 24).toBeCloseTo(1, 14);
    expect(peak!.minutesPerMonth).toBe(60 * 2 * 30.4375);
  });
  it('skips a base period with share 0 (P·H = 24)', () => {
    const periods = dailyPeriods(singleModelScenario({ workload: { peakToAvg: 12, peakHoursPerDay: 2 } }).workload);
    expect(periods.map((p) => p.name)).toEqual(['peak']);
  });
  it('λ = R·(1 - b)·level/1440', () => {
    // 100,000 × 0.9 × 3 / 1440 = 187.5 per minute (E7 peak).
    expect(arrivalsPerMinute(100000, 0.1, 3)).toBe(187.5);
  });
});

describe('retry amplification fixed point (MODEL.md §6.5)', () => {
  it('is 0 without limits and equals the rate-limit share when nothing retries', () => {
    const free = prepareScenario(singleModelScenario());
    expect(Array.from(rejectionFixedPoint(free, lengthModel(free), 0, 500, 1))).toEqual([0]);
    const limited = prepareScenario(singleModelScenario({ model: { rpm: 250 } }));
    // No retries: attempts per request = 1 whatever r is, so r = rRate(λ).
    expect(rejectionFixedPoint(limited, lengthModel(limited), 0, 208.33333333333334, 1)[0]).toBeCloseTo(rateLimitRejectedShare(208.33333333333334, 250, 60, 1), 15);
  });
  it('is a fixed point: r = 1 - (1 - rRate(λ·attempts(r)))', () => {
    const prepared = prepareScenario(singleModelScenario({ model: { rpm: 250 }, routing: { maxRetries: 3 } }));
    const r = rejectionFixedPoint(prepared, lengthModel(prepared), 0, 240, 1)[0]!;
    // With 3 retries on 429: attempts = 1 + r + r² + r³.
    const attempts = 1 + r + r * r + r * r * r;
    expect(Math.abs(r - rateLimitRejectedShare(240 * attempts, 250, 60, 1))).toBeLessThan(1e-14);
    expect(r).toBeGreaterThan(rateLimitRejectedShare(240, 250, 60, 1));
  });
});
