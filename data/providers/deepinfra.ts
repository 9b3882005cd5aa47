import type { ProviderFileInput } from '@/lib/catalog/schema';
import { LITELLM, RESEARCHED, errorRateEstimate, estimate, fig, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://status.deepinfra.com';
const NO_SLA = ref('https://deepinfra.com/terms', RESEARCHED, false, 'No public uptime commitment was found.');
const LIMITS = 'https://deepinfra.com/docs/advanced/rate-limits';
const error = errorRateEstimate(0.003, STATUS, '0.3 % of attempts as a planning default.');
const concurrency = [{
  tier: 'Default account',
  qualification: 'pay-as-you-go',
  maxConcurrency: estimate(200, LIMITS, 'DeepInfra limits concurrent requests per model (200 by default as recalled; not re-retrieved).'),
}];

export const deepinfra = {
  provider: {
    id: 'deepinfra',
    name: 'DeepInfra',
    kind: 'open-weight-host',
    website: 'https://deepinfra.com',
    sla: { ...NO_SLA, commitment: 'none-published', qualifies: 'Nobody (self-serve).', scope: 'None published.' },
    planningAvailability: estimate(0.995, STATUS, 'no published SLA: 99.5 % as a planning figure, not an observed uptime.'),
    ...operations({ statusPage: STATUS, docs: 'https://deepinfra.com/docs/getting-started', integrationHours: 8, maintenanceHoursPerMonth: 2, why: 'OpenAI-compatible API: one day.' }),
  },
  models: [
    {
      id: 'deepinfra/qwen3-235b',
      provider: 'deepinfra',
      displayName: 'Qwen3 235B Instruct 2507 (DeepInfra)',
      creator: 'Alibaba Qwen',
      tags: ['open-weight'],
      litellmKey: 'deepinfra/Qwen/Qwen3-235B-A22B-Instruct-2507',
      prices: litellmPrices({ input: 0.09, output: 0.6 }),
      ...litellmWindow(262_144, 262_144),
      ttftMs: speedEstimate(700, 'DeepSeek V3 measured 780 ms warm TTFT on DeepInfra (krabarena).'),
      ttftP95Ms: ttftP95Estimate(700, 'openWeight'),
      tokensPerSec: speedEstimate(50, 'large sparse model on a price-optimised host.'),
      rateLimits: concurrency,
      transientErrorRate: error,
    },
    {
      id: 'deepinfra/llama-4-maverick',
      provider: 'deepinfra',
      displayName: 'Llama 4 Maverick (DeepInfra)',
      creator: 'Meta',
      tags: ['open-weight'],
      litellmKey: 'deepinfra/meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
      prices: litellmPrices({ input: 0.15, output: 0.6 }),
      contextWindowTokens: fig(1_048_576, LITELLM, 'LiteLLM max_input_tokens.'),
      maxOutputTokens: estimate(16_384, LIMITS, 'LiteLLM lists the whole window as max output; 16k is a realistic cap.'),
      ttftMs: speedEstimate(600, 'Llama 4 Maverick measured 660 ms (AA, host not named).'),
      ttftP95Ms: ttftP95Estimate(600, 'openWeight'),
      tokensPerSec: speedEstimate(90, 'Llama 4 Maverick measured 110 tok/s on a faster host (AA).'),
      rateLimits: concurrency,
      transientErrorRate: error,
    },
  ],
} satisfies ProviderFileInput;
