import type { FailoverTrigger, Scenario } from '@/lib/scenario/schema';
import { checkSize, describe, InteropError, isRecord, joinPath, Notes, optionalNumber, own, parseJsonText, type Converted } from './common';
import { baseName } from './model-names';
import { buildScenario, routedModels, type DraftModel, type InteropContext, type RoutedModel, type RoutingDraft } from './scenario-build';

/**
 * Portkey gateway config (JSON) ⇄ Scenario routing (docs/decisions/010).
 *
 * Read: a target is a leaf (`provider` + `override_params.model`) or a nested `strategy` + `targets`. `fallback`
 * tries its targets in order, `loadbalance` splits traffic by `weight` (default 1, 0 = no traffic), so a config
 * expands into weighted chains. `retry.attempts` → `maxRetries`, `request_timeout` (ms) → `timeoutMs`,
 * `strategy.on_status_codes` → `failoverOn` (429 → 429, 5xx → 5xx, 408 → timeout; none listed = any error).
 * `api_key` and `virtual_key` are never read into the result.
 */

interface Alternative {
  weight: number;
  models: DraftModel[];
}

const MAX_DEPTH = 6;
const MAX_ALTERNATIVES = 64;

export function readPortkey(text: string, ctx: InteropContext, base?: Scenario): Converted<Scenario> {
  checkSize(text, 'portkey');
  const notes = new Notes();
  const root = parseJsonText(text, 'portkey');
  if (!isRecord(root)) throw new InteropError('portkey', `expected a config object (got ${describe(root)})`);
  if (own(root, 'model_list') !== undefined) throw new InteropError('strategy', 'required (this looks like a LiteLLM proxy config: use --from litellm-router)');
  if (own(root, 'strategy') === undefined && own(root, 'targets') === undefined && own(root, 'override_params') === undefined) {
    throw new InteropError('strategy', `required: a Portkey config has strategy and targets${own(root, 'models') !== undefined ? ' (this looks like an OpenRouter request body: use --from openrouter)' : ''}`);
  }
  const alternatives = expand(root, '', 0, notes);
  const draft: RoutingDraft = { name: 'Portkey config', chains: alternatives.map((a) => ({ weight: a.weight, models: a.models })) };

  const retry = own(root, 'retry');
  if (retry !== undefined) {
    if (!isRecord(retry)) throw new InteropError('retry', `must be an object with attempts (got ${describe(retry)})`);
    const attempts = optionalNumber(own(retry, 'attempts'), 'retry.attempts', 0, 10);
    if (attempts !== undefined) {
      if (!Number.isInteger(attempts)) throw new InteropError('retry.attempts', `must be a whole number (got ${attempts})`);
      draft.maxRetries = attempts;
    }
    if (own(retry, 'on_status_codes') !== undefined) notes.add('approximated', 'retry.on_status_codes: retries are modelled on every retryable error (429, 5xx, timeouts)');
  }
  const timeout = optionalNumber(own(root, 'request_timeout'), 'request_timeout', 1, 3.6e6);
  if (timeout !== undefined) draft.timeoutMs = timeout;
  draft.failoverOn = triggers(root, '', notes);
  if (own(root, 'cache') !== undefined) notes.add('approximated', 'cache: Portkey response caching is not modelled (use workload.cachedShare for prompt caching)');
  return buildScenario(draft, ctx, base, notes);
}

function triggers(node: Record<string, unknown>, at: string, notes: Notes): FailoverTrigger[] {
  const strategy = own(node, 'strategy');
  const codes = isRecord(strategy) ? own(strategy, 'on_status_codes') : undefined;
  if (codes === undefined) return ['429', '5xx', 'timeout'];
  const field = joinPath(at, 'strategy.on_status_codes');
  if (!Array.isArray(codes)) throw new InteropError(field, 'must be a list of HTTP status codes');
  const out = new Set<FailoverTrigger>();
  codes.forEach((code, i) => {
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 100 || code > 599) throw new InteropError(joinPath(field, i), `must be an HTTP status code (got ${describe(code)})`);
    if (code === 429) out.add('429');
    else if (code === 408) out.add('timeout');
    else if (code >= 500) out.add('5xx');
    else notes.add('approximated', `${joinPath(field, i)}: ${code} is not a modelled failure (only 429, 5xx and timeouts are)`);
  });
  return (['429', '5xx', 'timeout'] as const).filter((t) => out.has(t));
}

