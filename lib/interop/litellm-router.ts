import { parseDocument, stringify } from 'yaml';
import type { Scenario } from '@/lib/scenario/schema';
import {
  checkSize,
  describe,
  InteropError,
  isRecord,
  joinPath,
  Notes,
  optionalNumber,
  own,
  perMillion,
  perToken,
  readString,
  type Converted,
} from './common';
import { baseName, LITELLM_PREFIX } from './model-names';
import { buildScenario, routedModels, type DraftModel, type InteropContext, type RoutedModel, type RoutingDraft } from './scenario-build';

/**
 * LiteLLM proxy config (`config.yaml`) ⇄ Scenario routing (docs/decisions/010).
 *
 * Read: `model_list[].model_name` is a model group; its deployments (`litellm_params.model`, `rpm`, `tpm`, `weight`)
 * become weighted chains (weight, else rpm, else tpm, else equal, as LiteLLM's simple-shuffle picks them); the
 * primary group is the first group that is no other group's fallback; `fallbacks` (router_settings or
 * litellm_settings) append the fallback groups to every chain in order; `num_retries` → `maxRetries`, `timeout` (s)
 * → `timeoutMs`. LiteLLM falls back on any error after its retries, so `failoverOn` is every trigger.
 * Keys (`api_key`, `os.environ/...`) are never read into the result.
 */

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

function parseYaml(text: string, notes: Notes): unknown {
  checkSize(text, 'litellm-router');
  const doc = parseDocument(text, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error) throw new InteropError('litellm-router', `not valid YAML (${error.message.split('\n')[0]})`);
  try {
    // maxAliasCount stops "billion laughs" alias bombs before they expand.
    return doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : 'cannot read';
    throw new InteropError('litellm-router', /alias/i.test(reason ?? '') ? 'too many YAML aliases (an alias bomb?); refused' : `not valid YAML (${reason})`);
  } finally {
    if (doc.warnings.length > 0) notes.add('info', `litellm-router: ${doc.warnings.length} YAML warning(s) ignored`);
  }
}

interface Deployment extends DraftModel {
  group: string;
  weight?: number;
}

