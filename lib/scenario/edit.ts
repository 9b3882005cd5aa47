import type {
  Backoff,
  Chain,
  Costs,
  FailoverTrigger,
  LatencyTarget,
  ModelEntry,
  ModelSpec,
  MonteCarloSettings,
  ProviderEntry,
  Routing,
  Scenario,
  TokenDistribution,
  Workload,
} from './schema';

/**
 * Pure editing operations on a Scenario draft, used by the simulator form. Every function returns a new scenario and
 * leaves its argument untouched (structural sharing), so the store can keep drafts by identity. Chain weights are
 * kept summing to 1 (MODEL.md §3.5) by every operation that adds, removes or reweights a chain.
 */

type TokenKey = 'inputTokens' | 'outputTokens';

// ---- plain fields --------------------------------------------------------------------------------------------------

export function setName(scenario: Scenario, name: string): Scenario {
  return { ...scenario, name };
}

/** Set workload fields; a key set to `undefined` is removed (falls back to the §3.1 default). */
export function setWorkload(scenario: Scenario, patch: Partial<Workload>): Scenario {
  return { ...scenario, workload: withoutUndefined({ ...scenario.workload, ...patch }) };
}

export function setTokenDistribution(scenario: Scenario, key: TokenKey, patch: Partial<TokenDistribution>): Scenario {
  const next = withoutUndefined({ ...scenario.workload[key], ...patch });
  return { ...scenario, workload: { ...scenario.workload, [key]: next } };
}

export function setRouting(scenario: Scenario, patch: Partial<Omit<Routing, 'chains'>>): Scenario {
  return { ...scenario, routing: withoutUndefined({ ...scenario.routing, ...patch }) };
}

export function setBackoff(scenario: Scenario, patch: Partial<Backoff>): Scenario {
  return setRouting(scenario, { backoff: withoutUndefined({ ...scenario.routing.backoff, ...patch }) });
}

/** Turn immediate failover on or off for one failure type, keeping the canonical order 429, 5xx, timeout. */
export function setFailoverTrigger(scenario: Scenario, trigger: FailoverTrigger, on: boolean): Scenario {
  const current = new Set(scenario.routing.failoverOn ?? []);
  if (on) current.add(trigger);
  else current.delete(trigger);
  const order: FailoverTrigger[] = ['429', '5xx', 'timeout'];
  return setRouting(scenario, { failoverOn: order.filter((t) => current.has(t)) });
}

export function setCosts(scenario: Scenario, patch: Partial<Costs>): Scenario {
  return { ...scenario, costs: withoutUndefined({ ...scenario.costs, ...patch }) };
}

export function setLatencyTarget(scenario: Scenario, patch: Partial<LatencyTarget>): Scenario {
  return { ...scenario, latencyTarget: withoutUndefined({ ...scenario.latencyTarget, ...patch }) };
}

/** `undefined` removes the key (the §3.6 default applies). */
export function setHorizonMonths(scenario: Scenario, horizonMonths: number | undefined): Scenario {
  return withoutUndefined({ ...scenario, horizonMonths });
}

/** `undefined` removes the key (the §3.6 default applies). */
export function setOutageCorrelation(scenario: Scenario, outageCorrelation: number | undefined): Scenario {
  return withoutUndefined({ ...scenario, outageCorrelation });
}

/** `null` turns Monte Carlo off (the key is removed, MODEL.md §3.6); a patch turns it on or changes it. */
export function setMonteCarlo(scenario: Scenario, patch: Partial<MonteCarloSettings> | null): Scenario {
  if (patch === null) {
    const copy = { ...scenario };
    delete copy.monteCarlo;
    return copy;
  }
  return { ...scenario, monteCarlo: withoutUndefined({ ...scenario.monteCarlo, ...patch }) };
}

// ---- chain weights -------------------------------------------------------------------------------------------------

/** Smallest weight a chain may keep while another is being widened (0.1 %): weights must stay > 0 (§3.5). */
export const MIN_CHAIN_WEIGHT = 0.001;
/** Weights are kept to 0.01 % so percentages on screen stay short; the rounding residue goes to one chain. */
const WEIGHT_STEP = 1e-4;
const WEIGHTS_PER_UNIT = 1 / WEIGHT_STEP;

