import type { ProviderFileInput } from '@/lib/catalog/schema';
import { RESEARCHED, errorRateEstimate, estimate, fig, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://status.mistral.ai';
const SLA = ref('https://mistral.ai/terms/enterprise-service-level-and-support-schedule', RESEARCHED, true, 'Stored copy, undated.');
const CACHING = ref('https://docs.mistral.ai/studio-api/conversations/advanced/prompt-caching', RESEARCHED, true, 'Cached input is billed at 10 % of the input price; a cache hit is not guaranteed.');
const LIMITS = 'https://docs.mistral.ai/deployment/laplateforme/tier/';
const error = errorRateEstimate(0.003, STATUS, '0.3 % of attempts as a planning default.');
const cached = (input: number) => ({ cachedInputPer1M: fig(input / 10, CACHING) });
const limits = [{
  tier: 'Paid workspace (Scale)',
  qualification: 'payment method on file',
  rpm: estimate(300, LIMITS, 'Mistral sets per-workspace limits in requests per second and tokens per minute (shown in the admin console); not retrieved.'),
  tpm: estimate(2_000_000, LIMITS, 'per-workspace TPM; not retrieved.'),
}];

export const mistral = {
  provider: {
    id: 'mistral',
    name: 'Mistral AI',
    kind: 'model-maker',
    website: 'https://mistral.ai',
    sla: {
      ...SLA,
      commitment: 'contractual',
      uptimePct: fig(99.5, SLA, 'Basic plan (Standard and Premium: 99.9 %).'),
      qualifies: 'Enterprise customers on Mistral infrastructure (Basic plan; Standard and Premium commit to 99.9 %). Self-serve accounts have no SLA.',
      scope: 'La Plateforme APIs; downtime counts only in stretches of at least 5 minutes.',
      credits: { ...SLA, tiers: [{ belowPct: 99.5, creditPct: 2 }, { belowPct: 95, creditPct: 5 }], note: 'Basic plan: 99.4-95 % → 2 % of monthly fees, below 95 % → 5 %.' },
      note: 'The claim "Mistral publishes no formal SLA" is outdated: an Enterprise Service Level Schedule exists.',
    },
    planningAvailability: fig(0.995, SLA, 'The Basic-plan SLA figure (99.5 %).'),
    ...operations({ statusPage: STATUS, docs: 'https://docs.mistral.ai/getting-started/quickstart/', integrationHours: 12, maintenanceHoursPerMonth: 2, why: 'first-party SDK or OpenAI-style client: a day and a half.' }),
    notes: ['A Batch API exists; its discount was not retrieved, so batch traffic is priced at realtime rates here.'],
  },
  models: [
    {
      id: 'mistral-small',
      provider: 'mistral',
      displayName: 'Mistral Small',
      creator: 'Mistral AI',
      tags: ['open-weight'],
      litellmKey: 'mistral/mistral-small-latest',
      prices: { ...litellmPrices({ input: 0.06, output: 0.18 }), ...cached(0.06) },
      ...litellmWindow(131_072, 131_072),
      ttftMs: speedEstimate(300, 'small model on first-party infrastructure.'),
      ttftP95Ms: ttftP95Estimate(300, 'mistral'),
      tokensPerSec: speedEstimate(150, 'small model.'),
      rateLimits: limits,
      transientErrorRate: error,
    },
    {
      id: 'mistral-medium-3.5',
      provider: 'mistral',
      displayName: 'Mistral Medium 3.5',
      creator: 'Mistral AI',
      tags: [],
      litellmKey: 'mistral/mistral-medium-3-5',
      prices: { ...litellmPrices({ input: 1.5, output: 7.5 }), ...cached(1.5) },
      ...litellmWindow(262_144, 262_144),
      ttftMs: speedEstimate(400, 'mid-size model.'),
      ttftP95Ms: ttftP95Estimate(400, 'mistral'),
      tokensPerSec: speedEstimate(90, 'mid-size model.'),
      rateLimits: limits,
      transientErrorRate: error,
    },
    {
      id: 'mistral-large-3',
      provider: 'mistral',
      displayName: 'Mistral Large 3',
      creator: 'Mistral AI',
      tags: ['open-weight'],
      litellmKey: 'mistral/mistral-large-3',
      prices: { ...litellmPrices({ input: 0.5, output: 1.5 }), ...cached(0.5) },
      ...litellmWindow(262_144, 262_144),
      ttftMs: speedEstimate(500, 'large mixture-of-experts model.'),
      ttftP95Ms: ttftP95Estimate(500, 'mistral'),
      tokensPerSec: speedEstimate(70, 'large model.'),
      rateLimits: limits,
      transientErrorRate: error,
    },
    {
      id: 'codestral',
      provider: 'mistral',
      displayName: 'Codestral (25.08)',
      creator: 'Mistral AI',
      tags: ['code'],
      litellmKey: 'mistral/codestral-2508',
      prices: { ...litellmPrices({ input: 0.3, output: 0.9 }), ...cached(0.3) },
      ...litellmWindow(256_000, 256_000),
      ttftMs: speedEstimate(300, 'code-completion model tuned for low latency.'),
      ttftP95Ms: ttftP95Estimate(300, 'mistral'),
      tokensPerSec: speedEstimate(150, 'small code model.'),
      rateLimits: limits,
      transientErrorRate: error,
      notes: ['LiteLLM\'s codestral-latest alias (1 / 3 USD, 32k context) looks stale; the dated 25.08 entry is used.'],
    },
    {
      id: 'devstral',
      provider: 'mistral',
      displayName: 'Devstral',
      creator: 'Mistral AI',
      tags: ['code', 'open-weight'],
      litellmKey: 'mistral/devstral-latest',
      prices: { ...litellmPrices({ input: 0.4, output: 2 }), ...cached(0.4) },
      ...litellmWindow(256_000, 256_000),
      ttftMs: speedEstimate(400, 'agentic code model.'),
      ttftP95Ms: ttftP95Estimate(400, 'mistral'),
      tokensPerSec: speedEstimate(100, 'mid-size code model.'),
      rateLimits: limits,
      transientErrorRate: error,
    },
  ],
} satisfies ProviderFileInput;
