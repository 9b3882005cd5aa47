import type { EngineInput } from '@/lib/engine/types';
import type { ModelEntry, ProviderEntry, Scenario } from '@/lib/scenario/schema';
import { PlannerInputError } from './candidates';

/**
 * Numeric inputs of a Scenario addressed by dotted path (`workload.requestsPerDay`, `models.gpt-4.1.inputPer1M`,
 * `providers.openai.availability`, `costs.downtimeCostPerMinute`): read from the resolved input (defaults and the
 * catalog merge applied, MODEL.md §3.0) and written back as a scenario override. Ids may contain dots: the field is
 * the known suffix.
 */

const WORKLOAD_FIELDS = ['requestsPerDay', 'monthlyGrowthPct', 'peakToAvg', 'peakHoursPerDay', 'cachedShare', 'batchShare', 'arrivalDispersion'] as const;
const TOKEN_FIELDS = ['median', 'p95', 'cap'] as const;
export const MODEL_FIELDS = [
  'inputPer1M',
  'outputPer1M',
  'cachedInputPer1M',
  'batchInputPer1M',
  'batchOutputPer1M',
  'transientErrorRate',
  'rpm',
  'tpm',
  'ttftMs',
  'tokensPerSec',
  'provisioned.monthlyPrice',
  'provisioned.capacityTPM',
] as const;
export const PROVIDER_FIELDS = ['availability', 'integrationHours', 'maintenanceHoursPerMonth'] as const;
const COST_FIELDS = ['engineeringHourlyRate', 'aggregatorFeePct', 'platformFeeMonthly', 'downtimeCostPerMinute', 'failedRequestCost'] as const;

export type InputPath =
  | { kind: 'workload'; field: (typeof WORKLOAD_FIELDS)[number] }
  | { kind: 'tokens'; which: 'inputTokens' | 'outputTokens'; field: (typeof TOKEN_FIELDS)[number] }
  | { kind: 'model'; id: string; field: (typeof MODEL_FIELDS)[number] }
  | { kind: 'provider'; id: string; field: (typeof PROVIDER_FIELDS)[number] }
  | { kind: 'costs'; field: (typeof COST_FIELDS)[number] }
  | { kind: 'correlation' };

export function formatPath(path: InputPath): string {
  switch (path.kind) {
    case 'workload':
      return `workload.${path.field}`;
    case 'tokens':
      return `workload.${path.which}.${path.field}`;
    case 'model':
      return `models.${path.id}.${path.field}`;
    case 'provider':
      return `providers.${path.id}.${path.field}`;
    case 'costs':
      return `costs.${path.field}`;
    case 'correlation':
      return 'outageCorrelation';
  }
}

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Parse a dotted path; throws PlannerInputError naming `flag`. */
export function parsePath(text: string, flag: string): InputPath {
  if (text === 'outageCorrelation') return { kind: 'correlation' };
  const [head, ...rest] = text.split('.');
  const tail = rest.join('.');
  if (head === 'workload') {
    if (includes(WORKLOAD_FIELDS, tail)) return { kind: 'workload', field: tail };
    const [which, field] = rest;
    if ((which === 'inputTokens' || which === 'outputTokens') && rest.length === 2 && field && includes(TOKEN_FIELDS, field)) return { kind: 'tokens', which, field };
  }
  if (head === 'costs' && includes(COST_FIELDS, tail)) return { kind: 'costs', field: tail };
  if (head === 'models' || head === 'providers') {
    const fields: readonly string[] = head === 'models' ? MODEL_FIELDS : PROVIDER_FIELDS;
    const field = fields.find((f) => tail.endsWith(`.${f}`) && tail.length > f.length + 1);
    if (field) {
      const id = tail.slice(0, tail.length - field.length - 1);
      return head === 'models' ? { kind: 'model', id, field: field as (typeof MODEL_FIELDS)[number] } : { kind: 'provider', id, field: field as (typeof PROVIDER_FIELDS)[number] };
    }
  }
  throw new PlannerInputError(`${flag}: unknown input "${text}" (e.g. workload.requestsPerDay, models.<id>.inputPer1M, providers.<id>.availability, costs.engineeringHourlyRate)`);
}

/** The value the engine uses for this input (null = ∞ or absent, e.g. no provisioned capacity). */
export function readInput(input: EngineInput, path: InputPath, flag: string): number | null {
  switch (path.kind) {
    case 'workload':
      return input.workload[path.field];
    case 'tokens':
      return input.workload[path.which][path.field];
    case 'model': {
      const model = input.models[path.id];
      if (!model) throw new PlannerInputError(`${flag}: model "${path.id}" is not routed in the scenario`);
      if (path.field === 'provisioned.monthlyPrice') return model.provisioned?.monthlyPrice ?? null;
      if (path.field === 'provisioned.capacityTPM') return model.provisioned?.capacityTPM ?? null;
      return model[path.field];
    }
    case 'provider': {
      const provider = input.providers[path.id];
      if (!provider) throw new PlannerInputError(`${flag}: provider "${path.id}" is not used by the scenario's routing`);
      return provider[path.field];
    }
    case 'costs':
      return input.costs[path.field];
    case 'correlation':
      return input.outageCorrelation;
  }
}