/** Scale `weights` to sum to 1, round to 0.01 %, and put the rounding residue on the largest so the sum is 1. */
export function normaliseWeights(weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const positive = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = positive.reduce((sum, w) => sum + w, 0);
  const scaled = total > 0 ? positive.map((w) => w / total) : positive.map(() => 1 / positive.length);
  const rounded = scaled.map((w) => Math.max(MIN_CHAIN_WEIGHT, Math.round(w / WEIGHT_STEP) / WEIGHTS_PER_UNIT));
  const largest = rounded.indexOf(Math.max(...rounded));
  const residue = 1 - rounded.reduce((sum, w) => sum + w, 0);
  rounded[largest] = Number(((rounded[largest] ?? 0) + residue).toFixed(6));
  return rounded;
}

function withWeights(scenario: Scenario, chains: Chain[], weights: readonly number[]): Scenario {
  const normalised = normaliseWeights(weights);
  return {
    ...scenario,
    routing: { ...scenario.routing, chains: chains.map((chain, i) => ({ ...chain, weight: normalised[i] ?? chain.weight })) },
  };
}

/**
 * Set chain `index` to `weight` (0-1) and share the rest among the other chains in proportion to their current weights
 * (equally if they were all 0). A single chain always carries 100 %.
 */
export function setChainWeight(scenario: Scenario, index: number, weight: number): Scenario {
  const chains = scenario.routing.chains;
  if (!chains[index]) return scenario;
  if (chains.length === 1) return withWeights(scenario, chains, [1]);
  const others = chains.length - 1;
  const target = clamp(weight, MIN_CHAIN_WEIGHT, 1 - MIN_CHAIN_WEIGHT * others);
  const otherTotal = chains.reduce((sum, c, i) => (i === index ? sum : sum + c.weight), 0);
  const weights = chains.map((c, i) => {
    if (i === index) return target;
    return otherTotal > 0 ? ((1 - target) * c.weight) / otherTotal : (1 - target) / others;
  });
  return withWeights(scenario, chains, weights);
}

/** Add a primary chain starting with `modelId`; it gets an equal share (1/n) and the others shrink proportionally. */
export function addChain(scenario: Scenario, modelId: string): Scenario {
  const chains = scenario.routing.chains;
  const share = 1 / (chains.length + 1);
  const chain: Chain = { weight: share, models: [modelId] };
  const weights = [...chains.map((c) => c.weight * (1 - share)), share];
  return withWeights(scenario, [...chains, chain], weights);
}

/** Remove chain `index` (the last chain cannot be removed); the others grow to fill its share. */
export function removeChain(scenario: Scenario, index: number): Scenario {
  const chains = scenario.routing.chains;
  if (chains.length <= 1 || !chains[index]) return scenario;
  const rest = chains.filter((_, i) => i !== index);
  return withWeights(scenario, rest, rest.map((c) => c.weight));
}

// ---- chain models --------------------------------------------------------------------------------------------------

function updateChain(scenario: Scenario, index: number, update: (chain: Chain) => Chain): Scenario {
  const chain = scenario.routing.chains[index];
  if (!chain) return scenario;
  const chains = scenario.routing.chains.slice();
  chains[index] = update(chain);
  return { ...scenario, routing: { ...scenario.routing, chains } };
}

/** Per-position retries follow their model when models move (MODEL.md §3.5 `chains[].maxRetries`). */
function retriesOf(chain: Chain): (number | null)[] {
  return chain.maxRetries ? chain.maxRetries.slice() : chain.models.map(() => null);
}

function withRetries(chain: Chain, models: string[], retries: (number | null)[]): Chain {
  const next: Chain = { weight: chain.weight, models };
  // Drop the array when every position uses the routing value: the JSON stays minimal.
  if (retries.some((r) => r !== null)) next.maxRetries = retries;
  return next;
}

