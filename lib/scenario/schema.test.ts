import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import examples from '@/lib/cli/__fixtures__/model-examples.json';
import { entityIdArb, scenarioArb } from './arbitraries';
import threeChain from './fixtures/three-chain-12-month.json';
import { formatFieldPath, parseScenario, type Scenario } from './schema';

/** Property runs: ≥ 1,000 with a fixed seed, so a failure reproduces. */
const RUNS = { numRuns: 1000, seed: 20261124 } as const;

/**
 * Placeholders in field paths: a provider with an SLA tier and a model with a `provisioned` block (the generator
 * guarantees one of each; not necessarily the first key, since integer-like ids such as "2" sort first in JS objects).
 */
const PROVIDER = Symbol('provider');
const MODEL = Symbol('model');
type PathTemplate = (string | number | typeof PROVIDER | typeof MODEL)[];

interface NumericField {
  path: PathTemplate;
  min: number;
  max: number;
  minExcluded?: boolean;
  maxExcluded?: boolean;
  integer?: boolean;
  nullable?: boolean;
}

/** Every numeric field of MODEL.md §3.1-§3.6 with its range. */
const NUMERIC_FIELDS: NumericField[] = [
  { path: ['workload', 'requestsPerDay'], min: 0, max: 1e10 },
  { path: ['workload', 'monthlyGrowthPct'], min: -100, max: 1000, minExcluded: true },
  { path: ['workload', 'peakToAvg'], min: 1, max: 24 },
  { path: ['workload', 'peakHoursPerDay'], min: 0, max: 24, minExcluded: true, maxExcluded: true },
  ...(['inputTokens', 'outputTokens'] as const).flatMap((key): NumericField[] => [
    { path: ['workload', key, 'median'], min: 0, max: 1e7, minExcluded: true },
    { path: ['workload', key, 'p95'], min: 0, max: 1e8 },
    { path: ['workload', key, 'cap'], min: 1, max: 1e8, nullable: true },
  ]),
  { path: ['workload', 'cachedShare'], min: 0, max: 1 },
  { path: ['workload', 'batchShare'], min: 0, max: 1 },
  { path: ['workload', 'arrivalDispersion'], min: 1, max: 1000 },
  { path: ['workload', 'dailyVolumeCV'], min: 0, max: 5 },
  { path: ['workload', 'inputDriftCV'], min: 0, max: 5 },
  { path: ['workload', 'outputDriftCV'], min: 0, max: 5 },
  { path: ['providers', PROVIDER, 'availability'], min: 0, max: 1 },
  { path: ['providers', PROVIDER, 'meanOutageMinutes'], min: 0, max: 1e5, minExcluded: true },
  { path: ['providers', PROVIDER, 'outageDetectMs'], min: 0, max: 3.6e6 },
  { path: ['providers', PROVIDER, 'slaCredits', 0, 'belowPct'], min: 0, max: 100, minExcluded: true },
  { path: ['providers', PROVIDER, 'slaCredits', 0, 'creditPct'], min: 0, max: 100 },
  { path: ['providers', PROVIDER, 'integrationHours'], min: 0, max: 1e5 },
  { path: ['providers', PROVIDER, 'maintenanceHoursPerMonth'], min: 0, max: 1e4 },
  ...(['inputPer1M', 'outputPer1M', 'cachedInputPer1M', 'batchInputPer1M', 'batchOutputPer1M'] as const).map(
    (key): NumericField => ({ path: ['models', MODEL, key], min: 0, max: 1e4 }),
  ),
  { path: ['models', MODEL, 'ttftMs'], min: 0, max: 6e5 },
  { path: ['models', MODEL, 'tokensPerSec'], min: 0, max: 1e6, minExcluded: true },
  { path: ['models', MODEL, 'rpm'], min: 0, max: 1e9, nullable: true },
  { path: ['models', MODEL, 'tpm'], min: 0, max: 1e12, nullable: true },
  { path: ['models', MODEL, 'maxConcurrency'], min: 1, max: 1e6, integer: true, nullable: true },
  { path: ['models', MODEL, 'limitWindowSec'], min: 1, max: 3600 },
  { path: ['models', MODEL, 'transientErrorRate'], min: 0, max: 1 },
  { path: ['models', MODEL, 'fastFailMs'], min: 0, max: 6e5 },
  { path: ['models', MODEL, 'provisioned', 'monthlyPrice'], min: 0, max: 1e9 },
  { path: ['models', MODEL, 'provisioned', 'capacityTPM'], min: 0, max: 1e12, minExcluded: true },
  { path: ['routing', 'chains', 0, 'weight'], min: 0, max: 1, minExcluded: true },
  { path: ['routing', 'chains', 0, 'maxRetries', 0], min: 0, max: 10, integer: true, nullable: true },
  { path: ['routing', 'maxRetries'], min: 0, max: 10, integer: true },
  { path: ['routing', 'timeoutMs'], min: 0, max: 3.6e6, minExcluded: true, nullable: true },
  { path: ['routing', 'backoff', 'baseMs'], min: 0, max: 6e5 },
  { path: ['routing', 'backoff', 'multiplier'], min: 1, max: 10 },
  { path: ['routing', 'backoff', 'capMs'], min: 0, max: 3.6e6, nullable: true },
  { path: ['routing', 'failoverDelayMs'], min: 0, max: 6e5 },
  { path: ['costs', 'engineeringHourlyRate'], min: 0, max: 1e4 },
  { path: ['costs', 'aggregatorFeePct'], min: 0, max: 100 },
  { path: ['costs', 'platformFeeMonthly'], min: 0, max: 1e9 },
  { path: ['costs', 'downtimeCostPerMinute'], min: 0, max: 1e9 },
  { path: ['costs', 'failedRequestCost'], min: 0, max: 1e6 },
  { path: ['outageCorrelation'], min: 0, max: 1 },
  { path: ['commonOutageMinutes'], min: 0, max: 1e5, minExcluded: true },
  { path: ['latencyTarget', 'ms'], min: 0, max: 3.6e6, minExcluded: true },
  { path: ['horizonMonths'], min: 1, max: 60, integer: true },
  { path: ['monteCarlo', 'trials'], min: 1, max: 100000, integer: true },
  { path: ['monteCarlo', 'seed'], min: 0, max: 4294967295, integer: true },
];

