import { describe, expect, it } from 'vitest';
import { ModelSpecSchema, ProviderSpecSchema } from '@/lib/scenario/schema';
import { ModelSchema, ProviderSchema } from './schema';
import { modelSpec, providerSpec, provisionedSpec, tierTokensPerMinute, toSpecCatalog } from './to-spec';
import { SRC, f, modelInput, providerInput } from './fixtures.test-helpers';
import { findModel, modelsByProvider, providerOf } from './lookup';
import { parseCatalog } from './parse-catalog';

const model = (overrides: Parameters<typeof modelInput>[0] = {}) => ModelSchema.parse(modelInput(overrides));
const provider = (overrides: Parameters<typeof providerInput>[0] = {}) => ProviderSchema.parse(providerInput(overrides));

describe('providerSpec', () => {
  it('uses the planning availability (not the SLA promise) and keeps the credit ladder of a contractual SLA', () => {
    const spec = providerSpec(provider({ planningAvailability: { ...f(0.998), note: 'observed' } }));
    expect(spec).toEqual({
      availability: 0.998,
      meanOutageMinutes: 45,
      outageDetectMs: 800,
      contractual: true,
      slaCredits: [{ belowPct: 99.9, creditPct: 10 }, { belowPct: 99, creditPct: 25 }],
      integrationHours: 16,
      maintenanceHoursPerMonth: 2,
    });
    expect(ProviderSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('drops credits when the SLA is best effort (credits apply only if contractual, MODEL.md §3.3)', () => {
    const sla = { ...providerInput().sla, commitment: 'best-effort' as const };
    const spec = providerSpec(provider({ sla }));
    expect(spec.contractual).toBe(false);
    expect(spec.slaCredits).toEqual([]);
  });
});

describe('modelSpec', () => {
  it('fills cached and batch prices with realtime prices when the model has no discount', () => {
    const spec = modelSpec(model());
    expect(spec).toMatchObject({ inputPer1M: 0.2, outputPer1M: 0.8, cachedInputPer1M: 0.2, batchInputPer1M: 0.2, batchOutputPer1M: 0.8 });
    expect(spec).toMatchObject({ rpm: 500, tpm: 200_000, maxConcurrency: null, limitWindowSec: 60, fastFailMs: 200, provisioned: null });
    expect(ModelSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('uses discounted prices when present', () => {
    const spec = modelSpec(model({ prices: { inputPer1M: f(1), outputPer1M: f(5), cachedInputPer1M: f(0.1), batchInputPer1M: f(0.5), batchOutputPer1M: f(2.5) } }));
    expect(spec).toMatchObject({ cachedInputPer1M: 0.1, batchInputPer1M: 0.5, batchOutputPer1M: 2.5 });
  });

  it('maps ITPM + OTPM to one TPM (their sum) and takes only the first (planning) tier', () => {
    const m = model({ rateLimits: [{ tier: 'Tier 4', rpm: f(4000), itpm: f(2_000_000), otpm: f(400_000) }, { tier: 'Tier 1', rpm: f(50), tpm: f(1) }] });
    // 2,000,000 input + 400,000 output tokens per minute = 2,400,000
    expect(modelSpec(m)).toMatchObject({ rpm: 4000, tpm: 2_400_000 });
  });

  it('maps "no fixed limit" to unlimited (null) and keeps a concurrency cap and window', () => {
    const dsq = model({ rateLimits: [{ tier: 'DSQ', noFixedLimit: { ...SRC, reason: 'shared pool' } }] });
    expect(modelSpec(dsq)).toMatchObject({ rpm: null, tpm: null, maxConcurrency: null });
    const capped = model({ rateLimits: [{ tier: 'Default', maxConcurrency: f(200), limitWindowSec: f(10) }] });
    expect(modelSpec(capped)).toMatchObject({ rpm: null, tpm: null, maxConcurrency: 200, limitWindowSec: 10 });
    expect(tierTokensPerMinute({ tier: 'x', rpm: f(1) })).toBeNull();
  });

  it('keeps pay-as-you-go as the default and offers the provisioned fields for an opt-in', () => {
    const m = model({ provisioned: { name: 'PTU', unit: '50 PTU', monthlyPriceUsd: f(13_000), capacityTPM: f(125_000), terms: 'monthly' } });
    expect(modelSpec(m).provisioned).toBeNull();
    expect(provisionedSpec(m)).toEqual({ monthlyPrice: 13_000, capacityTPM: 125_000 });
    expect(provisionedSpec(model())).toBeNull();
  });
});

describe('toSpecCatalog and lookups', () => {
  const catalog = parseCatalog({
    'a.ts': { provider: providerInput(), models: [modelInput(), modelInput({ id: 'acme-large', prices: { inputPer1M: f(2), outputPer1M: f(8) } })] },
    'b.ts': { provider: providerInput({ id: 'beta' }), models: [modelInput({ id: 'beta-1', provider: 'beta' })] },
  }, []);

  it('indexes every provider and model by id', () => {
    const specs = toSpecCatalog(catalog);
    expect(Object.keys(specs.providers)).toEqual(['acme', 'beta']);
    expect(Object.keys(specs.models)).toEqual(['acme-small', 'acme-large', 'beta-1']);
    expect(specs.models['acme-large']?.inputPer1M).toBe(2);
  });

  it('finds models and their providers', () => {
    expect(modelsByProvider(catalog, 'acme').map((m) => m.id)).toEqual(['acme-small', 'acme-large']);
    expect(findModel(catalog, 'nope')).toBeUndefined();
    const beta = findModel(catalog, 'beta-1');
    expect(beta && providerOf(catalog, beta).id).toBe('beta');
  });
});
