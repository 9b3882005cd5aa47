// First: no eval-based parsers in the browser (strict CSP, docs/decisions/008-content-security-policy.md).
import '@/lib/security/zod-config';
import { z } from 'zod';
import {
  FAILOVER_TRIGGERS,
  JITTER_MODES,
  LATENCY_MEASURES,
  MAX_MODELS,
  MAX_PROVIDERS,
  SCENARIO_SCHEMA_VERSION,
  WORKLOAD_DEFAULTS,
  formatFieldPath,
  type ParseResult,
} from './defaults';

// The defaults, limits and enum values live in ./defaults (no zod: the simulator's first load needs them, not the
// validator, docs/decisions/007); re-exported here so the schema module stays the one place to import from.
export {
  COSTS_DEFAULTS,
  FAILOVER_TRIGGERS,
  JITTER_MODES,
  LATENCY_MEASURES,
  MAX_MODELS,
  MAX_PROVIDERS,
  MODEL_DEFAULTS,
  MODEL_REQUIRED,
  PRICE_DRIFT_DEFAULT_PCT,
  PROVIDER_DEFAULTS,
  PROVIDER_REQUIRED,
  ROUTING_DEFAULTS,
  SCENARIO_DEFAULTS,
  SCENARIO_SCHEMA_VERSION,
  WORKLOAD_DEFAULTS,
  formatFieldPath,
  type ParseResult,
} from './defaults';

/**
 * Scenario schema version 1: MODEL.md §3. The single source of the scenario types.
 * Strict at every level (unknown keys are errors); ranges inclusive unless noted; `null` means ∞ where MODEL.md says so.
 * Defaults are applied by `resolveScenario` (lib/scenario/resolve.ts), not here, so that an exported scenario keeps
 * exactly what the user wrote and provider/model entries can be partial overrides of the catalog (§3.0).
 */

/** Id rule of §3.3: 1-128 chars of `A-Z a-z 0-9 . _ : / @ + -`, first a letter or digit. */
export const EntityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$/, 'must be 1-128 characters of A-Z a-z 0-9 . _ : / @ + -, starting with a letter or digit');

const num = (min: number, max: number) => z.number().min(min).max(max);
/** Number with an exclusive lower bound (`> min`). */
const numAbove = (min: number, max: number) => z.number().gt(min).max(max);
const int = (min: number, max: number) => z.number().int().min(min).max(max);

// ---- §3.1-3.2 workload -------------------------------------------------------------------------------------------

export const TokenDistributionSchema = z
  .strictObject({
    median: numAbove(0, 1e7),
    p95: num(0, 1e8),
    /** max_tokens / truncation K; null = ∞ */
    cap: num(1, 1e8).nullable().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.p95 < d.median) ctx.addIssue({ code: 'custom', path: ['p95'], message: `must be >= ${d.median}` });
  });
export type TokenDistribution = z.infer<typeof TokenDistributionSchema>;

export const WorkloadSchema = z
  .strictObject({
    requestsPerDay: num(0, 1e10),
    monthlyGrowthPct: numAbove(-100, 1000).optional(),
    peakToAvg: num(1, 24).optional(),
    peakHoursPerDay: z.number().gt(0).lt(24).optional(),
    inputTokens: TokenDistributionSchema,
    outputTokens: TokenDistributionSchema,
    cachedShare: num(0, 1).optional(),
    batchShare: num(0, 1).optional(),
    arrivalDispersion: num(1, 1000).optional(),
    dailyVolumeCV: num(0, 5).optional(),
    inputDriftCV: num(0, 5).optional(),
    outputDriftCV: num(0, 5).optional(),
  })
  .superRefine((w, ctx) => {
    const peak = w.peakToAvg ?? WORKLOAD_DEFAULTS.peakToAvg;
    const hours = w.peakHoursPerDay ?? WORKLOAD_DEFAULTS.peakHoursPerDay;
    if (peak * hours > 24) {
      ctx.addIssue({ code: 'custom', path: ['peakHoursPerDay'], message: `peakToAvg × peakHoursPerDay must be <= 24 (is ${peak * hours})` });
    }
  });
export type Workload = z.infer<typeof WorkloadSchema>;

// ---- §3.3 providers ----------------------------------------------------------------------------------------------

export const SlaCreditTierSchema = z.strictObject({
  belowPct: numAbove(0, 100),
  creditPct: num(0, 100),
});
export type SlaCreditTier = z.infer<typeof SlaCreditTierSchema>;

