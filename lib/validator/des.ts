import { lognormalFromMedianP95 } from '@/lib/engine';
import type { EngineInput, FailoverTrigger } from '@/lib/engine';
import { EndTimes, EventHeap } from './heap';
import { DownCursor, providerDownIntervals } from './outages';
import { Sampler, lognormal, sampleLognormal, type Lognormal } from './random';

/**
 * The discrete-event simulation: requests one by one, in time order (ms), for one daily period (MODEL.md §6.1) at its
 * arrival rate. Arrivals: Poisson per mixing window, the window's rate scaled by a Gamma(k, 1/k) draw with
 * k = λ_w/(D - 1) so that per-window counts have variance/mean = D (negative binomial, §6.2). Each attempt meets, in
 * order: the provider's outage state at its start (§4.2 on/off processes, detected after `outageDetectMs`), the
 * model's fixed rate-limit window (counts every attempt; the first ⌊L·w/60⌋ of a window are admitted, §6.2), its
 * concurrency cap (in-flight admitted attempts, §6.3), a transient 5xx with probability e_j, then success or timeout
 * on the request's shared output length (§5.1: timed out iff X > x*_j). Failures retry with sampled backoff and
 * jitter (§5.3) or fail over (§3.5 triggers, `failoverDelayMs`).
 */

export interface PeriodSimulation {
  /** Realtime arrivals per minute in this period. */
  arrivalsPerMinute: number;
  minutes: number;
  batches: number;
  seed: number;
}

/** Counters of one batch (requests by arrival time). */
export interface BatchCounters {
  requests: number;
  successes: number;
  attempts: number;
  rejected429: number;
  retries: number;
  /** USD of billed tokens. */
  cost: number;
}

export interface SuccessRecord {
  batch: number;
  firstTokenMs: number;
  fullResponseMs: number;
  /** true when the request needed a retry or a failover before succeeding. */
  retried: boolean;
}

export interface PeriodOutcome {
  batches: BatchCounters[];
  successes: SuccessRecord[];
}

interface ModelRuntime {
  provider: number;
  detectMs: number;
  inputPricePerToken: number;
  outputPricePerToken: number;
  /** Median TTFT incl. the prefill shift (the timeout rule uses it, §5.1). */
  ttftShiftMs: number;
  ttft: Lognormal;
  tokensPerMs: number;
  outputThreshold: number;
  windowMs: number;
  windowLimit: number;
  cap: number;
  errorRate: number;
  fastFailMs: number;
}

/** Model runtime figures shared with the closed-form side (prefill formula of ADR 011). */
export function ttftShiftMs(input: EngineInput, prefillTokensPerSec: number | undefined): number {
  if (!prefillTokensPerSec) return 0;
  const inputs = lognormalFromMedianP95(input.workload.inputTokens.median, input.workload.inputTokens.p95, input.workload.inputTokens.cap);
  return (1000 * inputs.mean) / prefillTokensPerSec;
}

function runtimeModels(input: EngineInput): { ids: string[]; models: ModelRuntime[] } {
  const providerIds = Object.keys(input.providers);
  const ids = Object.keys(input.models);
  const { workload } = input;
  const inputs = lognormalFromMedianP95(workload.inputTokens.median, workload.inputTokens.p95, workload.inputTokens.cap);
  const outputs = lognormalFromMedianP95(workload.outputTokens.median, workload.outputTokens.p95, workload.outputTokens.cap);
  const tokensPerRequest = inputs.mean + outputs.mean;
  const cached = workload.cachedShare;
  const timeout = input.routing.timeoutMs ?? Infinity;
  const models = ids.map((id): ModelRuntime => {
    const m = input.models[id]!;
    const provider = input.providers[m.provider]!;
    const shift = ttftShiftMs(input, m.prefillTokensPerSec);
    const medianTtft = m.ttftMs + shift;
    const byRequests = m.rpm ?? Infinity;
    const byTokens = m.tpm === null ? Infinity : tokensPerRequest > 0 ? Math.floor(m.tpm / tokensPerRequest) : Infinity;
    const perMinute = Math.min(byRequests, byTokens);
    return {
      provider: providerIds.indexOf(m.provider),
      detectMs: provider.outageDetectMs,
      inputPricePerToken: ((1 - cached) * m.inputPer1M + cached * m.cachedInputPer1M) / 1e6,
      outputPricePerToken: m.outputPer1M / 1e6,
      ttftShiftMs: shift,
      ttft: lognormal(m.ttftMs, m.ttftP95Ms),
      tokensPerMs: m.tokensPerSec / 1000,
      outputThreshold: timeout === Infinity ? Infinity : Math.max(0, (m.tokensPerSec * (timeout - medianTtft)) / 1000),
      windowMs: m.limitWindowSec * 1000,
      windowLimit: perMinute === Infinity ? Infinity : Math.floor((perMinute * m.limitWindowSec) / 60),
      cap: m.maxConcurrency ?? Infinity,
      errorRate: m.transientErrorRate,
      fastFailMs: m.fastFailMs,
    };
  });
  return { ids, models };
}