/** A target → the weighted model lists it sends traffic down. */
function expand(node: Record<string, unknown>, at: string, depth: number, notes: Notes): Alternative[] {
  if (depth > MAX_DEPTH) throw new InteropError(at || 'targets', `nested more than ${MAX_DEPTH} levels`);
  for (const key of ['api_key', 'virtual_key']) if (own(node, key) !== undefined) notes.add('secret', `${joinPath(at, key)}: not copied`);
  const strategy = own(node, 'strategy');
  const targets = own(node, 'targets');
  if (strategy === undefined && targets === undefined) return [{ weight: 1, models: [leaf(node, at)] }];
  if (!isRecord(strategy)) throw new InteropError(joinPath(at, 'strategy'), `must be an object with mode (got ${describe(strategy)})`);
  const mode = own(strategy, 'mode');
  if (!Array.isArray(targets) || targets.length === 0) {
    if (mode === 'single' && own(node, 'provider') !== undefined) return [{ weight: 1, models: [leaf(node, at)] }];
    throw new InteropError(joinPath(at, 'targets'), 'required: a non-empty list of targets');
  }
  if (depth > 0 && own(strategy, 'on_status_codes') !== undefined) notes.add('approximated', `${joinPath(at, 'strategy.on_status_codes')}: nested failover codes are not modelled; the top-level ones apply`);
  const children = targets.map((t, i) => {
    const childAt = joinPath(joinPath(at, 'targets'), i);
    if (!isRecord(t)) throw new InteropError(childAt, `must be an object (got ${describe(t)})`);
    return { node: t, at: childAt };
  });
  if (mode === 'fallback') {
    let out: Alternative[] = [{ weight: 1, models: [] }];
    for (const child of children) {
      const next = expand(child.node, child.at, depth + 1, notes);
      out = out.flatMap((a) => next.map((b) => ({ weight: a.weight * b.weight, models: [...a.models, ...b.models] })));
      if (out.length > MAX_ALTERNATIVES) throw new InteropError(joinPath(at, 'targets'), `expands to more than ${MAX_ALTERNATIVES} routes`);
    }
    return out;
  }
  if (mode === 'loadbalance') {
    const weighted = children.map((child) => {
      const weight = optionalNumber(own(child.node, 'weight'), joinPath(child.at, 'weight'), 0, 1e6) ?? 1;
      if (weight === 0) notes.add('skipped', `${joinPath(child.at, 'weight')}: 0, so it gets no traffic; left out`);
      return { ...child, weight };
    }).filter((c) => c.weight > 0);
    const total = weighted.reduce((sum, c) => sum + c.weight, 0);
    if (total === 0) throw new InteropError(joinPath(at, 'targets'), 'every target has weight 0');
    return weighted.flatMap((c) => expand(c.node, c.at, depth + 1, notes).map((a) => ({ weight: (a.weight * c.weight) / total, models: a.models })));
  }
  if (mode === 'single') return expand(children[0]!.node, children[0]!.at, depth + 1, notes);
  if (mode === 'conditional') {
    notes.add('approximated', `${joinPath(at, 'strategy')}: conditional routing is modelled as its default target (or the first)`);
    const fallbackName = own(strategy, 'default');
    const chosen = children.find((c) => own(c.node, 'name') === fallbackName) ?? children[0]!;
    return expand(chosen.node, chosen.at, depth + 1, notes);
  }
  throw new InteropError(joinPath(at, 'strategy.mode'), `must be one of "fallback", "loadbalance", "single", "conditional" (got ${describe(mode)})`);
}

