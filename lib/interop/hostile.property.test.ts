import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '@/data';
import { InteropError } from './common';
import { convert, FROM_FORMATS, targetsOf } from './index';

/** Any input either converts or is refused with an InteropError naming a field: never another exception. */
const options = { catalog, asOf: '2026-12-03', fileName: 'input' };

function convertsOrRefuses(from: (typeof FROM_FORMATS)[number], text: string): void {
  try {
    const out = convert(from, text, targetsOf(from)[0]!, options);
    expect(out.value).not.toMatch(/NaN|Infinity|undefined/);
  } catch (error) {
    if (!(error instanceof InteropError)) throw error;
    expect(error.field.length).toBeGreaterThan(0);
  }
}

/** Values shaped like the formats, so the property reaches past the first check. */
const nearMiss = fc.oneof(
  fc.record({ model_list: fc.array(fc.record({ model_name: fc.oneof(fc.string(), fc.integer()), litellm_params: fc.dictionary(fc.constantFrom('model', 'rpm', 'tpm', 'weight', '__proto__', 'api_key'), fc.jsonValue()) }), { maxLength: 4 }), router_settings: fc.dictionary(fc.constantFrom('num_retries', 'timeout', 'fallbacks', 'routing_strategy'), fc.jsonValue()) }),
  fc.record({ strategy: fc.record({ mode: fc.constantFrom('fallback', 'loadbalance', 'single', 'conditional', 'x'), on_status_codes: fc.array(fc.jsonValue(), { maxLength: 3 }) }), targets: fc.array(fc.record({ provider: fc.constantFrom('openai', 'anthropic', '@x'), weight: fc.jsonValue(), override_params: fc.record({ model: fc.constantFrom('gpt-4o', 'claude-haiku-4-5', 'x/y', '') }) }), { maxLength: 4 }), retry: fc.jsonValue(), request_timeout: fc.jsonValue() }),
  fc.record({ models: fc.array(fc.oneof(fc.constantFrom('openai/gpt-4o', 'anthropic/claude-sonnet-4.6', 'a/b'), fc.jsonValue()), { maxLength: 6 }), provider: fc.record({ order: fc.array(fc.jsonValue(), { maxLength: 3 }), allow_fallbacks: fc.jsonValue() }) }),
  fc.dictionary(fc.string(), fc.record({ mode: fc.constantFrom('chat', 'embedding', 'responses'), input_cost_per_token: fc.oneof(fc.double(), fc.jsonValue()), output_cost_per_token: fc.oneof(fc.double(), fc.jsonValue()), litellm_provider: fc.jsonValue() })),
  fc.record({ data: fc.array(fc.record({ id: fc.jsonValue(), pricing: fc.record({ prompt: fc.oneof(fc.constantFrom('-1', '0.000001', '1e300', 'x'), fc.jsonValue()), completion: fc.oneof(fc.constantFrom('-1', '0.000002'), fc.jsonValue()) }) }), { maxLength: 4 }) }),
);

describe('hostile input, property-based', () => {
  for (const from of FROM_FORMATS) {
    it(`${from}: random JSON and near-miss documents convert or are refused with a field`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), nearMiss), (value) => convertsOrRefuses(from, JSON.stringify(value))),
        { numRuns: 150 },
      );
      fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => convertsOrRefuses(from, text)), { numRuns: 100 });
    });
  }

  it('Object.prototype stays clean', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
