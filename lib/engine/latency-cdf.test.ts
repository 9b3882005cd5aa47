import { describe, expect, it } from 'vitest';
import e7 from '@/lib/charts/fixtures/e7.json';
import { simulate } from './index';
import { latencyCdf, type LatencyCdfPoint } from './latency-cdf';
import type { EngineInput } from './types';

const E7 = e7.input as EngineInput;

/** Share at `ms` by linear interpolation between the two surrounding points. */
function shareAt(points: readonly LatencyCdfPoint[], ms: number): number {
  const upper = points.findIndex((p) => p.ms >= ms);
  if (upper <= 0) return points[Math.max(0, upper)]!.share;
  const hi = points[upper]!;
  const lo = points[upper - 1]!;
  return lo.share + ((hi.share - lo.share) * (ms - lo.ms)) / (hi.ms - lo.ms);
}

/** Step value at `ms` for the first-token CDF: the share of the last step at or before ms. */
function stepAt(points: readonly LatencyCdfPoint[], ms: number): number {
  let share = 0;
  for (const p of points) if (p.ms <= ms) share = p.share;
  return share;
}

describe('latencyCdf', () => {
  const result = simulate(E7);
  const cdf = latencyCdf(E7, { points: 400 });

  it('is a CDF: increasing times, non-decreasing shares in [0, 1]', () => {
    for (const curve of [cdf.firstToken, cdf.fullResponse]) {
      expect(curve.length).toBeGreaterThan(2);
      for (let i = 1; i < curve.length; i++) {
        expect(curve[i]!.ms).toBeGreaterThan(curve[i - 1]!.ms);
        expect(curve[i]!.share).toBeGreaterThanOrEqual(curve[i - 1]!.share - 1e-12);
      }
      expect(curve[0]!.share).toBeGreaterThanOrEqual(0);
      expect(curve.at(-1)!.share).toBeLessThanOrEqual(1);
    }
    expect(cdf.firstToken.at(-1)!.share).toBeCloseTo(1, 12);
    // sampled up to the 99.9th percentile (here the max_tokens jump at 400 + 4,096 × 12.5 = 51,600 ms)
    expect(cdf.fullResponse.at(-1)!.share).toBeGreaterThanOrEqual(0.999);
  });

  it('agrees with the full-response percentiles and miss share of simulate (E7)', () => {
    const full = result.total.fullResponse;
    expect(shareAt(cdf.fullResponse, full.p50!)).toBeCloseTo(0.5, 2);
    expect(shareAt(cdf.fullResponse, full.p95!)).toBeCloseTo(0.95, 2);
    expect(shareAt(cdf.fullResponse, full.p99!)).toBeCloseTo(0.99, 2);
    // the target is 500 ms: almost no full response is that fast
    expect(1 - shareAt(cdf.fullResponse, 500)).toBeCloseTo(full.shareOverTarget!, 3);
  });

  it('puts the first-token steps where simulate’s percentiles and miss share are (E7: 400 ms, 0.66 % over 500 ms)', () => {
    const first = result.total.firstToken;
    expect(first.p95).toBe(400);
    expect(stepAt(cdf.firstToken, 400)).toBeGreaterThanOrEqual(0.95);
    expect(stepAt(cdf.firstToken, 399.999)).toBe(0);
    expect(1 - stepAt(cdf.firstToken, 500)).toBeCloseTo(first.shareOverTarget!, 12);
  });

  it('is empty when no request is realtime', () => {
    const batchOnly: EngineInput = { ...E7, workload: { ...E7.workload, batchShare: 1 } };
    expect(latencyCdf(batchOnly)).toEqual({ firstToken: [], fullResponse: [] });
  });
});

describe('latencyCdf with a zero first-token time', () => {
  it('keeps times increasing and counts the instant answers in the first point', () => {
    const instant: EngineInput = {
      ...E7,
      models: Object.fromEntries(Object.entries(E7.models).map(([id, model]) => [id, { ...model, ttftMs: 0 }])),
    };
    const cdf = latencyCdf(instant);
    for (let i = 1; i < cdf.firstToken.length; i++) expect(cdf.firstToken[i]!.ms).toBeGreaterThan(cdf.firstToken[i - 1]!.ms);
    expect(cdf.firstToken[0]!.share).toBeGreaterThan(0.99);
    expect(cdf.fullResponse.every((p) => Number.isFinite(p.ms) && Number.isFinite(p.share))).toBe(true);
  });
});