export function readLitellmRouter(text: string, ctx: InteropContext, base?: Scenario): Converted<Scenario> {
  const notes = new Notes();
  const root = parseYaml(text, notes);
  if (!isRecord(root)) throw new InteropError('litellm-router', `expected a YAML mapping with model_list (got ${describe(root)})`);
  const modelList = own(root, 'model_list');
  if (modelList === undefined) {
    const hint = own(root, 'targets') !== undefined || own(root, 'strategy') !== undefined ? ' (this looks like a Portkey config: use --from portkey)' : own(root, 'models') !== undefined ? ' (this looks like an OpenRouter request body: use --from openrouter)' : '';
    throw new InteropError('model_list', `required${hint}`);
  }
  if (!Array.isArray(modelList) || modelList.length === 0) throw new InteropError('model_list', 'must be a non-empty list of deployments');
  if (modelList.length > 200) throw new InteropError('model_list', `has ${modelList.length} deployments; at most 200 are read`);

  const deployments: Deployment[] = [];
  modelList.forEach((entry, i) => {
    const at = joinPath('model_list', i);
    if (!isRecord(entry)) throw new InteropError(at, `must be a mapping (got ${describe(entry)})`);
    const group = readString(own(entry, 'model_name'), joinPath(at, 'model_name'));
    const params = own(entry, 'litellm_params');
    if (!isRecord(params)) throw new InteropError(joinPath(at, 'litellm_params'), 'required: a mapping with model');
    const model = readString(own(params, 'model'), joinPath(at, 'litellm_params.model'));
    for (const key of ['api_key', 'aws_secret_access_key', 'aws_access_key_id', 'vertex_credentials', 'api_base']) {
      if (own(params, key) !== undefined) notes.add('secret', `${joinPath(at, `litellm_params.${key}`)}: not copied`);
    }
    const info = isRecord(own(entry, 'model_info')) ? (own(entry, 'model_info') as Record<string, unknown>) : {};
    const mode = own(info, 'mode');
    if (mode !== undefined && mode !== 'chat' && mode !== 'responses') {
      notes.add('skipped', `${joinPath(at, 'model_info.mode')}: "${String(mode)}" deployments are not chat traffic; left out`);
      return;
    }
    const baseModel = typeof own(info, 'base_model') === 'string' ? (own(info, 'base_model') as string) : undefined;
    const read = (key: string, max: number) =>
      optionalNumber(own(params, key) ?? own(entry, key), joinPath(at, own(params, key) !== undefined ? `litellm_params.${key}` : key), 0, max);
    const inputCost = optionalNumber(own(params, 'input_cost_per_token') ?? own(info, 'input_cost_per_token'), joinPath(at, 'input_cost_per_token'), 0, 0.01);
    const outputCost = optionalNumber(own(params, 'output_cost_per_token') ?? own(info, 'output_cost_per_token'), joinPath(at, 'output_cost_per_token'), 0, 0.01);
    const deployment: Deployment = { group, name: baseModel && model.startsWith('azure/') ? `azure/${baseModel.replace(/^azure\//, '')}` : model, at };
    const rpm = read('rpm', 1e9);
    const tpm = read('tpm', 1e12);
    const weight = optionalNumber(own(params, 'weight'), joinPath(at, 'litellm_params.weight'), 0, 1e6);
    if (rpm !== undefined) deployment.rpm = rpm;
    if (tpm !== undefined) deployment.tpm = tpm;
    if (weight !== undefined) deployment.weight = weight;
    if (inputCost !== undefined) deployment.inputPer1M = perMillion(inputCost);
    if (outputCost !== undefined) deployment.outputPer1M = perMillion(outputCost);
    if (own(params, 'timeout') !== undefined) notes.add('approximated', `${joinPath(at, 'litellm_params.timeout')}: per-deployment timeouts are not modelled; the router timeout applies`);
    deployments.push(deployment);
  });
  if (deployments.length === 0) throw new InteropError('model_list', 'has no chat deployment');

  const router = isRecord(own(root, 'router_settings')) ? (own(root, 'router_settings') as Record<string, unknown>) : {};
  const settings = isRecord(own(root, 'litellm_settings')) ? (own(root, 'litellm_settings') as Record<string, unknown>) : {};
  const pick = (key: string): { value: unknown; at: string } =>
    own(router, key) !== undefined ? { value: own(router, key), at: `router_settings.${key}` } : { value: own(settings, key), at: `litellm_settings.${key}` };

  const groups = [...new Set(deployments.map((d) => d.group))];
  const fallbacks = readFallbacks(pick('fallbacks'), groups, notes);
  const fallbackTargets = new Set([...fallbacks.values()].flat());
  const primary = groups.find((g) => !fallbackTargets.has(g)) ?? groups[0]!;
  const others = groups.filter((g) => g !== primary && !(fallbacks.get(primary) ?? []).includes(g));
  if (others.length > 0) notes.add('skipped', `model_list: groups ${others.map((g) => `"${g}"`).join(', ')} serve other traffic; the scenario routes group "${primary}"`);

  const strategy = pick('routing_strategy');
  if (strategy.value !== undefined && strategy.value !== 'simple-shuffle') {
    notes.add('approximated', `${strategy.at}: "${String(strategy.value)}" is modelled as fixed weights (deployment weight, else rpm, else tpm, else equal)`);
  }
  for (const key of ['context_window_fallbacks', 'content_policy_fallbacks', 'retry_policy', 'allowed_fails', 'cooldown_time']) {
    if (pick(key).value !== undefined) notes.add('approximated', `${pick(key).at}: not modelled`);
  }

  const primaryDeployments = deployments.filter((d) => d.group === primary);
  const shares = deploymentShares(primaryDeployments);
  const tail = (fallbacks.get(primary) ?? []).flatMap((g) => {
    const members = deployments.filter((d) => d.group === g);
    if (members.length > 1) notes.add('approximated', `fallback group "${g}": ${members.length} deployments; the chain falls back to the first, "${members[0]!.name}"`);
    return members.slice(0, 1);
  });
  const draft: RoutingDraft = {
    name: `LiteLLM: ${primary}`,
    chains: primaryDeployments.map((d, i) => ({ weight: shares[i]!, models: [d, ...tail] })),
    failoverOn: ['429', '5xx', 'timeout'],
  };
  const retries = pick('num_retries');
  const retryCount = optionalNumber(retries.value, retries.at, 0, 1e6);
  if (retryCount !== undefined) {
    if (!Number.isInteger(retryCount)) throw new InteropError(retries.at, `must be a whole number (got ${retryCount})`);
    draft.maxRetries = Math.min(10, retryCount);
    if (retryCount > 10) notes.add('approximated', `${retries.at}: ${retryCount} capped at 10 retries`);
  }
  const timeout = own(router, 'timeout') !== undefined ? { value: own(router, 'timeout'), at: 'router_settings.timeout' } : { value: own(settings, 'request_timeout'), at: 'litellm_settings.request_timeout' };
  const seconds = optionalNumber(timeout.value, timeout.at, 0.001, 3600);
  if (seconds !== undefined) draft.timeoutMs = Math.round(seconds * 1000);
  return buildScenario(draft, ctx, base, notes);
}

/** `fallbacks: [{group: [fallback, …]}]` → group → fallback groups (known groups only, each unknown one noted). */
function readFallbacks(source: { value: unknown; at: string }, groups: readonly string[], notes: Notes): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (source.value === undefined || source.value === null) return out;
  if (!Array.isArray(source.value)) throw new InteropError(source.at, 'must be a list of {group: [fallbacks]}');
  source.value.forEach((item, i) => {
    const at = joinPath(source.at, i);
    if (!isRecord(item)) throw new InteropError(at, `must be a mapping {group: [fallbacks]} (got ${describe(item)})`);
    for (const group of Object.keys(item)) {
      const list = item[group];
      if (!Array.isArray(list)) throw new InteropError(joinPath(at, group), 'must be a list of model groups');
      const known = list.filter((g): g is string => typeof g === 'string' && groups.includes(g));
      const unknown = list.filter((g) => typeof g !== 'string' || !groups.includes(g));
      if (unknown.length > 0) notes.add('skipped', `${joinPath(at, group)}: ${unknown.map((g) => JSON.stringify(g)).join(', ')} not in model_list; left out`);
      if (groups.includes(group)) out.set(group, [...(out.get(group) ?? []), ...known.filter((g) => g !== group)]);
    }
  });
  return out;
}

