import { CatalogSchema, type Catalog, type Model, type ModelPrices, type Provider, type SourceRef } from '@/lib/catalog/schema';
import { formatIssues } from '@/lib/scenario/schema';
import { checkSize, describe, InteropError, isRecord, joinPath, Notes, own, parseJsonText, perMillion, safeEntries, type Converted } from './common';
import { catalogProviderFor, customModelId, ModelNameIndex } from './model-names';
import type { InteropContext } from './scenario-build';

/**
 * Price maps → catalog JSON (the shape of `npm run catalog -- --format json`), docs/decisions/010:
 * LiteLLM's `model_prices_and_context_window.json` and OpenRouter's `/api/v1/models` response. Every figure read
 * from the file is sourced to the file's public URL, dated `asOf`, with a note naming the file. A model the catalog
 * knows (its `litellmKey`, or the OpenRouter id) keeps its id, latency and limits with the file's prices; any other
 * chat model is added with its prices and stated planning placeholders. Entries that are not chat models, or whose
 * prices are missing, not numbers, negative, absurd (over $10,000 per 1M tokens) or unknown (OpenRouter "-1"), are
 * skipped, each one reported.
 */

export const LITELLM_PRICES_URL = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';
export const OPENROUTER_MODELS_URL = 'https://openrouter.ai/api/v1/models';

export interface PriceSourceOptions {
  /** The date the file's prices hold for (ISO). */
  asOf: string;
  /** The file name, for the notes on each figure. */
  fileName: string;
}

/** USD per 1M tokens, keyed like `ModelPrices` (plain numbers). */
export type PriceValues = Partial<Record<PriceField, number>>;
export const PRICE_FIELDS = [
  'inputPer1M', 'outputPer1M', 'cachedInputPer1M', 'cacheWritePer1M', 'cacheWrite1hPer1M', 'batchInputPer1M', 'batchOutputPer1M',
  'priorityInputPer1M', 'priorityOutputPer1M', 'flexInputPer1M', 'flexOutputPer1M',
] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

/** LiteLLM per-token field → catalog price field. */
export const LITELLM_PRICE_FIELDS: Record<string, PriceField> = {
  input_cost_per_token: 'inputPer1M',
  output_cost_per_token: 'outputPer1M',
  cache_read_input_token_cost: 'cachedInputPer1M',
  cache_creation_input_token_cost: 'cacheWritePer1M',
  cache_creation_input_token_cost_above_1hr: 'cacheWrite1hPer1M',
  input_cost_per_token_batches: 'batchInputPer1M',
  output_cost_per_token_batches: 'batchOutputPer1M',
  input_cost_per_token_priority: 'priorityInputPer1M',
  output_cost_per_token_priority: 'priorityOutputPer1M',
  input_cost_per_token_flex: 'flexInputPer1M',
  output_cost_per_token_flex: 'flexOutputPer1M',
};

/** One usable entry of a price map. */
export interface PriceEntry {
  /** The file's key (LiteLLM) or model id (OpenRouter). */
  key: string;
  at: string;
  /** The file's provider name (LiteLLM `litellm_provider`). */
  providerName?: string;
  prices: PriceValues & { inputPer1M: number; outputPer1M: number };
  contextWindowTokens?: number;
  maxOutputTokens?: number;
}

const MAX_PER_1M = 1e4;
const CHAT_MODES = new Set(['chat', 'responses']);

/** A per-token price from the file: a finite number ≥ 0 whose per-1M value is at most $10,000; else why not. */
function perTokenPrice(value: unknown): { ok: true; per1M: number } | { ok: false; why: string } {
  if (typeof value !== 'number') return { ok: false, why: `must be a number (got ${describe(value)})` };
  if (!Number.isFinite(value)) return { ok: false, why: 'must be finite' };
  if (value < 0) return { ok: false, why: `must not be negative (got ${value})` };
  const per1M = perMillion(value);
  if (per1M > MAX_PER_1M) return { ok: false, why: `${value} per token is $${per1M.toPrecision(3)} per 1M tokens, above the $10,000 plausibility cap` };
  return { ok: true, per1M };
}

function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 1e8 ? value : undefined;
}

