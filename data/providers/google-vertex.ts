import type { ProviderFileInput } from '@/lib/catalog/schema';
import { AA_INDUWARA, KRABARENA, RESEARCHED, errorRateEstimate, fig, litellmLongContext, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://status.cloud.google.com';
const SLA = ref('https://cloud.google.com/vertex-ai/generative-ai/sla', RESEARCHED, true, 'Stored copy, undated.');
const CREDITS = ref('https://sla.directory/vendors/gemini', RESEARCHED, false, 'Secondary: the official copy read was cut off before the credit table.');
const BATCH = ref('https://cloud.google.com/vertex-ai/generative-ai/docs/multimodal/batch-prediction-gemini', RESEARCHED, false, 'Batch prediction for Gemini at 50 % of online prices, as on the Gemini API; the Vertex pricing page was not re-read.');
const QUOTA = ref('https://cloud.google.com/vertex-ai/generative-ai/docs/resources/throughput-quota', '2025-08-22', true);
const dynamicSharedQuota = [
  {
    tier: 'Dynamic Shared Quota',
    qualification: 'pay-as-you-go (default)',
    noFixedLimit: { ...QUOTA, reason: 'No predefined per-project limit: requests share a regional pool and get HTTP 429 when it is busy. Provisioned Throughput buys guaranteed capacity.' },
  },
];
const error = errorRateEstimate(0.003, STATUS, '0.3 %: includes 429s from the shared pool at busy times.');
const half = (input: number, output: number) => ({
  batchInputPer1M: fig(input / 2, BATCH),
  batchOutputPer1M: fig(output / 2, BATCH),
});
const SAME_AS_GEMINI_API = 'measured on the Gemini API; Vertex serves the same model.';

export const googleVertex = {
  provider: {
    id: 'google-vertex',
    name: 'Google Vertex AI',
    kind: 'cloud',
    website: 'https://cloud.google.com/vertex-ai',
    sla: {
      ...SLA,
      commitment: 'contractual',
      uptimePct: fig(99.5, SLA, 'Monthly uptime for generateContent / streamGenerateContent online inference.'),
      qualifies: 'Google Cloud customers using Vertex AI generative AI online inference (paid).',
      scope: 'Gemini online inference APIs (generateContent, streamGenerateContent). Provisioned Throughput adds a 99 % monthly latency-target-attainment SLO. Claims within 30 days.',
      credits: { ...CREDITS, tiers: [{ belowPct: 99.5, creditPct: 10 }, { belowPct: 99, creditPct: 25 }, { belowPct: 95, creditPct: 50 }] },
      note: 'Often quoted as 99.95 %: the published Vertex generative AI SLA is 99.5 % (the 99.9 % figure is for Vertex training and batch, not Gemini inference).',
    },
    planningAvailability: fig(0.995, SLA, 'The SLA figure (99.5 %).'),
    ...operations({ statusPage: STATUS, docs: 'https://cloud.google.com/vertex-ai/generative-ai/docs/start/quickstarts/quickstart-multimodal', integrationHours: 40, maintenanceHoursPerMonth: 4, why: 'GCP project, IAM service accounts, VPC Service Controls, quota and region choice: about a week.' }),
    notes: [
      'List prices match the Gemini API for most models (the "Vertex costs more per token" claim is not supported for list prices).',
      'Provisioned Throughput: GSUs bought weekly or monthly (no mid-term cancel); overflow to pay-as-you-go or HTTP 429. The GSU price was not retrieved, so no flat-rate offer is listed.',
    ],
  },
  models: [
    {
      id: 'vertex/gemini-2.5-flash',
      provider: 'google-vertex',
      displayName: 'Gemini 2.5 Flash (Vertex)',
      creator: 'Google',
      tags: [],
      litellmKey: 'gemini-2.5-flash',
      prices: { ...litellmPrices({ input: 0.3, output: 2.5, cachedInput: 0.03 }), ...half(0.3, 2.5) },
      ...litellmWindow(1_048_576, 65_535),
      ttftMs: fig(556, KRABARENA, SAME_AS_GEMINI_API),
      ttftP95Ms: ttftP95Estimate(556, 'google'),
      tokensPerSec: speedEstimate(200, `Flash-class speed; ${SAME_AS_GEMINI_API}`),
      rateLimits: dynamicSharedQuota,
      transientErrorRate: error,
    },
    {
      id: 'vertex/gemini-2.5-flash-lite',
      provider: 'google-vertex',
      displayName: 'Gemini 2.5 Flash-Lite (Vertex)',
      creator: 'Google',
      tags: [],
      litellmKey: 'gemini-2.5-flash-lite',
      prices: { ...litellmPrices({ input: 0.1, output: 0.4, cachedInput: 0.01 }), ...half(0.1, 0.4) },
      ...litellmWindow(1_048_576, 65_535),
      ttftMs: fig(438, KRABARENA, SAME_AS_GEMINI_API),
      ttftP95Ms: ttftP95Estimate(438, 'google'),
      tokensPerSec: speedEstimate(300, `Flash-Lite class; ${SAME_AS_GEMINI_API}`),
      rateLimits: dynamicSharedQuota,
      transientErrorRate: error,
    },
    {
      id: 'vertex/gemini-2.5-pro',
      provider: 'google-vertex',
      displayName: 'Gemini 2.5 Pro (Vertex)',
      creator: 'Google',
      tags: ['reasoning', 'code'],
      litellmKey: 'gemini-2.5-pro',
      prices: { ...litellmPrices({ input: 1.25, output: 10, cachedInput: 0.125 }), ...half(1.25, 10), longContext: litellmLongContext(200_000, 2.5, 15) },
      ...litellmWindow(1_048_576, 65_535),
      ttftMs: speedEstimate(2_500, 'thinking model: the first visible token follows the thinking phase.'),
      ttftP95Ms: ttftP95Estimate(2_500, 'reasoning'),
      tokensPerSec: speedEstimate(120, 'Pro-class speed, below Flash.'),
      rateLimits: dynamicSharedQuota,
      transientErrorRate: error,
    },
    {
      id: 'vertex/claude-sonnet-4-6',
      provider: 'google-vertex',
      displayName: 'Claude Sonnet 4.6 (Vertex)',
      creator: 'Anthropic',
      tags: ['code'],
      litellmKey: 'vertex_ai/claude-sonnet-4-6',
      prices: litellmPrices({ input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }),
      ...litellmWindow(1_000_000, 64_000),
      ttftMs: fig(740, AA_INDUWARA, 'Measured on Anthropic\'s API; Vertex TTFT for Claude 3.5 Haiku was 0.18 s slower than Bedrock (AA).'),
      ttftP95Ms: ttftP95Estimate(740, 'anthropic'),
      tokensPerSec: fig(104, AA_INDUWARA, 'Measured on Anthropic\'s API.'),
      rateLimits: dynamicSharedQuota,
      transientErrorRate: error,
      notes: ['Partner model: the Vertex 99.5 % SLA text names Gemini APIs; whether it covers Claude on Vertex was not checked.'],
    },
  ],
} satisfies ProviderFileInput;