/** simple-shuffle: `weight` if any deployment has one, else rpm, else tpm, else equal shares. */
function deploymentShares(deployments: readonly Deployment[]): number[] {
  const by = (f: (d: Deployment) => number | undefined) => (deployments.some((d) => f(d) !== undefined) ? deployments.map((d) => f(d) ?? 0) : undefined);
  const raw = by((d) => d.weight) ?? by((d) => d.rpm) ?? by((d) => d.tpm) ?? deployments.map(() => 1);
  return raw.every((w) => w === 0) ? deployments.map(() => 1) : raw;
}

// ---- write --------------------------------------------------------------------------------------------------------

/** `litellm_params.model` for a routed model: the LiteLLM key with its provider prefix (`anthropic/claude-…`). */
export function litellmModelString(model: RoutedModel): string {
  const prefix = LITELLM_PREFIX[model.provider];
  const key = model.litellmKey ?? (model.custom ? model.id : baseName(model.id));
  if (!prefix || key.startsWith(prefix)) return key;
  return `${prefix}${key}`;
}

export function writeLitellmRouter(scenario: Scenario, ctx: InteropContext): Converted<string> {
  const notes = new Notes();
  const { chains } = routedModels(scenario, ctx);
  const routing = scenario.routing;
  const primaryGroup = chains.length === 1 ? chains[0]!.models[0]!.id : 'primary';
  const modelList: Record<string, unknown>[] = [];
  const deployment = (group: string, model: RoutedModel, weight?: number) => {
    const params: Record<string, unknown> = { model: litellmModelString(model) };
    if (weight !== undefined) params.weight = weight;
    if (typeof model.rpm === 'number') params.rpm = model.rpm;
    if (typeof model.tpm === 'number') params.tpm = model.tpm;
    const entry: Record<string, unknown> = { model_name: group, litellm_params: params };
    if (model.custom && model.inputPer1M !== undefined && model.outputPer1M !== undefined) {
      entry.model_info = { mode: 'chat', input_cost_per_token: perToken(model.inputPer1M), output_cost_per_token: perToken(model.outputPer1M) };
    }
    modelList.push(entry);
  };
  chains.forEach((chain) => deployment(primaryGroup, chain.models[0]!, chains.length > 1 ? chain.weight : undefined));

  const tails = chains.map((c) => c.models.slice(1).map((m) => m.id));
  const union: string[] = [];
  for (const tail of tails) for (const id of tail) if (!union.includes(id)) union.push(id);
  if (tails.some((t) => t.join() !== tails[0]!.join())) {
    notes.add('approximated', `routing.chains: LiteLLM has one fallback list per model group; the chains' fallbacks were merged in order (${union.join(', ')})`);
  }
  const byId = new Map(chains.flatMap((c) => c.models).map((m) => [m.id, m]));
  for (const id of union) deployment(id, byId.get(id)!);

  const routerSettings: Record<string, unknown> = { routing_strategy: 'simple-shuffle', num_retries: routing.maxRetries ?? 0 };
  if (routing.timeoutMs !== undefined && routing.timeoutMs !== null) routerSettings.timeout = routing.timeoutMs / 1000;
  if (union.length > 0) routerSettings.fallbacks = [{ [primaryGroup]: union }];

  const triggers = routing.failoverOn ?? [];
  if (union.length > 0 && triggers.length < 3) notes.add('approximated', `routing.failoverOn: LiteLLM falls back on any error after its retries, not only on ${triggers.length === 0 ? 'nothing' : triggers.join(', ')}`);
  if (routing.backoff) notes.add('approximated', 'routing.backoff: LiteLLM picks its own retry backoff; not written');
  if (chains.some((c, i) => routing.chains[i]?.maxRetries)) notes.add('approximated', 'routing.chains[].maxRetries: per-position retries are not a LiteLLM setting; num_retries applies to all');
  notes.add('secret', 'model_list: no api_key written; add `api_key: os.environ/<PROVIDER>_API_KEY` to each deployment');

  const header = `# LiteLLM proxy config written by RouteCost from "${(scenario.name ?? 'scenario').replace(/[\r\n]/g, ' ')}".\n# Keys are never exported: add api_key: os.environ/<PROVIDER>_API_KEY to each deployment.\n`;
  const body = stringify({ model_list: modelList, router_settings: routerSettings }, { lineWidth: 0 });
  return { value: header + body, notes: notes.list };
}
