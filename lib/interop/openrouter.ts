import type { Catalog } from '@/lib/catalog/schema';
import type { Scenario } from '@/lib/scenario/schema';
import { checkSize, describe, InteropError, isRecord, joinPath, Notes, own, parseJsonText, readString, type Converted } from './common';
import { baseName, catalogProviderFor, ModelNameIndex } from './model-names';
import { buildScenario, routedModels, type DraftModel, type InteropContext, type RoutingDraft } from './scenario-build';

/**
 * OpenRouter chat request body routing ⇄ Scenario routing (docs/decisions/010).
 *
 * Read: `models` (else `model`) is the model fallback list; `provider.order` lists the hosts to try for each model,
 * so a model served by several catalog providers expands to one chain position per listed host (Claude on Anthropic,
 * then on Bedrock); `allow_fallbacks: false` keeps OpenRouter on the listed hosts, which is what the chain models.
 * OpenRouter falls back on any error, so `failoverOn` is every trigger; its 5.5 % credit fee becomes
 * `costs.aggregatorFeePct` (from the catalog's OpenRouter entry).
 */

/** OpenRouter provider slugs for catalog providers (provider.order accepts slugs and display names). */
const OPENROUTER_PROVIDER: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  'aws-bedrock': 'amazon-bedrock',
  'google-vertex': 'google-vertex',
  'azure-openai': 'azure',
  'google-gemini': 'google-ai-studio',
  mistral: 'mistral',
  deepseek: 'deepseek',
  groq: 'groq',
  together: 'together',
  fireworks: 'fireworks',
  deepinfra: 'deepinfra',
};

/** OpenRouter's model-author prefix for the model maker behind a catalog model. */
const AUTHOR: Record<string, string> = {
  OpenAI: 'openai',
  Anthropic: 'anthropic',
  Google: 'google',
  Mistral: 'mistralai',
  'Mistral AI': 'mistralai',
  DeepSeek: 'deepseek',
  Amazon: 'amazon',
  Meta: 'meta-llama',
  Alibaba: 'qwen',
  'Alibaba Qwen': 'qwen',
  Qwen: 'qwen',
};

export function openrouterFeePct(catalog: Catalog): number | undefined {
  const fee = catalog.aggregators.find((a) => a.id === 'openrouter')?.fees[0];
  return fee?.model === 'percent-of-spend' ? fee.percentOfSpend : undefined;
}

export function readOpenrouter(text: string, ctx: InteropContext, base?: Scenario): Converted<Scenario> {
  checkSize(text, 'openrouter');
  const notes = new Notes();
  const root = parseJsonText(text, 'openrouter');
  if (!isRecord(root)) throw new InteropError('openrouter', `expected a request body object (got ${describe(root)})`);
  if (own(root, 'model_list') !== undefined) throw new InteropError('models', 'required (this looks like a LiteLLM proxy config: use --from litellm-router)');
  if (own(root, 'targets') !== undefined) throw new InteropError('models', 'required (this looks like a Portkey config: use --from portkey)');
  const listed = own(root, 'models');
  const single = own(root, 'model');
  let names: string[];
  if (listed !== undefined) {
    if (!Array.isArray(listed) || listed.length === 0) throw new InteropError('models', 'must be a non-empty list of model ids');
    names = listed.map((m, i) => readString(m, joinPath('models', i)));
    if (typeof single === 'string' && single.trim() !== '' && names[0] !== single.trim()) names.unshift(single.trim());
  } else if (single !== undefined) {
    names = [readString(single, 'model')];
  } else {
    throw new InteropError('models', 'required: the body needs models (a fallback list) or model');
  }
  if (names.length > 10) throw new InteropError('models', `has ${names.length} models; at most 10 are read`);
  for (const key of ['messages', 'prompt']) if (own(root, key) !== undefined) notes.add('info', `${key}: ignored (only the routing fields are read)`);

  const providerPrefs = own(root, 'provider');
  let order: string[] = [];
  let allowFallbacks = true;
  if (providerPrefs !== undefined) {
    if (!isRecord(providerPrefs)) throw new InteropError('provider', `must be an object (got ${describe(providerPrefs)})`);
    const rawOrder = own(providerPrefs, 'order');
    if (rawOrder !== undefined) {
      if (!Array.isArray(rawOrder)) throw new InteropError('provider.order', 'must be a list of provider names');
      order = rawOrder.map((p, i) => readString(p, joinPath('provider.order', i)));
    }
    const allow = own(providerPrefs, 'allow_fallbacks');
    if (allow !== undefined && typeof allow !== 'boolean') throw new InteropError('provider.allow_fallbacks', `must be true or false (got ${describe(allow)})`);
    if (allow === false) allowFallbacks = false;
    for (const key of ['only', 'ignore', 'sort', 'quantizations', 'max_price']) if (own(providerPrefs, key) !== undefined) notes.add('approximated', `provider.${key}: not modelled`);
  }
  if (order.length === 0 && allowFallbacks) notes.add('approximated', 'provider: OpenRouter may pick any host for a model; the chain uses the model maker\u2019s own API');

  const index = ModelNameIndex.of(ctx.catalog);
  const chain: DraftModel[] = [];
  names.forEach((name, i) => {
    const at = joinPath('models', i);
    const match = index.match(name);
    if (!match || order.length === 0) {
      chain.push({ name, at });
      return;
    }
    const hosts = order.map((p) => catalogProviderFor(p)).filter((p): p is string => Boolean(p));
    const variants = [...new Set(hosts.map((p) => index.variantOn(match.id, p)?.id).filter((id): id is string => Boolean(id)))];
    if (variants.length === 0) {
      notes.add('approximated', `${at}: none of provider.order hosts "${name}" in the catalog; its maker\u2019s API is used`);
      chain.push({ name, at });
    } else {
      for (const id of variants) chain.push({ name: id, at });
    }
  });
  for (const [i, p] of order.entries()) if (!catalogProviderFor(p)) notes.add('skipped', `${joinPath('provider.order', i)}: "${p}" is not a catalog provider; left out`);

  const draft: RoutingDraft = { name: 'OpenRouter request', chains: [{ weight: 1, models: chain }], failoverOn: ['429', '5xx', 'timeout'] };
  const fee = openrouterFeePct(ctx.catalog);
  if (fee !== undefined && !base) {
    draft.costs = { aggregatorFeePct: fee };
    notes.add('default', `costs.aggregatorFeePct: ${fee} % (OpenRouter's credit fee, from the catalog)`);
  }
  return buildScenario(draft, ctx, base, notes);
}

