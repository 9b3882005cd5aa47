import { z } from 'zod';
import { EntityIdSchema, SlaCreditTierSchema } from '@/lib/scenario/schema';

/**
 * Catalog schemas: providers, models and aggregators (DESIGN.md §1.1). The single source of the catalog types.
 *
 * Every figure is a `Figure`: `{ value, source, asOf, verified, note? }`, so each number on screen can show where it
 * comes from and how old it is. `verified: false` marks a figure not confirmed on a primary source (a secondary page,
 * a vendor's own claim, or a planning estimate); `note` says which. Units are in the field names.
 */

export const IsoDateSchema = z.iso.date({ message: 'must be an ISO date (YYYY-MM-DD)' });
export const SourceUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** Where a figure comes from. Shared by figures, sourced statements and sourced groups. */
export const SourceRefSchema = z.strictObject({
  source: SourceUrlSchema,
  asOf: IsoDateSchema,
  /** false = not confirmed on a primary source (secondary page, vendor claim or estimate). */
  verified: z.boolean(),
  note: z.string().min(1).optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** A sourced number; `value` is validated by the given schema (units are in the field name that holds it). */
export function figureSchema<T extends z.ZodNumber>(value: T) {
  return SourceRefSchema.extend({ value });
}

const finite = z.number();
export const PriceFigureSchema = figureSchema(finite.min(0).max(1e4)); // USD per 1M tokens
export const TokenCountFigureSchema = figureSchema(finite.int().positive().max(1e8)); // tokens
export const MsFigureSchema = figureSchema(finite.min(0).max(6e5)); // milliseconds
export const TokensPerSecFigureSchema = figureSchema(finite.gt(0).max(1e6)); // output tokens per second
export const PerMinuteFigureSchema = figureSchema(finite.min(0).max(1e12)); // requests or tokens per minute
export const ConcurrencyFigureSchema = figureSchema(finite.int().min(1).max(1e6)); // in-flight requests
export const SecondsFigureSchema = figureSchema(finite.min(1).max(3600)); // seconds
export const FractionFigureSchema = figureSchema(finite.min(0).max(1)); // 0-1
export const PercentFigureSchema = figureSchema(finite.min(0).max(100)); // 0-100 %
export const HoursFigureSchema = figureSchema(finite.min(0).max(1e5)); // hours
export const MinutesFigureSchema = figureSchema(finite.gt(0).max(1e5)); // minutes
export const UsdFigureSchema = figureSchema(finite.min(0).max(1e9)); // USD

export type Figure = z.infer<typeof PriceFigureSchema>;

// ---- models --------------------------------------------------------------------------------------------------------

export const ModelPricesSchema = z.strictObject({
  inputPer1M: PriceFigureSchema,
  outputPer1M: PriceFigureSchema,
  /** Cached-input read (prompt-cache hit). Absent = no discount for cached input. */
  cachedInputPer1M: PriceFigureSchema.optional(),
  /** Cache write with the default (5-minute) TTL, where the provider charges for writes. */
  cacheWritePer1M: PriceFigureSchema.optional(),
  /** Cache write with a 1-hour TTL (Anthropic-style). */
  cacheWrite1hPer1M: PriceFigureSchema.optional(),
  /** Batch API prices. Absent = no batch discount offered (batch traffic is billed at realtime prices). */
  batchInputPer1M: PriceFigureSchema.optional(),
  batchOutputPer1M: PriceFigureSchema.optional(),
  priorityInputPer1M: PriceFigureSchema.optional(),
  priorityOutputPer1M: PriceFigureSchema.optional(),
  flexInputPer1M: PriceFigureSchema.optional(),
  flexOutputPer1M: PriceFigureSchema.optional(),
  /** Prices that apply to the whole request once its input exceeds `aboveInputTokens`. */
  longContext: SourceRefSchema.extend({
      aboveInputTokens: z.number().int().positive(),
      inputPer1M: PriceFigureSchema,
      outputPer1M: PriceFigureSchema,
    })
    .optional(),
});
export type ModelPrices = z.infer<typeof ModelPricesSchema>;

/** A sourced statement that a model has no fixed per-account limit (e.g. Vertex AI Dynamic Shared Quota). */
export const NoFixedLimitSchema = SourceRefSchema.extend({ reason: z.string().min(1) });

/**
 * Rate limits of one usage tier. Anthropic-style providers publish separate input and output token limits
 * (`itpm`, `otpm`); others one `tpm` over input + output. At least one limit, or `noFixedLimit`, is required.
 */
export const RateLimitTierSchema = z
  .strictObject({
    tier: z.string().min(1),
    qualification: z.string().min(1).optional(),
    rpm: PerMinuteFigureSchema.optional(),
    tpm: PerMinuteFigureSchema.optional(),
    itpm: PerMinuteFigureSchema.optional(),
    otpm: PerMinuteFigureSchema.optional(),
    maxConcurrency: ConcurrencyFigureSchema.optional(),
    /** Window over which rpm/tpm are enforced; 60 s when absent. */
    limitWindowSec: SecondsFigureSchema.optional(),
    noFixedLimit: NoFixedLimitSchema.optional(),
  })
  .superRefine((tier, ctx) => {
    const hasLimit = tier.rpm ?? tier.tpm ?? tier.itpm ?? tier.otpm ?? tier.maxConcurrency;
    if (!hasLimit && !tier.noFixedLimit) {
      ctx.addIssue({ code: 'custom', path: ['rpm'], message: 'a tier needs at least one limit (rpm, tpm, itpm/otpm, maxConcurrency) or noFixedLimit' });
    }
    if (hasLimit && tier.noFixedLimit) {
      ctx.addIssue({ code: 'custom', path: ['noFixedLimit'], message: 'cannot be set together with a limit' });
    }
    if ((tier.itpm === undefined) !== (tier.otpm === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['itpm'], message: 'itpm and otpm go together' });
    }
    if (tier.tpm && tier.itpm) {
      ctx.addIssue({ code: 'custom', path: ['tpm'], message: 'use either tpm or itpm + otpm, not both' });
    }
  });
export type RateLimitTier = z.infer<typeof RateLimitTierSchema>;

/** A committed-capacity offer for the simulator's flat-rate option (MODEL.md §3.4 `provisioned`, §8.3). */
export const ProvisionedOfferSchema = z.strictObject({
  name: z.string().min(1),
  /** What one purchase buys, in words (e.g. "1 input unit (30k input TPM) + 1 output unit (2.5k output TPM)"). */
  unit: z.string().min(1),
  monthlyPriceUsd: UsdFigureSchema,
  /** Input + output tokens per minute the commitment covers. */
  capacityTPM: figureSchema(finite.gt(0).max(1e12)),
  terms: z.string().min(1),
});
export type ProvisionedOffer = z.infer<typeof ProvisionedOfferSchema>;

export const MODEL_TAGS = ['code', 'reasoning', 'open-weight', 'preview'] as const;

export const ModelSchema = z.strictObject({
  id: EntityIdSchema,
  provider: EntityIdSchema,
  displayName: z.string().min(1),
  /** Who made the model, when it differs from the provider (e.g. Anthropic on AWS Bedrock). */
  creator: z.string().min(1),
  tags: z.array(z.enum(MODEL_TAGS)),
  /** Key in LiteLLM's model_prices_and_context_window.json, where LiteLLM has the model. */
  litellmKey: z.string().min(1).optional(),
  /** Why this model's prices differ from the LiteLLM entry (exempts it from the cross-check). */
  priceNote: z.string().min(1).optional(),
  prices: ModelPricesSchema,
  contextWindowTokens: TokenCountFigureSchema,
  maxOutputTokens: TokenCountFigureSchema,
  /** Median (p50) time to first token. */
  ttftMs: MsFigureSchema,
  /** p95 time to first token (>= ttftMs): with it the engine models TTFT as a lognormal (ADR 011). */
  ttftP95Ms: MsFigureSchema.optional(),
  tokensPerSec: TokensPerSecFigureSchema,
  /** Rate limits by usage tier; the first tier is the planning default used by the simulator. */
  rateLimits: z.array(RateLimitTierSchema).min(1),
  /** Per-attempt probability of a 5xx outside outages (planning default). */
  transientErrorRate: FractionFigureSchema,
  provisioned: ProvisionedOfferSchema.optional(),
  notes: z.array(z.string().min(1)).optional(),
}).superRefine((model, ctx) => {
  if (model.ttftP95Ms && model.ttftP95Ms.value < model.ttftMs.value) {
    ctx.addIssue({ code: 'custom', path: ['ttftP95Ms', 'value'], message: `must be >= ttftMs (${model.ttftMs.value})` });
  }
});
export type Model = z.infer<typeof ModelSchema>;
export type ModelInput = z.input<typeof ModelSchema>;

// ---- providers -----------------------------------------------------------------------------------------------------

export const SLA_COMMITMENTS = ['contractual', 'best-effort', 'none-published'] as const;

export const SlaSchema = SourceRefSchema.extend({
  /** contractual = a published uptime commitment with service credits; best-effort = stated, no commitment. */
  commitment: z.enum(SLA_COMMITMENTS),
  uptimePct: PercentFigureSchema.optional(),
  /** Who the commitment applies to (plan, tier, contract). */
  qualifies: z.string().min(1),
  /** What it covers (APIs, regions, models). */
  scope: z.string().min(1),
  /** Credit ladder: `creditPct` of the monthly bill when monthly uptime is below `belowPct`. */
  credits: SourceRefSchema.extend({ tiers: z.array(SlaCreditTierSchema).min(1).max(10) }).optional(),
}).superRefine((sla, ctx) => {
  if (sla.commitment === 'contractual' && !sla.uptimePct) {
    ctx.addIssue({ code: 'custom', path: ['uptimePct'], message: 'a contractual SLA needs its uptime %' });
  }
});
export type Sla = z.infer<typeof SlaSchema>;

export const PROVIDER_KINDS = ['model-maker', 'cloud', 'open-weight-host'] as const;

export const ProviderSchema = z.strictObject({
  id: EntityIdSchema,
  name: z.string().min(1),
  kind: z.enum(PROVIDER_KINDS),
  website: SourceUrlSchema,
  sla: SlaSchema,
  /**
   * Availability to plan with (0-1), distinct from the SLA promise: the SLA figure where one exists, else a stated
   * conservative figure. The `note` must say which.
   */
  planningAvailability: FractionFigureSchema.extend({ note: z.string().min(1) }),
  meanOutageMinutes: MinutesFigureSchema,
  outageDetectMs: figureSchema(finite.min(0).max(3.6e6)),
  integrationHours: HoursFigureSchema,
  maintenanceHoursPerMonth: figureSchema(finite.min(0).max(1e4)),
  notes: z.array(z.string().min(1)).optional(),
});
export type Provider = z.infer<typeof ProviderSchema>;
export type ProviderInput = z.input<typeof ProviderSchema>;

/** One data file: a provider and the models it serves. */
export const ProviderFileSchema = z.strictObject({
  provider: ProviderSchema,
  models: z.array(ModelSchema).min(1),
});
export type ProviderFileInput = z.input<typeof ProviderFileSchema>;

// ---- aggregators ---------------------------------------------------------------------------------------------------

export const FEE_MODELS = ['percent-of-spend', 'monthly-plan', 'price-multiplier', 'self-hosted'] as const;

export const AggregatorFeeSchema = SourceRefSchema.extend({
  model: z.enum(FEE_MODELS),
  /** Fee as % of token spend (percent-of-spend). */
  percentOfSpend: z.number().min(0).max(100).optional(),
  /** Flat plan price per month (monthly-plan). */
  monthlyUsd: z.number().min(0).max(1e9).optional(),
  /** Token price relative to the direct provider (price-multiplier; 0.95 = 5 % cheaper). */
  priceMultiplier: z.number().gt(0).max(10).optional(),
  description: z.string().min(1),
}).superRefine((fee, ctx) => {
  const required = { 'percent-of-spend': 'percentOfSpend', 'monthly-plan': 'monthlyUsd', 'price-multiplier': 'priceMultiplier', 'self-hosted': null } as const;
  const key = required[fee.model];
  if (key && fee[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required for fee model "${fee.model}"` });
});
export type AggregatorFee = z.infer<typeof AggregatorFeeSchema>;

export const AggregatorSchema = z.strictObject({
  id: EntityIdSchema,
  name: z.string().min(1),
  website: SourceUrlSchema,
  /** Fee options, the default (cheapest common) first. */
  fees: z.array(AggregatorFeeSchema).min(1),
  /** Whether it retries another provider on failure without client code. */
  automaticFailover: SourceRefSchema.extend({ value: z.boolean() }),
  openSource: z.boolean(),
  sla: SourceRefSchema.extend({ commitment: z.enum(SLA_COMMITMENTS), summary: z.string().min(1) }),
  notes: z.array(z.string().min(1)),
});
export type Aggregator = z.infer<typeof AggregatorSchema>;
export type AggregatorInput = z.input<typeof AggregatorSchema>;

export const CatalogSchema = z.strictObject({
  providers: z.array(ProviderSchema),
  models: z.array(ModelSchema),
  aggregators: z.array(AggregatorSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;
