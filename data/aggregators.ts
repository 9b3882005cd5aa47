import type { AggregatorInput } from '@/lib/catalog/schema';
import { RESEARCHED, ref } from './sources';

const OPENROUTER_FAQ = ref('https://openrouter.ai/docs/faq', RESEARCHED, true, 'Fee constants are in the page source (stored 2026).');
const PORTKEY_PRICE = ref('https://finops.apis.io/finops/portkey', RESEARCHED, false, 'Secondary source for the $49 plan; log quotas confirmed on docs.portkey.ai.');
const TOKENMIX_DOCS = ref('https://tokenmix.ai/docs/billing', RESEARCHED, true, 'Official docs: prepaid wallet, pay per token, no subscription.');
const TOKENMIX_CLAIMS = ref('https://dev.to/tokenmixai', '2026-05-06', false, 'Vendor-authored post; no independent verification.');

export const aggregators = [
  {
    id: 'openrouter',
    name: 'OpenRouter',
    website: 'https://openrouter.ai',
    fees: [
      { ...OPENROUTER_FAQ, model: 'percent-of-spend', percentOfSpend: 5.5, description: 'Provider prices passed through; 5.5 % fee on credit purchases by card ($0.80 minimum), 5 % by crypto.' },
      { ...OPENROUTER_FAQ, model: 'percent-of-spend', percentOfSpend: 5, description: 'Bring your own key: first 1M BYOK requests per month free, then 5 % of what the model would normally cost.' },
    ],
    automaticFailover: { ...OPENROUTER_FAQ, value: true, note: 'Provider fallback within a model and optional model fallbacks; uptime is pooled across hosts.' },
    openSource: false,
    sla: { ...ref('https://sla.directory/vendors/openrouter', '2026-06-22', false, 'Secondary.'), commitment: 'none-published', summary: 'No public SLA; enterprise terms by contract.' },
    notes: ['One OpenAI-compatible endpoint for hundreds of models.', 'Free models: 20 RPM; 50 requests/day under $10 of credits bought, 1,000/day above.'],
  },
  {
    id: 'portkey',
    name: 'Portkey',
    website: 'https://portkey.ai',
    fees: [
      { ...PORTKEY_PRICE, model: 'monthly-plan', monthlyUsd: 49, description: 'Production plan: $49/month including 100k logs, +$9 per extra 100k, 30-day retention. Tokens are billed by the providers (your keys).' },
      { ...ref('https://docs.portkey.ai/docs/product/observability/logs', RESEARCHED, true), model: 'monthly-plan', monthlyUsd: 0, description: 'Developer plan: free, 10k logs/month, 3-day retention.' },
    ],
    automaticFailover: { ...ref('https://portkey.ai/docs/product/ai-gateway/fallbacks', RESEARCHED, false, 'Not in the research notes: Portkey documents fallbacks and retries configured per gateway config.'), value: true },
    openSource: true,
    sla: { ...ref('https://portkey.ai/pricing', RESEARCHED, false), commitment: 'none-published', summary: 'No public SLA for Developer/Production; Enterprise by contract.' },
    notes: ['The gateway is open source (Apache-2.0) and can be self-hosted; observability, guardrails and prompt management are SaaS features.'],
  },
  {
    id: 'litellm',
    name: 'LiteLLM (self-hosted proxy)',
    website: 'https://github.com/BerriAI/litellm',
    fees: [
      { ...ref('https://github.com/BerriAI/litellm/blob/main/LICENSE', RESEARCHED, true, 'MIT, except litellm/proxy/enterprise/.'), model: 'self-hosted', description: 'Free (MIT). You pay your own compute plus Postgres/Redis and the engineering time to run it; the enterprise licence price is not public.' },
    ],
    automaticFailover: { ...ref('https://docs.litellm.ai/docs/routing', RESEARCHED, false, 'Not in the research notes: the Router supports fallbacks, retries and cooldowns once configured.'), value: true },
    openSource: true,
    sla: { ...ref('https://github.com/BerriAI/litellm', RESEARCHED, true), commitment: 'none-published', summary: 'Self-hosted: availability is yours to run.' },
    notes: ['Maintains the model price map this catalog cross-checks against.', 'Budget the proxy\'s hosting and on-call as platform fee and maintenance hours.'],
  },
  {
    id: 'tokenmix',
    name: 'TokenMix.ai',
    website: 'https://tokenmix.ai',
    fees: [
      { ...TOKENMIX_CLAIMS, model: 'price-multiplier', priceMultiplier: 0.95, description: 'Prepaid wallet, pay per token, no subscription and no stated platform fee; claims prices 3-8 % below direct provider rates (0.95 = midpoint).' },
    ],
    automaticFailover: { ...TOKENMIX_CLAIMS, value: true, note: 'Vendor claim: HK and US regions with automatic failover.' },
    openSource: false,
    sla: { ...TOKENMIX_DOCS, commitment: 'none-published', summary: 'No SLA found.' },
    notes: ['OpenAI-compatible base URL https://api.tokenmix.ai/v1.', 'Vendor claims 171 models from 14 providers (124 chat); not independently verified.'],
  },
] satisfies AggregatorInput[];
