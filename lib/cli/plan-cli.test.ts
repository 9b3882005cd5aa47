import { describe, expect, it } from 'vitest';
import type { Scenario, SpecCatalog } from '@/lib/scenario/schema';
import { bruteForce } from '@/lib/planner/optimize';
import { runPlanCli } from './plan-cli';
import type { SimulateCliIo } from './simulate-cli';

/** A three-model scenario that defines everything itself (run with --no-catalog). */
export const PLAN_SCENARIO: Scenario = {
  version: 1,
  workload: { requestsPerDay: 20_000, inputTokens: { median: 800, p95: 3000 }, outputTokens: { median: 200, p95: 800 } },
  providers: {
    alpha: { availability: 0.995, integrationHours: 20, maintenanceHoursPerMonth: 4 },
    beta: { availability: 0.999, integrationHours: 20, maintenanceHoursPerMonth: 4 },
  },
  models: {
    cheap: { provider: 'alpha', inputPer1M: 0.15, outputPer1M: 0.6, ttftMs: 400, tokensPerSec: 80, transientErrorRate: 0.01 },
    fast: { provider: 'beta', inputPer1M: 0.5, outputPer1M: 1.5, ttftMs: 200, tokensPerSec: 200 },
    big: { provider: 'beta', inputPer1M: 3, outputPer1M: 15, ttftMs: 600, tokensPerSec: 60 },
  },
  routing: { chains: [{ weight: 1, models: ['cheap'] }], maxRetries: 1, failoverOn: ['5xx'] },
  costs: { engineeringHourlyRate: 100, downtimeCostPerMinute: 5 },
  horizonMonths: 3,
};