/** The objects of a scenario that are strict (unknown keys rejected), as path templates. */
const STRICT_OBJECTS: PathTemplate[] = [
  [],
  ['workload'],
  ['workload', 'inputTokens'],
  ['workload', 'outputTokens'],
  ['providers', PROVIDER],
  ['providers', PROVIDER, 'slaCredits', 0],
  ['models', MODEL],
  ['models', MODEL, 'provisioned'],
  ['routing'],
  ['routing', 'chains', 0],
  ['routing', 'backoff'],
  ['costs'],
  ['latencyTarget'],
  ['monteCarlo'],
];

function concretePath(template: PathTemplate, scenario: Scenario): (string | number)[] {
  return template.map((key) => {
    if (key === PROVIDER) return Object.entries(scenario.providers ?? {}).find(([, p]) => (p.slaCredits?.length ?? 0) > 0)![0];
    if (key === MODEL) return Object.entries(scenario.models ?? {}).find(([, m]) => m.provisioned)![0];
    return key;
  });
}

/** Own-property write, so that keys such as `__proto__` become real keys as they would from JSON.parse. */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of `scenario` with the value at `path` replaced by `value`. */
function withValue(scenario: Scenario, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(scenario) as unknown as Record<string | number, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  setOwn(target, path.at(-1)!, value);
  return copy;
}

function errorLines(input: unknown): string[] {
  const result = parseScenario(input);
  return result.ok ? [] : result.errors.flatMap((e) => e.split('\n'));
}

/** Values outside a field's range: beyond each bound, an excluded bound itself, non-integers, non-finite, wrong types. */
function invalidValueArb(field: NumericField): fc.Arbitrary<unknown> {
  const scale = (bound: number) => Math.max(1, Math.abs(bound));
  const options: fc.Arbitrary<unknown>[] = [
    fc.double({ min: 1e-9, max: 1e6, noNaN: true }).map((f) => field.min - f * scale(field.min)),
    fc.double({ min: 1e-9, max: 1e6, noNaN: true }).map((f) => field.max + f * scale(field.max)),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1', true, {}, [], ...(field.nullable ? [] : [null])),
  ];
  if (field.minExcluded) options.push(fc.constant(field.min));
  if (field.maxExcluded) options.push(fc.constant(field.max));
  if (field.integer) options.push(fc.integer({ min: field.min, max: field.max - 1 }).map((k) => k + 0.5));
  return fc.oneof(...options);
}

