import type { ProviderFileInput } from '@/lib/catalog/schema';
import { AA_INDUWARA, AA_LATTICE, RESEARCHED, batchAtHalf, errorRateEstimate, estimate, fig, litellmLongContext, litellmPrices, litellmWindow, operations, ref, speedEstimate, ttftP95Estimate } from '../sources';

const STATUS = 'https://status.claude.com';
const SERVICE_TIERS = ref('https://platform.claude.com/docs/en/api/service-tiers', RESEARCHED, true);
const BATCH = ref('https://docs.anthropic.com/en/docs/build-with-claude/batch-processing', RESEARCHED, true, 'Message Batches API: 50 % of standard prices; most batches finish within 1 h, expire at 24 h.');
const TIER1 = ref('https://docs.anthropic.com/en/api/rate-limits', '2026-06-20', true, 'Previous Tier 1-4 structure (current tiers are Start / Build / Scale; their per-model tables were not retrieved).');
const PER_MODEL = ref('https://rate-limits.apis.io', '2026-06-20', false, 'Per-model table from secondary summaries (rate-limits.apis.io, hivebook, aipromptshub).');
const LIMIT_WINDOW = 'Token bucket refilled continuously; modelled as a 60 s window.';
const TIER1_QUAL = '$5 credit purchase; monthly cap $100';
const error = errorRateEstimate(0.005, STATUS, '0.5 %: overloaded (529) errors are more frequent at peak than on other first-party APIs.');

/** A planning tier for production traffic: Tier 4 of the previous structure (≈ Scale today). */
function tier4(rpm: number, itpm: number, otpm: number, why: string) {
  return {
    tier: 'Tier 4',
    qualification: '$400 credit purchase; monthly cap $5,000',
    rpm: estimate(rpm, TIER1.source, `Tier 4 RPM; ${why}`),
    itpm: estimate(itpm, TIER1.source, `Tier 4 input TPM; ${why}`),
    otpm: estimate(otpm, TIER1.source, `Tier 4 output TPM; ${why}`),
  };
}

