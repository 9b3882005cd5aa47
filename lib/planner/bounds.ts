import { lengthCdf, lognormalFromMedianP95, MIN_PER_MONTH, type LengthDistribution } from '@/lib/engine';
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
  /** min(fastFail, outageDetect, timeout): the least delay of a failed attempt (MODEL.md §5.2). */
  leastFailureMs: number;
  ttftMs: number;
  /** Lower bound of q95 of 1000·X/tps over successes at this model when reached by failover (0 if unknown). */
  fullResponseTailMs: number;
  /** The first-token and full-response lower bounds may use ttftMs (constant TTFT, no prefill term). */
  constantTtft: boolean;
  /** Whether any success is possible at all (x* > 0). */
  canSucceed: boolean;
  /**
   * Lower bound on the p95 of every chain starting with this model: its first-stage successes (mass P0 = its own
   * successes) hold all but Q ≤ its failed requests of the mass, so the p95 is at least the first stage's quantile at
   * level p' - (1-p')·Q/P0 (docs/decisions/009, bound P3); that stage's X is F given X ≤ x* (no X-dependent weight).
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
    universe.forEach((m, i) => {
      const single = singles[i]!;
      const p = providerIndex.get(m.providerId)!;
      const u = this.providers[p]!.unavailability;
      const loose = m.spec as { ttftP95Ms?: number | null; prefillTokensPerSec?: number };
      const constantTtft = (loose.ttftP95Ms === undefined || loose.ttftP95Ms === null || loose.ttftP95Ms <= m.spec.ttftMs) && loose.prefillTokensPerSec === undefined;
      const timeoutTokens = timeoutMs === Infinity ? Infinity : Math.max(0, (m.spec.tokensPerSec * (timeoutMs - m.spec.ttftMs)) / 1000);
      const tail = constantTtft ? (1000 * truncatedQuantileLowerBound(output, timeoutTokens, P95_LEVEL)) / m.spec.tokensPerSec : 0;
      const successes = single.realtimeRequests - single.failedRequests;
      const level = successes > 0 ? P95_LEVEL - ((1 - P95_LEVEL) * single.failedRequests) / successes : 0;
      let firstStage = 0;
      if (constantTtft && level > 0 && timeoutTokens > 0) {
        const x = measure === 'fullResponse' ? (1000 * truncatedQuantileLowerBound(output, timeoutTokens, level)) / m.spec.tokensPerSec : 0;
        firstStage = lowerWithSlack(m.spec.ttftMs + (Number.isFinite(x) ? x : 0));
      }
      this.models.push({
        provider: p,
        realtimeSpend: single.realtimeSpend,
        batchSpend: single.batchSpend,
        flatRate: single.flatRate,
        spendWhenUp: u < 1 ? single.realtimeSpend / (1 - u) : 0,
        leastFailureMs: Math.min(m.spec.fastFailMs, m.provider.outageDetectMs, timeoutMs),
        ttftMs: m.spec.ttftMs,
        fullResponseTailMs: Number.isFinite(tail) ? tail : 0,
        constantTtft,
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
  commonShock(chain: ArrayLike<number>): number {
    let least = Infinity;
    for (let k = 0; k < chain.length; k++) least = Math.min(least, this.providers[this.models[chain[k]!]!.provider]!.unavailability);
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
  availabilityOf(chain: ArrayLike<number>): number {
    let mask = 0;
    for (let k = 0; k < chain.length; k++) mask |= 1 << this.models[chain[k]!]!.provider;
    if (this.providers.length > 31) return this.availability(chain);
    let value = this.availabilityByMask.get(mask);
    if (value === undefined) {
      value = this.availability(chain);
      this.availabilityByMask.set(mask, value);
    }
    return value;
  }

  private residual(p: number, c: number): number {
    return c >= 1 ? 0 : 1 - (1 - this.providers[p]!.unavailability) / (1 - c);
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
    const providers = this.distinctProviders(chain);
    let bound = this.platformFee;
    for (const p of providers) bound += this.providers[p]!.engineering;
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
      const before = this.distinctProviders(chain, k);
      if (before.includes(model.provider)) continue;
      let product = 1 - c;
      for (const p of before) product *= this.residual(p, c);
      const reach = product * (1 - this.residual(model.provider, c));
      bound += this.providers[model.provider]!.spendCoefficient * reach * model.spendWhenUp;
    }
    return lowerWithSlack(bound);
  }

  /** Lower bound on the latency of any success at stage k ≥ 1 (its quantile component, MODEL.md §5.4, §7.2-§7.3). */
  private stageLatencyLowerBound(chain: ArrayLike<number>, k: number): number {
    const model = this.models[chain[k]!]!;
    if (!model.canSucceed) return Infinity;
    let overhead = k * this.failoverDelayMs;
    for (let i = 0; i < k; i++) overhead += this.models[chain[i]!]!.leastFailureMs;
    if (!model.constantTtft) return overhead;
    // 1e-9 ms below: the engine adds the same delays in another order.
    return overhead - 1e-9 + model.ttftMs + (this.measure === 'fullResponse' ? model.fullResponseTailMs : 0);
  }

  /**
   * Lower bound on total.<measure>.p95 (null counts as +∞): the max of (a) the least quantile over the mixture's
   * components (the evaluated prefix, each later stage) and (b) the prefix's p50 when the later mass is too small to
   * pull the 95th percentile below the prefix's median.
   */
  p95LowerBound(chain: ArrayLike<number>, prefix: Evaluation, prefixLength: number): number {
    // First-token percentiles of constant TTFTs are atom locations (MODEL.md §7.3), the same floats in the chain as in
    // its prefix, so they need no widening; full-response and random-TTFT percentiles come from a numerical search.
    const exactAtoms = this.measure === 'firstToken' && this.allConstantTtft(chain, prefixLength);
    const widen = (value: number | null): number => (value === null ? Infinity : exactAtoms ? value : lowerWithSlack(value));
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

  private allConstantTtft(chain: ArrayLike<number>, length: number): boolean {
    for (let k = 0; k < length; k++) if (!this.models[chain[k]!]!.constantTtft) return false;
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
