import { describe, expect, it } from 'vitest';
import { prepareScenario } from '@/lib/scenario/resolve';
import { validateCase } from './compare';
import { simulatePeriod } from './des';
import { EventHeap } from './heap';
import { QUICK_RUN, runValidation } from './index';
import { intersect, measureIn, providerDownIntervals } from './outages';
import { Sampler } from './random';
import { bonferroniBound, tToZ } from './stats';

const EMPTY = { providers: {}, models: {} };

function resolved(scenario: unknown) {
  const r = prepareScenario(scenario, EMPTY);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

const single = (model: Record<string, unknown> = {}, routing: Record<string, unknown> = {}, availability = 1) =>
  resolved({
    version: 1,
    workload: { requestsPerDay: 20000, inputTokens: { median: 500, p95: 500 }, outputTokens: { median: 200, p95: 200 } },
    providers: { p: { availability } },
    models: { m: { provider: 'p', inputPer1M: 1, outputPer1M: 2, ttftMs: 400, tokensPerSec: 80, ...model } },
    routing: { chains: [{ weight: 1, models: ['m'] }], ...routing },
    horizonMonths: 1,
  });

describe('validator building blocks', () => {
  it('pops events in time order', () => {
    const heap = new EventHeap();
    const sampler = new Sampler(3);
    const times = Array.from({ length: 500 }, () => sampler.uniform());
    times.forEach((t, i) => heap.push(t, i));
    const popped: number[] = [];
    while (heap.size > 0) popped.push(times[heap.pop()]!);
    expect(popped).toEqual([...times].sort((a, b) => a - b));
  });

  it('draws Gamma(k) with mean k and variance k', () => {
    const sampler = new Sampler(11);
    for (const k of [0.4, 3, 40]) {
      const xs = Array.from({ length: 40000 }, () => sampler.gamma(k));
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
      expect(Math.abs(mean - k)).toBeLessThan(5 * Math.sqrt(k / xs.length));
      expect(Math.abs(variance / k - 1)).toBeLessThan(0.1);
    }
  });

  it('outage processes cover u of the time, and a common shock makes them overlap (MODEL.md §4.2)', () => {
    const horizon = 2e6;
    const settings = { providers: [{ availability: 0.95, meanOutageMinutes: 2 }, { availability: 0.98, meanOutageMinutes: 4 }], correlation: 0.5, commonOutageMinutes: 3 };
    const [a, b] = providerDownIntervals(new Sampler(5), settings, horizon);
    expect(measureIn(a!, 0, horizon) / horizon).toBeCloseTo(0.05, 2);
    expect(measureIn(b!, 0, horizon) / horizon).toBeCloseTo(0.02, 2);
    // c = 0.5·0.02 = 0.01; u' = 1 - 0.95/0.99, 1 - 0.98/0.99: both down = c + (1-c)·u'_1·u'_2.
    const c = 0.01;
    const both = c + (1 - c) * (1 - 0.95 / 0.99) * (1 - 0.98 / 0.99);
    expect(measureIn(intersect(a!, b!), 0, horizon) / horizon).toBeCloseTo(both, 3);
  });

  it('turns a t statistic into z of equal tail and bounds |z| by Bonferroni', () => {
    expect(tToZ(0, 49)).toBe(0);
    expect(tToZ(2.0096, 49)).toBeCloseTo(1.96, 1);
    expect(tToZ(-2.0096, 49)).toBeCloseTo(-1.96, 1);
    expect(bonferroniBound(1, 0.05)).toBeCloseTo(1.95996, 4);
    expect(bonferroniBound(64, 1e-4)).toBeGreaterThan(bonferroniBound(8, 1e-4));
  });
});

describe('discrete-event simulation', () => {
  it('reproduces a failure-free single model exactly: every request succeeds at 400 + 2,500 ms for the same cost', () => {
    const input = single();
    const outcome = simulatePeriod(input, { arrivalsPerMinute: 10, minutes: 120, batches: 4, seed: 1 });
    const requests = outcome.batches.reduce((a, b) => a + b.requests, 0);
    expect(requests).toBeGreaterThan(1000);
    expect(outcome.successes).toHaveLength(requests);
    expect(new Set(outcome.successes.map((s) => s.fullResponseMs))).toEqual(new Set([2900]));
    const cost = outcome.batches.reduce((a, b) => a + b.cost, 0) / requests;
    expect(cost).toBeCloseTo((500 * 1 + 200 * 2) / 1e6, 15);
  });

  it('rejects what a fixed window admits beyond ⌊L·w/60⌋: a limit of 0 rejects every attempt', () => {
    const outcome = simulatePeriod(single({ rpm: 0 }), { arrivalsPerMinute: 10, minutes: 30, batches: 3, seed: 2 });
    expect(outcome.successes).toHaveLength(0);
    const b = outcome.batches.reduce((acc, x) => ({ a: acc.a + x.attempts, r: acc.r + x.rejected429 }), { a: 0, r: 0 });
    expect(b.r).toBe(b.a);
  });

  it('retries with backoff: a certain 5xx with 2 retries makes three attempts per request', () => {
    const outcome = simulatePeriod(single({ transientErrorRate: 1 }, { maxRetries: 2 }), { arrivalsPerMinute: 10, minutes: 30, batches: 3, seed: 3 });
    const requests = outcome.batches.reduce((a, b) => a + b.requests, 0);
    const attempts = outcome.batches.reduce((a, b) => a + b.attempts, 0);
    expect(attempts).toBe(3 * requests);
  });

  it('agrees with the closed forms on a plain rate-limited model (Poisson window, no retries)', () => {
    const input = resolved({
      version: 1,
      workload: { requestsPerDay: 6000, peakToAvg: 2, peakHoursPerDay: 4, inputTokens: { median: 500, p95: 1500 }, outputTokens: { median: 200, p95: 600 } },
      providers: { p: { availability: 0.97, meanOutageMinutes: 2 } },
      models: { m: { provider: 'p', inputPer1M: 1, outputPer1M: 2, ttftMs: 400, tokensPerSec: 80, rpm: 8, transientErrorRate: 0.01 } },
      routing: { chains: [{ weight: 1, models: ['m'] }] },
      horizonMonths: 1,
    });
    const outcome = validateCase(0, input, { minutesPerPeriod: 3000, batches: 50, seed: 9 });
    expect(outcome.regimes).toEqual([]);
    for (const row of outcome.rows) expect(Math.abs(row.z!), row.figure).toBeLessThan(bonferroniBound(outcome.rows.length, 1e-4));
    expect(outcome.rows.find((r) => r.figure === 'rate429')!.engine).toBeGreaterThan(0.01);
  }, 30_000);
});

describe('quick validation run (CI variant of npm run validate)', () => {
  it('keeps every compared figure within the Bonferroni bound at family-wise alpha 1e-4', () => {
    const report = runValidation(QUICK_RUN);
    expect(report.cases).toBe(8);
    expect(report.compared).toBeGreaterThanOrEqual(16);
    for (const row of report.rows) {
      expect(row.engine === null || Number.isFinite(row.engine)).toBe(true);
      if (row.excluded) expect(row.excluded).toMatch(/^[a-zA-Z]+: .{20,}/);
    }
    expect(report.worstZ).toBeLessThanOrEqual(report.bound);
    expect(report.passed).toBe(true);
  }, 60_000);
});