function io(files: Record<string, unknown>): SimulateCliIo {
  return {
    readFile: async (p) => {
      if (!(p in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return JSON.stringify(files[p]);
    },
    readStdin: async () => JSON.stringify(files['-']),
    loadBuiltInCatalog: async () => ({ providers: {}, models: {} }) satisfies SpecCatalog,
  };
}

const EMPTY: SpecCatalog = { providers: {}, models: {} };

describe('plan optimize', () => {
  it('prints the JSON contract and matches brute force', async () => {
    const out = await runPlanCli(['optimize', 's.json', '--no-catalog', '--format', 'json', '--min-availability', '0.999'], io({ 's.json': PLAN_SCENARIO }));
    expect(out.exitCode).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(Object.keys(result).sort()).toEqual(['best', 'candidates', 'evaluated', 'frontier', 'ms']);
    expect(Object.keys(result.best).sort()).toEqual(['chainAvailability', 'models', 'p95Ms', 'rate429', 'tco']);
    // 3 + 3·2 + 3·2·1 = 15 ordered chains of distinct models.
    expect(result.candidates).toBe(15);
    const reference = bruteForce({ scenario: PLAN_SCENARIO, catalog: EMPTY, options: { maxChain: 3, p95Measure: 'firstToken', minAvailability: 0.999 } });
    expect(result.best).toEqual(reference.best);
    expect(result.frontier).toEqual(reference.frontier);
    for (const c of result.frontier) expect(c.chainAvailability).toBeGreaterThanOrEqual(0.999);
  });

  it('says which constraint binds when nothing is feasible', async () => {
    const out = await runPlanCli(['optimize', '-', '--no-catalog', '--format', 'json', '--max-p95-ms', '100'], io({ '-': PLAN_SCENARIO }));
    const result = JSON.parse(out.stdout);
    expect(result.best).toBeNull();
    expect(result.frontier).toEqual([]);
    expect(result.infeasible.binding.map((b: { flag: string }) => b.flag)).toEqual(['--max-p95-ms']);
    expect(result.infeasible.closest.length).toBeGreaterThan(0);
    const table = await runPlanCli(['optimize', '-', '--no-catalog', '--max-p95-ms', '100'], io({ '-': PLAN_SCENARIO }));
    expect(table.stdout).toContain('No chain meets every constraint.');
    expect(table.stdout).toContain('Binding: --max-p95-ms 100');
  });

  it.each([
    [['optimize', 's.json', '--max-chain', '7'], '--max-chain: must be an integer from 1 to 5'],
    [['optimize', 's.json', '--min-availability', '1.5'], '--min-availability: must be a fraction'],
    [['optimize', 's.json', '--p95-measure', 'median'], '--p95-measure: must be firstToken or fullResponse'],
    [['optimize', 's.json', '--no-catalog', '--models', 'cheap,gpt-9'], '--models: unknown model "gpt-9"'],
    [['optimize', 's.json', '--format', 'csv'], '--format: must be json or table'],
    [['optimize', 'missing.json'], 'missing.json: cannot read: no such file'],
    [['optimize', 's.json', '--bogus'], 'unknown option "--bogus"'],
    [['sensitivity', 's.json', '--swing', '0'], '--swing: must be a number above 0'],
    [['breakeven', 's.json', 's.json'], '--vary: required'],
    [['breakeven', 's.json', 's.json', '--no-catalog', '--vary', 'workload.nope'], '--vary: unknown input "workload.nope"'],
    [['plan'], 'unknown command "plan"'],
  ])('%j exits 2 naming the flag', async (argv, message) => {
    const out = await runPlanCli(argv, io({ 's.json': PLAN_SCENARIO }));
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('plan sensitivity and breakeven', () => {
  it('sensitivity rows are sorted by swing and name dotted paths', async () => {
    const out = await runPlanCli(['sensitivity', 's.json', '--no-catalog', '--format', 'json'], io({ 's.json': PLAN_SCENARIO }));
    const { rows } = JSON.parse(out.stdout) as { rows: { input: string; low: number; high: number; tcoLow: number; tcoHigh: number }[] };
    expect(rows.length).toBeGreaterThan(10);
    const swings = rows.map((r) => Math.abs(r.tcoHigh - r.tcoLow));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    const volume = rows.find((r) => r.input === 'workload.requestsPerDay')!;
    // ×0.8 and ×1.2 of 20,000 requests/day.
    expect([volume.low, volume.high]).toEqual([16_000, 24_000]);
    expect(volume.tcoHigh).toBeGreaterThan(volume.tcoLow);
    const availability = rows.find((r) => r.input === 'providers.alpha.availability');
    // 0.995 × 1.2 clamps to 1.
    expect(availability?.high).toBe(1);
  });

  it('breakeven finds the crossing of two linear costs by root-finding', async () => {
    // A pays the engineering of one provider; B (fast on beta) costs more per token: they cross at one volume.
    const a: Scenario = { ...PLAN_SCENARIO, costs: { engineeringHourlyRate: 100 }, providers: { ...PLAN_SCENARIO.providers, alpha: { availability: 1, integrationHours: 200 } } };
    const b: Scenario = { ...a, routing: { ...a.routing, chains: [{ weight: 1, models: ['fast'] }] }, providers: { ...a.providers, beta: { availability: 1 } } };
    const out = await runPlanCli(['breakeven', 'a.json', 'b.json', '--no-catalog', '--vary', 'workload.requestsPerDay', '--from', '0', '--to', '1000000', '--format', 'json'], io({ 'a.json': a, 'b.json': b }));
    expect(out.exitCode).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.crossings).toHaveLength(1);
    const x = result.crossings[0].value;
    // Check the root: at x the two TCOs agree to a cent.
    const { breakeven } = await import('@/lib/planner/breakeven');
    const again = breakeven(a, b, EMPTY, { vary: 'workload.requestsPerDay', from: x * 0.999999, to: x * 1.000001 });
    expect(again.crossings).toHaveLength(1);
    expect(Math.abs(again.crossings[0]!.value - x) / x).toBeLessThan(1e-6);
  });
});
