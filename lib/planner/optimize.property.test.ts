import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario, SpecCatalog } from '@/lib/scenario/schema';
import { bruteForce, optimize } from './optimize';
import { optimizeInPartitions } from './pool';
import type { OptimizeOptions } from './types';

/**
 * The pruned search against brute force on random small catalogs (issue 11): `best` and the frontier must be
 * identical, for random workloads, failure rates, limits, retries and backoff, failover, costs, correlation, both
 * latency measures, TTFT spread and prefill speeds (ADR 011), output caps and constraints.
 */
const EMPTY: SpecCatalog = { providers: {}, models: {} };

const providerArb = fc.record({
  availability: fc.constantFrom(0.9, 0.99, 0.995, 0.999, 0.9999, 1),
  outageDetectMs: fc.constantFrom(100, 1000, 5000),
  contractual: fc.boolean(),
  slaCredits: fc.constantFrom([], [{ belowPct: 99.95, creditPct: 10 }], [{ belowPct: 99.99, creditPct: 25 }]),
  integrationHours: fc.constantFrom(0, 8, 40),
  maintenanceHoursPerMonth: fc.constantFrom(0, 2, 8),
});

const modelArb = (providers: number) =>
  fc.record({
    provider: fc.integer({ min: 0, max: providers - 1 }),
    inputPer1M: fc.constantFrom(0.1, 0.15, 0.5, 1, 3),
    outputPer1M: fc.constantFrom(0.4, 0.6, 2, 4, 15),
    ttftMs: fc.constantFrom(200, 300, 400, 800),
    tokensPerSec: fc.constantFrom(40, 80, 150, 400),
    rpm: fc.constantFrom(null, 100, 300, 2000),
    transientErrorRate: fc.constantFrom(0, 0.001, 0.01, 0.05),
    fastFailMs: fc.constantFrom(100, 200),
    provisioned: fc.constantFrom(null, null, null, { monthlyPrice: 500, capacityTPM: 200_000 }),
    // TTFT spread (ADR 011) as p95/median, and a prefill speed: absent for most models.
    ttftSpread: fc.constantFrom(null, null, 1.5, 4),
    prefillTokensPerSec: fc.constantFrom(undefined, undefined, undefined, 2_000, 20_000),
  });

const scenarioArb = fc
  .integer({ min: 2, max: 3 })
  .chain((providerCount) =>
    fc.record({
      providers: fc.array(providerArb, { minLength: providerCount, maxLength: providerCount }),
      models: fc.array(modelArb(providerCount), { minLength: 3, maxLength: 5 }),
      requestsPerDay: fc.constantFrom(2_000, 50_000, 400_000),
      peakToAvg: fc.constantFrom(1, 2, 3),
      outputMedian: fc.constantFrom(100, 250),
      batchShare: fc.constantFrom(0, 0.2),
      cachedShare: fc.constantFrom(0, 0.4),
      maxRetries: fc.integer({ min: 0, max: 3 }),
      jitter: fc.constantFrom('none' as const, 'full' as const, 'decorrelated' as const),
      outputCap: fc.constantFrom(null, 600, 2000),
      timeoutMs: fc.constantFrom(null, 4_000, 15_000),
      failoverOn: fc.subarray(['429', '5xx', 'timeout'] as const),
      failoverDelayMs: fc.constantFrom(0, 50),
      engineeringHourlyRate: fc.constantFrom(0, 100),
      aggregatorFeePct: fc.constantFrom(0, 5),
      downtimeCostPerMinute: fc.constantFrom(0, 20),
      failedRequestCost: fc.constantFrom(0, 0.01),
      outageCorrelation: fc.constantFrom(0, 0, 0.3, 1),
      measure: fc.constantFrom('firstToken' as const, 'fullResponse' as const),
      horizonMonths: fc.constantFrom(1, 3),
    }),
  );

