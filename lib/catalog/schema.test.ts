import { describe, expect, it } from 'vitest';
import { AggregatorSchema, ModelSchema, ProviderSchema, RateLimitTierSchema } from './schema';
import { SRC, f, modelInput, providerInput } from './fixtures.test-helpers';

describe('catalog schema', () => {
  it('accepts a complete model and provider', () => {
    expect(ModelSchema.safeParse(modelInput()).success).toBe(true);
    expect(ProviderSchema.safeParse(providerInput()).success).toBe(true);
  });

  it('rejects a figure without source or date, with a bad date, or with a non-finite or negative value', () => {
    const bad = [
      { value: 1, asOf: '2026-01-01', verified: true },
      { value: 1, source: 'https://x.example', verified: true },
      { value: 1, source: 'https://x.example', asOf: '2026-02-30', verified: true },
      { value: 1, source: 'not a url', asOf: '2026-01-01', verified: true },
      { ...SRC, value: Number.NaN },
      { ...SRC, value: Number.POSITIVE_INFINITY },
      { ...SRC, value: -0.01 },
    ];
    for (const inputPer1M of bad) {
      const model = modelInput({ prices: { inputPer1M: inputPer1M as never, outputPer1M: f(1) } });
      expect(ModelSchema.safeParse(model).success, JSON.stringify(inputPer1M)).toBe(false);
    }
  });

  it('rejects unknown keys (typos do not pass silently)', () => {
    expect(ModelSchema.safeParse({ ...modelInput(), inputPrice: 1 }).success).toBe(false);
  });

  it('requires a limit or a sourced "no fixed limit" in each rate-limit tier', () => {
    expect(RateLimitTierSchema.safeParse({ tier: 'Tier 1' }).success).toBe(false);
    expect(RateLimitTierSchema.safeParse({ tier: 'DSQ', noFixedLimit: { ...SRC, reason: 'shared pool' } }).success).toBe(true);
    expect(RateLimitTierSchema.safeParse({ tier: 'T', rpm: f(5), noFixedLimit: { ...SRC, reason: 'x' } }).success).toBe(false);
    expect(RateLimitTierSchema.safeParse({ tier: 'T', itpm: f(5) }).success).toBe(false); // otpm missing
    expect(RateLimitTierSchema.safeParse({ tier: 'T', tpm: f(5), itpm: f(5), otpm: f(1) }).success).toBe(false);
    expect(RateLimitTierSchema.safeParse({ tier: 'T', maxConcurrency: f(2.5) }).success).toBe(false); // integer
  });

  it('requires an uptime figure for a contractual SLA and a note on planning availability', () => {
    const sla = { ...providerInput().sla, uptimePct: undefined };
    expect(ProviderSchema.safeParse(providerInput({ sla })).success).toBe(false);
    expect(ProviderSchema.safeParse(providerInput({ planningAvailability: f(0.99) as never })).success).toBe(false);
    expect(ProviderSchema.safeParse(providerInput({ planningAvailability: { ...f(1.2), note: 'x' } })).success).toBe(false);
  });

  it('requires the amount that matches an aggregator fee model', () => {
    const base = { id: 'agg', name: 'Agg', website: 'https://agg.example', automaticFailover: { ...SRC, value: true }, openSource: false, sla: { ...SRC, commitment: 'none-published', summary: 'none' }, notes: [] };
    expect(AggregatorSchema.safeParse({ ...base, fees: [{ ...SRC, model: 'percent-of-spend', description: 'fee' }] }).success).toBe(false);
    expect(AggregatorSchema.safeParse({ ...base, fees: [{ ...SRC, model: 'percent-of-spend', percentOfSpend: 5.5, description: 'fee' }] }).success).toBe(true);
    expect(AggregatorSchema.safeParse({ ...base, fees: [{ ...SRC, model: 'self-hosted', description: 'own compute' }] }).success).toBe(true);
  });
});
