import { describe, expect, it } from 'vitest';
import { latencyChartData, latencyTableRows } from './latency';

const CDF = {
  firstToken: [
    { ms: 320, share: 0 },
    { ms: 400, share: 0.99 },
    { ms: 2650, share: 1 },
  ],
  fullResponse: [
    { ms: 320, share: 0 },
    { ms: 3500, share: 0.5 },
    { ms: 51_600, share: 0.9995 },
  ],
};

describe('latencyChartData', () => {
  it('extends the shorter curve flat to the end of the axis', () => {
    const data = latencyChartData(CDF, 500)!;
    expect(data.domain).toEqual([320, 51_600]);
    expect(data.firstToken.at(-1)).toEqual({ ms: 51_600, share: 1 });
    expect(data.fullResponse.at(-1)).toEqual({ ms: 51_600, share: 0.9995 });
    expect(data.targetInRange).toBe(true);
    expect(data.ticks.every((t) => t >= 320 && t <= 51_600)).toBe(true);
  });

  it('widens the axis to show a target beyond either end of the data', () => {
    const below = latencyChartData(CDF, 200)!;
    expect(below.domain[0]).toBeCloseTo(160, 9); // 200 / 1.25
    expect(below.firstToken[0]).toEqual({ ms: 160, share: 0 });
    expect(latencyChartData(CDF, 60_000)!.domain[1]).toBeCloseTo(75_000, 9);
  });

  it('does not squash the curves for a target far away', () => {
    const far = latencyChartData(CDF, 5_000_000)!;
    expect(far.targetInRange).toBe(false);
    expect(far.domain).toEqual([320, 51_600]);
  });

  it('returns null when there is nothing to plot and drops non-finite or non-positive points', () => {
    expect(latencyChartData({ firstToken: [], fullResponse: [] }, 500)).toBeNull();
    const data = latencyChartData(
      { firstToken: [{ ms: Number.NaN, share: 0 }, { ms: 0, share: 0 }, ...CDF.firstToken], fullResponse: CDF.fullResponse },
      500,
    )!;
    expect(data.firstToken.every((p) => Number.isFinite(p.ms) && p.ms > 0)).toBe(true);
  });
});

describe('latencyTableRows', () => {
  it('reads both curves at the ticks and the target, as drawn', () => {
    const data = latencyChartData(CDF, 500)!;
    const rows = latencyTableRows(data);
    expect(rows.map((row) => row.ms)).toEqual([...new Set([...data.ticks, 500])].sort((a, b) => a - b));
    const target = rows.find((row) => row.isTarget)!;
    expect(target.ms).toBe(500);
    // First token: a step at 400 ms to 0.99.
    expect(target.firstToken).toBe(0.99);
    // Full response: straight on the log axis from (320, 0) to (3500, 0.5).
    expect(target.fullResponse).toBeCloseTo((0.5 * Math.log(500 / 320)) / Math.log(3500 / 320), 12);
    const last = rows.at(-1)!;
    expect(last.firstToken).toBe(1);
    expect(rows.every((row) => row.fullResponse >= 0 && row.fullResponse <= 1)).toBe(true);
  });

  it('leaves out a target beyond the plotted range', () => {
    const data = latencyChartData(CDF, 5_000_000)!;
    expect(latencyTableRows(data).some((row) => row.isTarget)).toBe(false);
  });
});
