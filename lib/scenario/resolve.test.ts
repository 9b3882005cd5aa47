import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import examples from '@/lib/cli/__fixtures__/model-examples.json';
import { scenarioArb } from './arbitraries';
import threeChain from './fixtures/three-chain-12-month.json';
import { prepareScenario, resolveScenario } from './resolve';
import {
  COSTS_DEFAULTS,
  MODEL_DEFAULTS,
  PROVIDER_DEFAULTS,
  WORKLOAD_DEFAULTS,
  parseScenario,
  type ModelSpec,
  type ProviderSpec,
  type Scenario,
  type SpecCatalog,
} from './schema';

const EMPTY: SpecCatalog = { providers: {}, models: {} };

function provider(overrides: Partial<ProviderSpec> = {}): ProviderSpec {
  return {
    availability: 0.999,
    meanOutageMinutes: 45,
    outageDetectMs: 1500,
    contractual: true,
    slaCredits: [
      { belowPct: 99.9, creditPct: 10 },
      { belowPct: 99, creditPct: 25 },
    ],
    integrationHours: 40,
    maintenanceHoursPerMonth: 8,
    ...overrides,
  };
}

function model(providerId: string, overrides: Partial<ModelSpec> = {}): ModelSpec {
  return {
    provider: providerId,
    inputPer1M: 1,
    outputPer1M: 4,
    cachedInputPer1M: 0.1,
    batchInputPer1M: 0.5,
    batchOutputPer1M: 2,
    ttftMs: 500,
    tokensPerSec: 90,
    rpm: 1000,
    tpm: 2_000_000,
    maxConcurrency: 50,
    limitWindowSec: 60,
    transientErrorRate: 0.002,
    fastFailMs: 150,
    provisioned: { monthlyPrice: 5000, capacityTPM: 500_000 },
    ...overrides,
  };
}

const CATALOG: SpecCatalog = {
  providers: { acme: provider(), globex: provider({ availability: 0.995, meanOutageMinutes: 20, contractual: false, slaCredits: [] }) },
  models: { 'acme-large': model('acme'), 'acme-small': model('acme', { inputPer1M: 0.2, outputPer1M: 0.8 }), 'globex-1': model('globex') },
};

