import type { Catalog } from '@/lib/catalog/schema';
import { toSpecCatalog } from '@/lib/catalog/to-spec';
import { resolveScenario } from '@/lib/scenario/resolve';
import {
  FAILOVER_TRIGGERS,
  MAX_MODELS,
  MAX_PROVIDERS,
  parseScenario,
  type Costs,
  type FailoverTrigger,
  type ModelEntry,
  type ProviderEntry,
  type Scenario,
  type SpecCatalog,
  type Workload,
} from '@/lib/scenario/schema';
import { InteropError, normalizeWeights, Notes, type Converted } from './common';
import { catalogProviderFor, customModelId, ModelNameIndex } from './model-names';

/**
 * Gateway routing → a complete, valid Scenario v1 (docs/decisions/010). The format modules read their file into a
 * `RoutingDraft` (gateway model names, weights, retries); this module maps the names to catalog ids, turns unknown
 * models into custom models with a note, fills in every default the gateway config does not say (each one noted) and
 * checks the result with the same parse + resolve the simulator uses.
 */

export interface InteropContext {
  catalog: Catalog;
  /** The catalog as engine specs (computed from `catalog` when absent). */
  specs?: SpecCatalog;
}

/** One deployment as a gateway names it. */
export interface DraftModel {
  /** The gateway's model string (`anthropic/claude-sonnet-4-6`, `gpt-4o`). */
  name: string;
  /** The gateway's provider name for it, when it says one separately (Portkey `provider`). */
  providerHint?: string;
  /** Where it was read, for notes (`model_list[1]`). */
  at: string;
  rpm?: number;
  tpm?: number;
  /** USD per 1M tokens, when the config carries prices (LiteLLM `input_cost_per_token`). */
  inputPer1M?: number;
  outputPer1M?: number;
}

export interface RoutingDraft {
  chains: { weight: number; models: DraftModel[] }[];
  maxRetries?: number;
  timeoutMs?: number | null;
  failoverOn?: FailoverTrigger[];
  costs?: Costs;
  name?: string;
}

/** Workload used when the config says nothing about traffic: the conversation trace of MODEL.md §1. */
export const DEFAULT_WORKLOAD: Workload = {
  requestsPerDay: 10_000,
  inputTokens: { median: 1_020, p95: 4_083 },
  outputTokens: { median: 129, p95: 451 },
};

/** Planning placeholders for a model the catalog does not know (the user should replace them). */
const PLACEHOLDER_MODEL = { inputPer1M: 1, outputPer1M: 4, ttftMs: 800, tokensPerSec: 60 } as const;
const PLACEHOLDER_AVAILABILITY = 0.995;

export function specsOf(ctx: InteropContext): SpecCatalog {
  return ctx.specs ?? toSpecCatalog(ctx.catalog);
}

/**
 * The Scenario for a routing draft. With `base` (the browser's active scenario) the workload, costs and other fields
 * are kept and only the routing and the models it needs change; without it the defaults are filled in and noted.
 */
