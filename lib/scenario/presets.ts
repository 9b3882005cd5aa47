import type { Scenario } from './schema';

/**
 * One-click starting points for the simulator (DESIGN.md §1.3), the first thing a new visitor sees. Each references
 * built-in catalog models only (data/providers), so it stays current when a price changes, and says in `assumptions`
 * what it takes for granted. Token figures lean on the Azure LLM inference trace 2023 (MODEL.md §1: conversation input
 * p50 1,020 / p95 4,083, output p50 129 / p95 451) and on the typical shape of each workload.
 */

export const PRESET_IDS = ['support-chatbot', 'code-generation', 'translation-pipeline', 'cost-sensitive'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const DEFAULT_PRESET_ID: PresetId = 'support-chatbot';

export interface Preset {
  id: PresetId;
  name: string;
  /** One line for the preset card. */
  summary: string;
  /** One paragraph for the tooltip: what the preset assumes and why. */
  assumptions: string;
  scenario: Scenario;
}

/** Monte Carlo settings shared by the presets: enough trials for a stable p5-p95 band, a fixed seed for repeatability. */
const MONTE_CARLO = { trials: 1000, seed: 1 } as const;

const SUPPORT_CHATBOT: Preset = {
  id: 'support-chatbot',
  name: 'Customer-support chatbot',
  summary: 'Claude Haiku 4.5, GPT-4o mini fallback, 500 ms first token',
  assumptions:
    '50,000 conversation turns a day growing 5 % a month, busiest 4 hours at 2.5× the daily average with bursty arrivals. ' +
    'Prompts carry the chat history and a help-centre excerpt (median 1,200 tokens, p95 4,000; 40 % served from the prompt cache); ' +
    'replies are short (median 150 tokens, capped at 1,024). Claude Haiku 4.5 answers, GPT-4o mini on OpenAI takes over at once on a ' +
    '429, 5xx or a 15 s timeout, one retry with full jitter. Target: first token within 500 ms (Haiku\u2019s planning TTFT is a median of 0.8 s with a p95 near 1.9 s, so most first tokens miss it: try GPT-4o mini as primary). An engineer costs $120/h; ' +
    'a minute with the bot down costs $25 in escalations to human agents.',
  scenario: {
    version: 1,
    name: 'Customer-support chatbot',
    workload: {
      requestsPerDay: 50_000,
      monthlyGrowthPct: 5,
      peakToAvg: 2.5,
      peakHoursPerDay: 4,
      arrivalDispersion: 3,
      inputTokens: { median: 1_200, p95: 4_000 },
      outputTokens: { median: 150, p95: 450, cap: 1_024 },
      cachedShare: 0.4,
      batchShare: 0,
    },
    routing: {
      chains: [{ weight: 1, models: ['claude-haiku-4-5', 'gpt-4o-mini'] }],
      maxRetries: 1,
      timeoutMs: 15_000,
      backoff: { baseMs: 200, multiplier: 2, capMs: 2_000, jitter: 'full' },
      failoverOn: ['429', '5xx', 'timeout'],
      failoverDelayMs: 0,
    },
    // TTFT as a lognormal (ADR 011): the catalog's estimated p95 for both models (presets.test.ts checks they match).
    models: { 'claude-haiku-4-5': { ttftP95Ms: 1_920 }, 'gpt-4o-mini': { ttftP95Ms: 1_242 } },
    costs: { engineeringHourlyRate: 120, downtimeCostPerMinute: 25 },
    latencyTarget: { ms: 500, measure: 'firstToken' },
    horizonMonths: 6,
    monteCarlo: MONTE_CARLO,
  },
};

const CODE_GENERATION: Preset = {
  id: 'code-generation',
  name: 'Code generation',
  summary: 'Claude Sonnet 4.6, Gemini 2.5 Pro on timeout, 20 s full response',
  assumptions:
    'An in-editor coding assistant: 8,000 requests a day growing 8 % a month, concentrated in an 8-hour working day (2.5× average). ' +
    'Prompts carry repository context (median 6,000 tokens, p95 30,000; 60 % cached), answers are long and heavy-tailed ' +
    '(median 350 tokens, p95 1,500, capped at 4,096). Claude Sonnet 4.6 with an aggressive 45 s per-attempt timeout: a timed-out ' +
    'or failed attempt fails over to Gemini 2.5 Pro at once (retrying a timeout on the same model would time out again). ' +
    'Developers tolerate a slow answer, so the target is a full response within 20 s. $150/h engineering, $10 per minute of downtime.',
  scenario: {
    version: 1,
    name: 'Code generation',
    workload: {
      requestsPerDay: 8_000,
      monthlyGrowthPct: 8,
      peakToAvg: 2.5,
      peakHoursPerDay: 8,
      arrivalDispersion: 5,
      inputTokens: { median: 6_000, p95: 30_000 },
      outputTokens: { median: 350, p95: 1_500, cap: 4_096 },
      cachedShare: 0.6,
      batchShare: 0,
    },
    routing: {
      chains: [{ weight: 1, models: ['claude-sonnet-4-6', 'gemini-2.5-pro'] }],
      maxRetries: 1,
      timeoutMs: 45_000,
      backoff: { baseMs: 500, multiplier: 2, capMs: 4_000, jitter: 'decorrelated' },
      failoverOn: ['5xx', 'timeout'],
      failoverDelayMs: 0,
    },
    costs: { engineeringHourlyRate: 150, downtimeCostPerMinute: 10 },
    latencyTarget: { ms: 20_000, measure: 'fullResponse' },
    horizonMonths: 6,
    monteCarlo: MONTE_CARLO,
  },
};

const TRANSLATION_PIPELINE: Preset = {
  id: 'translation-pipeline',
  name: 'Translation pipeline',
  summary: 'Gemini 2.5 Flash, 60 % batch, GPT-4o mini fallback',
  assumptions:
    'A multilingual content pipeline: 200,000 segments a day growing 3 % a month, spread over the day (1.5× average for 8 hours). ' +
    'Each request carries a segment plus glossary (median 600 tokens, p95 2,000; 20 % cached) and returns a translation of ' +
    'similar length (median 700, p95 2,400, capped at 8,192). 60 % of the volume is not urgent and goes through the Batch API at ' +
    'half price; the realtime rest runs on Gemini 2.5 Flash with three retries and full-jitter backoff, then fails over to ' +
    'GPT-4o mini on OpenAI. Target: a full translation within 15 s. $110/h engineering, $5 per minute of downtime (work queues up).',
  scenario: {
    version: 1,
    name: 'Translation pipeline',
    workload: {
      requestsPerDay: 200_000,
      monthlyGrowthPct: 3,
      peakToAvg: 1.5,
      peakHoursPerDay: 8,
      arrivalDispersion: 2,
      inputTokens: { median: 600, p95: 2_000 },
      outputTokens: { median: 700, p95: 2_400, cap: 8_192 },
      cachedShare: 0.2,
      batchShare: 0.6,
    },
    routing: {
      chains: [{ weight: 1, models: ['gemini-2.5-flash', 'gpt-4o-mini'] }],
      maxRetries: 3,
      timeoutMs: 60_000,
      backoff: { baseMs: 1_000, multiplier: 2, capMs: 30_000, jitter: 'full' },
      failoverOn: ['timeout'],
      failoverDelayMs: 0,
    },
    costs: { engineeringHourlyRate: 110, downtimeCostPerMinute: 5 },
    latencyTarget: { ms: 15_000, measure: 'fullResponse' },
    horizonMonths: 6,
    monteCarlo: MONTE_CARLO,
  },
};

const COST_SENSITIVE: Preset = {
  id: 'cost-sensitive',
  name: 'Cost-sensitive',
  summary: 'DeepSeek V3 chat, GPT-4o mini fallback (no SLA)',
  assumptions:
    'A price-first consumer feature: 100,000 requests a day growing 10 % a month, 2× average for 4 evening hours. ' +
    'Prompts median 900 tokens (p95 3,000) with half of them hitting DeepSeek\u2019s automatic prefix cache; replies median 250 ' +
    '(p95 900, capped at 2,048); 10 % of the volume is batchable. DeepSeek publishes no SLA, so every 429, 5xx or 60 s timeout ' +
    'fails over at once to GPT-4o mini on OpenAI. Users accept a slower start: target first token within 2 s. ' +
    '$90/h engineering, $10 per minute of downtime.',
  scenario: {
    version: 1,
    name: 'Cost-sensitive',
    workload: {
      requestsPerDay: 100_000,
      monthlyGrowthPct: 10,
      peakToAvg: 2,
      peakHoursPerDay: 4,
      arrivalDispersion: 3,
      inputTokens: { median: 900, p95: 3_000 },
      outputTokens: { median: 250, p95: 900, cap: 2_048 },
      cachedShare: 0.5,
      batchShare: 0.1,
    },
    routing: {
      chains: [{ weight: 1, models: ['deepseek-chat', 'gpt-4o-mini'] }],
      maxRetries: 1,
      timeoutMs: 60_000,
      backoff: { baseMs: 250, multiplier: 2, capMs: 2_000, jitter: 'equal' },
      failoverOn: ['429', '5xx', 'timeout'],
      failoverDelayMs: 0,
    },
    costs: { engineeringHourlyRate: 90, downtimeCostPerMinute: 10 },
    latencyTarget: { ms: 2_000, measure: 'firstToken' },
    horizonMonths: 6,
    monteCarlo: MONTE_CARLO,
  },
};

export const PRESETS: readonly Preset[] = [SUPPORT_CHATBOT, CODE_GENERATION, TRANSLATION_PIPELINE, COST_SENSITIVE];

export function isPresetId(value: string): value is PresetId {
  return (PRESET_IDS as readonly string[]).includes(value);
}

export function presetById(id: PresetId): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown preset "${id}"`);
  return preset;
}

/** The copies presetScenario handed out; an edit makes a new object (drafts are never mutated), so these are untouched. */
const presetDrafts = new WeakSet<Scenario>();

/** A fresh copy of a preset's scenario (callers may edit it freely: edits return new objects). */
export function presetScenario(id: PresetId): Scenario {
  const scenario = structuredClone(presetById(id).scenario);
  presetDrafts.add(scenario);
  return scenario;
}

/**
 * True for an untouched copy from presetScenario: a valid Scenario v1 (presets.test.ts parses every preset), so the
 * simulator can show it before the zod validator has loaded (docs/decisions/007).
 */
export function isPresetDraft(scenario: Scenario): boolean {
  return presetDrafts.has(scenario);
}
