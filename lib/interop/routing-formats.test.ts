import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { presetScenario, PRESET_IDS } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { InteropError } from './common';
import { readRouting, writeRouting, ROUTING_FORMATS } from './index';
import { ModelNameIndex } from './model-names';

const ctx = { catalog };
const fixture = (name: string) => readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

/** The parts of a scenario a gateway config carries. */
function routingOf(s: Scenario) {
  return { chains: s.routing.chains, maxRetries: s.routing.maxRetries ?? 0, timeoutMs: s.routing.timeoutMs ?? null };
}

function expectError(run: () => unknown, field: string | RegExp): InteropError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InteropError);
    const e = error as InteropError;
    if (typeof field === 'string') expect(e.field).toBe(field);
    else expect(e.message).toMatch(field);
    return e;
  }
  throw new Error('expected an InteropError');
}

describe('model names → catalog ids', () => {
  const index = ModelNameIndex.of(catalog);
  it.each([
    ['gpt-4o', 'gpt-4o'],
    ['openai/gpt-4o', 'gpt-4o'],
    ['anthropic/claude-sonnet-4-6', 'claude-sonnet-4-6'],
    ['anthropic/claude-sonnet-4.6', 'claude-sonnet-4-6'],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4-5'],
    ['bedrock/anthropic.claude-sonnet-4-6', 'bedrock/claude-sonnet-4-6'],
    ['bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0', 'bedrock/claude-haiku-4-5'],
    ['vertex_ai/gemini-2.5-pro', 'vertex/gemini-2.5-pro'],
    ['vertex_ai/claude-sonnet-4-6', 'vertex/claude-sonnet-4-6'],
    ['azure/gpt-4.1', 'azure/gpt-4.1'],
    ['gemini/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['google/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['groq/openai/gpt-oss-120b', 'groq/gpt-oss-120b'],
    ['mistralai/mistral-small-latest', 'mistral-small'],
  ])('%s → %s', (name, id) => {
    expect(index.match(name)?.id).toBe(id);
  });

  it('never guesses across providers or for unknown names', () => {
    expect(index.match('cohere/command-r')).toBeUndefined();
    expect(index.match('gpt-4o', 'anthropic')).toBeUndefined();
    expect(index.match('')).toBeUndefined();
  });
});

describe('litellm-router', () => {
  const read = readRouting('litellm-router', fixture('litellm-config.yaml'), ctx);

  it('weighted deployments become weighted chains; fallbacks become the chain order; retries and timeout', () => {
    expect(read.value.routing.chains).toEqual([
      { weight: 0.25, models: ['azure/gpt-4o', 'claude-sonnet-4-6'] },
      { weight: 0.75, models: ['gpt-4o', 'claude-sonnet-4-6'] },
    ]);
    expect(read.value.routing.maxRetries).toBe(2);
    expect(read.value.routing.timeoutMs).toBe(30_000);
    expect(read.value.models).toEqual({ 'azure/gpt-4o': { rpm: 600, tpm: 200_000 }, 'gpt-4o': { rpm: 1800 } });
  });

  it('never copies keys and says so; skips non-chat deployments', () => {
    const text = JSON.stringify(read.value);
    expect(text).not.toMatch(/sk-|os\.environ|api_key|example-eu/);
    expect(read.notes.filter((n) => n.kind === 'secret').length).toBeGreaterThanOrEqual(3);
    expect(read.notes.some((n) => n.kind === 'skipped' && n.text.includes('model_list[3].model_info.mode'))).toBe(true);
  });

  it('lists every default it filled in', () => {
    const defaults = read.notes.filter((n) => n.kind === 'default').map((n) => n.text);
    expect(defaults.some((t) => t.startsWith('workload:'))).toBe(true);
    expect(defaults.some((t) => t.startsWith('routing.backoff:'))).toBe(true);
  });

  it('writes a config without keys that reads back to the same routing', () => {
    const yaml = writeRouting('litellm-router', read.value, ctx);
    expect(yaml.value).toContain('model: azure/gpt-4o');
    expect(yaml.value).toContain('num_retries: 2');
    expect(yaml.value).not.toMatch(/^\s+api_key:/m);
    const back = readRouting('litellm-router', yaml.value, ctx);
    expect(routingOf(back.value)).toEqual(routingOf(read.value));
    expect(back.value.models).toEqual(read.value.models);
  });

  it('an unknown model becomes a custom model with a note (and its prices when the config has them)', () => {
    const yaml = `model_list:\n  - model_name: main\n    litellm_params:\n      model: cohere/command-r-plus\n      input_cost_per_token: 0.0000025\n      output_cost_per_token: 0.00001\n`;
    const out = readRouting('litellm-router', yaml, ctx);
    expect(out.value.models?.['cohere/command-r-plus']).toMatchObject({ provider: 'cohere', inputPer1M: 2.5, outputPer1M: 10 });
    expect(out.value.providers?.cohere).toEqual({ availability: 0.995 });
    expect(out.notes.some((n) => n.text.includes('not in the catalog'))).toBe(true);
    const back = readRouting('litellm-router', writeRouting('litellm-router', out.value, ctx).value, ctx);
    expect(back.value.models?.['cohere/command-r-plus']).toMatchObject({ inputPer1M: 2.5, outputPer1M: 10 });
  });

  it('refuses wrong input naming the field', () => {
    expectError(() => readRouting('litellm-router', fixture('portkey-config.json'), ctx), /model_list: required \(this looks like a Portkey config/);
    expectError(() => readRouting('litellm-router', 'model_list:\n  - model_name: a\n    litellm_params:\n      model: gpt-4o\n      rpm: lots\n', ctx), 'model_list[0].litellm_params.rpm');
    expectError(() => readRouting('litellm-router', 'model_list: [', ctx), /not valid YAML/);
    expectError(() => readRouting('litellm-router', 'model_list:\n  - model_name: a\n', ctx), 'model_list[0].litellm_params');
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${new Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    lines.push('model_list: *j');
    expectError(() => readRouting('litellm-router', lines.join('\n'), ctx), /alias/);
  });

  it('gateway names such as constructor or __proto__ become ordinary custom model ids', () => {
    const yaml = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: constructor\n      rpm: 10\n  - model_name: a\n    litellm_params:\n      model: __proto__\n      rpm: 30\n';
    const out = readRouting('litellm-router', yaml, ctx);
    expect(out.value.routing.chains.map((c) => c.models[0])).toEqual(['constructor', 'proto__']);
    expect(Object.hasOwn(out.value.models ?? {}, 'constructor')).toBe(true);
    expect(out.value.models?.constructor).toMatchObject({ provider: 'custom', rpm: 10 });
    expect(({} as Record<string, unknown>).rpm).toBeUndefined();
  });

  it('a deployment without rpm among deployments with rpm gets no traffic (simple-shuffle), and says so', () => {
    const yaml = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: gpt-4o\n      rpm: 10\n  - model_name: a\n    litellm_params:\n      model: azure/gpt-4o\n';
    const out = readRouting('litellm-router', yaml, ctx);
    expect(out.value.routing.chains).toEqual([{ weight: 1, models: ['gpt-4o'] }]);
    expect(out.notes.some((n) => n.kind === 'skipped' && n.text.startsWith('model_list[1]: gets no traffic'))).toBe(true);
  });

  it('does not pollute Object.prototype through __proto__ keys', () => {
    const yaml = 'model_list:\n  - model_name: a\n    __proto__:\n      polluted: yes\n    litellm_params:\n      model: gpt-4o\n      __proto__:\n        polluted: yes\n';
    readRouting('litellm-router', yaml, ctx);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('portkey', () => {
  const read = readRouting('portkey', fixture('portkey-config.json'), ctx);

  it('nested loadbalance inside fallback expands to weighted chains', () => {
    expect(read.value.routing.chains).toEqual([
      { weight: 0.7, models: ['gpt-4o-mini', 'claude-haiku-4-5'] },
      { weight: 0.3, models: ['azure/gpt-4o-mini', 'claude-haiku-4-5'] },
    ]);
    expect(read.value.routing).toMatchObject({ maxRetries: 3, timeoutMs: 20_000, failoverOn: ['429', '5xx', 'timeout'] });
    expect(JSON.stringify(read.value)).not.toMatch(/NEVER|sk-|virtual/);
  });

  it('on_status_codes map to failover triggers', () => {
    const config = { strategy: { mode: 'fallback', on_status_codes: [429] }, targets: [{ provider: 'openai', override_params: { model: 'gpt-4o' } }, { provider: 'anthropic', override_params: { model: 'claude-haiku-4-5' } }] };
    expect(readRouting('portkey', JSON.stringify(config), ctx).value.routing.failoverOn).toEqual(['429']);
  });

  it('round trip through a Portkey config keeps the routing', () => {
    const written = writeRouting('portkey', read.value, ctx);
    expect(routingOf(readRouting('portkey', written.value, ctx).value)).toEqual(routingOf(read.value));
  });

  it('refuses wrong input naming the field', () => {
    expectError(() => readRouting('portkey', fixture('litellm-config.yaml'), ctx), /not valid JSON/);
    expectError(() => readRouting('portkey', '{"strategy":{"mode":"fallback"},"targets":[{"provider":"openai"}]}', ctx), 'targets[0].override_params.model');
    expectError(() => readRouting('portkey', '{"strategy":{"mode":"roundrobin"},"targets":[{"provider":"openai","override_params":{"model":"gpt-4o"}}]}', ctx), 'strategy.mode');
    expectError(() => readRouting('portkey', '{"model_list":[]}', ctx), /LiteLLM proxy config/);
  });

  it('does not pollute Object.prototype', () => {
    readRouting('portkey', '{"__proto__":{"polluted":1},"strategy":{"mode":"single"},"targets":[{"provider":"openai","override_params":{"model":"gpt-4o","__proto__":{"polluted":1}}}]}', ctx);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('openrouter', () => {
  const read = readRouting('openrouter', fixture('openrouter-body.json'), ctx);

  it('models is the fallback list; provider.order expands a model over its hosts', () => {
    expect(read.value.routing.chains).toEqual([
      { weight: 1, models: ['claude-sonnet-4-6', 'bedrock/claude-sonnet-4-6', 'gpt-4o', 'meta-llama/llama-3.1-8b-instruct'] },
    ]);
    expect(read.value.costs?.aggregatorFeePct).toBe(5.5);
    expect(read.notes.some((n) => n.kind === 'default' && n.text.includes('meta-llama/llama-3.1-8b-instruct'))).toBe(true);
  });

  it('round trip through an OpenRouter body keeps the chain', () => {
    const written = writeRouting('openrouter', read.value, ctx);
    const body = JSON.parse(written.value) as { models: string[]; provider: { order: string[]; allow_fallbacks: boolean } };
    expect(body.models).toEqual(['anthropic/claude-sonnet-4.6', 'openai/gpt-4o', 'meta-llama/llama-3.1-8b-instruct']);
    expect(body.provider).toEqual({ order: ['anthropic', 'amazon-bedrock', 'openai'], allow_fallbacks: false });
    expect(readRouting('openrouter', written.value, ctx).value.routing.chains).toEqual(read.value.routing.chains);
  });

  it('refuses wrong input naming the field', () => {
    expectError(() => readRouting('openrouter', '{"models": []}', ctx), 'models');
    expectError(() => readRouting('openrouter', '{"models": ["openai/gpt-4o", 7]}', ctx), 'models[1]');
    expectError(() => readRouting('openrouter', '{"model": "openai/gpt-4o", "provider": {"allow_fallbacks": "no"}}', ctx), 'provider.allow_fallbacks');
  });
});

describe('every preset converts to every routing format and back', () => {
  for (const preset of PRESET_IDS) {
    for (const format of ROUTING_FORMATS) {
      if (format === 'openrouter') continue; // one chain only: covered above
      it(`${preset} via ${format}`, () => {
        const scenario = presetScenario(preset);
        const written = writeRouting(format, scenario, ctx);
        const back = readRouting(format, written.value, ctx);
        expect(back.value.routing.chains).toEqual(scenario.routing.chains);
        expect(back.value.routing.maxRetries ?? 0).toBe(scenario.routing.maxRetries ?? 0);
        expect(back.value.routing.timeoutMs ?? null).toBe(scenario.routing.timeoutMs ?? null);
      });
    }
  }

  it('merging into a base scenario keeps its workload and costs', () => {
    const base = presetScenario('support-chatbot');
    const merged = readRouting('portkey', fixture('portkey-config.json'), ctx, base);
    expect(merged.value.workload).toEqual(base.workload);
    expect(merged.value.costs).toEqual(base.costs);
    expect(merged.value.routing.backoff).toEqual(base.routing.backoff);
    expect(merged.value.routing.chains).toHaveLength(2);
  });
});