/** A valid scenario whose only chain is `models`; `extra` replaces top-level keys. */
function scenario(models: string[], extra: Partial<Scenario> = {}): Scenario {
  const parsed = parseScenario({
    version: 1,
    workload: { requestsPerDay: 1000, inputTokens: { median: 500, p95: 1500 }, outputTokens: { median: 200, p95: 800 } },
    routing: { chains: [{ weight: 1, models }] },
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

function resolved(s: Scenario, catalog: SpecCatalog = CATALOG) {
  const result = resolveScenario(s, catalog);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

function errorsOf(s: Scenario, catalog: SpecCatalog = CATALOG): string[] {
  const result = resolveScenario(s, catalog);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('catalog merge: overrides per key', () => {
  it('keeps catalog values for absent keys and replaces present ones', () => {
    const input = resolved(scenario(['acme-large'], { models: { 'acme-large': { inputPer1M: 3, ttftMs: 250 } } }));
    // cachedInputPer1M is a key of its own: overriding the input price does not re-derive it (§3.0).
    expect(input.models['acme-large']).toEqual({ ...model('acme'), inputPer1M: 3, ttftMs: 250 });
  });

  it('replaces whole values: slaCredits and provisioned are not merged', () => {
    const input = resolved(
      scenario(['acme-large'], {
        providers: { acme: { slaCredits: [{ belowPct: 95, creditPct: 100 }] } },
        models: { 'acme-large': { provisioned: { monthlyPrice: 10, capacityTPM: 20 } } },
      }),
    );
    expect(input.providers.acme?.slaCredits).toEqual([{ belowPct: 95, creditPct: 100 }]);
    expect(input.models['acme-large']?.provisioned).toEqual({ monthlyPrice: 10, capacityTPM: 20 });
    expect(input.providers.acme?.availability).toBe(0.999);
  });

  it('treats an explicit null as a value: unlimited limits, no provisioned capacity', () => {
    const input = resolved(scenario(['acme-large'], { models: { 'acme-large': { rpm: null, tpm: null, maxConcurrency: null, provisioned: null } } }));
    expect(input.models['acme-large']).toMatchObject({ rpm: null, tpm: null, maxConcurrency: null, provisioned: null, limitWindowSec: 60 });
  });

  it('can move a catalog model to another provider', () => {
    const input = resolved(scenario(['acme-large'], { models: { 'acme-large': { provider: 'globex' } } }));
    expect(Object.keys(input.providers)).toEqual(['globex']);
  });

  it('never aliases the catalog or the scenario', () => {
    const s = scenario(['acme-large']);
    const input = resolved(s);
    input.providers.acme?.slaCredits.push({ belowPct: 50, creditPct: 50 });
    input.models['acme-large']!.provisioned!.monthlyPrice = 1;
    input.routing.chains[0]!.models.push('x');
    expect(CATALOG.providers.acme?.slaCredits).toHaveLength(2);
    expect(CATALOG.models['acme-large']?.provisioned?.monthlyPrice).toBe(5000);
    expect(s.routing.chains[0]?.models).toEqual(['acme-large']);
  });
});

describe('new ids', () => {
  it('reports every missing required field with its path', () => {
    const errors = errorsOf(
      scenario(['foo'], {
        providers: { newco: { meanOutageMinutes: 10 } },
        models: { foo: { provider: 'acme', outputPer1M: 1, ttftMs: 100 } },
      }),
    );
    expect(errors).toEqual(['providers.newco.availability: required', 'models.foo.inputPer1M: required', 'models.foo.tokensPerSec: required']);
  });

  it('fills provider and model defaults, cached = input price, batch = half the realtime prices', () => {
    const input = resolved(
      scenario(['foo'], {
        providers: { newco: { availability: 0.98 } },
        models: { foo: { provider: 'newco', inputPer1M: 0.3, outputPer1M: 1.2, ttftMs: 300, tokensPerSec: 70 } },
      }),
    );
    expect(input.providers.newco).toEqual({ ...PROVIDER_DEFAULTS, availability: 0.98 });
    expect(input.models.foo).toEqual({
      ...MODEL_DEFAULTS,
      provider: 'newco',
      inputPer1M: 0.3,
      outputPer1M: 1.2,
      cachedInputPer1M: 0.3,
      batchInputPer1M: 0.15, // 0.5 × 0.3
      batchOutputPer1M: 0.6, // 0.5 × 1.2
      ttftMs: 300,
      tokensPerSec: 70,
    });
  });

  it('keeps explicit cached and batch prices of a new model', () => {
    const input = resolved(
      scenario(['foo'], {
        models: { foo: { provider: 'acme', inputPer1M: 1, outputPer1M: 2, cachedInputPer1M: 0, batchInputPer1M: 0.9, batchOutputPer1M: 0, ttftMs: 1, tokensPerSec: 1 } },
      }),
    );
    expect(input.models.foo).toMatchObject({ cachedInputPer1M: 0, batchInputPer1M: 0.9, batchOutputPer1M: 0 });
  });

  it('validates unreferenced entries of the scenario maps too', () => {
    const errors = errorsOf(
      scenario(['acme-large'], {
        providers: { spare: {} },
        models: { orphan: { provider: 'nowhere', inputPer1M: 1, outputPer1M: 1, ttftMs: 1, tokensPerSec: 1 } },
      }),
    );
    expect(errors).toEqual(['providers.spare.availability: required', 'models.orphan.provider: unknown provider "nowhere"']);
  });
});

describe('unknown ids', () => {
  it('names the chain position of an unknown model', () => {
    const s = scenario(['acme-large'], {
      routing: {
        chains: [
          { weight: 0.5, models: ['acme-large'] },
          { weight: 0.5, models: ['x', 'acme-small', 'y'] },
        ],
      },
    });
    expect(errorsOf(s)).toEqual(['routing.chains[1].models[0]: unknown model "x"', 'routing.chains[1].models[2]: unknown model "y"']);
  });

  it('does not resolve ids through Object.prototype', () => {
    expect(errorsOf(scenario(['constructor']))).toEqual(['routing.chains[0].models[0]: unknown model "constructor"']);
    const s = scenario(['m'], { models: { m: { provider: 'toString', inputPer1M: 1, outputPer1M: 1, ttftMs: 1, tokensPerSec: 1 } } });
    expect(errorsOf(s)).toEqual(['models.m.provider: unknown provider "toString"']);
  });

  it('resolves ids named like Object.prototype members when they are defined', () => {
    const s = scenario(['constructor'], {
      providers: { toString: { availability: 1 } },
      models: { constructor: { provider: 'toString', inputPer1M: 1, outputPer1M: 1, ttftMs: 1, tokensPerSec: 1 } },
    });
    expect(Object.keys(resolved(s, EMPTY).models)).toEqual(['constructor']);
  });

  it('reports a model of an incomplete scenario provider once, under the provider', () => {
    const s = scenario(['m'], { providers: { p: {} }, models: { m: { provider: 'p', inputPer1M: 1, outputPer1M: 1, ttftMs: 1, tokensPerSec: 1 } } });
    expect(errorsOf(s, EMPTY)).toEqual(['providers.p.availability: required']);
  });

  it('reports an incomplete scenario model once, under the model, not under the chain', () => {
    const s = scenario(['m'], { models: { m: { provider: 'acme' } } });
    expect(errorsOf(s)).toEqual(['models.m.inputPer1M: required', 'models.m.outputPer1M: required', 'models.m.ttftMs: required', 'models.m.tokensPerSec: required']);
  });

  it('resolves against an empty catalog only what the scenario defines', () => {
    expect(errorsOf(scenario(['acme-large']), EMPTY)).toEqual(['routing.chains[0].models[0]: unknown model "acme-large"']);
  });
});

describe('scope and order (MODEL.md §2)', () => {
  const catalog: SpecCatalog = {
    providers: { p1: provider(), p2: provider(), p3: provider(), unused: provider() },
    models: { a: model('p2'), b: model('p1'), c: model('p3'), d: model('p2'), e: model('unused') },
  };

  it('keeps only models and providers in scope, in order of first appearance', () => {
    const input = resolved(
      scenario(['d'], {
        routing: {
          chains: [
            { weight: 0.25, models: ['d', 'b'] },
            { weight: 0.75, models: ['c', 'b', 'a'] },
          ],
        },
      }),
      catalog,
    );
    expect(Object.keys(input.models)).toEqual(['d', 'b', 'c', 'a']);
    expect(Object.keys(input.providers)).toEqual(['p2', 'p1', 'p3']);
  });

  it('orders by the chains, not by the scenario maps', () => {
    const input = resolved(scenario(['b', 'a'], { models: { a: { ttftMs: 1 }, b: { ttftMs: 2 } } }), catalog);
    expect(Object.keys(input.models)).toEqual(['b', 'a']);
    expect(Object.keys(input.providers)).toEqual(['p1', 'p2']);
  });

  it('allows at most 8 providers and 16 models in scope', () => {
    const many: SpecCatalog = { providers: {}, models: {} };
    for (let i = 0; i < 17; i++) {
      many.providers[`p${i}`] = provider();
      many.models[`m${i}`] = model(i < 16 ? `p${i % 8}` : 'p8'); // m0-m15 use 8 providers, m16 a ninth
    }
    const chains = (ids: string[]) => {
      const count = Math.ceil(ids.length / 5);
      return Array.from({ length: count }, (_, i) => ({ weight: 1 / count, models: ids.slice(i * 5, i * 5 + 5) }));
    };
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

    expect(resolveScenario(scenario([], { routing: { chains: chains(ids(16)) } }), many).ok).toBe(true);
    expect(errorsOf(scenario([], { routing: { chains: chains(ids(17)) } }), many)).toEqual([
      'routing.chains: uses 9 distinct providers, at most 8 allowed',
      'routing.chains: uses 17 distinct models, at most 16 allowed',
    ]);
  });
});

describe('defaults', () => {
  it('fills every default of §3.1, §3.5 and §3.6', () => {
    const input = resolved(scenario(['acme-large', 'globex-1']));
    expect(input.workload).toEqual({
      ...WORKLOAD_DEFAULTS,
      requestsPerDay: 1000,
      inputTokens: { median: 500, p95: 1500, cap: null },
      outputTokens: { median: 200, p95: 800, cap: null },
    });
    expect(input.routing).toEqual({
      chains: [{ weight: 1, models: ['acme-large', 'globex-1'], maxRetries: [0, 0] }],
      timeoutMs: null,
      backoff: { baseMs: 100, multiplier: 2, capMs: null, jitter: 'none' },
      failoverOn: [],
      failoverDelayMs: 0,
    });
    expect(input.costs).toEqual(COSTS_DEFAULTS);
    expect(input.outageCorrelation).toBe(0);
    expect(input.latencyTarget).toEqual({ ms: 500, measure: 'firstToken' });
    expect(input.horizonMonths).toBe(6);
    expect(input).not.toHaveProperty('monteCarlo');
    expect(input).not.toHaveProperty('name');
  });

  it('takes commonOutageMinutes as the shortest mean outage among providers in scope', () => {
    // acme 45 min, globex 20 min; globex out of scope → 45.
    expect(resolved(scenario(['acme-large'])).commonOutageMinutes).toBe(45);
    expect(resolved(scenario(['acme-large', 'globex-1'])).commonOutageMinutes).toBe(20);
    expect(resolved(scenario(['acme-large', 'globex-1'], { commonOutageMinutes: 90 })).commonOutageMinutes).toBe(90);
  });

  it('resolves per-position retries: null or absent = the routing value', () => {
    const s = scenario([], {
      routing: {
        maxRetries: 2,
        chains: [
          { weight: 0.5, models: ['acme-large', 'globex-1', 'acme-small'], maxRetries: [null, 0, 5] },
          { weight: 0.5, models: ['globex-1'] },
        ],
      },
    });
    expect(resolved(s).routing.chains.map((c) => c.maxRetries)).toEqual([[2, 0, 5], [2]]);
  });

  it('keeps written values, fills partial sub-objects and adds Monte Carlo only when asked', () => {
    const input = resolved(
      scenario(['acme-large'], {
        name: 'n',
        routing: { chains: [{ weight: 1, models: ['acme-large'] }], timeoutMs: 30_000, backoff: { jitter: 'full' } },
        costs: { downtimeCostPerMinute: 50 },
        latencyTarget: { measure: 'fullResponse' },
        monteCarlo: { seed: 7 },
      }),
    );
    expect(input.name).toBe('n');
    expect(input.routing.timeoutMs).toBe(30_000);
    expect(input.routing.backoff).toEqual({ baseMs: 100, multiplier: 2, capMs: null, jitter: 'full' });
    expect(input.costs).toEqual({ ...COSTS_DEFAULTS, downtimeCostPerMinute: 50 });
    expect(input.latencyTarget).toEqual({ ms: 500, measure: 'fullResponse' });
    expect(input.monteCarlo).toEqual({ trials: 2000, seed: 7 });
  });
});

describe('prepareScenario', () => {
  it('returns schema errors with their path before resolving', () => {
    const result = prepareScenario({ version: 1, workload: {}, routing: { chains: [] } }, CATALOG);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain('workload.requestsPerDay: required');
  });

  it('returns resolve errors for a schema-valid scenario', () => {
    const result = prepareScenario({ ...scenario(['nope']) }, CATALOG);
    expect(result).toEqual({ ok: false, errors: ['routing.chains[0].models[0]: unknown model "nope"'] });
  });

  const simulateExamples = examples.examples.flatMap((e): [string, unknown][] => {
    const input = e.input as Record<string, unknown>;
    if (e.id === 'E3') return [['E3', input.scenario]];
    if (e.id === 'E8') return [['E8 provisioned', input.provisioned], ['E8 payg', input.payg]];
    return e.fn === 'simulate' ? [[e.id, input]] : [];
  });

  it.each(simulateExamples)('resolves worked example %s against an empty catalog', (_, input) => {
    const result = prepareScenario(input, EMPTY);
    expect(result.ok).toBe(true);
  });

  it('resolves the 12-month three-chain fixture without the catalog', () => {
    const result = prepareScenario(threeChain, EMPTY);
    expect(result.ok && Object.keys(result.value.providers)).toHaveLength(3);
  });
});

describe('resolveScenario properties (generated valid scenarios)', () => {
  const RUNS = { numRuns: 1000, seed: 20261124 } as const;

  /** Paths of undefined values or non-finite numbers: an EngineInput must have neither. */
  function holes(value: unknown, at = 'input'): string[] {
    if (value === undefined) return [at];
    if (typeof value === 'number') return Number.isFinite(value) ? [] : [at];
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, child]) => holes(child, `${at}.${key}`));
  }

  it('resolves every valid, complete scenario against an empty catalog: scope in order, nothing undefined', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = resolved(s, EMPTY);
        const chainModels = [...new Set(s.routing.chains.flatMap((c) => c.models))];
        const chainProviders = [...new Set(chainModels.map((id) => s.models![id]!.provider!))];
        // Insertion order = first appearance; JS lists integer-like keys ("7") first whatever the insertion order,
        // which is why the engine takes its order from the chains, not from these records.
        const recordOrder = (ids: string[]) => Object.keys(Object.fromEntries(ids.map((id) => [id, 0])));
        expect(Object.keys(input.models)).toEqual(recordOrder(chainModels));
        expect(Object.keys(input.providers)).toEqual(recordOrder(chainProviders));
        for (const id of chainModels) expect(input.models[id]).toEqual(s.models![id]);
        expect(input.commonOutageMinutes).toBe(s.commonOutageMinutes);
        expect(holes(input)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('gives a complete scenario the same input whatever the catalog holds under the same ids', () => {
    const catalogFor = (s: Scenario, tweak: number): SpecCatalog => ({
      providers: Object.fromEntries(Object.entries(s.providers!).map(([id, p]) => [id, { ...(p as ProviderSpec), availability: tweak, slaCredits: [] }])),
      models: Object.fromEntries(Object.entries(s.models!).map(([id, m]) => [id, { ...(m as ModelSpec), inputPer1M: tweak, provisioned: null }])),
    });
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, tweak) => {
        const alone = resolved(s, EMPTY);
        expect(resolved(s, catalogFor(s, tweak))).toEqual(alone);
        // The same specs coming from the catalog instead of the scenario resolve identically.
        const { providers, models, ...withoutMaps } = s;
        expect(resolved(withoutMaps as Scenario, { providers: providers as Record<string, ProviderSpec>, models: models as Record<string, ModelSpec> })).toEqual(alone);
      }),
      RUNS,
    );
  });
});