export function buildScenario(draft: RoutingDraft, ctx: InteropContext, base?: Scenario, notesIn?: Notes): Converted<Scenario> {
  const notes = notesIn ?? new Notes();
  const index = ModelNameIndex.of(ctx.catalog);
  const models: Record<string, ModelEntry> = { ...(base?.models ?? {}) };
  const providers: Record<string, ProviderEntry> = { ...(base?.providers ?? {}) };
  const ids = new Map<string, string>(); // gateway name (+hint) → scenario model id

  const idFor = (model: DraftModel): string => {
    const key = `${model.providerHint ?? ''}|${model.name}`;
    const known = ids.get(key);
    if (known) return known;
    const match = index.match(model.name, model.providerHint);
    let id: string;
    if (match) {
      id = match.id;
      if (match.how === 'normalized' || match.how === 'prefix') notes.add('info', `${model.at}: "${model.name}" is catalog model ${id}`);
    } else {
      id = customModelId(model.name, (candidate) => Boolean(index.model(candidate)) || Object.hasOwn(models, candidate));
      const provider = customProvider(model, providers, ctx, notes);
      const hasPrices = model.inputPer1M !== undefined && model.outputPer1M !== undefined;
      models[id] = {
        provider,
        inputPer1M: model.inputPer1M ?? PLACEHOLDER_MODEL.inputPer1M,
        outputPer1M: model.outputPer1M ?? PLACEHOLDER_MODEL.outputPer1M,
        ttftMs: PLACEHOLDER_MODEL.ttftMs,
        tokensPerSec: PLACEHOLDER_MODEL.tokensPerSec,
      };
      const prices = hasPrices ? 'prices from the config' : `placeholder prices $${PLACEHOLDER_MODEL.inputPer1M} / $${PLACEHOLDER_MODEL.outputPer1M} per 1M tokens`;
      notes.add('default', `${model.at}: "${model.name}" is not in the catalog: custom model ${id} on provider ${provider} with ${prices}, ${PLACEHOLDER_MODEL.ttftMs} ms first token, ${PLACEHOLDER_MODEL.tokensPerSec} tokens/s (edit them in the simulator)`);
    }
    ids.set(key, id);
    return id;
  };

  const merged = new Map<string, { weight: number; models: string[] }>();
  const limits = new Map<string, { rpm?: number; tpm?: number }>();
  for (const chain of draft.chains) {
    if (!(chain.weight > 0)) {
      notes.add('skipped', `${chain.models[0]?.at ?? 'routing'}: gets no traffic (weight 0, e.g. no rpm where the other deployments have one); left out`);
      continue;
    }
    const chainIds: string[] = [];
    for (const model of chain.models) {
      const id = idFor(model);
      if (model.rpm !== undefined || model.tpm !== undefined) {
        const sum = limits.get(id) ?? {};
        if (model.rpm !== undefined) sum.rpm = (sum.rpm ?? 0) + model.rpm;
        if (model.tpm !== undefined) sum.tpm = (sum.tpm ?? 0) + model.tpm;
        limits.set(id, sum);
      }
      if (chainIds.includes(id)) continue;
      if (chainIds.length === 5) {
        notes.add('skipped', `${model.at}: "${model.name}" left out: a chain holds at most 5 models`);
        continue;
      }
      chainIds.push(id);
    }
    if (chainIds.length === 0) continue;
    const key = chainIds.join('\u0000');
    const existing = merged.get(key);
    if (existing) existing.weight += chain.weight;
    else merged.set(key, { weight: chain.weight, models: chainIds });
  }
  const chains = [...merged.values()];
  if (chains.length === 0) throw new InteropError('routing', 'the config names no model to route to');
  if (chains.length > 8) throw new InteropError('routing', `the config expands to ${chains.length} weighted chains; a scenario holds at most 8`);
  const weights = normalizeWeights(chains.map((c) => c.weight));

  for (const [id, limit] of limits) {
    const entry: ModelEntry = { ...(Object.hasOwn(models, id) ? models[id] : {}) };
    if (limit.rpm !== undefined) entry.rpm = limit.rpm;
    if (limit.tpm !== undefined) entry.tpm = limit.tpm;
    models[id] = entry;
  }
  // Only models the routing or an earlier override uses stay in the scenario's own map.
  if (Object.keys(models).length > MAX_MODELS) throw new InteropError('models', `the config needs ${Object.keys(models).length} custom or overridden models; a scenario holds at most ${MAX_MODELS}`);
  if (Object.keys(providers).length > MAX_PROVIDERS) throw new InteropError('providers', `the config needs ${Object.keys(providers).length} new providers; a scenario holds at most ${MAX_PROVIDERS}`);

  const routing: Scenario['routing'] = {
    ...(base?.routing ?? {}),
    chains: chains.map((c, i) => ({ weight: weights[i]!, models: c.models })),
  };
  if (draft.maxRetries !== undefined) routing.maxRetries = draft.maxRetries;
  if (draft.timeoutMs !== undefined) routing.timeoutMs = draft.timeoutMs;
  if (draft.failoverOn !== undefined) routing.failoverOn = draft.failoverOn;
  if (!base) {
    if (draft.maxRetries === undefined) notes.add('default', 'routing.maxRetries: not in the config; 0 retries');
    if (draft.timeoutMs === undefined) notes.add('default', 'routing.timeoutMs: not in the config; no timeout');
    if (draft.failoverOn === undefined) {
      routing.failoverOn = [...FAILOVER_TRIGGERS];
      notes.add('default', 'routing.failoverOn: not in the config; fail over on 429, 5xx and timeouts');
    }
    notes.add('default', 'routing.backoff: not in the config; 100 ms doubling, no jitter (the MODEL.md defaults)');
  }

  const scenario: Scenario = base
    ? { ...base, routing }
    : { version: 1, name: draft.name ?? 'Imported routing', workload: { ...DEFAULT_WORKLOAD }, routing };
  if (!base) {
    notes.add(
      'default',
      `workload: not in the config; ${DEFAULT_WORKLOAD.requestsPerDay.toLocaleString('en-US')} requests/day, input median ${DEFAULT_WORKLOAD.inputTokens.median} / p95 ${DEFAULT_WORKLOAD.inputTokens.p95} tokens, output median ${DEFAULT_WORKLOAD.outputTokens.median} / p95 ${DEFAULT_WORKLOAD.outputTokens.p95} (convert a usage log with --from usage-csv --to workload)`,
    );
  }
  if (Object.keys(models).length > 0) scenario.models = models;
  else delete scenario.models;
  if (Object.keys(providers).length > 0) scenario.providers = providers;
  if (draft.costs) scenario.costs = { ...(scenario.costs ?? {}), ...draft.costs };

  return { value: validated(scenario, ctx), notes: notes.list };
}

