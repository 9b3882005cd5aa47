import { backoffMeans, lengthCdf, lognormalFromMedianP95, MIN_PER_MONTH, normalCdf, Z95, type LengthDistribution } from '@/lib/engine';
import type { EngineInput } from '@/lib/engine/types';
import type { Evaluation, UniverseModel } from './candidates';
import type { P95Measure } from './types';

/**
 * Closed forms and bounds of the planner (docs/decisions/009-planner-search.md, each proved there in one line).
 * A candidate is a single chain of universe indices. Everything here is exact in mathematics; the callers widen
 * each bound by SLACK so that floating-point differences between these formulas and the engine never matter.
 */

/** Relative widening of every bound (the engine's rounding differences are below 1e-12 relative). */
export const RELATIVE_SLACK = 1e-9;

export function lowerWithSlack(value: number): number {
  return value - RELATIVE_SLACK * Math.abs(value) - RELATIVE_SLACK;
}

/** Quantile level of p95 with the engine's tie rule (MODEL.md §7.2: G(t) ≥ (p - 1e-12)·G∞). */
const P95_LEVEL = 0.95 - 1e-12;

interface ProviderFacts {
  id: string;
  unavailability: number;
  /** 1 + aggregator fee - SLA credit share at the expected availability (MODEL.md §8.4-§8.6). */
  spendCoefficient: number;
  /** 1 - SLA credit share: the factor of flat provisioned prices in TCO. */
  flatCoefficient: number;
  engineering: number;
}

interface ModelFacts {
  provider: number;
  realtimeSpend: number;
  batchSpend: number;
  flatRate: number;
  /** Realtime spend over the horizon given its provider is up: spend/(1 - u_p), 0 if u_p = 1. */
  spendWhenUp: number;
  /**
   * Least time between entering this model's stage and leaving it for the next (MODEL.md §5.2-§5.4): a failure that
   * triggers failover at once, or every attempt failing with the least failure delay plus the mean backoffs.
   */
  exitMs: number;
  /** TTFT the engine uses for timeouts and first-token offsets: the point mass, or the median, plus the prefill shift. */
  ttftMs: number;
  /** The least possible TTFT: ttftMs for a point mass; the prefill shift s for a lognormal TTFT (ADR 011). */
  leastTtftMs: number;
  /** Lognormal TTFT (ADR 011): TTFT = s + LN(ln medianMs, sigma); null = point mass. */
  spread: { medianMs: number; sigma: number } | null;
  /** tps/1000. */
  tokensPerMs: number;
  /** x* = tps·(T - ttftMs)/1000 (∞ without timeout): only X ≤ x* succeed here (MODEL.md §5.1). */
  timeoutTokens: number;
  /** F(x*). */
  cdfAtTimeout: number;
  /** Lower bound of q95 of 1000·X/tps over successes at this model when reached by failover (0 if unknown). */
  fullResponseTailMs: number;
  /** Lower bound of q95 of the TTFT part (ttftMs for a point mass, s + LN quantile for a spread). */
  firstTokenTailMs: number;
  /** Whether any success is possible at all (x* > 0). */
  canSucceed: boolean;
  /**
   * Lower bound on the p95 of every chain starting with this model: its first-stage successes (mass P0 = its own
   * successes) hold all but Q ≤ its failed requests of the mass, so the p95 is at least the first stage's quantile at
   * level p' - (1-p')·Q/P0 (docs/decisions/009, bound P2); that stage's X is F given X ≤ x* (no X-dependent weight),
   * its TTFT ≥ the least TTFT and independent of X.
   */
  firstStageQuantileMs: number;
}

/** Credit percentage: max creditPct over tiers with 100·a < belowPct, contractual providers only (MODEL.md §8.5). */
function creditShare(provider: UniverseModel['provider']): number {
  if (!provider.contractual) return 0;
  let pct = 0;
  for (const tier of provider.slaCredits) if (100 * provider.availability < tier.belowPct) pct = Math.max(pct, tier.creditPct);
  return pct / 100;
}

