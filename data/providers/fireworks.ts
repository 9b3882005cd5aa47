import type { ProviderFileInput } from '@/lib/catalog/schema';
import { RESEARCHED, errorRateEstimate, estimate, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://status.fireworks.ai';
const NO_SLA = ref('https://fireworks.ai/terms-of-service', RESEARCHED, false, 'No public uptime commitment was found for serverless inference.');
const LIMITS = 'https://docs.fireworks.ai/guides/quotas_usage/rate-limits';

export const fireworks = {
  provider: {
    id: 'fireworks',
    name: 'Fireworks AI',
    kind: 'open-weight-host',
    website: 'https://fireworks.ai',
    sla: { ...NO_SLA, commitment: 'none-published', qualifies: 'Serverless: nobody (enterprise and on-demand deployments by contract).', scope: 'None published.' },
    planningAvailability: estimate(0.995, STATUS, 'no published SLA: 99.5 % as a planning figure, not an observed uptime.'),
    ...operations({ statusPage: STATUS, docs: 'https://docs.fireworks.ai/getting-started/quickstart', integrationHours: 8, maintenanceHoursPerMonth: 2, why: 'OpenAI-compatible API: one day.' }),
  },
  models: [
    {
      id: 'fireworks/qwen3-coder-480b',
      provider: 'fireworks',
      displayName: 'Qwen3 Coder 480B (Fireworks)',
      creator: 'Alibaba Qwen',
      tags: ['open-weight', 'code'],
      litellmKey: 'fireworks_ai/accounts/fireworks/models/qwen3-coder-480b-a35b-instruct',
      prices: litellmPrices({ input: 0.45, output: 1.8 }),
      ...litellmWindow(262_144, 262_144),
      ttftMs: speedEstimate(500, 'large sparse code model on a GPU host.'),
      ttftP95Ms: ttftP95Estimate(500, 'openWeight'),
      tokensPerSec: speedEstimate(100, 'large sparse model (35B active).'),
      rateLimits: [{ tier: 'Serverless (payment method on file)', qualification: 'paid account', rpm: estimate(6_000, LIMITS, 'serverless RPM with a payment method as recalled; not re-retrieved.') }],
      transientErrorRate: errorRateEstimate(0.003, STATUS, '0.3 % of attempts as a planning default.'),
    },
  ],
} satisfies ProviderFileInput;
