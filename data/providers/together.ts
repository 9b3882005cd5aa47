import type { ProviderFileInput } from '@/lib/catalog/schema';
import { AA_ELLIOTGATE, RESEARCHED, errorRateEstimate, estimate, fig, litellmPrices, operations, ref, ttftP95Estimate } from '../sources';

const STATUS = 'https://status.together.ai';
const NO_SLA = ref('https://www.together.ai/terms-of-service', RESEARCHED, false, 'No public uptime commitment was found for serverless endpoints.');
const LIMITS = 'https://docs.together.ai/docs/rate-limits';
const MODEL_PAGE = 'https://www.together.ai/models/llama-4-maverick';

export const together = {
  provider: {
    id: 'together',
    name: 'Together AI',
    kind: 'open-weight-host',
    website: 'https://www.together.ai',
    sla: { ...NO_SLA, commitment: 'none-published', qualifies: 'Serverless: nobody (dedicated endpoints by contract).', scope: 'None published.' },
    planningAvailability: estimate(0.995, STATUS, 'no published SLA: 99.5 % as a planning figure, not an observed uptime.'),
    ...operations({ statusPage: STATUS, docs: 'https://docs.together.ai/docs/quickstart', integrationHours: 8, maintenanceHoursPerMonth: 2, why: 'OpenAI-compatible API: one day.' }),
  },
  models: [
    {
      id: 'together/llama-4-maverick',
      provider: 'together',
      displayName: 'Llama 4 Maverick (Together)',
      creator: 'Meta',
      tags: ['open-weight'],
      litellmKey: 'together_ai/meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
      prices: litellmPrices({ input: 0.27, output: 0.85 }),
      contextWindowTokens: estimate(1_048_576, MODEL_PAGE, 'LiteLLM\'s Together entry has no context fields; the model\'s 1M window (DeepInfra entry) is assumed.'),
      maxOutputTokens: estimate(16_384, MODEL_PAGE, 'not published in the sources read.'),
      ttftMs: fig(660, AA_ELLIOTGATE, 'Llama 4 Maverick; the host measured is not named.'),
      ttftP95Ms: ttftP95Estimate(660, 'openWeight'),
      tokensPerSec: fig(110, AA_ELLIOTGATE, 'Llama 4 Maverick; the host measured is not named.'),
      rateLimits: [{ tier: 'Tier 1', qualification: '$5 paid', rpm: estimate(600, LIMITS, 'Tier 1 RPM as recalled; not re-retrieved.'), tpm: estimate(180_000, LIMITS, 'Tier 1 TPM as recalled; not re-retrieved.') }],
      transientErrorRate: errorRateEstimate(0.003, STATUS, '0.3 % of attempts as a planning default.'),
    },
  ],
} satisfies ProviderFileInput;
