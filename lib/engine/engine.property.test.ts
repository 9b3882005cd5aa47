import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// Property and sampling tests run thousands of cases; on a shared 2-core machine they need more than the 5 s default.
vi.setConfig({ testTimeout: 120_000 });
import { assertFiniteResult } from './__fixtures__/finite';
import { resolveExample } from './__fixtures__/resolve-example';
import { simulate } from './index';
import type { EngineInput, LatencySummary, Result } from './types';

const modelIds = ['m0', 'm1', 'm2'] as const;

interface ScenarioKnobs {
  requestsPerDay: number;
  growth: number;
  peak: number;
  inMedian: number;
  inSpread: number;
  outMedian: number;
  outSpread: number;
  outCap: number | null;
  cached: number;
  batch: number;
  dispersion: number;
  availability: number[];
  errorRate: number[];
  price: number[];
  ttft: number[];
  tps: number[];
  rpm: (number | null)[];
  chains: number[][];
  retries: number;
  timeoutMs: number | null;
  failoverOn: ('429' | '5xx' | 'timeout')[];
  jitter: 'none' | 'full' | 'equal' | 'decorrelated';
  correlation: number;
  months: number;
}

const knobs: fc.Arbitrary<ScenarioKnobs> = fc.record({
  requestsPerDay: fc.double({ min: 0, max: 2e6, noNaN: true }),
  growth: fc.double({ min: -50, max: 100, noNaN: true }),
  peak: fc.double({ min: 1, max: 6, noNaN: true }),
  inMedian: fc.double({ min: 1, max: 5000, noNaN: true }),
  inSpread: fc.double({ min: 1, max: 10, noNaN: true }),
  outMedian: fc.double({ min: 1, max: 2000, noNaN: true }),
  outSpread: fc.double({ min: 1, max: 10, noNaN: true }),
  outCap: fc.option(fc.double({ min: 1, max: 20000, noNaN: true }), { nil: null }),
  cached: fc.double({ min: 0, max: 1, noNaN: true }),
  batch: fc.double({ min: 0, max: 1, noNaN: true }),
  dispersion: fc.double({ min: 1, max: 10, noNaN: true }),
  availability: fc.array(fc.double({ min: 0.9, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
  errorRate: fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: 3, maxLength: 3 }),
  price: fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 3, maxLength: 3 }),
  ttft: fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { minLength: 3, maxLength: 3 }),
  tps: fc.array(fc.double({ min: 5, max: 500, noNaN: true }), { minLength: 3, maxLength: 3 }),
  rpm: fc.array(fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: null }), { minLength: 3, maxLength: 3 }),
  chains: fc.array(fc.shuffledSubarray([0, 1, 2], { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
  retries: fc.integer({ min: 0, max: 3 }),
  timeoutMs: fc.option(fc.double({ min: 500, max: 60000, noNaN: true }), { nil: null }),
  failoverOn: fc.subarray(['429', '5xx', 'timeout'] as ('429' | '5xx' | 'timeout')[]),
  jitter: fc.constantFrom('none', 'full', 'equal', 'decorrelated'),
  correlation: fc.double({ min: 0, max: 1, noNaN: true }),
  months: fc.integer({ min: 1, max: 3 }),
});

function scenarioOf(k: ScenarioKnobs, options: { limits: boolean } = { limits: true }): EngineInput {
  const used = [...new Set(k.chains.flat())];
  const models: Record<string, unknown> = {};
  const providers: Record<string, unknown> = {};
  for (const i of used) {
    providers[`p${i}`] = { availability: k.availability[i] };
    models[modelIds[i]!] = {
      provider: `p${i}`,
      inputPer1M: k.price[i],
      outputPer1M: 4 * k.price[i]!,
      ttftMs: k.ttft[i],
      tokensPerSec: k.tps[i],
      transientErrorRate: k.errorRate[i],
      rpm: options.limits ? k.rpm[i] : null,
    };
  }
  return resolveExample({
    version: 1,
    workload: {
      requestsPerDay: k.requestsPerDay,
      monthlyGrowthPct: k.growth,
      peakToAvg: k.peak,
      peakHoursPerDay: 2,
      inputTokens: { median: k.inMedian, p95: k.inMedian * k.inSpread },
      outputTokens: { median: k.outMedian, p95: k.outMedian * k.outSpread, cap: k.outCap },
      cachedShare: k.cached,
      batchShare: k.batch,
      arrivalDispersion: k.dispersion,
    },
    providers,
    models,
    routing: {
      chains: k.chains.map((chain, i) => ({ weight: k.chains.length === 1 ? 1 : i === 0 ? 0.5 : 0.5, models: chain.map((m) => modelIds[m]) })),
      maxRetries: k.retries,
      timeoutMs: k.timeoutMs,
      backoff: { baseMs: 100, multiplier: 2, jitter: k.jitter },
      failoverOn: k.failoverOn,
    },
    outageCorrelation: k.correlation,
    horizonMonths: k.months,
  });
}

const RUNS = { numRuns: 1000, seed: 20261124 };

function ordered(block: LatencySummary): boolean {
  if (block.p50 === null) return block.p95 === null && block.p99 === null && block.mean === null;
  return block.p50 <= block.p95! && block.p95! <= block.p99!;
}

function allPeriods(result: Result) {
  return [...result.months, result.total];
}

describe('engine properties (fast-check, 1,000 runs each, fixed seeds)', () => {
  it('results are finite, costs ≥ 0, success rate in [0, 1], p50 ≤ p95 ≤ p99 in both latency blocks', () => {
    fc.assert(
      fc.property(knobs, (k) => {
        const result = simulate(scenarioOf(k));
        assertFiniteResult(result);
        for (const period of allPeriods(result)) {
          expect(period.tco).toBeGreaterThanOrEqual(0);
          expect(period.tokenCost.total).toBeGreaterThanOrEqual(0);
          expect(period.requestSuccessRate).toBeGreaterThanOrEqual(0);
          expect(period.requestSuccessRate).toBeLessThanOrEqual(1 + 1e-12);
          expect(ordered(period.fullResponse)).toBe(true);
          expect(ordered(period.firstToken)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('token cost is linear in requests/day when no limit binds', () => {
    fc.assert(
      fc.property(knobs, fc.double({ min: 0.1, max: 10, noNaN: true }), (k, factor) => {
        const base = simulate(scenarioOf(k, { limits: false })).total.tokenCost.total;
        const scaled = simulate(scenarioOf({ ...k, requestsPerDay: k.requestsPerDay * factor }, { limits: false })).total.tokenCost.total;
        expect(Math.abs(scaled - factor * base)).toBeLessThanOrEqual(1e-9 * Math.max(scaled, factor * base) + 1e-12);
      }),
      RUNS,
    );
  });

  it('token cost is non-decreasing in every price', () => {
    fc.assert(
      fc.property(knobs, fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 5, noNaN: true }), (k, which, increase) => {
        const price = [...k.price];
        price[which] = price[which]! + increase;
        const before = simulate(scenarioOf(k)).total.tokenCost.total;
        const after = simulate(scenarioOf({ ...k, price })).total.tokenCost.total;
        expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-12));
      }),
      RUNS,
    );
  });

  it('a chain is at least as available as its best member at ρ = 0 and exactly as available at ρ = 1', () => {
    fc.assert(
      fc.property(knobs, (k) => {
        const chain = k.chains[0]!;
        const best = Math.max(...chain.map((i) => k.availability[i]!));
        const single = { ...k, chains: [chain] };
        const independent = simulate(scenarioOf({ ...single, correlation: 0, months: 1 })).months[0]!.chainAvailability;
        const correlated = simulate(scenarioOf({ ...single, correlation: 1, months: 1 })).months[0]!.chainAvailability;
        expect(independent).toBeGreaterThanOrEqual(best - 1e-15);
        expect(Math.abs(correlated - best)).toBeLessThanOrEqual(1e-14);
      }),
      RUNS,
    );
  });

  it('more retries never lower the success rate (no rate limits: retries cannot raise the rejection rate)', () => {
    fc.assert(
      fc.property(knobs, (k) => {
        const fewer = simulate(scenarioOf(k, { limits: false })).total.requestSuccessRate;
        const more = simulate(scenarioOf({ ...k, retries: k.retries + 1 }, { limits: false })).total.requestSuccessRate;
        expect(more).toBeGreaterThanOrEqual(fewer - 1e-12);
      }),
      RUNS,
    );
  });
});