/** Smallest y with F(y) ≥ level·F(limit), from below (a lower bound of the conditional quantile). */
function truncatedQuantileLowerBound(distribution: LengthDistribution, limit: number, level: number): number {
  const target = level * lengthCdf(distribution, limit) * (1 - RELATIVE_SLACK);
  if (!(target > 0)) return 0;
  let lo = 0;
  let hi = Math.min(limit, distribution.cap, 1e12);
  if (lengthCdf(distribution, hi) < target) return hi;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (lengthCdf(distribution, mid) >= target) hi = mid;
    else lo = mid;
  }
  return lo;
}

/** Smallest z with Φ(z) ≥ level, from below (bisection on the exported Φ). */
function normalQuantileLowerBound(level: number): number {
  if (!(level > 0)) return -Infinity;
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) >= level) hi = mid;
    else lo = mid;
  }
  return lo - 1e-9;
}

/**
 * Least time to leave a stage (MODEL.md §5.2-§5.4): an exit at attempt a < A needs a failure that triggers failover
 * (delay ≥ the least such delay); an exit at attempt A follows A failures (each ≥ the least delay) and A - 1 mean
 * backoffs. Outages fail after outageDetectMs (class 5xx), 429 and transient 5xx after fastFailMs, timeouts after T.
 */
function stageExitLowerBound(fastFailMs: number, outageDetectMs: number, timeoutMs: number, attempts: number, backoffs: readonly number[], on: { r429: boolean; r5xx: boolean; timeout: boolean }): number {
  const least = Math.min(fastFailMs, outageDetectMs, timeoutMs);
  let failover = Infinity;
  if (on.r429) failover = Math.min(failover, fastFailMs);
  if (on.r5xx) failover = Math.min(failover, fastFailMs, outageDetectMs);
  if (on.timeout) failover = Math.min(failover, timeoutMs);
  let allAttempts = attempts * least;
  for (let b = 0; b < attempts - 1; b++) allAttempts += backoffs[b]!;
  return Math.min(failover, allAttempts);
}

/** Per-universe facts used by every bound: built once from the single-model evaluations. */
export class BoundModel {
  readonly providers: ProviderFacts[] = [];
  readonly models: ModelFacts[] = [];
  readonly correlation: number;
  readonly platformFee: number;
  readonly realtimeRequests: number;
  readonly downtimeCostTotalPerUnavailability: number;
  readonly failedRequestCost: number;
  readonly maxAttemptsPerStage: number;
  readonly failoverDelayMs: number;
  readonly output: LengthDistribution;

