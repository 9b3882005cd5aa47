import type { ProviderFileInput } from '@/lib/catalog/schema';
import { LITELLM, RESEARCHED, errorRateEstimate, estimate, fig, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://status.deepseek.com';
const NO_SLA = ref('https://api-docs.deepseek.com', RESEARCHED, false, 'No public SLA was found (absence of evidence, checked 2026-11-24).');
const RATE_LIMIT = ref('https://api-docs.deepseek.com/quick_start/rate_limit', RESEARCHED, false, 'Recalled from the docs page, not re-retrieved for this catalog.');
const V4_OUTPUT = ref(LITELLM.source, LITELLM.asOf, false, 'LiteLLM max_output_tokens; 8,192 looks copied from older entries.');
const error = errorRateEstimate(0.01, STATUS, '1 %: DeepSeek has had long degraded periods under load and publishes no commitment.');
const noFixedLimit = [{
  tier: 'Pay-as-you-go',
  qualification: 'prepaid balance',
  noFixedLimit: { ...RATE_LIMIT, reason: 'DeepSeek states it does not constrain users\' rate limits; under heavy load requests wait on an open connection instead of getting 429s.' },
}];
const TIME_SENSITIVE = 'DeepSeek prices change often (off-peak discounts, new model ids); re-check before relying on them.';

export const deepseek = {
  provider: {
    id: 'deepseek',
    name: 'DeepSeek',
    kind: 'model-maker',
    website: 'https://platform.deepseek.com',
    sla: {
      ...NO_SLA,
      commitment: 'none-published',
      qualifies: 'Nobody.',
      scope: 'None: plan a fallback provider.',
    },
    planningAvailability: estimate(0.99, STATUS, 'no SLA and notable multi-hour incidents: 99 % as a conservative planning figure, not an observed uptime.'),
    ...operations({ statusPage: STATUS, docs: 'https://api-docs.deepseek.com', integrationHours: 8, maintenanceHoursPerMonth: 2, meanOutageMinutes: 120, why: 'OpenAI-compatible API: one day.' }),
    notes: [TIME_SENSITIVE, 'Prefix (disk) caching is automatic; cache writes cost the normal input price.'],
  },
  models: [
    {
      id: 'deepseek-chat',
      provider: 'deepseek',
      displayName: 'DeepSeek Chat (V3.x)',
      creator: 'DeepSeek',
      tags: ['open-weight'],
      litellmKey: 'deepseek/deepseek-chat',
      prices: litellmPrices({ input: 0.28, output: 0.42, cachedInput: 0.028 }),
      ...litellmWindow(131_072, 8_192),
      ttftMs: speedEstimate(1_500, 'DeepSeek V3 measured 780 ms on DeepInfra; the first-party API is slower under load.'),
      ttftP95Ms: ttftP95Estimate(1_500, 'deepseek'),
      tokensPerSec: speedEstimate(30, 'first-party API, slow under load.'),
      rateLimits: noFixedLimit,
      transientErrorRate: error,
      notes: ['Older official table: cache hit 0.07, miss 0.27, output 1.10 USD per 1M.'],
    },
    {
      id: 'deepseek-reasoner',
      provider: 'deepseek',
      displayName: 'DeepSeek Reasoner',
      creator: 'DeepSeek',
      tags: ['open-weight', 'reasoning'],
      litellmKey: 'deepseek/deepseek-reasoner',
      prices: litellmPrices({ input: 0.28, output: 0.42, cachedInput: 0.028 }),
      ...litellmWindow(131_072, 65_536),
      ttftMs: speedEstimate(5_000, 'reasoning model on a slow first-party API.'),
      ttftP95Ms: ttftP95Estimate(5_000, 'reasoning'),
      tokensPerSec: speedEstimate(30, 'first-party API, slow under load.'),
      rateLimits: noFixedLimit,
      transientErrorRate: error,
    },
    {
      id: 'deepseek-v4-flash',
      provider: 'deepseek',
      displayName: 'DeepSeek V4 Flash',
      creator: 'DeepSeek',
      tags: ['open-weight'],
      litellmKey: 'deepseek/deepseek-v4-flash',
      prices: litellmPrices({ input: 0.14, output: 0.28, cachedInput: 0.0028 }),
      contextWindowTokens: fig(1_000_000, LITELLM, 'LiteLLM max_input_tokens.'),
      maxOutputTokens: fig(8_192, V4_OUTPUT),
      ttftMs: speedEstimate(1_000, 'smaller, faster V4 model.'),
      ttftP95Ms: ttftP95Estimate(1_000, 'deepseek'),
      tokensPerSec: speedEstimate(50, 'smaller V4 model.'),
      rateLimits: noFixedLimit,
      transientErrorRate: error,
    },
    {
      id: 'deepseek-v4-pro',
      provider: 'deepseek',
      displayName: 'DeepSeek V4 Pro',
      creator: 'DeepSeek',
      tags: ['open-weight', 'code'],
      litellmKey: 'deepseek/deepseek-v4-pro',
      prices: litellmPrices({ input: 0.435, output: 0.87, cachedInput: 0.003625 }),
      contextWindowTokens: fig(1_000_000, LITELLM, 'LiteLLM max_input_tokens.'),
      maxOutputTokens: fig(8_192, V4_OUTPUT),
      ttftMs: speedEstimate(1_500, 'large V4 model on a slow first-party API.'),
      ttftP95Ms: ttftP95Estimate(1_500, 'deepseek'),
      tokensPerSec: speedEstimate(35, 'large V4 model.'),
      rateLimits: noFixedLimit,
      transientErrorRate: error,
    },
  ],
} satisfies ProviderFileInput;
