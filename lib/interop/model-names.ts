import type { Catalog, Model } from '@/lib/catalog/schema';
import { EntityIdSchema } from '@/lib/scenario/schema';

/**
 * Gateway model names ⇄ catalog ids (docs/decisions/010). A name matches, in order: a catalog id; a model's
 * `litellmKey`; after a provider prefix (`anthropic/`, `openai/`, `bedrock/`, `vertex_ai/`, `azure/`, OpenRouter's
 * `google/`, Portkey's `@slug/`), an id or LiteLLM key of that provider's models; the same with dots between digits
 * written as dashes and date or `-latest` / `:free` suffixes dropped. Nothing matches by a guess across providers.
 */

export type MatchHow = 'id' | 'litellmKey' | 'prefix' | 'normalized';
export interface ModelMatch {
  id: string;
  how: MatchHow;
}

/** Gateway and SDK provider names (LiteLLM prefixes, Portkey providers, OpenRouter org slugs and provider names). */
const PROVIDER_ALIASES: Record<string, string> = {
  openai: 'openai',
  'openai-compatible': 'openai',
  anthropic: 'anthropic',
  bedrock: 'aws-bedrock',
  bedrock_converse: 'aws-bedrock',
  'amazon-bedrock': 'aws-bedrock',
  'aws-bedrock': 'aws-bedrock',
  'amazon bedrock': 'aws-bedrock',
  vertex_ai: 'google-vertex',
  'vertex_ai-language-models': 'google-vertex',
  'vertex_ai-anthropic_models': 'google-vertex',
  'vertex-ai': 'google-vertex',
  'google-vertex': 'google-vertex',
  'google vertex': 'google-vertex',
  azure: 'azure-openai',
  azure_ai: 'azure-openai',
  'azure-openai': 'azure-openai',
  gemini: 'google-gemini',
  google: 'google-gemini',
  'google-ai-studio': 'google-gemini',
  'google ai studio': 'google-gemini',
  'google-gemini': 'google-gemini',
  mistral: 'mistral',
  mistralai: 'mistral',
  'mistral-ai': 'mistral',
  deepseek: 'deepseek',
  groq: 'groq',
  together_ai: 'together',
  'together-ai': 'together',
  together: 'together',
  fireworks_ai: 'fireworks',
  'fireworks-ai': 'fireworks',
  fireworks: 'fireworks',
  deepinfra: 'deepinfra',
};

/** A gateway's provider name → catalog provider id, if the catalog has it. */
export function catalogProviderFor(name: string): string | undefined {
  const key = name.trim().toLowerCase().replace(/^@/, '');
  if (Object.hasOwn(PROVIDER_ALIASES, key)) return PROVIDER_ALIASES[key];
  // Portkey model-catalog slugs such as `@openai-prod`: the part before the first dash.
  const head = key.split(/[-_]/)[0] ?? '';
  return Object.hasOwn(PROVIDER_ALIASES, head) ? PROVIDER_ALIASES[head] : undefined;
}

/** LiteLLM's model prefix per catalog provider (what `litellm_params.model` starts with). */
export const LITELLM_PREFIX: Record<string, string> = {
  openai: 'openai/',
  anthropic: 'anthropic/',
  'aws-bedrock': 'bedrock/',
  'google-vertex': 'vertex_ai/',
  'azure-openai': 'azure/',
  'google-gemini': 'gemini/',
  mistral: 'mistral/',
  deepseek: 'deepseek/',
  groq: 'groq/',
  together: 'together_ai/',
  fireworks: 'fireworks_ai/',
  deepinfra: 'deepinfra/',
};

/** Catalog ids carry a host prefix for non-first-party hosts (`bedrock/claude-sonnet-4-6`); the base is the rest. */
export function baseName(id: string): string {
  const slash = id.indexOf('/');
  return slash === -1 ? id : id.slice(slash + 1);
}

function normalized(name: string): string {
  return name
    .toLowerCase()
    .replace(/:(free|beta|extended|nitro|floor|thinking)$/, '')
    .replace(/-(latest|\d{8}|\d{4}-\d{2}-\d{2})$/, '')
    .replace(/(\d)\.(\d)/g, '$1-$2');
}

export class ModelNameIndex {
  private readonly byId = new Map<string, Model>();
  private readonly byKey = new Map<string, Model>();
  constructor(readonly models: readonly Model[]) {
    for (const model of models) {
      this.byId.set(model.id, model);
      if (model.litellmKey && !this.byKey.has(model.litellmKey)) this.byKey.set(model.litellmKey, model);
    }
  }

  static of(catalog: Pick<Catalog, 'models'>): ModelNameIndex {
    return new ModelNameIndex(catalog.models);
  }

  model(id: string): Model | undefined {
    return this.byId.get(id);
  }

  byLitellmKey(key: string): Model | undefined {
    return this.byKey.get(key);
  }

  /** The catalog model a gateway name refers to; `providerHint` (a gateway provider name) narrows the search. */
  match(rawName: string, providerHint?: string): ModelMatch | undefined {
    const name = rawName.trim();
    if (name === '') return undefined;
    const hinted = providerHint ? catalogProviderFor(providerHint) : undefined;
    const direct = this.byId.get(name);
    if (direct && (!hinted || direct.provider === hinted)) return { id: direct.id, how: 'id' };
    const keyed = this.byKey.get(name);
    if (keyed && (!hinted || keyed.provider === hinted)) return { id: keyed.id, how: 'litellmKey' };

    let provider = hinted;
    let rest = name;
    const slash = name.indexOf('/');
    if (slash > 0) {
      const prefixProvider = catalogProviderFor(name.slice(0, slash));
      if (prefixProvider && (!provider || provider === prefixProvider)) {
        provider = prefixProvider;
        rest = name.slice(slash + 1).replace(/^converse\//, '').replace(/^(invoke|global|us|eu|apac)\//, '');
      }
    }
    // Bedrock cross-region inference profiles: `us.anthropic.claude-…` is the model `anthropic.claude-…`.
    if (provider === 'aws-bedrock') rest = rest.replace(/^(us|eu|apac|global)\.(?=[a-z]+\.)/, '');
    const candidates = provider ? this.models.filter((m) => m.provider === provider) : this.firstPartyModels();
    for (const model of candidates) {
      if (model.litellmKey === rest || baseName(model.id) === rest || model.id === rest) return { id: model.id, how: 'prefix' };
    }
    const wanted = normalized(rest);
    for (const model of candidates) {
      const keys = [baseName(model.id), model.litellmKey ? baseName(model.litellmKey) : undefined].filter((k): k is string => Boolean(k));
      if (keys.some((k) => normalized(k) === wanted)) return { id: model.id, how: 'normalized' };
    }
    return undefined;
  }

  /** The model with the same base name on another catalog provider (`claude-sonnet-4-6` on `aws-bedrock`). */
  variantOn(id: string, provider: string): Model | undefined {
    const model = this.byId.get(id);
    if (!model) return undefined;
    if (model.provider === provider) return model;
    const base = normalized(baseName(model.id));
    return this.models.find((m) => m.provider === provider && normalized(baseName(m.id)) === base);
  }

  private firstPartyModels(): Model[] {
    return this.models.filter((m) => !m.id.includes('/'));
  }
}

/** A valid, unused Scenario entity id from an arbitrary gateway name (unknown models become custom models). */
export function customModelId(name: string, taken: (id: string) => boolean): string {
  let base = name
    .replace(/[^A-Za-z0-9._:/@+-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 120);
  if (base === '' || !EntityIdSchema.safeParse(base).success) base = 'custom-model';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}
