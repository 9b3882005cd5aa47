import type { EngineChain, EngineInput, EngineTokenDistribution } from '@/lib/engine/types';
import {
  COSTS_DEFAULTS,
  MAX_MODELS,
  MAX_PROVIDERS,
  MODEL_DEFAULTS,
  MODEL_REQUIRED,
  PROVIDER_DEFAULTS,
  PROVIDER_REQUIRED,
  ROUTING_DEFAULTS,
  SCENARIO_DEFAULTS,
  WORKLOAD_DEFAULTS,
  formatFieldPath,
  type ParseResult,
} from './defaults';
import type { ModelEntry, ModelSpec, ProviderEntry, ProviderSpec, Scenario, SpecCatalog, TokenDistribution } from './schema';

/**
 * Scenario → EngineInput (MODEL.md §3.0): merge the scenario's `providers`/`models` into the catalog key by key,
 * check that new ids are complete and every reference resolves, apply every default of §3.1-§3.6, and keep only the
 * providers and models the routing uses, in order of first appearance (§2). Errors start with the field path.
 */
export function resolveScenario(scenario: Scenario, catalog: SpecCatalog): ParseResult<EngineInput> {
  const errors: string[] = [];

  const providers = new Map<string, ProviderSpec>();
  for (const [id, entry] of Object.entries(scenario.providers ?? {})) {
    const spec = mergeProvider(id, entry, ownValue(catalog.providers, id), errors);
    if (spec) providers.set(id, spec);
  }
  const models = new Map<string, ModelSpec>();
  for (const [id, entry] of Object.entries(scenario.models ?? {})) {
    const spec = mergeModel(id, entry, ownValue(catalog.models, id), errors);
    if (spec) models.set(id, spec);
  }

  const providerOf = (id: string): ProviderSpec | undefined => providers.get(id) ?? ownValue(catalog.providers, id);
  const modelOf = (id: string): ModelSpec | undefined => models.get(id) ?? ownValue(catalog.models, id);
  const scenarioHasProvider = (id: string) => Object.hasOwn(scenario.providers ?? {}, id);

  // Every model of the scenario's own map names a provider that exists, referenced by the routing or not (§3.0).
  for (const [id, spec] of models) {
    if (!providerOf(spec.provider) && !scenarioHasProvider(spec.provider)) {
      errors.push(`${formatFieldPath(['models', id, 'provider'])}: unknown provider "${spec.provider}"`);
    }
  }

  // Scope: models in order of first appearance in the chains, providers in order of their models (MODEL.md §2).
  const modelsInScope: Record<string, ModelSpec> = {};
  const providersInScope: Record<string, ProviderSpec> = {};
  scenario.routing.chains.forEach((chain, chainIndex) => {
    chain.models.forEach((modelId, position) => {
      const path = formatFieldPath(['routing', 'chains', chainIndex, 'models', position]);
      if (Object.hasOwn(modelsInScope, modelId)) return;
      const model = modelOf(modelId);
      if (!model) {
        // A scenario model that failed its own checks is already reported under `models.<id>`.
        if (!Object.hasOwn(scenario.models ?? {}, modelId)) errors.push(`${path}: unknown model "${modelId}"`);
        return;
      }
      modelsInScope[modelId] = withPriceMultiplier(copyModel(model), priceMultiplierOf(scenario, modelId));
      if (Object.hasOwn(providersInScope, model.provider)) return;
      const provider = providerOf(model.provider);
      if (provider) {
        providersInScope[model.provider] = copyProvider(provider);
      } else if (!models.has(modelId) && !scenarioHasProvider(model.provider)) {
        // A catalog model whose provider is missing (only possible with an inconsistent catalog).
        errors.push(`${formatFieldPath(['models', modelId, 'provider'])}: unknown provider "${model.provider}"`);
      }
    });
  });

  const providerCount = Object.keys(providersInScope).length;
  const modelCount = Object.keys(modelsInScope).length;
  if (providerCount > MAX_PROVIDERS) {
    errors.push(`routing.chains: uses ${providerCount} distinct providers, at most ${MAX_PROVIDERS} allowed`);
  }
  if (modelCount > MAX_MODELS) {
    errors.push(`routing.chains: uses ${modelCount} distinct models, at most ${MAX_MODELS} allowed`);
  }
  if (errors.length > 0) return { ok: false, errors };

  return { ok: true, value: engineInput(scenario, providersInScope, modelsInScope) };
}

// ---- catalog merge (§3.0) -----------------------------------------------------------------------------------------

