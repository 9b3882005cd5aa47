/** Test-only scenarios (Scenario v1 JSON) built around the E1/E7 workloads, resolved with `resolveExample`. */
import type { EngineInput } from '../types';
import { resolveExample } from './resolve-example';

/** A single model with no limits and no failures (E1 workload) unless overridden. */
export function singleModelScenario(overrides: { model?: Record<string, unknown>; provider?: Record<string, unknown>; routing?: Record<string, unknown>; workload?: Record<string, unknown>; horizonMonths?: number } = {}): EngineInput {
  return resolveExample({
    version: 1,
    workload: { requestsPerDay: 100000, inputTokens: { median: 800, p95: 3000 }, outputTokens: { median: 250, p95: 1200 }, cachedShare: 0.3, ...overrides.workload },
    providers: { p: { availability: 1, ...overrides.provider } },
    models: { m: { provider: 'p', inputPer1M: 0.15, outputPer1M: 0.6, cachedInputPer1M: 0.075, ttftMs: 400, tokensPerSec: 80, ...overrides.model } },
    routing: { chains: [{ weight: 1, models: ['m'] }], ...overrides.routing },
    horizonMonths: overrides.horizonMonths ?? 1,
  });
}

/** Two chains over three providers with limits, failures, timeouts and correlation: exercises every code path. */
export function threeProviderScenario(): EngineInput {
  return resolveExample({
    version: 1,
    workload: { requestsPerDay: 150000, monthlyGrowthPct: 10, peakToAvg: 3, peakHoursPerDay: 2, inputTokens: { median: 800, p95: 3000 }, outputTokens: { median: 250, p95: 1200, cap: 4096 }, cachedShare: 0.3, batchShare: 0.1, arrivalDispersion: 2 },
    providers: {
      a: { availability: 0.999, integrationHours: 10, maintenanceHoursPerMonth: 2 },
      b: { availability: 0.995, contractual: true, slaCredits: [{ belowPct: 99.9, creditPct: 10 }] },
      c: { availability: 0.99 },
    },
    models: {
      x: { provider: 'a', inputPer1M: 0.15, outputPer1M: 0.6, ttftMs: 400, tokensPerSec: 80, rpm: 300, tpm: 2000000, transientErrorRate: 0.01 },
      y: { provider: 'b', inputPer1M: 0.8, outputPer1M: 4, ttftMs: 600, tokensPerSec: 60, rpm: 200, maxConcurrency: 30, transientErrorRate: 0.005 },
      z: { provider: 'c', inputPer1M: 0.1, outputPer1M: 0.4, ttftMs: 300, tokensPerSec: 150, provisioned: { monthlyPrice: 500, capacityTPM: 100000 } },
    },
    routing: {
      chains: [
        { weight: 0.6, models: ['x', 'y', 'z'] },
        { weight: 0.4, models: ['z', 'x'] },
      ],
      maxRetries: 1,
      timeoutMs: 20000,
      backoff: { baseMs: 100, multiplier: 2, jitter: 'equal' },
      failoverOn: ['timeout', '429'],
      failoverDelayMs: 25,
    },
    costs: { engineeringHourlyRate: 100, aggregatorFeePct: 5, platformFeeMonthly: 50, downtimeCostPerMinute: 10, failedRequestCost: 0.01 },
    outageCorrelation: 0.3,
    horizonMonths: 3,
  });
}
