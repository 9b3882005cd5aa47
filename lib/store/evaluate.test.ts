import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '@/data';
import { presetScenario } from '@/lib/scenario/presets';
import type { Scenario, SpecCatalog } from '@/lib/scenario/schema';
import { evaluateScenario, firstNonFiniteNumber, scenarioErrors, withoutMonteCarlo } from './evaluate';
import './scenario-validator'; // the store's zod validator (lib/store/evaluate.ts)

const emptyCatalog: SpecCatalog = { providers: {}, models: {} };

/** A self-contained scenario (every model and provider in its own maps), so it needs no catalog. */
function standalone(): Scenario {
  return {
    version: 1,
    workload: { requestsPerDay: 100_000, inputTokens: { median: 800, p95: 3000 }, outputTokens: { median: 250, p95: 1200 }, cachedShare: 0.3 },
    providers: { p: { availability: 1 } },
    models: { m: { provider: 'p', inputPer1M: 0.15, outputPer1M: 0.6, cachedInputPer1M: 0.075, ttftMs: 400, tokensPerSec: 80 } },
    routing: { chains: [{ weight: 1, models: ['m'] }] },
    horizonMonths: 1,
  };
}

describe('evaluateScenario', () => {
  it('simulates a valid draft: MODEL.md E1 token cost $1,148.1960 for one month', () => {
    const evaluation = evaluateScenario(standalone(), emptyCatalog);
    expect(evaluation.status).toBe('ok');
    expect(evaluation.errors).toEqual([]);
    // E1: uncached $353.1066 + cached $75.6657 + output $719.4237
    expect(evaluation.result?.total.tokenCost.total).toBeCloseTo(1148.196, 3);
  });

  it('memoises by object identity: the same draft gives the same evaluation, an edited copy a new one', () => {
    const draft = standalone();
    const first = evaluateScenario(draft, emptyCatalog);
    expect(evaluateScenario(draft, emptyCatalog)).toBe(first);
    const edited = { ...draft, workload: { ...draft.workload, requestsPerDay: 200_000 } };
    const second = evaluateScenario(edited, emptyCatalog);
    expect(second).not.toBe(first);
    // cost is linear in volume (MODEL.md §8.1)
    expect(second.result?.total.tokenCost.total).toBeCloseTo(2 * (first.result?.total.tokenCost.total ?? 0), 6);
  });

  it('reports schema errors with their field path and runs nothing', () => {
    const draft = standalone();
    draft.workload.requestsPerDay = -5;
    draft.workload.outputTokens = { median: 250, p95: 100 };
    const evaluation = evaluateScenario(draft, emptyCatalog);
    expect(evaluation.status).toBe('invalid');
    expect(evaluation.result).toBeNull();
    expect(evaluation.errors).toEqual([
      { path: 'workload.requestsPerDay', message: 'must be >= 0' },
      { path: 'workload.outputTokens.p95', message: 'must be >= 250' },
    ]);
  });

  it('scenarioErrors gives the same messages without simulating, and a stable empty list when valid', () => {
    const draft = standalone();
    draft.workload.cachedShare = 2;
    expect(scenarioErrors(draft, emptyCatalog)).toEqual([{ path: 'workload.cachedShare', message: 'must be <= 1' }]);
    expect(evaluateScenario(draft, emptyCatalog).errors).toEqual(scenarioErrors(draft, emptyCatalog));
    const valid = standalone();
    expect(scenarioErrors(valid, emptyCatalog)).toEqual([]);
    expect(scenarioErrors(valid, emptyCatalog)).toBe(scenarioErrors(standalone(), emptyCatalog));
  });

  it('reports resolution errors (unknown model) at the chain position', () => {
    const draft = standalone();
    draft.routing.chains = [{ weight: 1, models: ['m', 'no-such-model'] }];
    expect(evaluateScenario(draft, emptyCatalog).errors).toEqual([{ path: 'routing.chains[0].models[1]', message: 'unknown model "no-such-model"' }]);
  });

  it('uses the built-in catalog by default and keeps Monte Carlo out of the deterministic run', () => {
    const evaluation = evaluateScenario(presetScenario('support-chatbot'));
    expect(evaluation.status).toBe('ok');
    expect(evaluation.input?.monteCarlo).toBeDefined();
    expect(evaluation.result?.monteCarlo).toBeUndefined();
    // The catalog entry merged with the preset's one override, its TTFT p95 (ADR 011).
    expect(evaluation.input?.models['claude-haiku-4-5']).toEqual({ ...builtInSpecCatalog.models['claude-haiku-4-5'], ttftP95Ms: 1_920 });
  });

  it('withoutMonteCarlo drops only the monteCarlo key', () => {
    const evaluation = evaluateScenario(presetScenario('support-chatbot'));
    const input = evaluation.input;
    if (!input) throw new Error('expected an input');
    const deterministic = withoutMonteCarlo(input);
    expect('monteCarlo' in deterministic).toBe(false);
    expect({ ...deterministic, monteCarlo: input.monteCarlo }).toEqual(input);
  });

  it('firstNonFiniteNumber finds NaN and Infinity anywhere, and nothing in finite data', () => {
    expect(firstNonFiniteNumber({ a: [1, { b: 2 }], c: null }, 'r')).toBeNull();
    expect(firstNonFiniteNumber({ a: [1, { b: Number.NaN }] }, 'r')).toBe('r.a[1].b');
    expect(firstNonFiniteNumber({ total: { tco: Infinity } }, 'result')).toBe('result.total.tco');
  });
});