/** Replace the model at `position` of chain `index`. If the model is already elsewhere in the chain, the two swap. */
export function setChainModel(scenario: Scenario, index: number, position: number, modelId: string): Scenario {
  return updateChain(scenario, index, (chain) => {
    if (position < 0 || position >= chain.models.length) return chain;
    const models = chain.models.slice();
    const retries = retriesOf(chain);
    const existing = models.indexOf(modelId);
    if (existing === position) return chain;
    if (existing >= 0) {
      [models[existing], models[position]] = [models[position] as string, modelId];
      [retries[existing], retries[position]] = [retries[position] ?? null, retries[existing] ?? null];
    } else {
      models[position] = modelId;
    }
    return withRetries(chain, models, retries);
  });
}

/** Maximum models per chain (MODEL.md §3.5). */
export const MAX_CHAIN_MODELS = 5;

/** Append a fallback to chain `index`; no-op if the model is already in the chain or the chain is full. */
export function addFallback(scenario: Scenario, index: number, modelId: string): Scenario {
  return updateChain(scenario, index, (chain) => {
    if (chain.models.includes(modelId) || chain.models.length >= MAX_CHAIN_MODELS) return chain;
    return withRetries(chain, [...chain.models, modelId], [...retriesOf(chain), null]);
  });
}

/** Remove the model at `position`; a chain keeps at least one model (remove the chain instead). */
export function removeChainModel(scenario: Scenario, index: number, position: number): Scenario {
  return updateChain(scenario, index, (chain) => {
    if (chain.models.length <= 1 || position < 0 || position >= chain.models.length) return chain;
    const keep = (_: unknown, i: number) => i !== position;
    return withRetries(chain, chain.models.filter(keep), retriesOf(chain).filter(keep));
  });
}

function moveWithinChain(chain: Chain, from: number, to: number): Chain {
  const n = chain.models.length;
  if (from === to || from < 0 || from >= n || to < 0 || to >= n) return chain;
  const models = chain.models.slice();
  const retries = retriesOf(chain);
  const [model] = models.splice(from, 1);
  const [retry] = retries.splice(from, 1);
  models.splice(to, 0, model as string);
  retries.splice(to, 0, retry ?? null);
  return withRetries(chain, models, retries);
}

/** Move the model at `from` to `to` within chain `index` (its retries move with it). */
export function moveChainModel(scenario: Scenario, index: number, from: number, to: number): Scenario {
  return updateChain(scenario, index, (chain) => moveWithinChain(chain, from, to));
}

/** Retries for one position of a chain; `null` = use the routing-wide value. */
export function setChainRetries(scenario: Scenario, index: number, position: number, retries: number | null): Scenario {
  return updateChain(scenario, index, (chain) => {
    if (position < 0 || position >= chain.models.length) return chain;
    const next = retriesOf(chain);
    next[position] = retries;
    return withRetries(chain, chain.models.slice(), next);
  });
}

/**
 * `/?model=<id>` from the catalog page: make `modelId` the primary of the first chain and keep the rest of that chain
 * (if it was already a fallback there, it moves to the front; the chain is trimmed to the maximum length).
 */
export function makePrimary(scenario: Scenario, modelId: string): Scenario {
  return updateChain(scenario, 0, (chain) => {
    const existing = chain.models.indexOf(modelId);
    if (existing === 0) return chain;
    if (existing > 0) return moveWithinChain(chain, existing, 0);
    const retries = [null, ...retriesOf(chain)].slice(0, MAX_CHAIN_MODELS);
    return withRetries(chain, [modelId, ...chain.models].slice(0, MAX_CHAIN_MODELS), retries);
  });
}

// ---- overrides and custom models (MODEL.md §3.0 catalog merge) -----------------------------------------------------

type OverridableModelKey = Exclude<keyof ModelSpec, 'provider'>;

/** Override one catalog figure of a model for this scenario (written to `scenario.models[id]`). */
export function setModelOverride<K extends OverridableModelKey>(scenario: Scenario, modelId: string, key: K, value: ModelSpec[K]): Scenario {
  const entry: ModelEntry = { ...scenario.models?.[modelId], [key]: value };
  return { ...scenario, models: { ...scenario.models, [modelId]: entry } };
}

/** Back to the catalog figure; an entry left empty is removed (and an empty map with it). */
export function resetModelOverride(scenario: Scenario, modelId: string, key: OverridableModelKey): Scenario {
  const current = scenario.models?.[modelId];
  if (!current || !(key in current)) return scenario;
  const entry: ModelEntry = { ...current };
  delete entry[key];
  return withModelEntry(scenario, modelId, Object.keys(entry).length > 0 ? entry : null);
}