  constructor(
    universe: readonly UniverseModel[],
    singles: readonly Evaluation[],
    base: EngineInput,
    readonly measure: P95Measure,
  ) {
    const fee = base.costs.aggregatorFeePct / 100;
    const providerIndex = new Map<string, number>();
    const sortedProviders = [...new Set(universe.map((m) => m.providerId))].sort();
    for (const id of sortedProviders) {
      const model = universe.findIndex((m) => m.providerId === id);
      const provider = universe[model]!.provider;
      const credit = creditShare(provider);
      providerIndex.set(id, this.providers.length);
      this.providers.push({
        id,
        unavailability: 1 - provider.availability,
        spendCoefficient: 1 + fee - credit,
        flatCoefficient: 1 - credit,
        engineering: singles[model]!.engineering,
      });
    }
    const timeoutMs = base.routing.timeoutMs ?? Infinity;
    const output = lognormalFromMedianP95(base.workload.outputTokens.median, base.workload.outputTokens.p95, base.workload.outputTokens.cap);
    this.output = output;
    const inputMean = lognormalFromMedianP95(base.workload.inputTokens.median, base.workload.inputTokens.p95, base.workload.inputTokens.cap).mean;
    const attempts = 1 + (base.routing.chains[0]?.maxRetries[0] ?? 0);
    const backoffs = backoffMeans(base.routing.backoff, Math.max(0, attempts - 1), base.routing.backoff.jitter);
    const on = { r429: base.routing.failoverOn.includes('429'), r5xx: base.routing.failoverOn.includes('5xx'), timeout: base.routing.failoverOn.includes('timeout') };
    universe.forEach((m, i) => {
      const single = singles[i]!;
      const p = providerIndex.get(m.providerId)!;
      const u = this.providers[p]!.unavailability;
      const loose = m.spec as { ttftP95Ms?: number | null; prefillTokensPerSec?: number };
      // The engine's TTFT (MODEL.md §5.1, ADR 011): median m plus the prefill shift s = 1000·E[in]/prefill.
      const shift = loose.prefillTokensPerSec === undefined ? 0 : (1000 * inputMean) / loose.prefillTokensPerSec;
      const ttftMs = m.spec.ttftMs + shift;
      const p95 = loose.ttftP95Ms;
      const spread = p95 !== undefined && p95 !== null && m.spec.ttftMs > 0 && p95 > m.spec.ttftMs ? { medianMs: m.spec.ttftMs, sigma: Math.log(p95 / m.spec.ttftMs) / Z95 } : null;
      const leastTtftMs = spread ? shift : ttftMs;
      const timeoutTokens = timeoutMs === Infinity ? Infinity : Math.max(0, (m.spec.tokensPerSec * (timeoutMs - ttftMs)) / 1000);
      const tail = (1000 * truncatedQuantileLowerBound(output, timeoutTokens, P95_LEVEL)) / m.spec.tokensPerSec;
      // q_p(s + LN) = s + m·exp(σ·Φ⁻¹(p)).
      const ttftQuantile = (level: number) => (spread ? shift + spread.medianMs * Math.exp(spread.sigma * normalQuantileLowerBound(level)) : ttftMs);
      const successes = single.realtimeRequests - single.failedRequests;
      const level = successes > 0 ? P95_LEVEL - ((1 - P95_LEVEL) * single.failedRequests) / successes : 0;
      let firstStage = 0;
      if (level > 0 && timeoutTokens > 0) {
        // A sum of independent non-negative parts is at least the quantile of either part plus the other's least value.
        const x = measure === 'fullResponse' ? (1000 * truncatedQuantileLowerBound(output, timeoutTokens, level)) / m.spec.tokensPerSec : 0;
        const y = Number.isFinite(x) ? x : 0;
        firstStage = lowerWithSlack(measure === 'fullResponse' ? Math.max(leastTtftMs + y, ttftQuantile(level)) : ttftQuantile(level));
      }
      this.models.push({
        provider: p,
        realtimeSpend: single.realtimeSpend,
        batchSpend: single.batchSpend,
        flatRate: single.flatRate,
        spendWhenUp: u < 1 ? single.realtimeSpend / (1 - u) : 0,
        exitMs: stageExitLowerBound(m.spec.fastFailMs, m.provider.outageDetectMs, timeoutMs, attempts, backoffs, on),
        ttftMs,
        leastTtftMs,
        spread,
        tokensPerMs: m.spec.tokensPerSec / 1000,
        timeoutTokens,
        cdfAtTimeout: lengthCdf(output, timeoutTokens),
        fullResponseTailMs: Number.isFinite(tail) ? tail : 0,
        firstTokenTailMs: lowerWithSlack(ttftQuantile(P95_LEVEL)),
        canSucceed: timeoutTokens > 0,
        firstStageQuantileMs: firstStage,
      });
    });
    this.correlation = base.outageCorrelation;
    this.platformFee = singles[0]?.platformFee ?? 0;
    this.realtimeRequests = singles[0]?.realtimeRequests ?? 0;
    this.downtimeCostTotalPerUnavailability = base.horizonMonths * MIN_PER_MONTH * base.costs.downtimeCostPerMinute;
    this.failedRequestCost = base.costs.failedRequestCost;
    this.maxAttemptsPerStage = 1 + Math.max(0, ...base.routing.chains.flatMap((c) => c.maxRetries));
    this.failoverDelayMs = base.routing.failoverDelayMs;
  }

  /** c = ρ·min_p u_p over the chain's providers (MODEL.md §4.2). */
  commonShock(chain: ArrayLike<number>, length = chain.length): number {
    let least = Infinity;
    for (let k = 0; k < length; k++) least = Math.min(least, this.providers[this.models[chain[k]!]!.provider]!.unavailability);
    return least === Infinity ? 0 : this.correlation * least;
  }

