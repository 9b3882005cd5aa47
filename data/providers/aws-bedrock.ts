import type { ProviderFileInput } from '@/lib/catalog/schema';
import { KRABARENA, RESEARCHED, errorRateEstimate, estimate, fig, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://health.aws.amazon.com/health/status';
const SLA = ref('https://aws.amazon.com/bedrock/sla/', '2023-10-04', true, 'Page last updated 4 Oct 2023.');
const QUOTAS = 'https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html';
const BATCH = ref('https://aws.amazon.com/bedrock/pricing/', RESEARCHED, false, 'Batch inference at 50 % of on-demand prices for supported models; not re-read.');
const error = errorRateEstimate(0.002, STATUS, '0.2 % of attempts, plus throttling when account quotas are low.');
const half = (input: number, output: number) => ({ batchInputPer1M: fig(input / 2, BATCH), batchOutputPer1M: fig(output / 2, BATCH) });

/** On-demand quota per account and region (Service Quotas). Defaults vary by account age and are raised on request. */
function quota(rpm: number, tpm: number) {
  const why = 'on-demand quota per account and region; defaults vary and were not retrieved. Check Service Quotas.';
  return [{ tier: 'On-demand (cross-region inference)', qualification: 'AWS account, quota as granted', rpm: estimate(rpm, QUOTAS, why), tpm: estimate(tpm, QUOTAS, why) }];
}

export const awsBedrock = {
  provider: {
    id: 'aws-bedrock',
    name: 'Amazon Bedrock',
    kind: 'cloud',
    website: 'https://aws.amazon.com/bedrock/',
    sla: {
      ...SLA,
      commitment: 'contractual',
      uptimePct: fig(99.9, SLA, 'Monthly uptime per Region.'),
      qualifies: 'AWS customers using Amazon Bedrock.',
      scope: 'Per Region; credits only against future Bedrock charges and only when above $1.',
      credits: { ...SLA, tiers: [{ belowPct: 99.9, creditPct: 10 }, { belowPct: 99, creditPct: 25 }, { belowPct: 95, creditPct: 100 }] },
    },
    planningAvailability: fig(0.999, SLA, 'The SLA figure (99.9 % per Region).'),
    ...operations({ statusPage: STATUS, docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/getting-started.html', integrationHours: 40, maintenanceHoursPerMonth: 4, why: 'IAM roles, model access requests, quota increases, cross-region inference profiles: about a week.' }),
    notes: ['Provisioned Throughput is sold in Model Units (1- or 6-month commitments); the hourly rate is shown only in the console, so no flat-rate offer is listed.'],
  },
  models: [
    {
      id: 'bedrock/claude-haiku-4-5',
      provider: 'aws-bedrock',
      displayName: 'Claude Haiku 4.5 (Bedrock)',
      creator: 'Anthropic',
      tags: ['code'],
      litellmKey: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      prices: { ...litellmPrices({ input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25, cacheWrite1h: 2 }), ...half(1, 5) },
      ...litellmWindow(200_000, 64_000),
      ttftMs: fig(1_239, KRABARENA),
      ttftP95Ms: ttftP95Estimate(1_239, 'anthropic'),
      tokensPerSec: speedEstimate(90, 'same model as Claude Haiku 4.5 on Anthropic.'),
      rateLimits: quota(1_000, 2_000_000),
      transientErrorRate: error,
      notes: ['Regional (us./eu./apac.) inference profiles cost 10 % more than global ones.'],
    },
    {
      id: 'bedrock/claude-sonnet-4-6',
      provider: 'aws-bedrock',
      displayName: 'Claude Sonnet 4.6 (Bedrock)',
      creator: 'Anthropic',
      tags: ['code'],
      litellmKey: 'anthropic.claude-sonnet-4-6',
      prices: { ...litellmPrices({ input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }), ...half(3, 15) },
      ...litellmWindow(1_000_000, 64_000),
      ttftMs: fig(1_641, KRABARENA),
      ttftP95Ms: ttftP95Estimate(1_641, 'anthropic'),
      tokensPerSec: speedEstimate(100, 'Sonnet 4.6 measured 104 tok/s on Anthropic (AA).'),
      rateLimits: quota(500, 1_000_000),
      transientErrorRate: error,
      notes: ['Regional (us./eu./apac.) inference profiles cost 10 % more than global ones.'],
    },
    {
      id: 'bedrock/nova-pro',
      provider: 'aws-bedrock',
      displayName: 'Amazon Nova Pro',
      creator: 'Amazon',
      tags: [],
      litellmKey: 'amazon.nova-pro-v1:0',
      prices: { ...litellmPrices({ input: 0.8, output: 3.2 }), ...half(0.8, 3.2) },
      ...litellmWindow(300_000, 10_000),
      ttftMs: speedEstimate(500, 'mid-size first-party model on Bedrock.'),
      ttftP95Ms: ttftP95Estimate(500, 'openWeight'),
      tokensPerSec: speedEstimate(100, 'mid-size model.'),
      rateLimits: quota(1_000, 2_000_000),
      transientErrorRate: error,
    },
    {
      id: 'bedrock/nova-lite',
      provider: 'aws-bedrock',
      displayName: 'Amazon Nova Lite',
      creator: 'Amazon',
      tags: [],
      litellmKey: 'amazon.nova-lite-v1:0',
      prices: { ...litellmPrices({ input: 0.06, output: 0.24 }), ...half(0.06, 0.24) },
      ...litellmWindow(300_000, 10_000),
      ttftMs: speedEstimate(400, 'small first-party model on Bedrock.'),
      ttftP95Ms: ttftP95Estimate(400, 'openWeight'),
      tokensPerSec: speedEstimate(150, 'small model.'),
      rateLimits: quota(1_000, 2_000_000),
      transientErrorRate: error,
    },
  ],
} satisfies ProviderFileInput;
