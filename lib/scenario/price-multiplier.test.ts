import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '@/data';
import { simulate } from '@/lib/engine';
import { presetScenario } from './presets';
import { prepareScenario } from './resolve';
import type { Scenario } from './schema';

/** Optional price multipliers (ADR 010): `costs.priceMultiplier` for every model, `models.<id>.priceMultiplier` for one. */

function prepared(scenario: unknown) {
  const out = prepareScenario(scenario, builtInSpecCatalog);
  if (!out.ok) throw new Error(out.errors.join('\n'));
  return out.value;
}

const base: Scenario = presetScenario('support-chatbot');

describe('price multipliers', () => {
  it('absent or 1 leaves the engine input and the results exactly as they were', () => {
    const plain = prepared(base);
    const one = prepared({ ...base, costs: { ...base.costs, priceMultiplier: 1 } });
    expect(JSON.stringify(one)).toBe(JSON.stringify(plain));
    expect(JSON.stringify(simulate(one))).toBe(JSON.stringify(simulate(plain)));
  });

  it('costs.priceMultiplier scales every token price of every model in scope', () => {
    const plain = prepared(base);
    const discounted = prepared({ ...base, costs: { ...base.costs, priceMultiplier: 0.95 } });
    for (const [id, spec] of Object.entries(discounted.models)) {
      const before = plain.models[id]!;
      for (const key of ['inputPer1M', 'outputPer1M', 'cachedInputPer1M', 'batchInputPer1M', 'batchOutputPer1M'] as const) {
        expect(spec[key]).toBeCloseTo(before[key] * 0.95, 12);
      }
      expect(spec.provisioned).toEqual(before.provisioned);
      expect('priceMultiplier' in spec).toBe(false);
    }
    expect(simulate(discounted).total.tokenCost.total).toBeCloseTo(simulate(plain).total.tokenCost.total * 0.95, 6);
  });

  it('a model\u2019s own multiplier overrides the scenario\u2019s', () => {
    const scenario = { ...base, costs: { ...base.costs, priceMultiplier: 0.95 }, models: { 'gpt-4o-mini': { priceMultiplier: 1.1 } } };
    const input = prepared(scenario);
    const plain = prepared(base);
    expect(input.models['gpt-4o-mini']!.inputPer1M).toBeCloseTo(plain.models['gpt-4o-mini']!.inputPer1M * 1.1, 12);
    expect(input.models['claude-haiku-4-5']!.inputPer1M).toBeCloseTo(plain.models['claude-haiku-4-5']!.inputPer1M * 0.95, 12);
  });

  it('is validated: > 0 and at most 10', () => {
    for (const bad of [0, -1, 11]) {
      const out = prepareScenario({ ...base, costs: { priceMultiplier: bad } }, builtInSpecCatalog);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.errors[0]).toMatch(/^costs\.priceMultiplier: /);
    }
    const perModel = prepareScenario({ ...base, models: { 'gpt-4o-mini': { priceMultiplier: 'cheap' } } }, builtInSpecCatalog);
    expect(perModel.ok).toBe(false);
  });
});