  /**
   * Chain availability A = 1 - [(1-c)·∏ u'_p + c] over the distinct providers, u'_p = 1 - (1-u_p)/(1-c)
   * (MODEL.md §4.2-§4.3), multiplied in provider-id order so that equal provider sets give bit-identical values.
   */
  availability(chain: ArrayLike<number>): number {
    const c = this.commonShock(chain);
    const providers = this.distinctProviders(chain).sort((a, b) => a - b);
    let product = 1 - c;
    for (const p of providers) product *= this.residual(p, c);
    return 1 - (product + c);
  }

  /** `availability` memoised per set of providers (a bit mask over provider indices, at most 31 providers). */
  private readonly availabilityByMask = new Map<number, number>();
  availabilityOf(chain: ArrayLike<number>, length = chain.length): number {
    let mask = 0;
    for (let k = 0; k < length; k++) mask |= 1 << this.models[chain[k]!]!.provider;
    if (this.providers.length > 31) return this.availability(length === chain.length ? chain : Array.prototype.slice.call(chain, 0, length));
    let value = this.availabilityByMask.get(mask);
    if (value === undefined) {
      value = this.availability(length === chain.length ? chain : Array.prototype.slice.call(chain, 0, length));
      this.availabilityByMask.set(mask, value);
    }
    return value;
  }

  private residual(p: number, c: number): number {
    return c >= 1 ? 0 : 1 - (1 - this.providers[p]!.unavailability) / (1 - c);
  }

  /** Whether position k holds the first model of its provider in the chain (the order of `distinctProviders`). */
  private firstOfProvider(chain: ArrayLike<number>, k: number): boolean {
    const p = this.models[chain[k]!]!.provider;
    for (let i = 0; i < k; i++) if (this.models[chain[i]!]!.provider === p) return false;
    return true;
  }

  distinctProviders(chain: ArrayLike<number>, length = chain.length): number[] {
    const out: number[] = [];
    for (let k = 0; k < length; k++) {
      const p = this.models[chain[k]!]!.provider;
      if (!out.includes(p)) out.push(p);
    }
    return out;
  }

  /**
   * Lower bound on total.tco. `prefix` is the evaluation of the first `prefixLength` models when it is valid for this
   * chain (same common shock), else the bound starts from the first model's single evaluation.
   */
  tcoLowerBound(chain: ArrayLike<number>, prefix: Evaluation | null, prefixLength: number): number {
    const first = this.models[chain[0]!]!;
    const c = this.commonShock(chain);
    let bound = this.platformFee;
    for (let k = 0; k < chain.length; k++) if (this.firstOfProvider(chain, k)) bound += this.providers[this.models[chain[k]!]!.provider]!.engineering;
    for (let k = 0; k < chain.length; k++) {
      const model = this.models[chain[k]!]!;
      bound += this.providers[model.provider]!.flatCoefficient * model.flatRate;
    }
    const unavailability = 1 - this.availabilityOf(chain);
    bound += unavailability * this.downtimeCostTotalPerUnavailability;
    bound += unavailability * this.realtimeRequests * this.failedRequestCost;
    // ρ = 1 with a provider at availability 0: every provider is down all the time, nothing is billed (§4.2).
    if (c >= 1) return lowerWithSlack(bound);
    const firstCoefficient = this.providers[first.provider]!.spendCoefficient;
    bound += firstCoefficient * (first.realtimeSpend + first.batchSpend);
    let from = 1;
    if (prefix && prefixLength >= 2) {
      let least = Infinity;
      for (let k = 1; k < prefixLength; k++) least = Math.min(least, this.providers[this.models[chain[k]!]!.provider]!.spendCoefficient);
      bound += least * Math.max(0, prefix.realtimeSpend - first.realtimeSpend);
      from = prefixLength;
    }
    // Stage k is reached by every request while the providers before it are all down (MODEL.md §4.2, §5.5).
    for (let k = from; k < chain.length; k++) {
      const model = this.models[chain[k]!]!;
      if (!this.firstOfProvider(chain, k)) continue;
      let product = 1 - c;
      for (let i = 0; i < k; i++) if (this.firstOfProvider(chain, i)) product *= this.residual(this.models[chain[i]!]!.provider, c);
      const reach = product * (1 - this.residual(model.provider, c));
      bound += this.providers[model.provider]!.spendCoefficient * reach * model.spendWhenUp;
    }
    return lowerWithSlack(bound);
  }

