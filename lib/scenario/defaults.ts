import type { Costs, ModelSpec, ProviderSpec } from './schema';

/**
 * The Scenario v1 defaults, limits and enum values of MODEL.md §3 and the field-path format of its errors: plain
 * values with no zod, so that the simulator's first load (which renders a known-valid preset, docs/decisions/007)
 * does not carry the validator. The schema (./schema.ts) builds on these and re-exports them; the types stay there.
 */

export const SCENARIO_SCHEMA_VERSION = 1;

export const WORKLOAD_DEFAULTS = {
  monthlyGrowthPct: 0,
  peakToAvg: 1,
  peakHoursPerDay: 2,
  cachedShare: 0,
  batchShare: 0,
  arrivalDispersion: 1,
  dailyVolumeCV: 0.1,
  inputDriftCV: 0.05,
  outputDriftCV: 0.1,
} as const;

export const PROVIDER_REQUIRED = ['availability'] as const satisfies readonly (keyof ProviderSpec)[];
export const PROVIDER_DEFAULTS = {
  meanOutageMinutes: 60,
  outageDetectMs: 1000,
  contractual: false,
  slaCredits: [],
  integrationHours: 0,
  maintenanceHoursPerMonth: 0,
} as const satisfies Omit<ProviderSpec, (typeof PROVIDER_REQUIRED)[number]>;

export const MODEL_REQUIRED = ['provider', 'inputPer1M', 'outputPer1M', 'ttftMs', 'tokensPerSec'] as const satisfies readonly (keyof ModelSpec)[];
/** Defaults of §3.4; cached and batch prices default from the realtime prices (see `modelDefaults`). */
export const MODEL_DEFAULTS = {
  rpm: null,
  tpm: null,
  maxConcurrency: null,
  limitWindowSec: 60,
  transientErrorRate: 0,
  fastFailMs: 200,
  provisioned: null,
} as const satisfies Partial<ModelSpec>;

export const FAILOVER_TRIGGERS = ['429', '5xx', 'timeout'] as const;
export const JITTER_MODES = ['none', 'full', 'equal', 'decorrelated'] as const;
export const ROUTING_DEFAULTS = {
  maxRetries: 0,
  timeoutMs: null,
  backoff: { baseMs: 100, multiplier: 2, capMs: null, jitter: 'none' },
  failoverOn: [],
  failoverDelayMs: 0,
} as const;

export const COSTS_DEFAULTS = {
  engineeringHourlyRate: 0,
  aggregatorFeePct: 0,
  platformFeeMonthly: 0,
  downtimeCostPerMinute: 0,
  failedRequestCost: 0,
} as const satisfies Required<Omit<Costs, 'priceDriftPctPerMonth' | 'priceMultiplier'>>;

/** Default price drift (ADR 011). Kept out of COSTS_DEFAULTS: the engine input carries it only when a scenario sets it. */
export const PRICE_DRIFT_DEFAULT_PCT = 0;

export const LATENCY_MEASURES = ['firstToken', 'fullResponse'] as const;
export const SCENARIO_DEFAULTS = {
  outageCorrelation: 0,
  latencyTarget: { ms: 500, measure: 'firstToken' },
  horizonMonths: 6,
  monteCarlo: { trials: 2000, seed: 1 },
} as const;

/** Limits of §3.0 on the scenario's own maps. */
export const MAX_PROVIDERS = 8;
export const MAX_MODELS = 16;

/** `routing.chains[1].models[0]` from a zod path (MODEL.md §3.0). */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(scenario)' : out;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