function customProvider(model: DraftModel, providers: Record<string, ProviderEntry>, ctx: InteropContext, notes: Notes): string {
  const prefix = model.name.includes('/') ? model.name.slice(0, model.name.indexOf('/')) : undefined;
  const named = catalogProviderFor(model.providerHint ?? prefix ?? '');
  if (named && ctx.catalog.providers.some((p) => p.id === named)) return named;
  const raw = (model.providerHint ?? prefix ?? 'custom').replace(/^@/, '');
  const id = customModelId(raw, () => false);
  if (ctx.catalog.providers.some((p) => p.id === id)) return id;
  if (!Object.hasOwn(providers, id)) {
    providers[id] = { availability: PLACEHOLDER_AVAILABILITY };
    notes.add('default', `providers.${id}: not in the catalog; planning availability ${PLACEHOLDER_AVAILABILITY * 100} % (edit it in the simulator)`);
  }
  return id;
}

/** Parse and resolve against the catalog: a conversion never hands out a scenario the simulator would refuse. */
export function validated(scenario: Scenario, ctx: InteropContext): Scenario {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new InteropError(parsed.errors[0]?.split(':')[0] ?? 'scenario', parsed.errors[0]?.split(': ').slice(1).join(': ') ?? 'invalid');
  const resolved = resolveScenario(parsed.value, specsOf(ctx));
  if (!resolved.ok) throw new InteropError(resolved.errors[0]?.split(':')[0] ?? 'scenario', resolved.errors[0]?.split(': ').slice(1).join(': ') ?? 'invalid');
  return parsed.value;
}

// ---- scenario → gateway: what each position of the routing is -------------------------------------------------------

export interface RoutedModel {
  id: string;
  provider: string;
  /** LiteLLM key of the catalog model (absent for custom models). */
  litellmKey?: string;
  custom: boolean;
  rpm?: number | null;
  tpm?: number | null;
  inputPer1M?: number;
  outputPer1M?: number;
}

/** The scenario's chains with each model's provider and gateway-relevant figures; errors if the scenario is invalid. */
export function routedModels(scenario: Scenario, ctx: InteropContext): { chains: { weight: number; models: RoutedModel[] }[] } {
  const valid = validated(scenario, ctx);
  const index = ModelNameIndex.of(ctx.catalog);
  const specs = specsOf(ctx);
  const describeModel = (id: string): RoutedModel => {
    const catalogModel = index.model(id);
    const own = valid.models && Object.hasOwn(valid.models, id) ? valid.models[id] : undefined;
    const spec = Object.hasOwn(specs.models, id) ? specs.models[id] : undefined;
    const provider = own?.provider ?? catalogModel?.provider ?? spec?.provider ?? 'custom';
    const out: RoutedModel = { id, provider, custom: !catalogModel };
    if (catalogModel?.litellmKey) out.litellmKey = catalogModel.litellmKey;
    if (own?.rpm !== undefined) out.rpm = own.rpm;
    if (own?.tpm !== undefined) out.tpm = own.tpm;
    if (!catalogModel) {
      out.inputPer1M = own?.inputPer1M;
      out.outputPer1M = own?.outputPer1M;
    }
    return out;
  };
  return { chains: valid.routing.chains.map((c) => ({ weight: c.weight, models: c.models.map(describeModel) })) };
}