describe('ScenarioSchema: ranges (MODEL.md §3.0-§3.6)', () => {
  it('accepts every generated valid scenario', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        expect(errorLines(scenario)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('rejects a field pushed out of range with a message starting with its path', () => {
    const caseArb = fc.constantFrom(...NUMERIC_FIELDS).chain((field) => fc.record({ field: fc.constant(field), value: invalidValueArb(field) }));
    fc.assert(
      fc.property(scenarioArb, caseArb, (scenario, { field, value }) => {
        const path = concretePath(field.path, scenario);
        const prefix = `${formatFieldPath(path)}: `;
        const lines = errorLines(withValue(scenario, path, value));
        expect(lines.some((line) => line.startsWith(prefix)), `${prefix}${String(value)} → ${lines.join(' | ')}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('accepts every inclusive bound (and null where it means ∞) without an error on that field', () => {
    const cases = NUMERIC_FIELDS.flatMap((field) => [
      ...(field.minExcluded ? [] : [{ field, value: field.min as number | null }]),
      ...(field.maxExcluded ? [] : [{ field, value: field.max as number | null }]),
      ...(field.nullable ? [{ field, value: null }] : []),
    ]);
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...cases), (scenario, { field, value }) => {
        const path = concretePath(field.path, scenario);
        const prefix = `${formatFieldPath(path)}: `;
        const lines = errorLines(withValue(scenario, path, value));
        // A p95 of 0 is in range but below the median: that is the cross-field rule's error on the same path.
        const crossField = path.at(-1) === 'p95' && value === 0;
        expect(lines.filter((line) => line.startsWith(prefix) && !crossField)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('names the messages a user reads: required, integer, finite, range', () => {
    const base = fc.sample(scenarioArb, { numRuns: 1, seed: 1 })[0]!;
    const missing = structuredClone(base) as { workload: Partial<Scenario['workload']> };
    delete missing.workload.requestsPerDay;
    expect(errorLines(missing)).toEqual(['workload.requestsPerDay: required']);
    expect(errorLines(withValue(base, ['horizonMonths'], 2.5))).toEqual(['horizonMonths: must be an integer']);
    expect(errorLines(withValue(base, ['outageCorrelation'], Number.NaN))).toEqual(['outageCorrelation: must be a finite number']);
    expect(errorLines(withValue(base, ['outageCorrelation'], '0.5'))).toEqual(['outageCorrelation: expected number']);
    expect(errorLines(withValue(base, ['workload', 'cachedShare'], 1.5))).toEqual(['workload.cachedShare: must be <= 1']);
    expect(errorLines(withValue(base, ['commonOutageMinutes'], 0))).toEqual(['commonOutageMinutes: must be > 0']);
  });
});

describe('ScenarioSchema: strictness', () => {
  const unknownKeyArb = fc.oneof(
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'latencyTargetMs', 'Version', 'cost'),
  );

  it('rejects an unknown key at every level with `path: unknown field`', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...STRICT_OBJECTS), unknownKeyArb, (scenario, template, key) => {
        const objectPath = concretePath(template, scenario);
        const copy = structuredClone(scenario) as unknown as Record<string | number, unknown>;
        let target = copy;
        for (const k of objectPath) target = target[k] as Record<string | number, unknown>;
        fc.pre(!Object.hasOwn(target, key));
        setOwn(target, key, 1);
        expect(errorLines(copy)).toContain(`${formatFieldPath([...objectPath, key])}: unknown field`);
      }),
      RUNS,
    );
  });

  it('rejects provider and model ids that break the id rule, naming the id', () => {
    const badIdArb = fc.string({ maxLength: 130 }).filter((id) => !/^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$/.test(id));
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('providers', 'models'), badIdArb, (scenario, map, id) => {
        const copy = structuredClone(scenario);
        const entries = copy[map] as Record<string, unknown>;
        setOwn(entries, id, structuredClone(Object.values(entries)[0]));
        expect(errorLines(copy).some((line) => line.startsWith(`${formatFieldPath([map, id])}: `))).toBe(true);
      }),
      RUNS,
    );
  });

  it('accepts every valid id', () => {
    fc.assert(
      fc.property(scenarioArb, entityIdArb, (scenario, id) => {
        const copy = structuredClone(scenario);
        fc.pre(!Object.hasOwn(copy.providers ?? {}, id) && Object.keys(copy.providers ?? {}).length < 8);
        setOwn(copy.providers!, id, { availability: 1 });
        expect(errorLines(copy)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('ScenarioSchema: examples', () => {
  const simulateInputs = examples.examples.flatMap((e): [string, unknown][] => {
    const input = e.input as Record<string, unknown>;
    if (e.id === 'E3') return [['E3', input.scenario]];
    if (e.id === 'E8') return [['E8 provisioned', input.provisioned], ['E8 payg', input.payg]];
    return e.fn === 'simulate' ? [[e.id, input]] : [];
  });

  it.each([...simulateInputs, ['three-chain-12-month fixture', threeChain] as [string, unknown]])('accepts %s', (_, input) => {
    expect(errorLines(input)).toEqual([]);
  });

  it('covers all six simulate inputs of model-examples.json', () => {
    expect(simulateInputs.map(([id]) => id)).toEqual(['E1', 'E3', 'E6', 'E7', 'E8 provisioned', 'E8 payg']);
  });
});