export const anthropic = {
  provider: {
    id: 'anthropic',
    name: 'Anthropic',
    kind: 'model-maker',
    website: 'https://platform.claude.com',
    sla: {
      ...SERVICE_TIERS,
      commitment: 'best-effort',
      qualifies: 'Standard tier (every API customer). Priority Tier capacity commitments are no longer sold.',
      scope: 'Messages API; no published uptime percentage or credits.',
      note: 'The docs say "best-effort availability" for the standard tier. A 99.9 % enterprise figure sometimes quoted was not found in a public source.',
    },
    planningAvailability: estimate(0.995, STATUS, 'no published uptime commitment: 99.5 % is a conservative figure for a best-effort API, not an observed uptime.'),
    ...operations({ statusPage: STATUS, docs: 'https://platform.claude.com/docs/en/get-started', integrationHours: 16, maintenanceHoursPerMonth: 2, why: 'first-party SDK, prompt-caching breakpoints, retries on 429/529: about two days.' }),
    notes: [
      'Limits are separate RPM, input TPM and output TPM per model class (token bucket). Cache reads do not count toward ITPM on current models.',
      'At the monthly spend cap the API returns HTTP 429 enforced_spend_limit_reached without retry-after.',
      'No concurrency limit is documented for the Messages API (the "strict concurrency cap" claim is not supported).',
    ],
  },
  models: [
    {
      id: 'claude-haiku-4-5',
      provider: 'anthropic',
      displayName: 'Claude Haiku 4.5',
      creator: 'Anthropic',
      tags: ['code'],
      litellmKey: 'claude-haiku-4-5',
      prices: { ...litellmPrices({ input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25, cacheWrite1h: 2 }), ...batchAtHalf(1, 5, BATCH) },
      ...litellmWindow(200_000, 64_000),
      ttftMs: speedEstimate(800, 'measured 0.81-0.99 s for Claude 3.5 Haiku (AA) and 1.24 s for Haiku 4.5 on Bedrock; the "under 300 ms" claim is not supported.'),
      ttftP95Ms: ttftP95Estimate(800, 'anthropic'),
      tokensPerSec: speedEstimate(90, 'Claude 3.5 Haiku measured 68 tok/s on Anthropic (AA); Haiku 4.5 is a faster generation.'),
      rateLimits: [
        { ...tier4(4_000, 4_000_000, 800_000, 'by analogy with the Scale-tier figures published for current models.'), limitWindowSec: fig(60, TIER1, LIMIT_WINDOW) },
        { tier: 'Tier 1', qualification: TIER1_QUAL, rpm: fig(50, TIER1), itpm: fig(50_000, TIER1), otpm: fig(10_000, TIER1) },
      ],
      transientErrorRate: error,
    },
    {
      id: 'claude-sonnet-4-6',
      provider: 'anthropic',
      displayName: 'Claude Sonnet 4.6',
      creator: 'Anthropic',
      tags: ['code'],
      litellmKey: 'claude-sonnet-4-6',
      prices: { ...litellmPrices({ input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }), ...batchAtHalf(3, 15, BATCH) },
      ...litellmWindow(1_000_000, 64_000),
      ttftMs: fig(740, AA_INDUWARA),
      ttftP95Ms: ttftP95Estimate(740, 'anthropic'),
      tokensPerSec: fig(104, AA_INDUWARA),
      rateLimits: [
        { tier: 'Tier 4', qualification: '$400 credit purchase; monthly cap $5,000', rpm: estimate(4_000, TIER1.source, 'Tier 4 RPM, by analogy with the Scale-tier figures published for current models.'), itpm: fig(2_000_000, PER_MODEL), otpm: fig(400_000, PER_MODEL) },
        { tier: 'Tier 1', qualification: TIER1_QUAL, rpm: fig(50, TIER1), itpm: fig(30_000, TIER1), otpm: fig(8_000, TIER1) },
      ],
      transientErrorRate: error,
    },
    {
      id: 'claude-sonnet-4-5',
      provider: 'anthropic',
      displayName: 'Claude Sonnet 4.5',
      creator: 'Anthropic',
      tags: ['code'],
      litellmKey: 'claude-sonnet-4-5',
      prices: {
        ...litellmPrices({ input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }),
        ...batchAtHalf(3, 15, BATCH),
        longContext: litellmLongContext(200_000, 6, 22.5),
      },
      ...litellmWindow(200_000, 64_000),
      ttftMs: fig(1_800, AA_LATTICE),
      ttftP95Ms: ttftP95Estimate(1_800, 'anthropic'),
      tokensPerSec: fig(63, AA_LATTICE),
      rateLimits: [
        { tier: 'Tier 4', qualification: '$400 credit purchase; monthly cap $5,000', rpm: estimate(4_000, TIER1.source, 'Tier 4 RPM; Sonnet 4.x models share one pool.'), itpm: fig(2_000_000, PER_MODEL, 'Sonnet 4.x pool (figure published for Sonnet 4.6).'), otpm: fig(400_000, PER_MODEL, 'Sonnet 4.x pool (figure published for Sonnet 4.6).') },
        { tier: 'Tier 1', qualification: TIER1_QUAL, rpm: fig(50, TIER1), itpm: fig(30_000, TIER1), otpm: fig(8_000, TIER1) },
      ],
      transientErrorRate: error,
      notes: ['The 1M-token context (beta) is billed at the long-context prices above 200k input tokens.'],
    },
    {
      id: 'claude-opus-4-7',
      provider: 'anthropic',
      displayName: 'Claude Opus 4.7',
      creator: 'Anthropic',
      tags: ['code', 'reasoning'],
      litellmKey: 'claude-opus-4-7',
      prices: { ...litellmPrices({ input: 5, output: 25, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10 }), ...batchAtHalf(5, 25, BATCH) },
      ...litellmWindow(1_000_000, 128_000),
      ttftMs: speedEstimate(1_500, 'Opus 4.1 measured 2.67 s (AA, 2025); newer Opus generations are faster.'),
      ttftP95Ms: ttftP95Estimate(1_500, 'anthropic'),
      tokensPerSec: speedEstimate(50, 'Opus 4.1 measured 45 tok/s (AA, 2025).'),
      rateLimits: [{ tier: 'Tier 2', qualification: '$40 credit purchase; monthly cap $500', rpm: fig(1_000, PER_MODEL, 'Opus 4.x models share one pool.'), itpm: fig(450_000, PER_MODEL, 'Opus 4.x pool.'), otpm: fig(90_000, PER_MODEL, 'Opus 4.x pool.') }],
      transientErrorRate: error,
      notes: ['US-only inference costs 1.1×; fast mode 6× (LiteLLM provider-specific multipliers).'],
    },
  ],
} satisfies ProviderFileInput;