/** The usable chat entries of a LiteLLM price map; every skipped entry or field is noted. */
export function litellmPriceEntries(text: string, notes: Notes): PriceEntry[] {
  checkSize(text, 'litellm-prices');
  const root = parseJsonText(text, 'litellm-prices');
  if (!isRecord(root)) throw new InteropError('litellm-prices', `expected an object of model entries (got ${describe(root)})`);
  if (own(root, 'model_list') !== undefined) throw new InteropError('litellm-prices', 'this is a LiteLLM proxy config, not a price map: use --from litellm-router');
  const entries: PriceEntry[] = [];
  for (const [key, entry] of safeEntries(root, '', notes)) {
    const at = joinPath('', key);
    if (key === 'sample_spec') {
      notes.add('skipped', `${at}: LiteLLM's documentation entry, not a model`);
      continue;
    }
    if (key.startsWith('_')) continue; // comments in trimmed copies
    if (!isRecord(entry)) {
      notes.add('skipped', `${at}: not an object (got ${describe(entry)})`);
      continue;
    }
    const mode = own(entry, 'mode');
    if (typeof mode !== 'string' || !CHAT_MODES.has(mode)) {
      notes.add('skipped', `${joinPath(at, 'mode')}: ${describe(mode)} is not a chat model`);
      continue;
    }
    const prices: PriceValues = {};
    let bad: string | undefined;
    for (const [field, target] of Object.entries(LITELLM_PRICE_FIELDS)) {
      const raw = own(entry, field);
      if (raw === undefined || raw === null) continue;
      const price = perTokenPrice(raw);
      if (price.ok) prices[target] = price.per1M;
      else if (target === 'inputPer1M' || target === 'outputPer1M') bad = `${joinPath(at, field)}: ${price.why}`;
      else notes.add('skipped', `${joinPath(at, field)}: ${price.why}; this price left out`);
    }
    if (bad) {
      notes.add('skipped', bad);
      continue;
    }
    if (prices.inputPer1M === undefined || prices.outputPer1M === undefined) {
      notes.add('skipped', `${joinPath(at, prices.inputPer1M === undefined ? 'input_cost_per_token' : 'output_cost_per_token')}: missing`);
      continue;
    }
    const provider = own(entry, 'litellm_provider');
    const out: PriceEntry = { key, at, prices: prices as PriceEntry['prices'] };
    if (typeof provider === 'string' && provider !== '') out.providerName = provider;
    const window = tokenCount(own(entry, 'max_input_tokens'));
    const maxOut = tokenCount(own(entry, 'max_output_tokens'));
    if (window !== undefined) out.contextWindowTokens = window;
    if (maxOut !== undefined) out.maxOutputTokens = maxOut;
    entries.push(out);
  }
  return entries;
}

/** A decimal price string of the OpenRouter API ("0.000003"); "-1" means unknown. */
function priceString(value: unknown): { ok: true; per1M: number } | { ok: false; why: string } {
  if (value === '-1' || value === -1) return { ok: false, why: '"-1" means the price is unknown or variable, not a price' };
  if (typeof value !== 'string' || !/^\d+(\.\d+)?(e-?\d+)?$/i.test(value.trim())) return { ok: false, why: `must be a decimal price string (got ${describe(value)})` };
  return perTokenPrice(Number(value));
}

