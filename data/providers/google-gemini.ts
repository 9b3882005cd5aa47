import type { ProviderFileInput } from '@/lib/catalog/schema';
import { AA_ELLIOTGATE, AA_INDUWARA, KRABARENA, LITELLM, RESEARCHED, batchAtHalf, errorRateEstimate, estimate, fig, litellmLongContext, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://aistudio.google.com/status';
const NO_SLA = ref('https://sla.directory/vendors/gemini', RESEARCHED, false, 'Secondary: no SLA is published for the Gemini API (AI Studio); the free tier explicitly has none.');
export const GEMINI_BATCH = ref('https://developers.googleblog.com/scale-your-ai-workloads-batch-mode-gemini-api', '2025-07-07', true, 'Batch Mode: 50 % off, results within 24 h.');
const LIMITS_2025 = ref('https://ai.google.dev/gemini-api/docs/rate-limits', '2025-05-01', true, 'Tier 1 table of a May 2025 snapshot; current per-model figures are shown only in AI Studio.');
const LITELLM_LIMITS = ref(LITELLM.source, LITELLM.asOf, false, 'LiteLLM rpm/tpm fields mix free- and paid-tier values; not authoritative.');
const TIER1 = 'Tier 1';
const TIER1_QUAL = 'billing account linked; spend cap $250/month';
const error = errorRateEstimate(0.003, STATUS, '0.3 %: 503 "model overloaded" responses are reported on preview and popular models.');
const flashLiteLimits = [{ tier: TIER1, qualification: TIER1_QUAL, rpm: estimate(4_000, LIMITS_2025.source, 'Tier 1 RPM, the Flash-Lite class figure of 2025 docs as recalled, not re-retrieved.'), tpm: estimate(4_000_000, LIMITS_2025.source, 'Tier 1 TPM, as above.') }];
const previewLimits = [{ tier: TIER1, qualification: TIER1_QUAL, rpm: fig(2_000, LITELLM_LIMITS), tpm: fig(800_000, LITELLM_LIMITS) }];

export const googleGemini = {
  provider: {
    id: 'google-gemini',
    name: 'Google Gemini API',
    kind: 'model-maker',
    website: 'https://ai.google.dev',
    sla: {
      ...NO_SLA,
      commitment: 'none-published',
      qualifies: 'Nobody: AI Studio / Gemini API keys (free and paid tiers).',
      scope: 'None. For an uptime commitment use Vertex AI (99.5 %).',
    },
    planningAvailability: estimate(0.995, STATUS, 'no SLA: 99.5 % (the figure Google commits to on Vertex AI for the same models) as a planning figure.'),
    ...operations({ statusPage: STATUS, docs: 'https://ai.google.dev/gemini-api/docs/quickstart', integrationHours: 12, maintenanceHoursPerMonth: 2, why: 'API key and SDK (or the OpenAI-compatible endpoint): a day and a half.' }),
    notes: [
      'Tiers: Free; Tier 1 = billing linked; Tier 2 = $250 spend + 30 days; Tier 3 = $1,000 + 30 days. Limits are per project; RPD resets at midnight Pacific.',
      'Implicit caching gives 90 % off cached tokens on 2.5+ models with no guarantee; explicit caching adds a storage fee per token-hour (rate not retrieved).',
    ],
  },
  models: [
    {
      id: 'gemini-2.5-flash',
      provider: 'google-gemini',
      displayName: 'Gemini 2.5 Flash',
      creator: 'Google',
      tags: [],
      litellmKey: 'gemini/gemini-2.5-flash',
      prices: { ...litellmPrices({ input: 0.3, output: 2.5, cachedInput: 0.03 }), ...batchAtHalf(0.3, 2.5, GEMINI_BATCH) },
      ...litellmWindow(1_048_576, 65_535),
      ttftMs: fig(556, KRABARENA),
      ttftP95Ms: ttftP95Estimate(556, 'google'),
      tokensPerSec: speedEstimate(200, 'Flash-class speed; Gemini 3 Flash measured 200 tok/s (AA).'),
      rateLimits: [{ tier: TIER1, qualification: TIER1_QUAL, rpm: fig(1_000, LIMITS_2025), tpm: fig(1_000_000, LIMITS_2025) }],
      transientErrorRate: error,
    },
    {
      id: 'gemini-2.5-flash-lite',
      provider: 'google-gemini',
      displayName: 'Gemini 2.5 Flash-Lite',
      creator: 'Google',
      tags: [],
      litellmKey: 'gemini/gemini-2.5-flash-lite',
      prices: { ...litellmPrices({ input: 0.1, output: 0.4, cachedInput: 0.01 }), ...batchAtHalf(0.1, 0.4, GEMINI_BATCH) },
      ...litellmWindow(1_048_576, 65_535),
      ttftMs: fig(438, KRABARENA),
      ttftP95Ms: ttftP95Estimate(438, 'google'),
      tokensPerSec: speedEstimate(300, 'Flash-Lite class; Gemini 3.1 Flash-Lite measured 321 tok/s (AA).'),
      rateLimits: flashLiteLimits,
      transientErrorRate: error,
    },
    {
      id: 'gemini-2.5-pro',
      provider: 'google-gemini',
      displayName: 'Gemini 2.5 Pro',
      creator: 'Google',
      tags: ['reasoning', 'code'],
      litellmKey: 'gemini/gemini-2.5-pro',
      prices: { ...litellmPrices({ input: 1.25, output: 10, cachedInput: 0.125 }), ...batchAtHalf(1.25, 10, GEMINI_BATCH), longContext: litellmLongContext(200_000, 2.5, 15) },
      ...litellmWindow(1_048_576, 65_535),
      ttftMs: speedEstimate(2_500, 'thinking model: the first visible token follows the thinking phase.'),
      ttftP95Ms: ttftP95Estimate(2_500, 'reasoning'),
      tokensPerSec: speedEstimate(120, 'Pro-class speed, below Flash.'),
      rateLimits: [{ tier: TIER1, qualification: TIER1_QUAL, rpm: fig(150, LIMITS_2025), tpm: fig(2_000_000, LIMITS_2025) }],
      transientErrorRate: error,
    },
    {
      id: 'gemini-3-flash-preview',
      provider: 'google-gemini',
      displayName: 'Gemini 3 Flash (preview)',
      creator: 'Google',
      tags: ['preview'],
      litellmKey: 'gemini/gemini-3-flash-preview',
      prices: { ...litellmPrices({ input: 0.5, output: 3, cachedInput: 0.05, priorityInput: 0.9, priorityOutput: 5.4 }), ...batchAtHalf(0.5, 3, GEMINI_BATCH) },
      ...litellmWindow(1_048_576, 65_535),
      ttftMs: fig(500, AA_INDUWARA),
      ttftP95Ms: ttftP95Estimate(500, 'google'),
      tokensPerSec: fig(200, AA_INDUWARA),
      rateLimits: previewLimits,
      transientErrorRate: error,
    },
    {
      id: 'gemini-3.1-flash-lite',
      provider: 'google-gemini',
      displayName: 'Gemini 3.1 Flash-Lite',
      creator: 'Google',
      tags: [],
      litellmKey: 'gemini/gemini-3.1-flash-lite',
      prices: litellmPrices({ input: 0.25, output: 1.5, cachedInput: 0.025, batchInput: 0.125, batchOutput: 0.75, priorityInput: 0.45, priorityOutput: 2.7, flexInput: 0.125, flexOutput: 0.75 }),
      ...litellmWindow(1_048_576, 65_536),
      ttftMs: speedEstimate(400, 'the source says "low" without a figure; Flash-Lite class.'),
      ttftP95Ms: ttftP95Estimate(400, 'google'),
      tokensPerSec: fig(321, AA_ELLIOTGATE, 'Measured on the preview.'),
      rateLimits: flashLiteLimits,
      transientErrorRate: error,
    },
    {
      id: 'gemini-3.1-pro-preview',
      provider: 'google-gemini',
      displayName: 'Gemini 3.1 Pro (preview)',
      creator: 'Google',
      tags: ['reasoning', 'code', 'preview'],
      litellmKey: 'gemini/gemini-3.1-pro-preview',
      prices: {
        ...litellmPrices({ input: 2, output: 12, cachedInput: 0.2, batchInput: 1, batchOutput: 6, priorityInput: 3.6, priorityOutput: 21.6 }),
        longContext: litellmLongContext(200_000, 4, 18),
      },
      ...litellmWindow(1_048_576, 65_536),
      ttftMs: speedEstimate(3_000, 'thinking model: the first visible token follows the thinking phase.'),
      ttftP95Ms: ttftP95Estimate(3_000, 'reasoning'),
      tokensPerSec: speedEstimate(100, 'Pro-class speed.'),
      rateLimits: previewLimits,
      transientErrorRate: error,
    },
  ],
} satisfies ProviderFileInput;
