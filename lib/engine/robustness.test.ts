import { describe, expect, it, vi } from 'vitest';

// Property and sampling tests run thousands of cases; on a shared 2-core machine they need more than the 5 s default.
vi.setConfig({ testTimeout: 120_000 });
import examples from './__fixtures__/model-examples.json';
import { assertFiniteResult } from './__fixtures__/finite';
import { resolveExample } from './__fixtures__/resolve-example';
import { simulate } from './index';

// Scenario JSON patched in place by each case: a loose type keeps the patches short (test-only).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Scenario = Record<string, any>;
const e7: Scenario = (examples.examples as unknown as { id: string; input: Scenario }[]).find((e) => e.id === 'E7')!.input;

const extremes: [string, (s: Scenario) => void][] = [
  ['1e10 requests/day', (s) => (s.workload.requestsPerDay = 1e10)],
  ['60 months at +1000 %/month from 1e10/day (R_m ≈ 3e71)', (s) => Object.assign(s, { horizonMonths: 60 }, { workload: { ...s.workload, requestsPerDay: 1e10, monthlyGrowthPct: 1000 } })],
  ['availability 0 everywhere, ρ = 1', (s) => Object.assign(s, { outageCorrelation: 1 }, { providers: { openai: { availability: 0 }, anthropic: { availability: 0 } } })],
  ['availability 1 everywhere', (s) => ((s.providers.openai.availability = 1), (s.providers.anthropic.availability = 1))],
  ['zero traffic', (s) => (s.workload.requestsPerDay = 0)],
  ['all batch', (s) => (s.workload.batchShare = 1)],
  ['rpm 0 on every model', (s) => ((s.models['gpt-4o-mini'].rpm = 0), (s.models['claude-haiku'].rpm = 0))],
  ['peak covers the day (P·H = 24)', (s) => Object.assign(s.workload, { peakToAvg: 12, peakHoursPerDay: 2 })],
  ['median 1e-300, p95 1e8, uncapped', (s) => Object.assign(s.workload, { inputTokens: { median: 1e-300, p95: 1e8 }, outputTokens: { median: 1e-300, p95: 1e8 } })],
  ['every attempt a 5xx', (s) => ((s.models['gpt-4o-mini'].transientErrorRate = 1), (s.models['claude-haiku'].transientErrorRate = 1))],
  ['timeout 1 ms', (s) => (s.routing.timeoutMs = 1)],
  ['concurrency cap 1', (s) => (s.models['gpt-4o-mini'].maxConcurrency = 1)],
  ['10 retries, 10× backoff from 600 s, decorrelated', (s) => Object.assign(s.routing, { maxRetries: 10, failoverOn: [], backoff: { baseMs: 600000, multiplier: 10, jitter: 'decorrelated' } })],
  ['prices 1e4 on 1e7-token requests at 1e10/day for 60 months', (s) => {
    Object.assign(s, { horizonMonths: 60 });
    Object.assign(s.workload, { requestsPerDay: 1e10, monthlyGrowthPct: 1000, inputTokens: { median: 1e7, p95: 1e8 }, outputTokens: { median: 1e7, p95: 1e8 } });
    for (const m of Object.values(s.models) as Scenario[]) Object.assign(m, { inputPer1M: 1e4, outputPer1M: 1e4 });
  }],
];

describe('extreme valid inputs give finite, sensible results', () => {
  it.each(extremes)('%s', (_name, patch) => {
    const scenario = JSON.parse(JSON.stringify(e7));
    patch(scenario);
    const result = simulate(resolveExample({ ...scenario, monteCarlo: { trials: 20, seed: 1 } }));
    assertFiniteResult(result);
    for (const month of result.months) {
      expect(month.tco).toBeGreaterThanOrEqual(0);
      expect(month.requestSuccessRate).toBeGreaterThanOrEqual(0);
      expect(month.requestSuccessRate).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('zero traffic costs only the fixed lines and reports no latency', () => {
    const scenario = JSON.parse(JSON.stringify(e7));
    scenario.workload.requestsPerDay = 0;
    const month = simulate(resolveExample(scenario)).months[0]!;
    expect(month.tokenCost.total).toBe(0);
    expect(month.fullResponse.p50).toBeNull();
    expect(month.targetMissShare).toBeNull();
    // 80 h integration + 16 h maintenance at $150 + 8.829 downtime minutes at $50.
    expect(month.tco).toBeCloseTo(14400 + month.downtimeCost - month.slaCredits, 9);
  });

  it('rpm 0 everywhere fails every realtime request with 429s', () => {
    const scenario = JSON.parse(JSON.stringify(e7));
    scenario.models['gpt-4o-mini'].rpm = 0;
    scenario.models['claude-haiku'].rpm = 0;
    const month = simulate(resolveExample(scenario)).months[0]!;
    expect(month.requestSuccessRate).toBe(0);
    expect(month.firstToken.mean).toBeNull();
    expect(month.count429).toBeGreaterThan(0);
  });
});
