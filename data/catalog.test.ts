import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityIdSchema, ModelSpecSchema, ProviderSpecSchema } from '@/lib/scenario/schema';
import { ProviderFileSchema } from '@/lib/catalog/schema';
import { builtInSpecCatalog, catalog, providerFiles } from './index';

type LitellmEntry = Record<string, number | string | undefined>;
const litellm = JSON.parse(readFileSync(path.join(__dirname, 'reference/litellm-model-prices.json'), 'utf8')) as Record<string, LitellmEntry>;
const LITELLM_URL = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

/** Every number in `node`, with the path to it and whether an enclosing object (or itself) carries source + asOf. */
function numbersWithProvenance(node: unknown, trail: string, sourced: boolean, out: { path: string; value: number; sourced: boolean }[]) {
  if (typeof node === 'number') out.push({ path: trail, value: node, sourced });
  else if (Array.isArray(node)) node.forEach((item, i) => numbersWithProvenance(item, `${trail}[${i}]`, sourced, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const here = sourced || (typeof record.source === 'string' && typeof record.asOf === 'string');
    for (const [key, value] of Object.entries(record)) numbersWithProvenance(value, `${trail}.${key}`, here, out);
  }
  return out;
}

function relativeClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

describe('catalog data', () => {
  it('parses every provider file on its own', () => {
    for (const [file, data] of Object.entries(providerFiles)) {
      const result = ProviderFileSchema.safeParse(data);
      expect(result.success, `${file}: ${result.error?.message ?? ''}`).toBe(true);
    }
  });

  it('covers the providers, aggregators and preset models others depend on', () => {
    expect(catalog.models.length).toBeGreaterThanOrEqual(40);
    expect(catalog.providers.length).toBeGreaterThanOrEqual(8);
    const providers = catalog.providers.map((p) => p.id);
    for (const id of ['openai', 'anthropic', 'google-gemini', 'google-vertex', 'azure-openai', 'aws-bedrock', 'mistral', 'deepseek']) expect(providers).toContain(id);
    expect(catalog.providers.some((p) => p.kind === 'open-weight-host')).toBe(true);
    expect(catalog.aggregators.map((a) => a.id).sort()).toEqual(['litellm', 'openrouter', 'portkey', 'tokenmix']);
    const models = new Set(catalog.models.map((m) => m.id));
    for (const id of ['gpt-4o-mini', 'gpt-4.1-mini', 'claude-haiku-4-5', 'claude-sonnet-4-6', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'deepseek-chat', 'mistral-small', 'codestral']) {
      expect(models.has(id), id).toBe(true);
    }
    expect(catalog.models.some((m) => m.tags.includes('code'))).toBe(true);
    // every provider serves at least one model
    for (const p of catalog.providers) expect(catalog.models.some((m) => m.provider === p.id), p.id).toBe(true);
  });

  it('has unique ids that follow the scenario id rule', () => {
    const ids = [...catalog.providers, ...catalog.models, ...catalog.aggregators].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(EntityIdSchema.safeParse(id).success, id).toBe(true);
  });

  it('has no negative or non-finite number, and every number traces to a source and date', () => {
    const numbers = numbersWithProvenance(catalog, 'catalog', false, []);
    expect(numbers.length).toBeGreaterThan(500);
    for (const n of numbers) {
      expect(Number.isFinite(n.value), n.path).toBe(true);
      expect(n.value, n.path).toBeGreaterThanOrEqual(0);
      expect(n.sourced, `${n.path} has no source/asOf`).toBe(true);
    }
  });

  it('marks every estimate as unverified and explains it', () => {
    const figures = numbersWithProvenance(catalog, 'catalog', false, []).length; // sanity: walked above
    expect(figures).toBeGreaterThan(0);
    const walk = (node: unknown, trail: string) => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${trail}[${i}]`));
      else if (node && typeof node === 'object') {
        const r = node as Record<string, unknown>;
        if (typeof r.note === 'string' && r.note.startsWith('RouteCost planning estimate')) {
          expect(r.verified, trail).toBe(false);
        }
        if (r.verified === false && 'value' in r) expect(typeof r.note, `${trail}: an unverified figure needs a note`).toBe('string');
        for (const [k, v] of Object.entries(r)) walk(v, `${trail}.${k}`);
      }
    };
    walk(catalog, 'catalog');
  });

  it('keeps planning availability distinct from the SLA and explained', () => {
    for (const p of catalog.providers) {
      expect(p.planningAvailability.note.length, p.id).toBeGreaterThan(10);
      if (p.sla.commitment === 'contractual' && p.sla.uptimePct) {
        // planning availability never exceeds the promise
        expect(p.planningAvailability.value, p.id).toBeLessThanOrEqual(p.sla.uptimePct.value / 100);
      }
    }
    const vertex = catalog.providers.find((p) => p.id === 'google-vertex');
    expect(vertex?.sla.uptimePct?.value).toBe(99.5);
    expect(vertex?.sla.note).toMatch(/99\.95/);
  });

  it('prices: snapshot (a price change shows in review)', () => {
    const prices = Object.fromEntries(
      catalog.models.map((m) => [m.id, Object.fromEntries(Object.entries(m.prices).map(([k, f]) => [k, 'value' in f ? f.value : { above: f.aboveInputTokens, in: f.inputPer1M.value, out: f.outputPer1M.value }]))]),
    );
    expect(prices).toMatchSnapshot();
  });

  it('agrees with the LiteLLM price map on input, output and cached-input prices', () => {
    const checked: string[] = [];
    for (const model of catalog.models) {
      if (!model.litellmKey) continue;
      const entry = litellm[model.litellmKey];
      expect(entry, `${model.id}: LiteLLM key ${model.litellmKey} not in data/reference`).toBeDefined();
      if (!entry || model.priceNote) continue;
      const per1M = (field: string) => (typeof entry[field] === 'number' ? (entry[field] as number) * 1e6 : undefined);
      const expectClose = (ours: number | undefined, theirs: number | undefined, what: string) => {
        expect(ours, `${model.id} ${what}`).toBeDefined();
        expect(theirs, `${model.id} ${what} missing in LiteLLM`).toBeDefined();
        expect(relativeClose(ours as number, theirs as number), `${model.id} ${what}: ours ${ours}, LiteLLM ${theirs}`).toBe(true);
      };
      expectClose(model.prices.inputPer1M.value, per1M('input_cost_per_token'), 'input');
      expectClose(model.prices.outputPer1M.value, per1M('output_cost_per_token'), 'output');
      const theirCached = per1M('cache_read_input_token_cost') ?? per1M('input_cost_per_token_cache_hit');
      if (theirCached !== undefined) expectClose(model.prices.cachedInputPer1M?.value, theirCached, 'cached input');
      else if (model.prices.cachedInputPer1M) {
        // a cached price LiteLLM does not have must cite another source
        expect(model.prices.cachedInputPer1M.source, `${model.id} cached input cites LiteLLM, which has no such price`).not.toBe(LITELLM_URL);
      }
      checked.push(model.id);
    }
    expect(checked.length).toBeGreaterThanOrEqual(40);
  });

  it('cites LiteLLM only for prices LiteLLM actually has', () => {
    const fields: Record<string, string> = {
      cacheWritePer1M: 'cache_creation_input_token_cost',
      cacheWrite1hPer1M: 'cache_creation_input_token_cost_above_1hr',
      batchInputPer1M: 'input_cost_per_token_batches',
      batchOutputPer1M: 'output_cost_per_token_batches',
      priorityInputPer1M: 'input_cost_per_token_priority',
      priorityOutputPer1M: 'output_cost_per_token_priority',
      flexInputPer1M: 'input_cost_per_token_flex',
      flexOutputPer1M: 'output_cost_per_token_flex',
    };
    for (const model of catalog.models) {
      const entry = model.litellmKey ? litellm[model.litellmKey] : undefined;
      for (const [field, key] of Object.entries(fields)) {
        const figure = model.prices[field as keyof typeof model.prices];
        if (!figure || !('value' in figure) || figure.source !== LITELLM_URL) continue;
        const theirs = entry?.[key];
        expect(typeof theirs, `${model.id}.${field} cites LiteLLM but ${key} is absent`).toBe('number');
        expect(relativeClose(figure.value, (theirs as number) * 1e6), `${model.id}.${field}`).toBe(true);
      }
    }
  });

  it('builds a complete engine-level catalog', () => {
    expect(Object.keys(builtInSpecCatalog.providers).sort()).toEqual(catalog.providers.map((p) => p.id).sort());
    expect(Object.keys(builtInSpecCatalog.models).sort()).toEqual(catalog.models.map((m) => m.id).sort());
    for (const [id, spec] of Object.entries(builtInSpecCatalog.providers)) {
      expect(ProviderSpecSchema.safeParse(spec).success, id).toBe(true);
    }
    for (const [id, spec] of Object.entries(builtInSpecCatalog.models)) {
      const result = ModelSpecSchema.safeParse(spec);
      expect(result.success, `${id}: ${result.error?.message ?? ''}`).toBe(true);
      expect(builtInSpecCatalog.providers[spec.provider], `${id} → ${spec.provider}`).toBeDefined();
    }
  });
});
