import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addChain,
  addCustomModel,
  addCustomProvider,
  addFallback,
  makePrimary,
  moveChainModel,
  normaliseWeights,
  overriddenKeys,
  removeChain,
  removeChainModel,
  removeModel,
  resetModelOverride,
  resetModelOverrides,
  resetProviderOverride,
  setBackoff,
  setChainModel,
  setChainRetries,
  setChainWeight,
  setFailoverTrigger,
  setModelOverride,
  setMonteCarlo,
  setProviderOverride,
  setTokenDistribution,
  setWorkload,
  uniqueId,
  MAX_CHAIN_MODELS,
} from './edit';
import { parseScenario, type Scenario } from './schema';

function base(): Scenario {
  return {
    version: 1,
    workload: { requestsPerDay: 1000, inputTokens: { median: 500, p95: 2000 }, outputTokens: { median: 100, p95: 400, cap: 1000 } },
    routing: { chains: [{ weight: 1, models: ['a', 'b'] }], maxRetries: 1, failoverOn: ['5xx'] },
  };
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const weights = (s: Scenario) => s.routing.chains.map((c) => c.weight);

function expectValidShape(s: Scenario) {
  const parsed = parseScenario(s);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
}

describe('plain field edits', () => {
  it('sets workload fields without touching the original, and removes a field set to undefined', () => {
    const original = base();
    const withGrowth = setWorkload(original, { monthlyGrowthPct: 5 });
    expect(withGrowth.workload.monthlyGrowthPct).toBe(5);
    expect(original.workload.monthlyGrowthPct).toBeUndefined();
    const cleared = setWorkload(withGrowth, { monthlyGrowthPct: undefined });
    expect('monthlyGrowthPct' in cleared.workload).toBe(false);
    expectValidShape(cleared);
  });

  it('removes a token cap set to undefined (no cap = unlimited) and keeps the other bounds', () => {
    const uncapped = setTokenDistribution(base(), 'outputTokens', { cap: undefined });
    expect(uncapped.workload.outputTokens).toEqual({ median: 100, p95: 400 });
    expectValidShape(uncapped);
  });

  it('keeps failover triggers distinct and in canonical order', () => {
    let s = setFailoverTrigger(base(), 'timeout', true);
    s = setFailoverTrigger(s, '429', true);
    s = setFailoverTrigger(s, '429', true);
    expect(s.routing.failoverOn).toEqual(['429', '5xx', 'timeout']);
    s = setFailoverTrigger(s, '5xx', false);
    expect(s.routing.failoverOn).toEqual(['429', 'timeout']);
  });

  it('merges backoff fields', () => {
    const s = setBackoff(setBackoff(base(), { baseMs: 250 }), { jitter: 'full' });
    expect(s.routing.backoff).toEqual({ baseMs: 250, jitter: 'full' });
  });

  it('turns Monte Carlo on, changes it, and removes the key when off', () => {
    const on = setMonteCarlo(base(), { trials: 500 });
    expect(on.monteCarlo).toEqual({ trials: 500 });
    expect(setMonteCarlo(on, { seed: 7 }).monteCarlo).toEqual({ trials: 500, seed: 7 });
    expect('monteCarlo' in setMonteCarlo(on, null)).toBe(false);
  });
});

describe('chain weights always sum to 100 %', () => {
  it('adding a chain gives it an equal share and shrinks the others proportionally', () => {
    const two = addChain(base(), 'c');
    expect(weights(two)).toEqual([0.5, 0.5]);
    const three = addChain(setChainWeight(two, 0, 0.8), 'd');
    // 0.8·2/3 = 0.5333, 0.2·2/3 = 0.1333, new 1/3 = 0.3333; the 0.0001 residue goes to the largest
    expect(weights(three)).toEqual([0.5334, 0.1333, 0.3333]);
    expect(sum(weights(three))).toBeCloseTo(1, 12);
    expectValidShape(three);
  });

  it('setting one weight shares the rest among the others in proportion', () => {
    let s = addChain(addChain(base(), 'c'), 'd'); // 1/3 each
    s = setChainWeight(s, 0, 0.5);
    expect(weights(s)).toEqual([0.5, 0.25, 0.25]);
    s = setChainWeight(s, 1, 0.1);
    // the 0.9 left is split 0.5 : 0.25 → 0.6 and 0.3
    expect(weights(s)).toEqual([0.6, 0.1, 0.3]);
  });

  it('never lets a chain reach 0 % (weights must be > 0)', () => {
    const s = setChainWeight(addChain(base(), 'c'), 0, 1);
    expect(Math.min(...weights(s))).toBeGreaterThan(0);
    expectValidShape(s);
  });

  it('a single chain always carries 100 %', () => {
    expect(weights(setChainWeight(base(), 0, 0.3))).toEqual([1]);
  });

  it('removing a chain gives its share to the others', () => {
    const s = removeChain(setChainWeight(addChain(addChain(base(), 'c'), 'd'), 0, 0.5), 2);
    expect(weights(s)).toEqual([0.6667, 0.3333]);
    expect(s.routing.chains.map((c) => c.models[0])).toEqual(['a', 'c']);
    expect(removeChain(base(), 0)).toEqual(base());
  });

  it('property: any sequence of chain edits keeps the sum at 1 within 1e-9 and every weight > 0', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const) }),
      fc.record({ kind: fc.constant('remove' as const), index: fc.nat(7) }),
      fc.record({ kind: fc.constant('weight' as const), index: fc.nat(7), weight: fc.double({ min: -1, max: 2, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let s = base();
        let next = 0;
        for (const o of ops) {
          if (o.kind === 'add' && s.routing.chains.length < 8) s = addChain(s, `m${next++}`);
          else if (o.kind === 'remove') s = removeChain(s, o.index);
          else if (o.kind === 'weight') s = setChainWeight(s, o.index, o.weight);
        }
        const w = weights(s);
        expect(Math.abs(sum(w) - 1)).toBeLessThanOrEqual(1e-9);
        expect(w.every((x) => x > 0)).toBe(true);
      }),
    );
  });

  it('normaliseWeights rescales arbitrary non-negative weights', () => {
    expect(normaliseWeights([2, 1, 1])).toEqual([0.5, 0.25, 0.25]);
    expect(normaliseWeights([0, 0])).toEqual([0.5, 0.5]);
  });
});

