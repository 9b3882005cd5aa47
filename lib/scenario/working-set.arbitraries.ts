/**
 * fast-check generators of stored working sets and a realistic edited preset (test support only; never imported by
 * app code).
 */
import fc from 'fast-check';
import { scenarioArb } from './arbitraries';
import { PRESET_IDS, presetScenario } from './presets';
import type { Scenario } from './schema';
import type { WorkingSetDocument } from './working-set';

/** The value as plain JSON data: -0 becomes 0 (the model treats them alike, see ADR 005), prototypes become Object's. */
export function withoutNegativeZero<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const OPTIONAL_SCENARIO_KEYS = ['name', 'providers', 'models', 'costs', 'outageCorrelation', 'commonOutageMinutes', 'latencyTarget', 'horizonMonths', 'monteCarlo'] as const;

/**
 * Valid scenarios as links carry them: every optional field present or absent, and the provider/model maps either
 * complete (up to 8 and 16 entries) or trimmed to the few overrides a user typically adds. (Chains may then name
 * catalog models: the schema does not resolve references, `resolveScenario` does.)
 */
export const storedScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    scenario: scenarioArb,
    drops: fc.array(fc.boolean(), { minLength: OPTIONAL_SCENARIO_KEYS.length, maxLength: OPTIONAL_SCENARIO_KEYS.length }),
    keepProviders: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(8)),
    keepModels: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(16)),
  })
  .map(({ scenario, drops, keepProviders, keepModels }) => {
    const sparse: Record<string, unknown> = {
      ...scenario,
      providers: Object.fromEntries(Object.entries(scenario.providers ?? {}).slice(0, keepProviders)),
      models: Object.fromEntries(Object.entries(scenario.models ?? {}).slice(0, keepModels)),
    };
    OPTIONAL_SCENARIO_KEYS.forEach((key, i) => {
      if (drops[i]) delete sparse[key];
    });
    return sparse as Scenario;
  });

const real = (min: number, max: number) => fc.double({ min, max, noNaN: true });

/** A preset with the edits users make most: name, volume, growth, token lengths, cache share, horizon, routing knobs. */
export const editedPresetArb: fc.Arbitrary<Scenario> = fc
  .record({
    id: fc.constantFrom(...PRESET_IDS),
    name: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined }),
    requestsPerDay: real(0, 1e10),
    monthlyGrowthPct: real(-99, 1000),
    inputMedian: real(1, 1e5),
    inputSpread: real(1, 10),
    cachedShare: real(0, 1),
    horizonMonths: fc.integer({ min: 1, max: 60 }),
    maxRetries: fc.integer({ min: 0, max: 10 }),
    timeoutMs: fc.option(real(1, 3.6e6), { nil: null }),
    seed: fc.integer({ min: 0, max: 4294967295 }),
  })
  .map((edit) => {
    const preset = presetScenario(edit.id);
    const scenario: Scenario = {
      ...preset,
      workload: {
        ...preset.workload,
        requestsPerDay: edit.requestsPerDay,
        monthlyGrowthPct: edit.monthlyGrowthPct,
        inputTokens: { median: edit.inputMedian, p95: Math.min(1e8, edit.inputMedian * edit.inputSpread) },
        cachedShare: edit.cachedShare,
      },
      routing: { ...preset.routing, maxRetries: edit.maxRetries, timeoutMs: edit.timeoutMs },
      horizonMonths: edit.horizonMonths,
      monteCarlo: { trials: 1000, seed: edit.seed },
    };
    if (edit.name === undefined) delete scenario.name;
    else scenario.name = edit.name;
    return scenario;
  });

/**
 * Working sets of 1-4 scenarios, mostly edited presets (what links carry) and one in three an arbitrary valid
 * scenario. Plain JSON data (fast-check may build objects with a null prototype; -0 would become 0, see ADR 005).
 */
export const workingSetArb: fc.Arbitrary<WorkingSetDocument> = fc
  .array(fc.oneof({ arbitrary: editedPresetArb, weight: 2 }, { arbitrary: storedScenarioArb, weight: 1 }), { minLength: 1, maxLength: 4 })
  .chain((scenarios) => fc.record({ scenarios: fc.constant(scenarios), active: fc.integer({ min: 0, max: scenarios.length - 1 }) }))
  .map((workingSet) => withoutNegativeZero(workingSet));

/** The support-chatbot preset as a user leaves it after a few edits. */
export function editedPreset(): Scenario {
  const preset = presetScenario('support-chatbot');
  return {
    ...preset,
    name: 'Support bot — Q3 plan (EU traffic)',
    workload: { ...preset.workload, requestsPerDay: 125_000, monthlyGrowthPct: 8, outputTokens: { median: 180, p95: 600, cap: 1_024 } },
    routing: {
      ...preset.routing,
      chains: [
        { weight: 0.7, models: ['claude-haiku-4-5', 'gpt-4o-mini'] },
        { weight: 0.3, models: ['gemini-2.5-flash', 'gpt-4o-mini'] },
      ],
      maxRetries: 2,
      timeoutMs: 10_000,
    },
    costs: { ...preset.costs, engineeringHourlyRate: 140, platformFeeMonthly: 250 },
    models: { 'gpt-4o-mini': { inputPer1M: 0.14 } },
    horizonMonths: 12,
    monteCarlo: { trials: 2000, seed: 42 },
  };
}