/** The usable text models of an OpenRouter `/api/v1/models` response; every skipped entry is noted. */
export function openrouterPriceEntries(text: string, notes: Notes): PriceEntry[] {
  checkSize(text, 'openrouter-models');
  const root = parseJsonText(text, 'openrouter-models');
  const data = isRecord(root) ? own(root, 'data') : undefined;
  if (!Array.isArray(data)) throw new InteropError('data', 'required: the /api/v1/models response has a data list');
  const entries: PriceEntry[] = [];
  data.forEach((item, i) => {
    const at = joinPath('data', i);
    if (!isRecord(item)) return notes.add('skipped', `${at}: not an object`);
    const id = own(item, 'id');
    if (typeof id !== 'string' || id === '') return notes.add('skipped', `${joinPath(at, 'id')}: missing`);
    const label = `${at} (${id})`;
    const arch = own(item, 'architecture');
    const outputs = isRecord(arch) ? own(arch, 'output_modalities') : undefined;
    const modality = isRecord(arch) ? own(arch, 'modality') : undefined;
    const textOut = Array.isArray(outputs) ? outputs.includes('text') : typeof modality === 'string' ? /->.*text/.test(modality) : true;
    if (!textOut) return notes.add('skipped', `${label}.architecture: does not output text (not a chat model)`);
    const pricing = own(item, 'pricing');
    if (!isRecord(pricing)) return notes.add('skipped', `${label}.pricing: missing`);
    const prices: PriceValues = {};
    for (const [field, target] of [['prompt', 'inputPer1M'], ['completion', 'outputPer1M'], ['input_cache_read', 'cachedInputPer1M'], ['input_cache_write', 'cacheWritePer1M']] as const) {
      const raw = own(pricing, field);
      if (raw === undefined || raw === null) continue;
      const price = priceString(raw);
      if (price.ok) prices[target] = price.per1M;
      else if (target === 'inputPer1M' || target === 'outputPer1M') {
        notes.add('skipped', `${label}.pricing.${field}: ${price.why}`);
        return;
      } else notes.add('skipped', `${label}.pricing.${field}: ${price.why}; this price left out`);
    }
    if (prices.inputPer1M === undefined || prices.outputPer1M === undefined) return notes.add('skipped', `${label}.pricing: prompt and completion prices are required`);
    const out: PriceEntry = { key: id, at: label, prices: prices as PriceEntry['prices'] };
    const window = tokenCount(own(item, 'context_length'));
    const top = own(item, 'top_provider');
    const maxOut = isRecord(top) ? tokenCount(own(top, 'max_completion_tokens')) : undefined;
    if (window !== undefined) out.contextWindowTokens = window;
    if (maxOut !== undefined) out.maxOutputTokens = maxOut;
    entries.push(out);
  });
  return entries;
}

// ---- entries → catalog ------------------------------------------------------------------------------------------

interface CatalogBuild {
  sourceUrl: string;
  options: PriceSourceOptions;
  /** The catalog id a file entry refers to, if any. */
  knownId: (entry: PriceEntry) => string | undefined;
  /** Provider id and display name for an entry the catalog does not know. */
  newProvider: (entry: PriceEntry) => { id: string; name: string };
}

function buildCatalog(entries: readonly PriceEntry[], ctx: InteropContext, build: CatalogBuild, notes: Notes): Catalog {
  const { sourceUrl, options } = build;
  const source: SourceRef = { source: sourceUrl, asOf: options.asOf, verified: true, note: `Read from ${options.fileName}.` };
  const placeholder = (why: string): SourceRef => ({ source: sourceUrl, asOf: options.asOf, verified: false, note: `RouteCost planning placeholder: ${why}` });
  const fig = (value: number) => ({ ...source, value });
  const index = ModelNameIndex.of(ctx.catalog);
  const models: Model[] = [];
  const used = new Set<string>();
  const providers = new Map<string, Provider>();

  for (const entry of entries) {
    const prices: Partial<ModelPrices> = {};
    for (const field of PRICE_FIELDS) if (entry.prices[field] !== undefined) prices[field] = fig(entry.prices[field]!);
    const knownId = build.knownId(entry);
    const known = knownId ? index.model(knownId) : undefined;
    if (known && !used.has(known.id)) {
      used.add(known.id);
      const model: Model = { ...known, prices: { ...known.prices, ...prices } as ModelPrices };
      if (entry.contextWindowTokens !== undefined) model.contextWindowTokens = fig(entry.contextWindowTokens);
      if (entry.maxOutputTokens !== undefined) model.maxOutputTokens = fig(entry.maxOutputTokens);
      models.push(model);
      const provider = ctx.catalog.providers.find((p) => p.id === known.provider);
      if (provider) providers.set(provider.id, provider);
      continue;
    }
    const { id: providerId, name: providerName } = build.newProvider(entry);
    const builtInProvider = ctx.catalog.providers.find((p) => p.id === providerId);
    if (builtInProvider) providers.set(providerId, builtInProvider);
    else if (!providers.has(providerId)) providers.set(providerId, placeholderProvider(providerId, providerName, sourceUrl, placeholder));
    const id = customModelId(entry.key, (candidate) => Boolean(index.model(candidate)) || used.has(candidate));
    used.add(id);
    models.push({
      id,
      provider: providerId,
      displayName: entry.key,
      creator: builtInProvider?.name ?? providerName,
      tags: [],
      ...(sourceUrl === LITELLM_PRICES_URL ? { litellmKey: entry.key } : {}),
      prices: prices as ModelPrices,
      contextWindowTokens: entry.contextWindowTokens !== undefined ? fig(entry.contextWindowTokens) : { ...placeholder('context window not in the file.'), value: 128_000 },
      maxOutputTokens: entry.maxOutputTokens !== undefined ? fig(entry.maxOutputTokens) : { ...placeholder('max output not in the file.'), value: 4_096 },
      ttftMs: { ...placeholder('no latency in a price map; 800 ms is a typical first token for a hosted chat model.'), value: 800 },
      tokensPerSec: { ...placeholder('no speed in a price map; 60 tokens/s is a typical hosted chat model.'), value: 60 },
      rateLimits: [{ tier: 'Unknown', noFixedLimit: { ...placeholder('the price map has no rate limits.'), reason: 'Unknown: no rate limits in the price map; simulated without limits.' } }],
      transientErrorRate: { ...placeholder('no published per-request error rate; 0.5 %.'), value: 0.005 },
      notes: [`Not in the built-in catalog: imported from ${options.fileName}; latency, limits and error rate are placeholders.`],
    });
  }
  const catalog = { providers: [...providers.values()], models, aggregators: ctx.catalog.aggregators };
  const parsed = CatalogSchema.safeParse(catalog);
  if (!parsed.success) {
    const first = formatIssues(parsed.error)[0] ?? 'invalid';
    throw new InteropError('catalog', `the converted catalog is not valid (${first})`);
  }
  if (models.length === 0) notes.add('info', 'catalog: no usable chat model in the file');
  return parsed.data;
}