describe('chain models', () => {
  it('adds a fallback at the end, not twice, and not beyond the maximum', () => {
    const s = addFallback(base(), 0, 'c');
    expect(s.routing.chains[0]?.models).toEqual(['a', 'b', 'c']);
    expect(addFallback(s, 0, 'b')).toEqual(s);
    let full = s;
    for (let i = 0; i < 10; i++) full = addFallback(full, 0, `x${i}`);
    expect(full.routing.chains[0]?.models).toHaveLength(MAX_CHAIN_MODELS);
  });

  it('per-position retries follow their model when it moves and are dropped when all default', () => {
    let s = addFallback(base(), 0, 'c');
    s = setChainRetries(s, 0, 2, 3);
    expect(s.routing.chains[0]?.maxRetries).toEqual([null, null, 3]);
    s = moveChainModel(s, 0, 2, 0);
    expect(s.routing.chains[0]).toEqual({ weight: 1, models: ['c', 'a', 'b'], maxRetries: [3, null, null] });
    s = removeChainModel(s, 0, 0);
    expect(s.routing.chains[0]).toEqual({ weight: 1, models: ['a', 'b'] });
    expectValidShape(s);
  });

  it('a chain keeps at least one model', () => {
    const one = removeChainModel(base(), 0, 1);
    expect(one.routing.chains[0]?.models).toEqual(['a']);
    expect(removeChainModel(one, 0, 0)).toEqual(one);
  });

  it('choosing a model already in the chain swaps the two positions (ids stay distinct)', () => {
    const s = setChainModel(addFallback(base(), 0, 'c'), 0, 0, 'c');
    expect(s.routing.chains[0]?.models).toEqual(['c', 'b', 'a']);
    expect(setChainModel(base(), 0, 1, 'z').routing.chains[0]?.models).toEqual(['a', 'z']);
  });

  it('makePrimary puts a new model in front, or moves an existing fallback to the front', () => {
    expect(makePrimary(base(), 'z').routing.chains[0]?.models).toEqual(['z', 'a', 'b']);
    expect(makePrimary(base(), 'b').routing.chains[0]?.models).toEqual(['b', 'a']);
    expect(makePrimary(base(), 'a')).toEqual(base());
    let full = base();
    for (let i = 0; i < 3; i++) full = addFallback(full, 0, `x${i}`);
    expect(makePrimary(full, 'z').routing.chains[0]?.models).toEqual(['z', 'a', 'b', 'x0', 'x1']);
  });
});

describe('overrides and custom models', () => {
  it('marks and resets a single overridden figure; an emptied entry disappears', () => {
    let s = setModelOverride(base(), 'a', 'inputPer1M', 0.5);
    s = setModelOverride(s, 'a', 'rpm', null);
    expect(s.models?.a).toEqual({ inputPer1M: 0.5, rpm: null });
    expect(overriddenKeys(s.models?.a)).toEqual(['inputPer1M', 'rpm']);
    s = resetModelOverride(s, 'a', 'inputPer1M');
    expect(s.models?.a).toEqual({ rpm: null });
    s = resetModelOverride(s, 'a', 'rpm');
    expect('models' in s).toBe(false);
    expect(resetModelOverrides(setModelOverride(base(), 'a', 'ttftMs', 1), 'a')).toEqual(base());
  });

  it('overrides and resets provider figures', () => {
    let s = setProviderOverride(base(), 'openai', 'integrationHours', 16);
    expect(s.providers).toEqual({ openai: { integrationHours: 16 } });
    s = resetProviderOverride(s, 'openai', 'integrationHours');
    expect('providers' in s).toBe(false);
  });

  it('adds a custom model and provider, and removing the model takes it out of every chain', () => {
    let s = addCustomProvider(base(), 'acme', { availability: 0.995 });
    s = addCustomModel(s, 'acme-1', { provider: 'acme', inputPer1M: 1, outputPer1M: 2, ttftMs: 300, tokensPerSec: 90 });
    s = addFallback(s, 0, 'acme-1');
    s = addChain(s, 'acme-1');
    expectValidShape(s);
    const removed = removeModel(s, 'acme-1');
    expect(removed.routing.chains).toEqual([{ weight: 1, models: ['a', 'b'] }]);
    expect('models' in removed).toBe(false);
  });

  it('uniqueId avoids taken ids and cleans characters the id rule forbids', () => {
    expect(uniqueId('my model', ['my-model', 'my-model-2'])).toBe('my-model-3');
    expect(uniqueId('--x', new Set<string>())).toBe('x');
    expect(uniqueId('', [])).toBe('custom');
  });
});