/** Every provider field of §3.3, all present: the engine-level provider after defaults. */
export const ProviderSpecSchema = z.strictObject({
  availability: num(0, 1),
  meanOutageMinutes: numAbove(0, 100000),
  outageDetectMs: num(0, 3.6e6),
  contractual: z.boolean(),
  slaCredits: z.array(SlaCreditTierSchema).max(10),
  integrationHours: num(0, 1e5),
  maintenanceHoursPerMonth: num(0, 1e4),
  /** Optional (ADR 011): this provider's price drift, % per month, overriding `costs.priceDriftPctPerMonth`. */
  priceDriftPctPerMonth: num(-50, 50).optional(),
});
export type ProviderSpec = z.infer<typeof ProviderSpecSchema>;

/** A scenario's provider entry: an override of a catalog provider, or (new id) a full definition. */
export const ProviderEntrySchema = ProviderSpecSchema.partial();
export type ProviderEntry = z.infer<typeof ProviderEntrySchema>;

// ---- §3.4 models -------------------------------------------------------------------------------------------------

export const ProvisionedSchema = z.strictObject({
  monthlyPrice: num(0, 1e9),
  capacityTPM: numAbove(0, 1e12),
});
export type Provisioned = z.infer<typeof ProvisionedSchema>;

/** Every model field of §3.4, all present (null = ∞ for limits, none for `provisioned`). */
export const ModelSpecSchema = z.strictObject({
  provider: EntityIdSchema,
  inputPer1M: num(0, 1e4),
  outputPer1M: num(0, 1e4),
  cachedInputPer1M: num(0, 1e4),
  batchInputPer1M: num(0, 1e4),
  batchOutputPer1M: num(0, 1e4),
  ttftMs: num(0, 6e5),
  tokensPerSec: numAbove(0, 1e6),
  rpm: num(0, 1e9).nullable(),
  tpm: num(0, 1e12).nullable(),
  maxConcurrency: int(1, 1e6).nullable(),
  limitWindowSec: num(1, 3600),
  transientErrorRate: num(0, 1),
  fastFailMs: num(0, 6e5),
  provisioned: ProvisionedSchema.nullable(),
  /** Optional (ADR 011): p95 time to first token; with it `ttftMs` is the median of a lognormal. null = point mass. */
  ttftP95Ms: num(0, 6e5).nullable().optional(),
  /** Optional (ADR 011): prompt processing speed; TTFT grows by 1000·E[input tokens]/prefillTokensPerSec ms. */
  prefillTokensPerSec: numAbove(0, 1e7).optional(),
});
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

export const ModelEntrySchema = ModelSpecSchema.partial().extend({
  /**
   * Optional (ADR 010): this model's token prices × m, an aggregator's markup (> 1) or discount (< 1) on it; overrides
   * `costs.priceMultiplier`. Applied when the scenario is resolved; absent = 1.
   */
  priceMultiplier: numAbove(0, 10).optional(),
});
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

// ---- §3.5 routing ------------------------------------------------------------------------------------------------

export const FailoverTriggerSchema = z.enum(FAILOVER_TRIGGERS);
export type FailoverTrigger = z.infer<typeof FailoverTriggerSchema>;

export const JitterSchema = z.enum(JITTER_MODES);
export type Jitter = z.infer<typeof JitterSchema>;

export const ChainSchema = z
  .strictObject({
    weight: numAbove(0, 1),
    models: z.array(EntityIdSchema).min(1).max(5),
    maxRetries: z.array(int(0, 10).nullable()).optional(),
  })
  .superRefine((chain, ctx) => {
    const seen = new Set<string>();
    chain.models.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['models', i], message: `model "${id}" appears twice in this chain` });
      seen.add(id);
    });
    if (chain.maxRetries && chain.maxRetries.length !== chain.models.length) {
      ctx.addIssue({ code: 'custom', path: ['maxRetries'], message: `must have one entry per model (${chain.models.length})` });
    }
  });
export type Chain = z.infer<typeof ChainSchema>;

export const BackoffSchema = z.strictObject({
  baseMs: num(0, 6e5).optional(),
  multiplier: num(1, 10).optional(),
  capMs: num(0, 3.6e6).nullable().optional(),
  jitter: JitterSchema.optional(),
});
export type Backoff = z.infer<typeof BackoffSchema>;

export const RoutingSchema = z
  .strictObject({
    chains: z.array(ChainSchema).min(1).max(8),
    maxRetries: int(0, 10).optional(),
    timeoutMs: numAbove(0, 3.6e6).nullable().optional(),
    backoff: BackoffSchema.optional(),
    failoverOn: z.array(FailoverTriggerSchema).optional(),
    failoverDelayMs: num(0, 6e5).optional(),
  })
  .superRefine((routing, ctx) => {
    const total = routing.chains.reduce((sum, c) => sum + c.weight, 0);
    if (Math.abs(total - 1) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['chains'], message: `weights must sum to 1 (they sum to ${Number(total.toPrecision(12))})` });
    }
    const triggers = routing.failoverOn ?? [];
    if (new Set(triggers).size !== triggers.length) ctx.addIssue({ code: 'custom', path: ['failoverOn'], message: 'must not repeat a trigger' });
  });
