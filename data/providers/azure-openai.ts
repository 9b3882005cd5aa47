import type { ProviderFileInput } from '@/lib/catalog/schema';
import { AA_INDUWARA, KRABARENA, RESEARCHED, errorRateEstimate, estimate, fig, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://azure.status.microsoft/en-us/status';
const SLA = ref('https://redresscompliance.com/azure-openai-service-sla', '2025-08-01', false, 'Secondary: the Microsoft SLA page was not retrieved.');
const CREDITS = ref('https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services', RESEARCHED, false, 'The standard Azure credit ladder as summarised by a secondary source (MODEL.md §1); not read on the Microsoft page.');
const QUOTAS = 'https://learn.microsoft.com/en-us/azure/ai-foundry/openai/quotas-limits';
const BATCH = ref('https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/batch', RESEARCHED, false, 'Global Batch at 50 % of Global Standard prices; the Azure pricing page was not re-read.');
const PTU = ref('https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/provisioned-throughput', '2026-02-01', false, 'Secondary: "Azure OpenAI Essentials" (Feb 2026) gives $260 per PTU per month (monthly reservation); Microsoft docs give the billing model without prices.');
const WINDOW = estimate(10, QUOTAS, 'Azure checks RPM over 1 s or 10 s windows, not per minute (MODEL.md §1, Dev Proxy "LLM rate limits").');
const error = errorRateEstimate(0.002, STATUS, '0.2 % of attempts as a planning default.');

/** Default Global Standard quota: Azure grants 6 RPM per 1,000 TPM of quota. */
function quota(tpm: number) {
  const why = 'default Global Standard quota for a new subscription as recalled, not re-retrieved; raise it in the portal.';
  return [{
    tier: 'Global Standard (default quota)',
    qualification: 'pay-as-you-go subscription',
    rpm: estimate((tpm / 1000) * 6, QUOTAS, `6 RPM per 1,000 TPM of quota; ${why}`),
    tpm: estimate(tpm, QUOTAS, why),
    limitWindowSec: WINDOW,
  }];
}

export const azureOpenai = {
  provider: {
    id: 'azure-openai',
    name: 'Azure OpenAI',
    kind: 'cloud',
    website: 'https://azure.microsoft.com/products/ai-services/openai-service',
    sla: {
      ...SLA,
      commitment: 'contractual',
      uptimePct: fig(99.9, SLA, 'Standard and provisioned-managed deployments.'),
      qualifies: 'Azure customers with a paid subscription (standard and provisioned deployments).',
      scope: 'Azure OpenAI in Foundry Models; preview models are not covered; PTU deployments have separate latency terms.',
      credits: { ...CREDITS, tiers: [{ belowPct: 99.9, creditPct: 10 }, { belowPct: 99, creditPct: 25 }, { belowPct: 95, creditPct: 100 }] },
    },
    planningAvailability: fig(0.999, SLA, 'The SLA figure (99.9 %).'),
    ...operations({ statusPage: STATUS, docs: 'https://learn.microsoft.com/en-us/azure/ai-foundry/openai/quickstart', integrationHours: 32, maintenanceHoursPerMonth: 4, why: 'resource and deployment per region, Entra ID or keys, quota requests, content filters: about four days.' }),
    notes: ['Quota is per subscription, region and model deployment; 429s carry retry-after.', 'PTU reservations are regional and do not guarantee capacity until deployed.'],
  },
  models: [
    {
      id: 'azure/gpt-4o-mini',
      provider: 'azure-openai',
      displayName: 'GPT-4o mini (Azure)',
      creator: 'OpenAI',
      tags: [],
      litellmKey: 'azure/gpt-4o-mini',
      prices: { ...litellmPrices({ input: 0.165, output: 0.66, cachedInput: 0.075 }), batchInputPer1M: fig(0.0825, BATCH), batchOutputPer1M: fig(0.33, BATCH) },
      ...litellmWindow(128_000, 16_384),
      ttftMs: fig(460, KRABARENA, 'Measured on OpenAI; Azure serves the same model.'),
      ttftP95Ms: ttftP95Estimate(460, 'openai'),
      tokensPerSec: speedEstimate(80, 'same model as OpenAI GPT-4o mini.'),
      rateLimits: quota(2_000_000),
      transientErrorRate: error,
      notes: ['LiteLLM lists a regional price 10 % above OpenAI\'s list price.'],
    },
    {
      id: 'azure/gpt-4o',
      provider: 'azure-openai',
      displayName: 'GPT-4o (Azure)',
      creator: 'OpenAI',
      tags: [],
      litellmKey: 'azure/gpt-4o',
      prices: { ...litellmPrices({ input: 2.5, output: 10, cachedInput: 1.25 }), batchInputPer1M: fig(1.25, BATCH), batchOutputPer1M: fig(5, BATCH) },
      ...litellmWindow(128_000, 16_384),
      ttftMs: fig(450, AA_INDUWARA, 'Measured on OpenAI; Azure serves the same model.'),
      ttftP95Ms: ttftP95Estimate(450, 'openai'),
      tokensPerSec: fig(131, AA_INDUWARA, 'Measured on OpenAI.'),
      rateLimits: quota(450_000),
      transientErrorRate: error,
      provisioned: {
        name: 'Azure OpenAI PTU (monthly reservation)',
        unit: '50 PTU, the GPT-4o minimum (steps of 50)',
        monthlyPriceUsd: fig(13_000, PTU, '50 PTU × $260 per PTU-month.'),
        capacityTPM: estimate(125_000, PTU.source, 'about 2,500 input TPM per PTU for GPT-4o as recalled from Microsoft\'s capacity calculator; output tokens weigh more. Size with the calculator.'),
        terms: 'Monthly reservation on top of an hourly PTU deployment; annual reservations are cheaper ($221 per PTU-month); regional.',
      },
    },
    {
      id: 'azure/gpt-4.1',
      provider: 'azure-openai',
      displayName: 'GPT-4.1 (Azure)',
      creator: 'OpenAI',
      tags: ['code'],
      litellmKey: 'azure/gpt-4.1',
      prices: litellmPrices({ input: 2, output: 8, cachedInput: 0.5, batchInput: 1, batchOutput: 4 }),
      ...litellmWindow(1_047_576, 32_768),
      ttftMs: speedEstimate(600, 'GPT-4o-class TTFT (450-730 ms measured for GPT-4o).'),
      ttftP95Ms: ttftP95Estimate(600, 'openai'),
      tokensPerSec: speedEstimate(80, 'OpenAI\'s Scale Tier floor for GPT-4.1 (80 tok/s).'),
      rateLimits: quota(1_000_000),
      transientErrorRate: error,
    },
    {
      id: 'azure/gpt-4.1-mini',
      provider: 'azure-openai',
      displayName: 'GPT-4.1 mini (Azure)',
      creator: 'OpenAI',
      tags: [],
      litellmKey: 'azure/gpt-4.1-mini',
      prices: litellmPrices({ input: 0.4, output: 1.6, cachedInput: 0.1, batchInput: 0.2, batchOutput: 0.8 }),
      ...litellmWindow(1_047_576, 32_768),
      ttftMs: speedEstimate(500, 'close to GPT-4o mini (460 ms measured).'),
      ttftP95Ms: ttftP95Estimate(500, 'openai'),
      tokensPerSec: speedEstimate(90, 'OpenAI\'s Scale Tier floor for GPT-4.1 mini (90 tok/s).'),
      rateLimits: quota(2_000_000),
      transientErrorRate: error,
    },
  ],
} satisfies ProviderFileInput;