/** Own property only: ids such as `constructor` or `toString` are valid and must not hit Object.prototype. */
function ownValue<T>(record: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** The keys of a zod partial that the user actually wrote (`undefined` counts as absent). */
function presentKeys<T extends object>(entry: T): Partial<T> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function missingRequired(kind: 'providers' | 'models', id: string, entry: object, required: readonly string[], errors: string[]): boolean {
  const missing = required.filter((key) => (entry as Record<string, unknown>)[key] === undefined);
  for (const key of missing) errors.push(`${formatFieldPath([kind, id, key])}: required`);
  return missing.length > 0;
}

/** Catalog provider with the scenario's keys replacing whole values; a new id needs every required field (§3.3). */
function mergeProvider(id: string, entry: ProviderEntry, base: ProviderSpec | undefined, errors: string[]): ProviderSpec | undefined {
  const own = presentKeys(entry);
  if (base) return { ...base, ...own };
  if (missingRequired('providers', id, own, PROVIDER_REQUIRED, errors)) return undefined;
  return { ...PROVIDER_DEFAULTS, slaCredits: [], ...(own as Pick<ProviderSpec, 'availability'> & Partial<ProviderSpec>) };
}

/**
 * Catalog model with the scenario's keys replacing whole values (`null` included); a new id needs every required
 * field, and its cached price defaults to the input price, its batch prices to 0.5 × realtime (§3.4).
 */
function mergeModel(id: string, entry: ModelEntry, base: ModelSpec | undefined, errors: string[]): ModelSpec | undefined {
  const own = withoutPriceMultiplier(presentKeys(entry));
  if (base) return checkTtftSpread(id, own, { ...base, ...own }, errors);
  if (missingRequired('models', id, own, MODEL_REQUIRED, errors)) return undefined;
  const complete = own as Pick<ModelSpec, (typeof MODEL_REQUIRED)[number]> & Partial<ModelSpec>;
  return checkTtftSpread(id, own, {
    ...MODEL_DEFAULTS,
    cachedInputPer1M: complete.inputPer1M,
    batchInputPer1M: 0.5 * complete.inputPer1M,
    batchOutputPer1M: 0.5 * complete.outputPer1M,
    ...complete,
  }, errors);
}

/**
 * `ttftP95Ms >= ttftMs` (ADR 011). A p95 the scenario wrote below its median is an error on `models.<id>.ttftP95Ms`;
 * a catalog p95 left below a median the scenario raised no longer describes the model and is dropped (point mass,
 * the v1 behaviour), so an old link that overrides `ttftMs` keeps opening.
 */
function checkTtftSpread(id: string, own: Partial<ModelSpec>, spec: ModelSpec, errors: string[]): ModelSpec | undefined {
  if (spec.ttftP95Ms === undefined || spec.ttftP95Ms === null || spec.ttftP95Ms >= spec.ttftMs) return spec;
  if (own.ttftP95Ms !== undefined) {
    errors.push(`${formatFieldPath(['models', id, 'ttftP95Ms'])}: must be >= ttftMs (${spec.ttftMs})`);
    return undefined;
  }
  const pointMass = { ...spec };
  delete pointMass.ttftP95Ms;
  return pointMass;
}

// ---- price multipliers (ADR 010) ------------------------------------------------------------------------------------

/** `priceMultiplier` is a scenario setting, not a model figure: it never reaches the engine spec. */
function withoutPriceMultiplier(entry: Partial<ModelEntry>): Partial<ModelSpec> {
  const copy = { ...entry };
  delete copy.priceMultiplier;
  return copy;
}

/** The token-price multiplier of a model: its own, else the scenario's `costs.priceMultiplier`, else 1. */
function priceMultiplierOf(scenario: Scenario, modelId: string): number {
  const own = scenario.models && Object.hasOwn(scenario.models, modelId) ? scenario.models[modelId]?.priceMultiplier : undefined;
  return own ?? scenario.costs?.priceMultiplier ?? 1;
}

/** Token prices × m (provisioned capacity is a contract price and stays); m = 1 returns the spec as it is. */
function withPriceMultiplier(spec: ModelSpec, m: number): ModelSpec {
  if (m === 1) return spec;
  return {
    ...spec,
    inputPer1M: spec.inputPer1M * m,
    outputPer1M: spec.outputPer1M * m,
    cachedInputPer1M: spec.cachedInputPer1M * m,
    batchInputPer1M: spec.batchInputPer1M * m,
    batchOutputPer1M: spec.batchOutputPer1M * m,
  };
}

/** Fresh arrays and objects, so the EngineInput never aliases the catalog or the scenario. */
function copyProvider(spec: ProviderSpec): ProviderSpec {
  return { ...spec, slaCredits: spec.slaCredits.map((tier) => ({ ...tier })) };
}

function copyModel(spec: ModelSpec): ModelSpec {
  return { ...spec, provisioned: spec.provisioned ? { ...spec.provisioned } : null };
}

// ---- defaults (§3.1, §3.5, §3.6) ----------------------------------------------------------------------------------

function tokenDistribution(d: TokenDistribution): EngineTokenDistribution {
  return { median: d.median, p95: d.p95, cap: d.cap ?? null };
}

function engineInput(scenario: Scenario, providers: Record<string, ProviderSpec>, models: Record<string, ModelSpec>): EngineInput {
  const { workload, routing } = scenario;
  const routingRetries = routing.maxRetries ?? ROUTING_DEFAULTS.maxRetries;
  const chains: EngineChain[] = routing.chains.map((chain) => ({
    weight: chain.weight,
    models: [...chain.models],
    // Per-position retries; null or absent = the routing value (§3.5).
    maxRetries: chain.models.map((_, position) => chain.maxRetries?.[position] ?? routingRetries),
  }));
  const backoff = routing.backoff ?? {};
  const costs = scenario.costs ?? {};
  const latencyTarget = scenario.latencyTarget ?? {};
  // Common-shock outage duration defaults to min_p D_p over the providers in scope (§3.6).
  const shortestOutage = Math.min(...Object.values(providers).map((p) => p.meanOutageMinutes));

  const input: EngineInput = {
    workload: {
      requestsPerDay: workload.requestsPerDay,
      monthlyGrowthPct: workload.monthlyGrowthPct ?? WORKLOAD_DEFAULTS.monthlyGrowthPct,
      peakToAvg: workload.peakToAvg ?? WORKLOAD_DEFAULTS.peakToAvg,
      peakHoursPerDay: workload.peakHoursPerDay ?? WORKLOAD_DEFAULTS.peakHoursPerDay,
      inputTokens: tokenDistribution(workload.inputTokens),
      outputTokens: tokenDistribution(workload.outputTokens),
      cachedShare: workload.cachedShare ?? WORKLOAD_DEFAULTS.cachedShare,
      batchShare: workload.batchShare ?? WORKLOAD_DEFAULTS.batchShare,
      arrivalDispersion: workload.arrivalDispersion ?? WORKLOAD_DEFAULTS.arrivalDispersion,
      dailyVolumeCV: workload.dailyVolumeCV ?? WORKLOAD_DEFAULTS.dailyVolumeCV,
      inputDriftCV: workload.inputDriftCV ?? WORKLOAD_DEFAULTS.inputDriftCV,
      outputDriftCV: workload.outputDriftCV ?? WORKLOAD_DEFAULTS.outputDriftCV,
    },
    providers,
    models,
    routing: {
      chains,
      timeoutMs: routing.timeoutMs ?? ROUTING_DEFAULTS.timeoutMs,
      backoff: {
        baseMs: backoff.baseMs ?? ROUTING_DEFAULTS.backoff.baseMs,
        multiplier: backoff.multiplier ?? ROUTING_DEFAULTS.backoff.multiplier,
        capMs: backoff.capMs ?? ROUTING_DEFAULTS.backoff.capMs,
        jitter: backoff.jitter ?? ROUTING_DEFAULTS.backoff.jitter,
      },
      failoverOn: [...(routing.failoverOn ?? ROUTING_DEFAULTS.failoverOn)],
      failoverDelayMs: routing.failoverDelayMs ?? ROUTING_DEFAULTS.failoverDelayMs,
    },
    costs: {
      engineeringHourlyRate: costs.engineeringHourlyRate ?? COSTS_DEFAULTS.engineeringHourlyRate,
      aggregatorFeePct: costs.aggregatorFeePct ?? COSTS_DEFAULTS.aggregatorFeePct,
      platformFeeMonthly: costs.platformFeeMonthly ?? COSTS_DEFAULTS.platformFeeMonthly,
      downtimeCostPerMinute: costs.downtimeCostPerMinute ?? COSTS_DEFAULTS.downtimeCostPerMinute,
      failedRequestCost: costs.failedRequestCost ?? COSTS_DEFAULTS.failedRequestCost,
    },
    outageCorrelation: scenario.outageCorrelation ?? SCENARIO_DEFAULTS.outageCorrelation,
    commonOutageMinutes: scenario.commonOutageMinutes ?? shortestOutage,
    latencyTarget: {
      ms: latencyTarget.ms ?? SCENARIO_DEFAULTS.latencyTarget.ms,
      measure: latencyTarget.measure ?? SCENARIO_DEFAULTS.latencyTarget.measure,
    },
    horizonMonths: scenario.horizonMonths ?? SCENARIO_DEFAULTS.horizonMonths,
  };
  if (scenario.name !== undefined) input.name = scenario.name;
  // Price drift (ADR 011): carried only when set, so a v1 scenario resolves to exactly the v1 input.
  if (costs.priceDriftPctPerMonth !== undefined) input.costs.priceDriftPctPerMonth = costs.priceDriftPctPerMonth;
  if (scenario.monteCarlo) {
    input.monteCarlo = {
      trials: scenario.monteCarlo.trials ?? SCENARIO_DEFAULTS.monteCarlo.trials,
      seed: scenario.monteCarlo.seed ?? SCENARIO_DEFAULTS.monteCarlo.seed,
    };
  }
  return input;
}