/** OpenRouter model id for a catalog model: author prefix + base name with dots in version numbers. */
function openrouterModelId(id: string, index: ModelNameIndex): string {
  const model = index.model(id);
  const name = baseName(id);
  if (!model) return id;
  const author = AUTHOR[model.creator] ?? catalogAuthor(model.provider);
  // OpenRouter writes Claude versions with a dot (claude-sonnet-4.6); catalog ids use dashes.
  const slug = model.creator === 'Anthropic' ? name.replace(/-(\d)-(\d)$/, '-$1.$2') : name;
  return `${author}/${slug}`;
}

function catalogAuthor(provider: string): string {
  return provider === 'google-gemini' || provider === 'google-vertex' ? 'google' : provider;
}

export function writeOpenrouter(scenario: Scenario, ctx: InteropContext): Converted<string> {
  const notes = new Notes();
  const { chains } = routedModels(scenario, ctx);
  const index = ModelNameIndex.of(ctx.catalog);
  const heaviest = chains.reduce((best, c) => (c.weight > best.weight ? c : best), chains[0]!);
  if (chains.length > 1) notes.add('approximated', `routing.chains: OpenRouter has no weighted split; wrote the heaviest chain (${Math.round(heaviest.weight * 100)} % of traffic)`);
  const models: string[] = [];
  const order: string[] = [];
  for (const model of heaviest.models) {
    const slug = openrouterModelId(model.id, index);
    if (!models.includes(slug)) models.push(slug);
    else if (models[models.length - 1] !== slug) notes.add('approximated', `routing.chains: "${model.id}" returns to an earlier model; OpenRouter tries each model once`);
    const host = OPENROUTER_PROVIDER[model.provider];
    if (host && !order.includes(host)) order.push(host);
    if (model.custom) notes.add('approximated', `models.${model.id}: a custom model; check that "${slug}" is its OpenRouter id`);
  }
  const body: Record<string, unknown> = { models, provider: { order, allow_fallbacks: false } };
  if (scenario.routing.maxRetries) notes.add('approximated', 'routing.maxRetries: OpenRouter does not retry on request; the client does');
  if (scenario.routing.timeoutMs) notes.add('approximated', 'routing.timeoutMs: set it as your HTTP client timeout');
  notes.add('secret', 'No key written: send Authorization: Bearer <your OpenRouter key> with the request');
  return { value: `${JSON.stringify(body, null, 2)}\n`, notes: notes.list };
}
