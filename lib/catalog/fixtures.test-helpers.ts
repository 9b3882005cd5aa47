import type { ModelInput, ProviderFileInput, ProviderInput, SourceRef } from './schema';

/** Small valid catalog inputs for unit tests; override fields per test. */
export const SRC: SourceRef = { source: 'https://example.com/pricing', asOf: '2026-01-15', verified: true };
export const f = (value: number, extra: Partial<SourceRef> = {}) => ({ ...SRC, ...extra, value });

export function providerInput(overrides: Partial<ProviderInput> = {}): ProviderInput {
  return {
    id: 'acme',
    name: 'Acme AI',
    kind: 'model-maker',
    website: 'https://acme.example',
    sla: { ...SRC, commitment: 'contractual', uptimePct: f(99.9), qualifies: 'paid accounts', scope: 'API', credits: { ...SRC, tiers: [{ belowPct: 99.9, creditPct: 10 }, { belowPct: 99, creditPct: 25 }] } },
    planningAvailability: { ...f(0.999), note: 'The SLA figure.' },
    meanOutageMinutes: f(45),
    outageDetectMs: f(800),
    integrationHours: f(16),
    maintenanceHoursPerMonth: f(2),
    ...overrides,
  };
}

export function modelInput(overrides: Partial<ModelInput> = {}): ModelInput {
  return {
    id: 'acme-small',
    provider: 'acme',
    displayName: 'Acme Small',
    creator: 'Acme',
    tags: [],
    prices: { inputPer1M: f(0.2), outputPer1M: f(0.8) },
    contextWindowTokens: f(128_000),
    maxOutputTokens: f(8_192),
    ttftMs: f(400),
    tokensPerSec: f(90),
    rateLimits: [{ tier: 'Tier 1', rpm: f(500), tpm: f(200_000) }],
    transientErrorRate: f(0.002),
    ...overrides,
  };
}

export function providerFile(models: ModelInput[] = [modelInput()], provider: ProviderInput = providerInput()): ProviderFileInput {
  return { provider, models };
}