  /** Least overhead of any request reaching stage k (MODEL.md §5.4): the stages before it left as fast as possible. */
  private leastOverheadMs(chain: ArrayLike<number>, k: number): number {
    let overhead = k * this.failoverDelayMs;
    for (let i = 0; i < k; i++) overhead += this.models[chain[i]!]!.exitMs;
    // 1e-9 ms (and 1e-12 relative) below: the engine adds the same delays in another order.
    return overhead * (1 - 1e-12) - 1e-9;
  }

  /** Lower bound on the p95 of the successes at stage k ≥ 1 (their quantile component, MODEL.md §5.4, §7.2-§7.3). */
  private stageLatencyLowerBound(chain: ArrayLike<number>, k: number): number {
    const model = this.models[chain[k]!]!;
    if (!model.canSucceed) return Infinity;
    const overhead = this.leastOverheadMs(chain, k);
    return overhead + (this.measure === 'fullResponse' ? Math.max(model.leastTtftMs + model.fullResponseTailMs, model.firstTokenTailMs) : model.firstTokenTailMs);
  }

  /**
   * Upper bound on the normalised CDF at t of the successes at stage k ≥ 1 (docs/decisions/009, bound P4): their
   * overhead is ≥ the least overhead, their TTFT ≥ its least value (or LN-distributed), and their X is stochastically
   * ≥ F given X ≤ x* (the weight of reaching stage k is non-decreasing in X: only timeouts depend on X).
   */
  private laterStageCdfUpper(chain: ArrayLike<number>, k: number, t: number): number {
    const model = this.models[chain[k]!]!;
    if (!model.canSucceed) return 0;
    const at = t * (1 + 1e-12) + 1e-9 - this.leastOverheadMs(chain, k);
    if (this.measure === 'firstToken') {
      if (!model.spread) return at >= model.ttftMs ? 1 : 0;
      const lognormal = at - model.leastTtftMs;
      return lognormal > 0 ? normalCdf((Math.log(lognormal) - Math.log(model.spread.medianMs)) / model.spread.sigma) : 0;
    }
    const y = (at - model.leastTtftMs) * model.tokensPerMs;
    if (!(y > 0)) return 0;
    return Math.min(1, lengthCdf(this.output, Math.min(y, model.timeoutTokens)) / model.cdfAtTimeout);
  }

  /**
   * Lower bound on the share of the first model's first-attempt successes with latency in (t, q) (q exclusive when
   * `openEnd`), a lower bound of the true quantile: those successes have no overhead, X distributed as F given X ≤ x*
   * and their own TTFT (MODEL.md §5.4, §7.2-§7.3). 0 where it is not known in closed form (full response with a
   * lognormal TTFT).
   */
  private firstAttemptShareBetween(first: number, t: number, q: number, openEnd: boolean): number {
    const model = this.models[first]!;
    if (!(q > t) || !model.canSucceed) return 0;
    if (this.measure === 'firstToken') {
      if (!model.spread) return model.ttftMs > t && (openEnd ? model.ttftMs < q : model.ttftMs <= q) ? 1 : 0;
      const z = (x: number) => (x > model.leastTtftMs ? normalCdf((Math.log(x - model.leastTtftMs) - Math.log(model.spread!.medianMs)) / model.spread!.sigma) : 0);
      return Math.max(0, z(q) - z(t));
    }
    if (model.spread) return 0;
    const h = (x: number) => {
      const y = (x - model.ttftMs) * model.tokensPerMs;
      return y > 0 ? lengthCdf(this.output, Math.min(y, model.timeoutTokens)) / model.cdfAtTimeout : 0;
    };
    // The share is a difference of CDF values: taken 1e-12 lower for their rounding.
    return Math.max(0, h(q) - h(t) - 1e-12);
  }