/** Every overridden figure of a model reset (for a catalog model: the entry is removed). */
export function resetModelOverrides(scenario: Scenario, modelId: string): Scenario {
  return withModelEntry(scenario, modelId, null);
}

function withModelEntry(scenario: Scenario, modelId: string, entry: ModelEntry | null): Scenario {
  const models = { ...scenario.models };
  if (entry) models[modelId] = entry;
  else delete models[modelId];
  const next: Scenario = { ...scenario, models };
  if (Object.keys(models).length === 0) delete next.models;
  return next;
}

export function setProviderOverride<K extends keyof ProviderEntry>(scenario: Scenario, providerId: string, key: K, value: NonNullable<ProviderEntry[K]>): Scenario {
  const entry: ProviderEntry = { ...scenario.providers?.[providerId], [key]: value };
  return { ...scenario, providers: { ...scenario.providers, [providerId]: entry } };
}

export function resetProviderOverride(scenario: Scenario, providerId: string, key: keyof ProviderEntry): Scenario {
  const current = scenario.providers?.[providerId];
  if (!current || !(key in current)) return scenario;
  const entry: ProviderEntry = { ...current };
  delete entry[key];
  const providers = { ...scenario.providers };
  if (Object.keys(entry).length > 0) providers[providerId] = entry;
  else delete providers[providerId];
  const next: Scenario = { ...scenario, providers };
  if (Object.keys(providers).length === 0) delete next.providers;
  return next;
}

/** Keys of `entry` that differ from (or are absent in) the catalog figure: what the UI marks "overridden". */
export function overriddenKeys<T extends object>(entry: Partial<T> | undefined): (keyof T)[] {
  if (!entry) return [];
  return (Object.keys(entry) as (keyof T)[]).filter((key) => entry[key] !== undefined);
}

/** The fields a new model needs (MODEL.md §3.4 "req."); the rest take the §3.4 defaults. */
export type CustomModelFields = Pick<ModelSpec, 'provider' | 'inputPer1M' | 'outputPer1M' | 'ttftMs' | 'tokensPerSec'> & Partial<ModelSpec>;

/** Add a model that is not in the catalog (its provider must exist in the catalog or in `scenario.providers`). */
export function addCustomModel(scenario: Scenario, modelId: string, fields: CustomModelFields): Scenario {
  return { ...scenario, models: { ...scenario.models, [modelId]: withoutUndefined({ ...fields }) } };
}

/** Add a provider that is not in the catalog (availability is required, MODEL.md §3.3). */
export function addCustomProvider(scenario: Scenario, providerId: string, fields: ProviderEntry & { availability: number }): Scenario {
  return { ...scenario, providers: { ...scenario.providers, [providerId]: withoutUndefined({ ...fields }) } };
}

/**
 * Remove a custom model: its entry, and every use of it in the chains. A chain left empty is removed (the others
 * take its share); if that would remove the last chain, the model stays where it is and only the entry goes.
 */
export function removeModel(scenario: Scenario, modelId: string): Scenario {
  let next = withModelEntry(scenario, modelId, null);
  for (let i = next.routing.chains.length - 1; i >= 0; i--) {
    const chain = next.routing.chains[i];
    if (!chain) continue;
    const position = chain.models.indexOf(modelId);
    if (position < 0) continue;
    if (chain.models.length > 1) next = removeChainModel(next, i, position);
    else next = removeChain(next, i);
  }
  return next;
}

/** A model or provider id not taken in `taken`: `base`, else `base-2`, `base-3`, … (ids of MODEL.md §3.3). */
export function uniqueId(base: string, taken: ReadonlySet<string> | readonly string[]): string {
  const used = taken instanceof Set ? taken : new Set(taken as readonly string[]);
  const clean = base.replace(/[^A-Za-z0-9._:/@+-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100) || 'custom';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

// ---- helpers -------------------------------------------------------------------------------------------------------

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Remove keys whose value is `undefined`: a strict schema treats a present key as written by the user. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
