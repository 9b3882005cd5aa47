import { MODEL_DEFAULTS, type ModelSpec, type ProviderSpec, type Provisioned, type SpecCatalog } from '@/lib/scenario/schema';
import type { Catalog, Model, Provider, RateLimitTier } from './schema';

/**
 * The engine-level view of the catalog (MODEL.md §3.3-3.4): every field of ProviderSpec / ModelSpec filled, so a
 * scenario can name a catalog model by id and nothing else.
 */

/** Provider → ProviderSpec. Availability is the planning figure, not the SLA promise; credits apply only when the
 *  SLA is contractual (MODEL.md §3.3, §8.5). */
export function providerSpec(provider: Provider): ProviderSpec {
  const contractual = provider.sla.commitment === 'contractual';
  return {
    availability: provider.planningAvailability.value,
    meanOutageMinutes: provider.meanOutageMinutes.value,
    outageDetectMs: provider.outageDetectMs.value,
    contractual,
    slaCredits: contractual ? (provider.sla.credits?.tiers ?? []).map((t) => ({ ...t })) : [],
    integrationHours: provider.integrationHours.value,
    maintenanceHoursPerMonth: provider.maintenanceHoursPerMonth.value,
  };
}

/**
 * Token limit of a tier as one TPM over input + output tokens (the engine's `tpm`, MODEL.md §6.2).
 * For ITPM + OTPM providers (Anthropic) we use ITPM + OTPM: exact when the workload's input:output ratio equals the
 * limits' ratio (5:1 on Anthropic's tiers, close to chat traffic), optimistic otherwise. Cache reads do not count
 * toward Anthropic's ITPM, which this ignores (conservative for cache-heavy workloads). null = no token limit.
 */
export function tierTokensPerMinute(tier: RateLimitTier): number | null {
  if (tier.tpm) return tier.tpm.value;
  if (tier.itpm && tier.otpm) return tier.itpm.value + tier.otpm.value;
  return null;
}

/** The planning tier: the first one listed (schema guarantees at least one). */
export function planningTier(model: Model): RateLimitTier {
  const tier = model.rateLimits[0];
  if (!tier) throw new Error(`model ${model.id}: no rate-limit tier`);
  return tier;
}

/**
 * The flat-rate fields of a model's provisioned offer (MODEL.md §3.4 `provisioned`, §8.3), for the simulator's
 * opt-in flat-rate option; null when the provider publishes no offer.
 */
export function provisionedSpec(model: Model): Provisioned | null {
  return model.provisioned ? { monthlyPrice: model.provisioned.monthlyPriceUsd.value, capacityTPM: model.provisioned.capacityTPM.value } : null;
}

/**
 * Model → ModelSpec. Absent cached price = no discount (input price); absent batch prices = no batch discount
 * offered (realtime prices), not the scenario-level 0.5× default of MODEL.md §3.4.
 * `provisioned` is always null: in the engine it means "this scenario pays for a commitment", so a catalog default
 * would silently add thousands of dollars a month to every scenario using the model. Pay-as-you-go is the default;
 * a scenario opts in with `provisionedSpec(model)`.
 */
export function modelSpec(model: Model): ModelSpec {
  const p = model.prices;
  const tier = planningTier(model);
  const spec: ModelSpec = {
    provider: model.provider,
    inputPer1M: p.inputPer1M.value,
    outputPer1M: p.outputPer1M.value,
    cachedInputPer1M: (p.cachedInputPer1M ?? p.inputPer1M).value,
    batchInputPer1M: (p.batchInputPer1M ?? p.inputPer1M).value,
    batchOutputPer1M: (p.batchOutputPer1M ?? p.outputPer1M).value,
    ttftMs: model.ttftMs.value,
    tokensPerSec: model.tokensPerSec.value,
    rpm: tier.rpm?.value ?? null,
    tpm: tierTokensPerMinute(tier),
    maxConcurrency: tier.maxConcurrency?.value ?? null,
    limitWindowSec: tier.limitWindowSec?.value ?? MODEL_DEFAULTS.limitWindowSec,
    transientErrorRate: model.transientErrorRate.value,
    fastFailMs: MODEL_DEFAULTS.fastFailMs,
    provisioned: null,
  };
  // The catalog's p95 TTFT is an estimate shown beside the median; it is not merged into scenarios, so a scenario
  // without `ttftP95Ms` keeps the point-mass TTFT of MODEL.md v1 and every old link its exact results (ADR 011).
  // A scenario opts in per model (the support preset does; the model overrides offer the catalog figure).
  return spec;
}

export function toSpecCatalog(catalog: Catalog): SpecCatalog {
  return {
    providers: Object.fromEntries(catalog.providers.map((p) => [p.id, providerSpec(p)])),
    models: Object.fromEntries(catalog.models.map((m) => [m.id, modelSpec(m)])),
  };
}