/** The range a value is clamped to (fractions to [0, 1], percentages to [0, 100], MODEL.md §3). */
export function inputRange(input: EngineInput, path: InputPath): { min: number; max: number } {
  const w = input.workload;
  switch (path.kind) {
    case 'workload':
      if (path.field === 'cachedShare' || path.field === 'batchShare') return { min: 0, max: 1 };
      if (path.field === 'peakToAvg') return { min: 1, max: Math.min(24, 24 / w.peakHoursPerDay) };
      if (path.field === 'peakHoursPerDay') return { min: 0.01, max: Math.min(23.99, 24 / w.peakToAvg) };
      if (path.field === 'arrivalDispersion') return { min: 1, max: 1000 };
      if (path.field === 'monthlyGrowthPct') return { min: -99.99, max: 1000 };
      return { min: 0, max: 1e10 };
    case 'tokens': {
      const d = w[path.which];
      if (path.field === 'median') return { min: 1e-6, max: d.p95 };
      if (path.field === 'p95') return { min: d.median, max: 1e8 };
      return { min: 1, max: 1e8 };
    }
    case 'model':
      if (path.field === 'transientErrorRate') return { min: 0, max: 1 };
      if (path.field === 'tokensPerSec') return { min: 1e-6, max: 1e6 };
      return { min: 0, max: 1e12 };
    case 'provider':
      return path.field === 'availability' ? { min: 0, max: 1 } : { min: 0, max: 1e5 };
    case 'costs':
      return path.field === 'aggregatorFeePct' ? { min: 0, max: 100 } : { min: 0, max: 1e9 };
    case 'correlation':
      return { min: 0, max: 1 };
  }
}

/** The scenario with this input set to `value` (an override; nothing else changes). */
export function writeInput(scenario: Scenario, input: EngineInput, path: InputPath, value: number): Scenario {
  switch (path.kind) {
    case 'workload':
      return { ...scenario, workload: { ...scenario.workload, [path.field]: value } };
    case 'tokens':
      return { ...scenario, workload: { ...scenario.workload, [path.which]: { ...scenario.workload[path.which], [path.field]: value } } };
    case 'model': {
      const own: ModelEntry = { ...(scenario.models?.[path.id] ?? {}) };
      if (path.field === 'provisioned.monthlyPrice' || path.field === 'provisioned.capacityTPM') {
        const current = input.models[path.id]?.provisioned ?? { monthlyPrice: 0, capacityTPM: 1 };
        own.provisioned = { ...current, [path.field === 'provisioned.monthlyPrice' ? 'monthlyPrice' : 'capacityTPM']: value };
      } else {
        own[path.field] = value;
      }
      return { ...scenario, models: { ...(scenario.models ?? {}), [path.id]: own } };
    }
    case 'provider': {
      const own: ProviderEntry = { ...(scenario.providers?.[path.id] ?? {}), [path.field]: value };
      return { ...scenario, providers: { ...(scenario.providers ?? {}), [path.id]: own } };
    }
    case 'costs':
      return { ...scenario, costs: { ...(scenario.costs ?? {}), [path.field]: value } };
    case 'correlation':
      return { ...scenario, outageCorrelation: value };
  }
}

/** Every input the sensitivity analysis swings (issue 11): workload, routed models and providers, costs, correlation. */
export function sensitivityPaths(input: EngineInput): InputPath[] {
  const paths: InputPath[] = [];
  for (const field of WORKLOAD_FIELDS) paths.push({ kind: 'workload', field });
  for (const which of ['inputTokens', 'outputTokens'] as const) for (const field of TOKEN_FIELDS) paths.push({ kind: 'tokens', which, field });
  for (const [id, model] of Object.entries(input.models)) {
    const fields: (typeof MODEL_FIELDS)[number][] = ['inputPer1M', 'outputPer1M', 'cachedInputPer1M', 'transientErrorRate'];
    if (input.workload.batchShare > 0) fields.push('batchInputPer1M', 'batchOutputPer1M');
    if (model.rpm !== null) fields.push('rpm');
    if (model.tpm !== null) fields.push('tpm');
    if (model.provisioned) fields.push('provisioned.monthlyPrice', 'provisioned.capacityTPM');
    for (const field of fields) paths.push({ kind: 'model', id, field });
  }
  for (const id of Object.keys(input.providers)) for (const field of PROVIDER_FIELDS) paths.push({ kind: 'provider', id, field });
  for (const field of COST_FIELDS) paths.push({ kind: 'costs', field });
  paths.push({ kind: 'correlation' });
  return paths;
}
