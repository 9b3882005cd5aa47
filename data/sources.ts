import type { ModelInput, SourceRef } from '@/lib/catalog/schema';

/**
 * Shared sources and small builders for the provider files. Each source is a URL, the date its figures hold for,
 * and whether it is a primary source. Facts and their provenance: docs/decisions/002 and the research notes copied
 * from shared/reference/catalog-facts.md (researched 2026-11-24).
 */

/** The date this catalog was researched; used as `asOf` for undated pages read on that day. */
export const RESEARCHED = '2026-11-24';

export function ref(source: string, asOf: string, verified: boolean, note?: string): SourceRef {
  return note === undefined ? { source, asOf, verified } : { source, asOf, verified, note };
}

interface SourcedValue extends SourceRef {
  value: number;
}

/** A figure: a value with its source. An extra note is appended to the source's note. */
export function fig(value: number, source: SourceRef, note: string): SourcedValue & { note: string };
export function fig(value: number, source: SourceRef, note?: string): SourcedValue;
export function fig(value: number, source: SourceRef, note?: string): SourcedValue {
  const joined = [source.note, note].filter((n): n is string => Boolean(n)).join(' ');
  return joined === '' ? { ...source, value } : { ...source, value, note: joined };
}

/** A planning estimate: not a published figure (verified: false), with the reasoning in `note`. */
export function estimate(value: number, source: string, note: string): SourcedValue & { note: string } {
  return { value, source, asOf: RESEARCHED, verified: false, note: `RouteCost planning estimate: ${note}` };
}

/** LiteLLM's model_prices_and_context_window.json (MIT), mirrored 2026-07-24; it tracks provider pricing pages. */
export const LITELLM = ref(
  'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json',
  '2026-07-24',
  true,
);

interface PriceList {
  input: number;
  output: number;
  cachedInput?: number;
  cacheWrite?: number;
  cacheWrite1h?: number;
  batchInput?: number;
  batchOutput?: number;
  priorityInput?: number;
  priorityOutput?: number;
  flexInput?: number;
  flexOutput?: number;
}

type Prices = ModelInput['prices'];

/**
 * Prices (USD per 1M tokens) as read from the LiteLLM price map; every price gets the LITELLM source. `asOf` is the
 * date of a newer copy of the map the prices were refreshed from (`npm run catalog -- --diff-litellm <file> --apply`).
 */
export function litellmPrices(p: PriceList, asOf?: string): Prices {
  const src = asOf === undefined ? LITELLM : { ...LITELLM, asOf };
  const prices: Prices = { inputPer1M: fig(p.input, src), outputPer1M: fig(p.output, src) };
  if (p.cachedInput !== undefined) prices.cachedInputPer1M = fig(p.cachedInput, src);
  if (p.cacheWrite !== undefined) prices.cacheWritePer1M = fig(p.cacheWrite, src);
  if (p.cacheWrite1h !== undefined) prices.cacheWrite1hPer1M = fig(p.cacheWrite1h, src);
  if (p.batchInput !== undefined) prices.batchInputPer1M = fig(p.batchInput, src);
  if (p.batchOutput !== undefined) prices.batchOutputPer1M = fig(p.batchOutput, src);
  if (p.priorityInput !== undefined) prices.priorityInputPer1M = fig(p.priorityInput, src);
  if (p.priorityOutput !== undefined) prices.priorityOutputPer1M = fig(p.priorityOutput, src);
  if (p.flexInput !== undefined) prices.flexInputPer1M = fig(p.flexInput, src);
  if (p.flexOutput !== undefined) prices.flexOutputPer1M = fig(p.flexOutput, src);
  return prices;
}

/** Batch prices derived from a documented batch discount of 50 % (the provider's batch terms are the source). */
export function batchAtHalf(input: number, output: number, terms: SourceRef): Pick<Prices, 'batchInputPer1M' | 'batchOutputPer1M'> {
  const note = 'Derived: 50 % of the realtime price (documented batch discount).';
  return { batchInputPer1M: fig(input / 2, terms, note), batchOutputPer1M: fig(output / 2, terms, note) };
}

/** Context window (max input tokens) and max output tokens from the LiteLLM map. */
export function litellmWindow(contextWindowTokens: number, maxOutputTokens: number) {
  return {
    contextWindowTokens: fig(contextWindowTokens, LITELLM, 'LiteLLM max_input_tokens.'),
    maxOutputTokens: fig(maxOutputTokens, LITELLM, 'LiteLLM max_output_tokens.'),
  };
}

// ---- latency sources (medians from one vantage point; they vary with region, prompt length and load) ----------------