function placeholderProvider(id: string, name: string, sourceUrl: string, placeholder: (why: string) => SourceRef): Provider {
  return {
    id,
    name,
    kind: 'cloud',
    website: sourceUrl,
    sla: { ...placeholder('provider not in the built-in catalog.'), commitment: 'none-published', qualifies: 'Unknown', scope: 'Unknown' },
    planningAvailability: { ...placeholder('no SLA known; 99.5 % is a conservative planning figure.'), value: 0.995, note: 'RouteCost planning placeholder: no SLA known; 99.5 % is a conservative planning figure.' },
    meanOutageMinutes: { ...placeholder('60 min is the MODEL.md default.'), value: 60 },
    outageDetectMs: { ...placeholder('a request fails about 1 s into an outage.'), value: 1000 },
    integrationHours: { ...placeholder('an OpenAI-compatible API: about a day.'), value: 8 },
    maintenanceHoursPerMonth: { ...placeholder('SDK and model upgrades.'), value: 1 },
  };
}

function providerFromName(name: string | undefined, fallback: string): { id: string; name: string } {
  const raw = name ?? fallback;
  const mapped = catalogProviderFor(raw);
  return { id: mapped ?? customModelId(raw, () => false), name: raw };
}

export function readLitellmPrices(text: string, ctx: InteropContext, options: PriceSourceOptions): Converted<Catalog> {
  const notes = new Notes();
  const entries = litellmPriceEntries(text, notes);
  const index = ModelNameIndex.of(ctx.catalog);
  const catalog = buildCatalog(entries, ctx, {
    sourceUrl: LITELLM_PRICES_URL,
    options,
    knownId: (entry) => index.byLitellmKey(entry.key)?.id,
    newProvider: (entry) => providerFromName(entry.providerName, 'litellm'),
  }, notes);
  return { value: catalog, notes: notes.list };
}

export function readOpenrouterModels(text: string, ctx: InteropContext, options: PriceSourceOptions): Converted<Catalog> {
  const notes = new Notes();
  const entries = openrouterPriceEntries(text, notes);
  const index = ModelNameIndex.of(ctx.catalog);
  const catalog = buildCatalog(entries, ctx, {
    sourceUrl: OPENROUTER_MODELS_URL,
    options,
    knownId: (entry) => index.match(entry.key)?.id,
    newProvider: () => ({ id: 'openrouter', name: 'OpenRouter' }),
  }, notes);
  return { value: catalog, notes: notes.list };
}
