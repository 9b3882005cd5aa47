import type { ProviderFileInput } from '@/lib/catalog/schema';
import { RESEARCHED, errorRateEstimate, estimate, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://groqstatus.com';
const NO_SLA = ref('https://groq.com/terms-of-use', RESEARCHED, false, 'No public uptime commitment was found for self-serve plans.');
const LIMITS = 'https://console.groq.com/docs/rate-limits';
const error = errorRateEstimate(0.003, STATUS, '0.3 % of attempts as a planning default.');
const devTier = (rpm: number, tpm: number) => [{
  tier: 'Developer',
  qualification: 'paid plan',
  rpm: estimate(rpm, LIMITS, 'Developer-tier limit per model as recalled; not re-retrieved.'),
  tpm: estimate(tpm, LIMITS, 'Developer-tier limit per model as recalled; not re-retrieved.'),
}];

export const groq = {
  provider: {
    id: 'groq',
    name: 'Groq',
    kind: 'open-weight-host',
    website: 'https://groq.com',
    sla: { ...NO_SLA, commitment: 'none-published', qualifies: 'Self-serve: nobody (enterprise contracts may differ).', scope: 'None published.' },
    planningAvailability: estimate(0.995, STATUS, 'no published SLA: 99.5 % as a planning figure, not an observed uptime.'),
    ...operations({ statusPage: STATUS, docs: 'https://console.groq.com/docs/quickstart', integrationHours: 8, maintenanceHoursPerMonth: 2, why: 'OpenAI-compatible API: one day.' }),
    notes: ['LPU inference: very high output speed; hosted models are retired on short notice.'],
  },
  models: [
    {
      id: 'groq/llama-3.3-70b',
      provider: 'groq',
      displayName: 'Llama 3.3 70B (Groq)',
      creator: 'Meta',
      tags: ['open-weight'],
      litellmKey: 'groq/llama-3.3-70b-versatile',
      prices: litellmPrices({ input: 0.59, output: 0.79 }),
      ...litellmWindow(128_000, 32_768),
      ttftMs: speedEstimate(250, 'LPU hosts answer in a few hundred ms.'),
      ttftP95Ms: ttftP95Estimate(250, 'openWeight'),
      tokensPerSec: speedEstimate(275, 'Groq serves 70B models at a few hundred tok/s.'),
      rateLimits: devTier(1_000, 300_000),
      transientErrorRate: error,
    },
    {
      id: 'groq/gpt-oss-120b',
      provider: 'groq',
      displayName: 'gpt-oss-120b (Groq)',
      creator: 'OpenAI',
      tags: ['open-weight', 'reasoning'],
      litellmKey: 'groq/openai/gpt-oss-120b',
      prices: litellmPrices({ input: 0.15, output: 0.6, cachedInput: 0.075 }),
      ...litellmWindow(131_072, 32_766),
      ttftMs: speedEstimate(300, 'LPU host; short reasoning before the first token.'),
      ttftP95Ms: ttftP95Estimate(300, 'reasoning'),
      tokensPerSec: speedEstimate(450, 'sparse 120B model on LPUs.'),
      rateLimits: devTier(1_000, 250_000),
      transientErrorRate: error,
    },
  ],
} satisfies ProviderFileInput;