function leaf(node: Record<string, unknown>, at: string): DraftModel {
  const params = own(node, 'override_params');
  const model = isRecord(params) ? own(params, 'model') : undefined;
  const provider = own(node, 'provider');
  if (typeof model !== 'string' || model.trim() === '') {
    throw new InteropError(joinPath(at, 'override_params.model'), 'required: RouteCost needs the model each target sends to');
  }
  const draft: DraftModel = { name: model.trim(), at: at || '(config)' };
  // `@openai-prod/gpt-4o` (model catalog) or `provider: "@openai-prod"` / `"openai"`.
  if (draft.name.startsWith('@') && draft.name.includes('/')) {
    draft.providerHint = draft.name.slice(1, draft.name.indexOf('/'));
    draft.name = draft.name.slice(draft.name.indexOf('/') + 1);
  } else if (typeof provider === 'string' && provider.trim() !== '') {
    draft.providerHint = provider.trim();
  }
  return draft;
}

// ---- write --------------------------------------------------------------------------------------------------------

/** Portkey's provider name for a catalog provider. */
const PORTKEY_PROVIDER: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  'aws-bedrock': 'bedrock',
  'google-vertex': 'vertex-ai',
  'azure-openai': 'azure-openai',
  'google-gemini': 'google',
  mistral: 'mistral-ai',
  deepseek: 'deepseek',
  groq: 'groq',
  together: 'together-ai',
  fireworks: 'fireworks-ai',
  deepinfra: 'deepinfra',
};

function portkeyTarget(model: RoutedModel): Record<string, unknown> {
  const name = model.custom ? model.id : model.litellmKey ? baseName(model.litellmKey) : baseName(model.id);
  return { provider: PORTKEY_PROVIDER[model.provider] ?? model.provider, override_params: { model: name } };
}

export function writePortkey(scenario: Scenario, ctx: InteropContext): Converted<string> {
  const notes = new Notes();
  const { chains } = routedModels(scenario, ctx);
  const routing = scenario.routing;
  const codes: number[] = [];
  const triggersOn = routing.failoverOn ?? [];
  if (triggersOn.includes('429')) codes.push(429);
  if (triggersOn.includes('timeout')) codes.push(408);
  if (triggersOn.includes('5xx')) codes.push(500, 502, 503, 504);
  const fallbackStrategy = { mode: 'fallback', on_status_codes: codes };
  const chainNode = (models: RoutedModel[]): Record<string, unknown> =>
    models.length === 1 ? portkeyTarget(models[0]!) : { strategy: fallbackStrategy, targets: models.map(portkeyTarget) };

  let config: Record<string, unknown>;
  if (chains.length === 1) {
    config = chains[0]!.models.length === 1 ? { strategy: { mode: 'single' }, targets: [portkeyTarget(chains[0]!.models[0]!)] } : { strategy: fallbackStrategy, targets: chains[0]!.models.map(portkeyTarget) };
  } else {
    config = { strategy: { mode: 'loadbalance' }, targets: chains.map((c) => ({ weight: c.weight, ...chainNode(c.models) })) };
  }
  if (routing.maxRetries) config.retry = { attempts: routing.maxRetries };
  if (routing.timeoutMs !== undefined && routing.timeoutMs !== null) config.request_timeout = routing.timeoutMs;
  if (triggersOn.length === 0 && chains.some((c) => c.models.length > 1)) notes.add('approximated', 'routing.failoverOn: empty, so the fallback targets get no traffic; written with on_status_codes []');
  if (routing.backoff) notes.add('approximated', 'routing.backoff: Portkey uses its own exponential backoff; not written');
  if (routing.chains.some((c) => c.maxRetries)) notes.add('approximated', 'routing.chains[].maxRetries: per-position retries are not a Portkey setting; retry.attempts applies to all');
  for (const model of new Map(chains.flatMap((c) => c.models).map((m) => [m.id, m] as const)).values()) {
    if (typeof model.rpm === 'number' || typeof model.tpm === 'number') notes.add('approximated', `models.${model.id}: Portkey configs carry no rate limits; rpm/tpm not written`);
  }
  notes.add('secret', 'targets: no api_key or virtual_key written; add your own (or use @provider slugs from the Portkey model catalog)');
  return { value: `${JSON.stringify(config, null, 2)}\n`, notes: notes.list };
}