type Generated = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function buildScenario(s: Generated): Scenario {
  const providers = Object.fromEntries(s.providers.map((p, i) => [`p${i}`, { ...p, slaCredits: [...(p.slaCredits as readonly { belowPct: number; creditPct: number }[])] }]));
  const models = Object.fromEntries(
    s.models.map(({ ttftSpread, prefillTokensPerSec, ...m }, i) => [
      `m${i}`,
      {
        ...m,
        provider: `p${m.provider}`,
        cachedInputPer1M: m.inputPer1M / 4,
        ...(ttftSpread === null ? {} : { ttftP95Ms: m.ttftMs * ttftSpread }),
        ...(prefillTokensPerSec === undefined ? {} : { prefillTokensPerSec }),
      },
    ]),
  );
  return {
    version: 1,
    workload: {
      requestsPerDay: s.requestsPerDay,
      peakToAvg: s.peakToAvg,
      peakHoursPerDay: 4,
      inputTokens: { median: 800, p95: 3000 },
      outputTokens: { median: s.outputMedian, p95: s.outputMedian * 4, cap: s.outputCap },
      batchShare: s.batchShare,
      cachedShare: s.cachedShare,
    },
    providers,
    models,
    routing: {
      chains: [{ weight: 1, models: ['m0'] }],
      maxRetries: s.maxRetries,
      backoff: { baseMs: 200, multiplier: 2, capMs: 2_000, jitter: s.jitter },
      timeoutMs: s.timeoutMs,
      failoverOn: [...s.failoverOn],
      failoverDelayMs: s.failoverDelayMs,
    },
    costs: {
      engineeringHourlyRate: s.engineeringHourlyRate,
      aggregatorFeePct: s.aggregatorFeePct,
      downtimeCostPerMinute: s.downtimeCostPerMinute,
      failedRequestCost: s.failedRequestCost,
    },
    outageCorrelation: s.outageCorrelation,
    latencyTarget: { ms: 1000, measure: s.measure },
    horizonMonths: s.horizonMonths,
  };
}

const constraintsArb = fc.record({
  minAvailability: fc.option(fc.constantFrom(0.99, 0.999, 0.99999), { nil: undefined }),
  maxP95Ms: fc.option(fc.constantFrom(300, 500, 5_000, 20_000), { nil: undefined }),
  max429Rate: fc.option(fc.constantFrom(0, 0.001, 0.05), { nil: undefined }),
  maxChain: fc.constantFrom(2, 3),
});

describe('optimize (pruned) against brute force', () => {
  it('finds the same best chain and the same frontier', () => {
    fc.assert(
      fc.property(scenarioArb, constraintsArb, (generated, constraints) => {
        const scenario = buildScenario(generated);
        const options: OptimizeOptions = { ...constraints, p95Measure: scenario.latencyTarget!.measure! };
        const input = { scenario, catalog: EMPTY, options };
        const pruned = optimize(input);
        const reference = bruteForce(input);
        expect(pruned.best).toEqual(reference.best);
        expect(pruned.frontier).toEqual(reference.frontier);
        expect(pruned.candidates).toBe(reference.candidates);
        expect(pruned.evaluated).toBeLessThanOrEqual(pruned.candidates);
      }),
      { numRuns: 120, seed: 11 },
    );
  }, 480_000);

  it('the worker pool (partitions sharing dominators) finds the same best chain and frontier as the single search', () => {
    fc.assert(
      fc.property(scenarioArb, constraintsArb, fc.integer({ min: 2, max: 4 }), (generated, constraints, workers) => {
        const scenario = buildScenario(generated);
        const options: OptimizeOptions = { ...constraints, p95Measure: scenario.latencyTarget!.measure! };
        const input = { scenario, catalog: EMPTY, options };
        const single = optimize(input);
        // One check per turn: the partitions interleave finely, so dominators arrive in every order.
        const { result } = optimizeInPartitions(input, workers, 1);
        expect(result.best).toEqual(single.best);
        expect(result.frontier).toEqual(single.frontier);
      }),
      { numRuns: 60, seed: 12 },
    );
  }, 480_000);
});