export type Routing = z.infer<typeof RoutingSchema>;

// ---- §3.6 costs, targets, horizon, Monte Carlo -------------------------------------------------------------------

export const CostsSchema = z.strictObject({
  engineeringHourlyRate: num(0, 1e4).optional(),
  aggregatorFeePct: num(0, 100).optional(),
  /** Optional (ADR 010): every model's token prices × m (a price-multiplier aggregator such as TokenMix); absent = 1. */
  priceMultiplier: numAbove(0, 10).optional(),
  platformFeeMonthly: num(0, 1e9).optional(),
  downtimeCostPerMinute: num(0, 1e9).optional(),
  failedRequestCost: num(0, 1e6).optional(),
  /** Optional (ADR 011): every per-token and provisioned price in month m × (1 + d/100)^m; default 0. */
  priceDriftPctPerMonth: num(-50, 50).optional(),
});
export type Costs = z.infer<typeof CostsSchema>;

export const LatencyTargetSchema = z.strictObject({
  ms: numAbove(0, 3.6e6).optional(),
  measure: z.enum(LATENCY_MEASURES).optional(),
});
export type LatencyTarget = z.infer<typeof LatencyTargetSchema>;

export const MonteCarloSettingsSchema = z.strictObject({
  trials: int(1, 100000).optional(),
  seed: int(0, 4294967295).optional(),
});
export type MonteCarloSettings = z.infer<typeof MonteCarloSettingsSchema>;

/**
 * Targets of the planner (/plan, docs/decisions/009) for this scenario: an optional addition to version 1 that no
 * result reads (the engine input never carries it), so links without it open unchanged.
 */
export const PlannerSettingsSchema = z.strictObject({
  minAvailability: z.number().min(0).max(1).optional(),
  maxP95Ms: z.number().gt(0).max(3.6e6).optional(),
  p95Measure: z.enum(['firstToken', 'fullResponse']).optional(),
  max429Rate: z.number().min(0).max(1).optional(),
  maxChain: z.number().int().min(1).max(5).optional(),
});
export type PlannerSettings = z.infer<typeof PlannerSettingsSchema>;

export const ScenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_SCHEMA_VERSION),
  name: z.string().max(120).optional(),
  workload: WorkloadSchema,
  providers: z
    .record(EntityIdSchema, ProviderEntrySchema)
    .refine((m) => Object.keys(m).length <= MAX_PROVIDERS, `at most ${MAX_PROVIDERS} providers`)
    .optional(),
  models: z
    .record(EntityIdSchema, ModelEntrySchema)
    .refine((m) => Object.keys(m).length <= MAX_MODELS, `at most ${MAX_MODELS} models`)
    .optional(),
  routing: RoutingSchema,
  costs: CostsSchema.optional(),
  outageCorrelation: num(0, 1).optional(),
  commonOutageMinutes: numAbove(0, 100000).optional(),
  latencyTarget: LatencyTargetSchema.optional(),
  horizonMonths: int(1, 60).optional(),
  monteCarlo: MonteCarloSettingsSchema.optional(),
  planner: PlannerSettingsSchema.optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

// ---- error messages ------------------------------------------------------------------------------------------------

/**
 * One readable message per zod issue (one per unknown key), starting with the field path and a colon (MODEL.md §3.0).
 * A message contains a newline only if a user-supplied key does: display code must escape control characters.
 */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${formatFieldPath([...issue.path, key])}: unknown field`);
    }
    return [`${formatFieldPath(issue.path)}: ${humanMessage(issue)}`];
  });
}

function humanMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `must have at least ${String(issue.minimum)} character(s)`;
      return `must be ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${String(issue.maximum)} item(s)`;
      if (issue.origin === 'string') return `must have at most ${String(issue.maximum)} characters`;
      return `must be ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}`;
    case 'invalid_type':
      // zod reports non-integers as invalid_type "int"; `input` is only on the issue when parsed with reportInput.
      if (issue.expected === 'int') return 'must be an integer';
      if ('input' in issue && issue.input === undefined) return 'required';
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'must be a finite number';
      return `expected ${issue.expected}`;
    case 'invalid_key':
      return issue.issues[0]?.message ?? issue.message;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'not_multiple_of':
      return 'must be an integer';
    default:
      return issue.message;
  }
}

/** Validate untrusted input against the strict Scenario v1 schema; errors name the field path. */
export function parseScenario(input: unknown): ParseResult<Scenario> {
  const result = ScenarioSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: formatIssues(result.error) };
}

/** Engine-level providers and models a scenario resolves against (the built-in catalog, or an empty one). */
export interface SpecCatalog {
  providers: Record<string, ProviderSpec>;
  models: Record<string, ModelSpec>;
}