  /**
   * Lower bound on total.<measure>.p95 (null counts as +∞): the max of (a) the least quantile over the mixture's
   * components (the evaluated prefix, each later stage) and (b) the prefix's p50 when the later mass is too small to
   * pull the 95th percentile below the prefix's median.
   */
  p95LowerBound(chain: ArrayLike<number>, prefix: Evaluation, prefixLength: number): number {
    const widen = this.widening(chain);
    if (prefixLength === chain.length) return widen(prefix.p95Ms);
    let bound = widen(prefix.p95Ms);
    for (let k = prefixLength; k < chain.length; k++) bound = Math.min(bound, this.stageLatencyLowerBound(chain, k));
    const successes = prefix.realtimeRequests - prefix.failedRequests;
    if (prefix.p50Ms !== null && successes > 0) {
      const level = P95_LEVEL - ((1 - P95_LEVEL) * prefix.failedRequests) / successes;
      if (level >= 0.5 + 1e-9) bound = Math.max(bound, widen(prefix.p50Ms));
    }
    return Math.max(bound, this.models[chain[0]!]!.firstStageQuantileMs);
  }

  /**
   * First-token percentiles of constant TTFTs are atom locations (MODEL.md §7.3), the same floats in the chain as in
   * its prefix, so they need no widening when every model of the chain has one; full-response and random-TTFT
   * percentiles come from a numerical search.
   */
  private widening(chain: ArrayLike<number>): (value: number | null) => number {
    const exactAtoms = this.measure === 'firstToken' && this.allConstantTtft(chain, chain.length);
    return (value: number | null): number => (value === null ? Infinity : exactAtoms ? value : lowerWithSlack(value));
  }

  /**
   * Whether total.<measure>.p95 ≥ tau is proven (docs/decisions/009, bound P4). With the prefix's successes G0
   * (mass S0, true p95 q0 ≥ q), the later stages' successes G_L (mass Q ≤ F0, the prefix's failed requests, CDF
   * ≤ Q·B(t), B the largest later-stage bound) and goal p'(S0 + Q): for t < tau ≤ q, G0(t) < p'·S0, and
   * G0(t) ≤ p'·S0 - W0·D(t) with W0 ≥ RT + S0 - attempts the first model's first-attempt successes and D(t) their
   * share in (t, q). G(t) ≥ goal for some Q ∈ [0, F0] then needs W0·D(t) ≤ F0·(B(t) - p'); D falls and B rises with
   * t, so checking t = tau covers every t < tau.
   */
  p95AtLeast(chain: ArrayLike<number>, prefix: Evaluation, prefixLength: number, tau: number): boolean {
    if (prefix.p95Ms === null) return false;
    const exactAtoms = this.measure === 'firstToken' && this.allConstantTtft(chain, chain.length);
    const q = this.widening(chain)(prefix.p95Ms);
    if (!(tau <= q)) return false;
    if (prefixLength === chain.length || !(prefix.failedRequests > 0)) return true;
    let reach = 0;
    for (let k = prefixLength; k < chain.length; k++) reach = Math.max(reach, this.laterStageCdfUpper(chain, k, tau));
    const excess = reach - P95_LEVEL;
    if (excess < 0) return true;
    const successes = prefix.realtimeRequests - prefix.failedRequests;
    const firstAttempts = Math.max(0, prefix.realtimeRequests + successes - prefix.attempts) * (1 - 1e-9);
    const share = this.firstAttemptShareBetween(chain[0]!, tau, q, exactAtoms);
    return firstAttempts * share > prefix.failedRequests * excess * (1 + 1e-9) + 1e-12 * successes;
  }

  private allConstantTtft(chain: ArrayLike<number>, length: number): boolean {
    for (let k = 0; k < length; k++) if (this.models[chain[k]!]!.spread) return false;
    return true;
  }

  /** Lower bound on total.rate429: the prefix's 429s over its attempts plus at most A attempts per later stage and failed request. */
  rate429LowerBound(chain: ArrayLike<number>, prefix: Evaluation, prefixLength: number): number {
    if (this.commonShock(chain) >= 1) return 0;
    const extra = this.maxAttemptsPerStage * (chain.length - prefixLength) * prefix.failedRequests;
    const attempts = prefix.attempts + extra;
    return attempts > 0 ? lowerWithSlack(prefix.count429 / attempts) : 0;
  }
}