/** Artificial Analysis medians as republished by induwara.lk (secondary). */
export const AA_INDUWARA = ref('https://induwara.lk/tools/ai-llm-speed-comparison', '2026-06-24', false, 'Artificial Analysis median via a secondary page.');
/** Artificial Analysis data as republished by elliotgate.com (secondary, undated 2026 page). */
export const AA_ELLIOTGATE = ref('https://elliotgate.com/use-cases/fastest-llm-api', RESEARCHED, false, 'Artificial Analysis data via a secondary page (undated).');
/** Artificial Analysis data as republished by lattice.uptownhr.com (secondary). */
export const AA_LATTICE = ref('https://lattice.uptownhr.com', '2025-11-24', false, 'Artificial Analysis data via a secondary page.');
/** Warm TTFT p50 for short rewrites with a 700-token prefix, 150 calls (small 2026 sample, secondary). */
export const KRABARENA = ref('https://krabarena.com/claims/557140f7', RESEARCHED, false, 'Warm TTFT p50, 700-token prefix, small 2026 sample (150 calls).');
/** Artificial Analysis leaderboard: where the estimates below should be re-checked. */
export const AA_LEADERBOARD = 'https://artificialanalysis.ai/leaderboards/models';

/** A speed estimate by analogy (no measurement of this model on this host was found). */
export function speedEstimate(value: number, reason: string) {
  return estimate(value, AA_LEADERBOARD, reason);
}

/**
 * p95/p50 TTFT ratios measured per provider family (500-token prompts, up to 200 output tokens, US East; a secondary
 * benchmark page): GPT-4o 2.8, GPT-4o mini 2.7, GPT-5 2.7, Claude Sonnet 2.5, Haiku 2.3, Opus 2.5, Gemini Pro 2.7,
 * Flash 3.0, DeepSeek V3 3.0, R1 3.3, Mistral Large 2.5, Groq Llama 3.0.
 */
export const TTFT_SPREAD = 'https://deploybase.ai/articles/llm-api-latency-comparison-time-to-first-token';

/** p95/p50 ratio by provider family, from TTFT_SPREAD (rounded); open-weight hosts use the DeepSeek/Groq figure. */
export const TTFT_P95_RATIO = { openai: 2.7, anthropic: 2.4, google: 2.8, deepseek: 3.0, mistral: 2.5, openWeight: 3.0, reasoning: 3.3 } as const;

/**
 * p95 time to first token as a planning estimate: this model's p50 (`ttftMs`) × its family's measured p95/p50 ratio.
 * No per-model p95 was published; the estimate keeps the ratio, not the absolute values, of the benchmark.
 */
export function ttftP95Estimate(p50Ms: number, family: keyof typeof TTFT_P95_RATIO) {
  const ratio = TTFT_P95_RATIO[family];
  return estimate(Math.round(p50Ms * ratio), TTFT_SPREAD, `p95 = p50 (${p50Ms.toLocaleString('en-US')} ms) × ${ratio}, the p95/p50 TTFT ratio measured for this provider family (${family}) on a secondary benchmark page.`);
}

/** Planning default for the per-attempt 5xx rate: no provider publishes one. */
export function errorRateEstimate(value: number, statusPage: string, reason: string) {
  return estimate(value, statusPage, `no published per-request error rate; ${reason}`);
}

// ---- provider operations (planning estimates: no provider publishes these) ----------------------------------------

interface OpsEstimate {
  statusPage: string;
  docs: string;
  integrationHours: number;
  maintenanceHoursPerMonth: number;
  meanOutageMinutes?: number;
  outageDetectMs?: number;
  why: string;
}

/** Integration and maintenance hours, mean outage duration and detection time: stated planning estimates. */
export function operations(o: OpsEstimate) {
  return {
    meanOutageMinutes: estimate(o.meanOutageMinutes ?? 60, o.statusPage, 'status-page incidents last from minutes to hours; 60 min is the MODEL.md default.'),
    outageDetectMs: estimate(o.outageDetectMs ?? 1000, o.statusPage, 'a request fails about 1 s into an outage (connection errors or fast 5xx); set it to the timeout to model hangs.'),
    integrationHours: estimate(o.integrationHours, o.docs, o.why),
    maintenanceHoursPerMonth: estimate(o.maintenanceHoursPerMonth, o.docs, 'model-version upgrades, SDK updates, quota and billing follow-up.'),
  };
}

/** Long-context tier from LiteLLM's `*_above_<n>k_tokens` fields: the whole request is billed at these prices. */
export function litellmLongContext(aboveInputTokens: number, input: number, output: number) {
  const note = `Above ${aboveInputTokens.toLocaleString('en-US')} input tokens the whole request is billed at this price.`;
  return { ...LITELLM, aboveInputTokens, inputPer1M: fig(input, LITELLM, note), outputPer1M: fig(output, LITELLM, note) };
}
