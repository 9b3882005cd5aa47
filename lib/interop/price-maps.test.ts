import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { CatalogSchema } from '@/lib/catalog/schema';
import { InteropError, MAX_INTEROP_BYTES } from './common';
import { LITELLM_PRICES_URL, OPENROUTER_MODELS_URL, readLitellmPrices, readOpenrouterModels } from './price-maps';

const ctx = { catalog };
const options = { asOf: '2026-12-01', fileName: 'prices.json' };
const fixture = (name: string) => readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const reference = readFileSync(path.join(__dirname, '../../data/reference/litellm-model-prices.json'), 'utf8');

describe('litellm-prices → catalog', () => {
  const out = readLitellmPrices(fixture('litellm-prices-hostile.json'), ctx, options);

  it('is a valid catalog: known models keep their id with the file\u2019s prices, sourced and dated', () => {
    expect(CatalogSchema.safeParse(out.value).success).toBe(true);
    const gpt4o = out.value.models.find((m) => m.id === 'gpt-4o')!;
    expect(gpt4o.prices.inputPer1M).toEqual({ source: LITELLM_PRICES_URL, asOf: '2026-12-01', verified: true, note: 'Read from prices.json.', value: 2 });
    expect(gpt4o.prices.outputPer1M.value).toBe(8);
    expect(gpt4o.prices.cachedInputPer1M?.value).toBe(1);
    // Figures the file does not have keep the built-in source.
    expect(gpt4o.ttftMs).toEqual(catalog.models.find((m) => m.id === 'gpt-4o')!.ttftMs);
  });

  it('an unknown chat model is added with placeholders that say so', () => {
    const cohere = out.value.models.find((m) => m.litellmKey === 'cohere/command-r-plus')!;
    expect(cohere).toMatchObject({ id: 'cohere/command-r-plus', provider: 'cohere_chat' });
    expect(cohere.prices.inputPer1M.value).toBe(2.5);
    expect(cohere.ttftMs.verified).toBe(false);
    expect(cohere.ttftMs.note).toMatch(/placeholder/);
    expect(out.value.providers.some((p) => p.id === 'cohere_chat')).toBe(true);
  });

  it('skips sample_spec, __proto__/constructor, bad prices and non-chat modes, each one reported', () => {
    const skipped = out.notes.filter((n) => n.kind === 'skipped').map((n) => n.text);
    for (const key of ['sample_spec', '__proto__', 'constructor', 'negative-model.input_cost_per_token', 'string-model.input_cost_per_token', 'huge-model.input_cost_per_token', 'text-embedding-3-small.mode']) {
      expect(skipped.some((t) => t.startsWith(key)), key).toBe(true);
    }
    expect(out.value.models.map((m) => m.id).sort()).toEqual(['cohere/command-r-plus', 'gpt-4o']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the catalog\u2019s own trimmed copy converts with the built-in prices', () => {
    const converted = readLitellmPrices(reference, ctx, options);
    for (const model of catalog.models.filter((m) => m.litellmKey && !m.priceNote)) {
      const read = converted.value.models.find((m) => m.id === model.id);
      expect(read?.prices.inputPer1M.value, model.id).toBe(model.prices.inputPer1M.value);
    }
  });

  it('refuses what is not a price map, and files over the cap', () => {
    expect(() => readLitellmPrices('[1,2]', ctx, options)).toThrow(InteropError);
    expect(() => readLitellmPrices('{"model_list": []}', ctx, options)).toThrow(/proxy config/);
    expect(() => readLitellmPrices(`{"a": "${'x'.repeat(MAX_INTEROP_BYTES)}"}`, ctx, options)).toThrow(/limit is 4 MB/);
  });
});

describe('openrouter-models → catalog', () => {
  const out = readOpenrouterModels(fixture('openrouter-models.json'), ctx, options);

  it('string prices per token become per-1M figures sourced to the API', () => {
    expect(CatalogSchema.safeParse(out.value).success).toBe(true);
    const sonnet = out.value.models.find((m) => m.id === 'claude-sonnet-4-6')!;
    expect(sonnet.prices.inputPer1M).toMatchObject({ source: OPENROUTER_MODELS_URL, value: 3.3 });
    expect(sonnet.prices.cacheWritePer1M?.value).toBe(4.125);
    expect(out.value.models.find((m) => m.id === 'gpt-4o')?.maxOutputTokens.value).toBe(16_384);
    expect(out.value.models.find((m) => m.id === 'meta-llama/llama-3.1-8b-instruct')?.provider).toBe('openrouter');
  });

  it('"-1" is unknown (never a price); image models and string prices are skipped', () => {
    const skipped = out.notes.filter((n) => n.kind === 'skipped').map((n) => n.text).join('\n');
    expect(skipped).toMatch(/openrouter\/auto.*"-1"/);
    expect(skipped).toMatch(/dall-e-3.*not a chat model/);
    expect(skipped).toMatch(/evil\/string-price.*decimal price string/);
    expect(out.value.models).toHaveLength(3);
  });

  it('refuses a body without data', () => {
    expect(() => readOpenrouterModels('{"models": []}', ctx, options)).toThrow(/data: required/);
  });
});
