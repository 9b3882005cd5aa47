import { backoffMeans, type EngineInput, type MonthResult } from '@/lib/engine';

/**
 * Regimes where a closed form of the engine is a stated approximation (MODEL.md §12.3-§12.4, ADR 011): the validator
 * leaves the affected figures out of worstZ with the reason, /methodology states the tolerance, and the simulator
 * warns when a scenario is in one. Pure: engine input and one month's Result in, regimes out.
 */

export const FIGURE_IDS = ['costPerRequest', 'successRate', 'rate429', 'availability', 'firstTokenP50', 'firstTokenP95', 'fullResponseP50', 'fullResponseP95'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export type RegimeId = 'rateLimitRetries' | 'rateLimitOverflow' | 'thinnedDispersion' | 'concurrencyCap' | 'outageWithinRequest' | 'jitteredLatency';

export interface Regime {
  id: RegimeId;
  /** Figures whose closed form is an approximation here. */
  figures: FigureId[];
  /** One sentence: why. */
  reason: string;
  /** One sentence for the simulator's notice. */
  notice: string;
}

const LOAD_FIGURES: FigureId[] = ['costPerRequest', 'successRate', 'rate429', 'firstTokenP50', 'firstTokenP95', 'fullResponseP50', 'fullResponseP95'];
const LATENCY_FIGURES: FigureId[] = ['firstTokenP50', 'firstTokenP95', 'fullResponseP50', 'fullResponseP95'];

/** A limit "binds" when more than this share of a model's attempts is rejected. */
export const BINDING_REJECTION = 1e-3;

function rejection(month: MonthResult, id: string): number {
  return Math.max(month.rejectionProbNoOutage.peak?.[id] ?? 0, month.rejectionProbNoOutage.base?.[id] ?? 0);
}

function hasFiniteLimit(input: EngineInput, id: string): boolean {
  const m = input.models[id]!;
  return m.rpm !== null || m.tpm !== null;
}

/**
 * The regimes a scenario is in. `retriedShare` = share of successful requests that needed a retry or a failover
 * (the validator measures it; without it, (retries + failovers)/requests of the engine is used).
 */
export function detectRegimes(input: EngineInput, month: MonthResult, retriedShare?: number): Regime[] {
  const regimes: Regime[] = [];
  const retryOn429 = !input.routing.failoverOn.includes('429');
  const chains = input.routing.chains;

  const retried = chains.some((c) => c.models.some((id, k) => retryOn429 && c.maxRetries[k]! > 0 && hasFiniteLimit(input, id) && rejection(month, id) > BINDING_REJECTION));
  if (retried) {
    regimes.push({
      id: 'rateLimitRetries',
      figures: LOAD_FIGURES,
      reason: 'a rate limit binds and its 429s are retried: a retry after a short backoff lands in the same limit window, while the closed form counts retries as fresh Poisson arrivals (MODEL.md §12.3).',
      notice: 'A rate limit binds and its 429s are retried: retries land in the same limit window, so 429s and failures may be higher than shown.',
    });
  }

  const overflow = chains.some((c) => c.models.some((id, k) => k + 1 < c.models.length && rejection(month, id) > BINDING_REJECTION && c.models.slice(k + 1).some((next) => hasFiniteLimit(input, next))));
  if (overflow) {
    regimes.push({
      id: 'rateLimitOverflow',
      figures: LOAD_FIGURES,
      reason: 'a binding limit sends its 429s on to a rate-limited fallback: that overflow arrives in bursts when the first window fills, not as the Poisson stream the fallback’s window formula assumes.',
      notice: 'Rate-limited traffic overflows into a rate-limited fallback: its 429s come in bursts, which the closed form smooths.',
    });
  }

  // Share of requests whose first attempt goes to each model.
  const firstShare = (id: string) => chains.reduce((acc, c) => acc + (c.models[0] === id ? c.weight : 0), 0);
  const thinned =
    input.workload.arrivalDispersion > 1 &&
    Object.keys(input.models).some((id) => hasFiniteLimit(input, id) && rejection(month, id) > BINDING_REJECTION && (firstShare(id) < 1 - 1e-9 || chains.some((c) => c.models.indexOf(id) > 0)));
  if (thinned) {
    regimes.push({
      id: 'thinnedDispersion',
      figures: LOAD_FIGURES,
      reason: 'over-dispersed arrivals reach a binding limit as a share q of the stream (a chain weight below 1 or a fallback): that share has variance/mean 1 + q(D - 1), while the closed form applies D to the model’s own count, so it overstates 429s.',
      notice: 'Bursty arrivals reach a rate limit through a traffic split or a fallback: 429s are probably lower than shown (the closed form is conservative).',
    });
  }

  // Erlang B is exact (insensitive to the holding-time law) for Poisson arrivals that leave when rejected.
  const capped = Object.entries(input.models).some(([id, m]) => {
    if (m.maxConcurrency === null || (month.peakConcurrency[id] ?? 0) < 0.3 * m.maxConcurrency) return false;
    const retriedHere = retryOn429 && chains.some((c) => c.maxRetries[c.models.indexOf(id)]! > 0);
    const fallback = chains.some((c) => c.models.indexOf(id) > 0);
    // Holding times use the median TTFT: with a spread the mean hold is longer by (e^{σ²/2} − 1)·m.
    const spread = m.ttftP95Ms !== undefined && m.ttftP95Ms !== null && m.ttftP95Ms > m.ttftMs;
    return retriedHere || fallback || spread || input.workload.arrivalDispersion > 1;
  });
  if (capped) {
    regimes.push({
      id: 'concurrencyCap',
      figures: LOAD_FIGURES,
      reason: 'a concurrency cap is near its load and its arrivals are not a Poisson stream that leaves when rejected (429 retries, failover overflow or over-dispersed arrivals), or its holding time has a TTFT spread (the closed form holds for the median TTFT): Erlang B is then an approximation.',
      notice: 'A concurrency cap is close to the load: Erlang B (rejected requests leave) is an approximation here.',
    });
  }

  const ratio = outageSpanRatio(input);
  if (ratio > OUTAGE_SPAN_RATIO) {
    regimes.push({
      id: 'outageWithinRequest',
      figures: LOAD_FIGURES,
      reason: `a request that meets an outage keeps trying for ${(100 * ratio).toFixed(0)} % of the shortest mean outage: the closed form holds the outage state fixed for the whole request, so it overstates failures by about that share.`,
      notice: 'Retries and failovers during an outage last long compared with the outages: failures during outages are probably fewer than shown.',
    });
  }

  const jitter = input.routing.backoff.jitter !== 'none';
  const proxy = month.realtimeRequests > 0 ? (month.retries + month.failovers) / month.realtimeRequests : 0;
  const share = retriedShare ?? proxy;
  // Mean backoffs shift the retried part of the latency distribution: it matters once that part reaches the quantile.
  if (jitter && share > 0.01) {
    regimes.push({
      id: 'jitteredLatency',
      figures: share > 0.1 ? LATENCY_FIGURES : ['firstTokenP95', 'fullResponseP95'],
      reason: `jittered backoff with ${(100 * share).toFixed(1)} % of successes retried: latency percentiles use the mean backoff delays, the jitter spread is sampled only by the simulation (MODEL.md §12.4).`,
      notice: 'Retries with jittered backoff are frequent: latency percentiles use mean backoff delays, so the tail may differ.',
    });
  }
  return regimes;
}

/** Above this span/outage ratio the fixed outage state of a request (MODEL.md §5.5) is off by more than ~5 %. */
export const OUTAGE_SPAN_RATIO = 0.05;

/**
 * The longest time a request keeps trying while every model of its chain is in an outage (detections, mean backoffs,
 * failover delays), over the shortest mean outage duration of the providers it uses (and the common shock).
 */
export function outageSpanRatio(input: EngineInput): number {
  const { routing } = input;
  const immediate = routing.failoverOn.includes('5xx');
  let worst = 0;
  for (const chain of routing.chains) {
    let span = 0;
    let shortest = input.outageCorrelation > 0 ? input.commonOutageMinutes : Infinity;
    chain.models.forEach((id, k) => {
      const provider = input.providers[input.models[id]!.provider]!;
      shortest = Math.min(shortest, provider.meanOutageMinutes);
      const retries = immediate ? 0 : chain.maxRetries[k]!;
      span += (1 + retries) * provider.outageDetectMs + backoffMeans(routing.backoff, retries, routing.backoff.jitter).reduce((a, b) => a + b, 0);
      if (k > 0) span += routing.failoverDelayMs;
    });
    worst = Math.max(worst, span / (60000 * shortest));
  }
  return worst;
}
