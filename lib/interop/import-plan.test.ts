import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { presetScenario } from '@/lib/scenario/presets';
import { parseScenario } from '@/lib/scenario/schema';
import { detectFormat, planImport } from './import-plan';

const fixture = (name: string) => readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const active = presetScenario('support-chatbot');

describe('import format detection', () => {
  it.each([
    ['config.yaml', 'litellm-config.yaml', 'litellm-router'],
    ['portkey.json', 'portkey-config.json', 'portkey'],
    ['body.json', 'openrouter-body.json', 'openrouter'],
    ['models.json', 'openrouter-models.json', 'openrouter-models'],
    ['prices.json', 'litellm-prices-hostile.json', 'litellm-prices'],
    ['spend.csv', 'litellm-spend-logs.csv', 'usage-csv'],
  ])('%s is %s', (name, file, format) => {
    expect(detectFormat(name, fixture(file))).toBe(format);
  });

  it('recognises a scenario and refuses what it does not know', () => {
    expect(detectFormat('s.json', JSON.stringify(active))).toBe('scenario');
    expect(detectFormat('x.json', '{"hello": 1}')).toBeUndefined();
    expect(detectFormat('x.txt', 'hello')).toBeUndefined();
    expect(() => planImport('x.json', '{"hello": 1}', active, catalog)).toThrow(/not a LiteLLM config/);
    expect(() => detectFormat('set.json', JSON.stringify({ scenarios: [active], active: 0 }))).toThrow(/use Import JSON|open it with Import JSON/);
  });
});

describe('import plans: each keeps a valid scenario and lists what changes', () => {
  it('a routing file replaces the routing, keeps the workload and costs', () => {
    const plan = planImport('portkey.json', fixture('portkey-config.json'), active, catalog);
    expect(plan.label).toBe('Portkey config');
    expect(plan.next.workload).toEqual(active.workload);
    expect(plan.changes[0]).toEqual({ field: 'Chains', before: 'Claude Haiku 4.5 → GPT-4o mini', after: '70 %: GPT-4o mini → Claude Haiku 4.5; 30 %: GPT-4o mini (Azure) → Claude Haiku 4.5' });
    expect(parseScenario(plan.next).ok).toBe(true);
  });

  it('a usage log replaces the workload figures it fits', () => {
    const plan = planImport('spend.csv', fixture('litellm-spend-logs.csv'), active, catalog);
    expect(plan.next.routing).toEqual(active.routing);
    expect(plan.changes.map((c) => c.field)).toContain('Requests per day');
    expect(plan.notes.some((n) => n.text.startsWith('fit: '))).toBe(true);
  });

  it('a price map becomes per-model price overrides of the scenario\u2019s models', () => {
    const plan = planImport('models.json', fixture('openrouter-models.json'), { ...active, routing: { ...active.routing, chains: [{ weight: 1, models: ['claude-sonnet-4-6', 'gpt-4o'] }] } }, catalog);
    expect(plan.next.models?.['claude-sonnet-4-6']).toEqual({ inputPer1M: 3.3, outputPer1M: 16.5, cachedInputPer1M: 0.33 });
    expect(plan.changes).toContainEqual({ field: 'Claude Sonnet 4.6: input $/1M', before: '3', after: '3.3' });
    // gpt-4o's OpenRouter prices equal the catalog's: no override.
    expect(plan.next.models?.['gpt-4o']).toBeUndefined();
  });

  it('a price map that changes nothing says so and leaves the scenario as it is', () => {
    const plan = planImport('prices.json', fixture('litellm-prices-hostile.json'), active, catalog);
    expect(plan.next).toBe(active);
    expect(plan.notes.some((n) => n.text.includes('No price'))).toBe(true);
  });
});