/** The arrival times (ms) of one period, sorted. */
function arrivals(sampler: Sampler, input: EngineInput, perMinute: number, horizonMs: number): Float64Array {
  const dispersion = input.workload.arrivalDispersion;
  const windows = Object.values(input.models).map((m) => m.limitWindowSec);
  // Mixing window: the (shared) limit window when counts are over-dispersed (§6.2 applies D per limit window).
  const mixMs = dispersion > 1 ? Math.min(...windows) * 1000 : 60000;
  const times: number[] = [];
  for (let start = 0; start < horizonMs; start += mixMs) {
    const span = Math.min(mixMs, horizonMs - start);
    const mean = (perMinute * span) / 60000;
    const scale = dispersion > 1 ? sampler.gamma(mean / (dispersion - 1)) / (mean / (dispersion - 1)) : 1;
    const count = sampler.poisson(mean * scale);
    const window: number[] = [];
    for (let i = 0; i < count; i++) window.push(start + span * sampler.uniform());
    window.sort((a, b) => a - b);
    for (const t of window) times.push(t);
  }
  return Float64Array.from(times);
}

/** Simulates one period and returns per-batch counters and the latencies of successful requests. */
export function simulatePeriod(input: EngineInput, period: PeriodSimulation): PeriodOutcome {
  const sampler = new Sampler(period.seed);
  const { models } = runtimeModels(input);
  const horizonMs = period.minutes * 60000;
  const batchMs = horizonMs / period.batches;
  const providers = Object.values(input.providers);
  const down = providerDownIntervals(
    sampler,
    {
      providers: providers.map((p) => ({ availability: p.availability, meanOutageMinutes: p.meanOutageMinutes })),
      correlation: input.outageCorrelation,
      commonOutageMinutes: input.commonOutageMinutes,
    },
    period.minutes + 120,
  );
  const cursors = down.map((list) => new DownCursor(list));
  const arrivalTimes = arrivals(sampler, input, period.arrivalsPerMinute, horizonMs);
  const n = arrivalTimes.length;

  const modelIndex = new Map(Object.keys(input.models).map((id, i) => [id, i]));
  const chains = input.routing.chains.map((c) => ({ weight: c.weight, models: c.models.map((id) => modelIndex.get(id)!), retries: c.maxRetries }));
  const cumulativeWeights: number[] = [];
  chains.reduce((acc, c) => {
    cumulativeWeights.push(acc + c.weight);
    return acc + c.weight;
  }, 0);
  const { workload, routing } = input;
  const inputLengths = lognormal(workload.inputTokens.median, workload.inputTokens.p95, workload.inputTokens.cap);
  const outputLengths = lognormal(workload.outputTokens.median, workload.outputTokens.p95, workload.outputTokens.cap);
  const failoverOn = new Set<FailoverTrigger>(routing.failoverOn);
  const backoff = routing.backoff;
  const backoffCap = backoff.capMs ?? Infinity;
  const timeoutMs = routing.timeoutMs ?? Infinity;

  // Per-request state (struct of arrays).
  const chainOf = new Int32Array(n);
  const stage = new Int32Array(n);
  const attemptInStage = new Int32Array(n);
  const outputTokens = new Float64Array(n);
  const inputTokens = new Float64Array(n);
  const lastDecorrelated = new Float64Array(n);
  const batchOf = new Int32Array(n);
  const retried = new Uint8Array(n);

  const batches: BatchCounters[] = Array.from({ length: period.batches }, () => ({ requests: 0, successes: 0, attempts: 0, rejected429: 0, retries: 0, cost: 0 }));
  const successes: SuccessRecord[] = [];
  const windowIndex = new Float64Array(models.length).fill(-1);
  const windowCount = new Float64Array(models.length);
  const inFlight = models.map(() => new EndTimes());

  const heap = new EventHeap();
  let nextArrival = 0;

  const start = (r: number) => {
    const u = sampler.uniform();
    let c = 0;
    while (c < chains.length - 1 && u >= cumulativeWeights[c]!) c++;
    chainOf[r] = c;
    outputTokens[r] = sampleLognormal(sampler, outputLengths);
    inputTokens[r] = sampleLognormal(sampler, inputLengths);
    lastDecorrelated[r] = backoff.baseMs;
    const b = Math.min(period.batches - 1, Math.floor(arrivalTimes[r]! / batchMs));
    batchOf[r] = b;
    batches[b]!.requests++;
  };

  const attempt = (r: number, t: number) => {
    const chain = chains[chainOf[r]!]!;
    const j = chain.models[stage[r]!]!;
    const m = models[j]!;
    const counters = batches[batchOf[r]!]!;
    counters.attempts++;
    if (attemptInStage[r]! > 0) counters.retries++;
    let delay: number;
    let trigger: FailoverTrigger;
    if (cursors[m.provider]!.isDown(t / 60000)) {
      delay = m.detectMs;
      trigger = '5xx';
    } else {
      let rejected = false;
      if (m.windowLimit !== Infinity) {
        const w = Math.floor(t / m.windowMs);
        if (w !== windowIndex[j]) {
          windowIndex[j] = w;
          windowCount[j] = 0;
        }
        windowCount[j] = windowCount[j]! + 1;
        if (windowCount[j]! > m.windowLimit) rejected = true;
      }
      if (!rejected && m.cap !== Infinity) {
        inFlight[j]!.releaseUntil(t);
        if (inFlight[j]!.inFlight >= m.cap) rejected = true;
      }
      if (rejected) {
        counters.rejected429++;
        delay = m.fastFailMs;
        trigger = '429';
      } else if (m.errorRate > 0 && sampler.uniform() < m.errorRate) {
        if (m.cap !== Infinity) inFlight[j]!.add(t + m.fastFailMs);
        delay = m.fastFailMs;
        trigger = '5xx';
      } else if (outputTokens[r]! > m.outputThreshold) {
        counters.cost += inputTokens[r]! * m.inputPricePerToken + m.outputThreshold * m.outputPricePerToken;
        if (m.cap !== Infinity) inFlight[j]!.add(t + timeoutMs);
        delay = timeoutMs;
        trigger = 'timeout';
      } else {
        const ttft = m.ttftShiftMs + sampleLognormal(sampler, m.ttft);
        const generation = outputTokens[r]! / m.tokensPerMs;
        counters.cost += inputTokens[r]! * m.inputPricePerToken + outputTokens[r]! * m.outputPricePerToken;
        if (m.cap !== Infinity) inFlight[j]!.add(t + ttft + generation);
        counters.successes++;
        const waited = t - arrivalTimes[r]!;
        successes.push({ batch: batchOf[r]!, firstTokenMs: waited + ttft, fullResponseMs: waited + ttft + generation, retried: retried[r] === 1 });
        return;
      }
    }
    retried[r] = 1;
    const position = stage[r]!;
    const allowed = 1 + chain.retries[position]!;
    if (failoverOn.has(trigger) || attemptInStage[r]! + 1 >= allowed) {
      stage[r] = position + 1;
      attemptInStage[r] = 0;
      lastDecorrelated[r] = backoff.baseMs;
      if (stage[r]! >= chain.models.length) return; // failed everywhere
      heap.push(t + delay + routing.failoverDelayMs, r);
      return;
    }
    const k = attemptInStage[r]! + 1;
    attemptInStage[r] = k;
    heap.push(t + delay + backoffDelay(k, r), r);
  };

  // §5.3 sampled: v_k = min(cap, base·mult^(k-1)); full U(0, v); equal v/2 + U(0, v/2); decorrelated min(cap, U(base, 3·prev)).
  const backoffDelay = (k: number, r: number): number => {
    const v = Math.min(backoffCap, backoff.baseMs * backoff.multiplier ** (k - 1));
    switch (backoff.jitter) {
      case 'none':
        return v;
      case 'full':
        return v * sampler.uniform();
      case 'equal':
        return v / 2 + (v / 2) * sampler.uniform();
      case 'decorrelated': {
        const d = Math.min(backoffCap, sampler.between(backoff.baseMs, 3 * lastDecorrelated[r]!));
        lastDecorrelated[r] = d;
        return d;
      }
    }
  };

  for (;;) {
    const arrivalAt = nextArrival < n ? arrivalTimes[nextArrival]! : Infinity;
    const eventAt = heap.peekTime();
    if (arrivalAt === Infinity && eventAt === Infinity) break;
    if (arrivalAt <= eventAt) {
      const r = nextArrival++;
      start(r);
      attempt(r, arrivalAt);
    } else {
      const r = heap.pop();
      attempt(r, eventAt);
    }
  }
  return { batches, successes };
}
