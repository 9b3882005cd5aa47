import type { LengthModel, PreparedModel, PreparedScenario } from './prepare';
import type { StateEvaluation } from './request-stages';
import type { SlaCreditTier } from '../scenario/schema';

/** Scratch arrays by length (Monte Carlo prices every trial-month: no allocation there). Contents are per call. */
const OVERFLOW_SCRATCH = new Map<number, Float64Array>();
const PROVIDER_FLAT_SCRATCH = new Map<number, Float64Array>();
function scratch(pool: Map<number, Float64Array>, length: number): Float64Array {
  let array = pool.get(length);
  if (!array) {
    array = new Float64Array(length);
    pool.set(length, array);
  }
  return array;
}

/** Token figures of one period or month (USD and tokens). */
export interface TokenSpend {
  inputUncached: number;
  inputCached: number;
  output: number;
  batch: number;
  wastedSpend: number;
  failoverExtraCost: number;
  inputTokens: number;
  outputTokens: number;
  /** Token spend per provider (realtime after φ, plus batch), for SLA credits (MODEL.md §8.5). */
  providerSpend: Float64Array;
}

export function emptyTokenSpend(providerCount: number): TokenSpend {
  return {
    inputUncached: 0,
    inputCached: 0,
    output: 0,
    batch: 0,
    wastedSpend: 0,
    failoverExtraCost: 0,
    inputTokens: 0,
    outputTokens: 0,
    providerSpend: new Float64Array(providerCount),
  };
}

/**
 * Overflow share φ of a provisioned model (MODEL.md §8.3): τ = billed tokens per minute in the period,
 * φ = max(0, 1 - capacityTPM/τ) (0 if τ = 0); 1 for pay-as-you-go models.
 */
export function overflowShare(capacityTPM: number | null, tokensPerMinute: number): number {
  if (capacityTPM === null) return 1;
  if (!(tokensPerMinute > 0)) return 0;
  return Math.max(0, 1 - capacityTPM / tokensPerMinute);
}

/** Price drift factor of a model in month m (ADR 011): (1 + d/100)^m; exactly 1 without drift. */
export function priceFactor(model: PreparedModel, month: number): number {
  return model.priceDriftPerMonth === 0 || month === 0 ? 1 : (1 + model.priceDriftPerMonth) ** month;
}

/** Per-token prices of a model in month m (USD per 1M tokens), drift applied. */
function monthPrices(model: PreparedModel, month: number): { inputPer1M: number; cachedInputPer1M: number; outputPer1M: number; batchInputPer1M: number; batchOutputPer1M: number } {
  const f = priceFactor(model, month);
  const s = model.spec;
  if (f === 1) return s;
  return { inputPer1M: s.inputPer1M * f, cachedInputPer1M: s.cachedInputPer1M * f, outputPer1M: s.outputPer1M * f, batchInputPer1M: s.batchInputPer1M * f, batchOutputPer1M: s.batchOutputPer1M * f };
}

/**
 * Realtime token costs of one period (MODEL.md §8.1, §8.3, §8.7) added into `into`. `perRequest` holds the
 * per-request expectations Σ_S π_S (·) of the period, `requests` = RT_m·s_π, `minutes` the period's minutes per month,
 * `month` the month index m of the price drift (ADR 011).
 */
export function addPeriodTokenSpend(
  prepared: PreparedScenario,
  lengths: LengthModel,
  perRequest: StateEvaluation,
  requests: number,
  minutes: number,
  into: TokenSpend,
  month = 0,
): void {
  const cached = prepared.input.workload.cachedShare;
  const inputMean = lengths.input.mean;
  const modelCount = prepared.models.length;
  const overflow = scratch(OVERFLOW_SCRATCH, modelCount);
  for (const model of prepared.models) {
    const j = model.index;
    const timeouts = perRequest.timeouts[j]!;
    const timeoutOutput = timeouts > 0 ? timeouts * model.timeoutTokens : 0;
    // §8.1 billed input = (successes + timeouts)·E[in]; output = success output + timeouts·x*_j.
    const inputTokens = requests * (perRequest.successes[j]! + timeouts) * inputMean;
    const outputTokens = requests * (perRequest.successOutputTokens[j]! + timeoutOutput);
    const phi = overflowShare(model.spec.provisioned?.capacityTPM ?? null, minutes > 0 ? (inputTokens + outputTokens) / minutes : 0);
    overflow[j] = phi;
    const { inputPer1M, cachedInputPer1M, outputPer1M } = monthPrices(model, month);
    const uncachedCost = (phi * (1 - cached) * inputTokens * inputPer1M) / 1e6;
    const cachedCost = (phi * cached * inputTokens * cachedInputPer1M) / 1e6;
    const outputCost = (phi * outputTokens * outputPer1M) / 1e6;
    into.inputUncached += uncachedCost;
    into.inputCached += cachedCost;
    into.output += outputCost;
    into.inputTokens += inputTokens;
    into.outputTokens += outputTokens;
    into.providerSpend[model.providerIndex] = into.providerSpend[model.providerIndex]! + uncachedCost + cachedCost + outputCost;
    if (timeouts > 0) {
      // §8.1 wasted spend = timeouts·(E[in]·((1-c)pIn + c·pCached) + x*·pOut)/1e6, × φ (§8.3).
      into.wastedSpend +=
        (phi * requests * timeouts * (inputMean * ((1 - cached) * inputPer1M + cached * cachedInputPer1M) + model.timeoutTokens * outputPer1M)) / 1e6;
    }
  }
  // §8.7 failover extra cost: Σ_{(j,f)} [n·E[in]·((1-c)(φ_j pIn_j - φ_f pIn_f) + c(φ_j pC_j - φ_f pC_f)) + o·(φ_j pOut_j - φ_f pOut_f)]/1e6.
  let extra = 0;
  for (const fallback of prepared.models) {
    for (const first of prepared.models) {
      const at = fallback.index * modelCount + first.index;
      const n = perRequest.fallbackSuccesses[at]!;
      const o = perRequest.fallbackOutputTokens[at]!;
      if (n === 0 && o === 0) continue;
      const pj = overflow[fallback.index]!;
      const pf = overflow[first.index]!;
      const a = monthPrices(fallback, month);
      const b = monthPrices(first, month);
      extra +=
        n * inputMean * ((1 - cached) * (pj * a.inputPer1M - pf * b.inputPer1M) + cached * (pj * a.cachedInputPer1M - pf * b.cachedInputPer1M)) +
        o * (pj * a.outputPer1M - pf * b.outputPer1M);
    }
  }
  into.failoverExtraCost += (requests * extra) / 1e6;
}

/** Batch cost (MODEL.md §8.2): each chain's first model, B_m·w_c·(E[in]·pBatchIn + E[out]·pBatchOut)/1e6; no φ. */
export function addBatchSpend(prepared: PreparedScenario, lengths: LengthModel, batchRequests: number, into: TokenSpend, month = 0): void {
  if (!(batchRequests > 0)) return;
  for (const chain of prepared.chains) {
    const model = prepared.models[chain.firstModelIndex]!;
    const requests = batchRequests * chain.weight;
    const prices = monthPrices(model, month);
    const cost = (requests * (lengths.input.mean * prices.batchInputPer1M + lengths.output.mean * prices.batchOutputPer1M)) / 1e6;
    into.batch += cost;
    into.providerSpend[model.providerIndex] = into.providerSpend[model.providerIndex]! + cost;
  }
  into.inputTokens += batchRequests * lengths.input.mean;
  into.outputTokens += batchRequests * lengths.output.mean;
}

/** Credit percentage: max creditPct over tiers with 100·a < belowPct (MODEL.md §8.5). */
export function slaCreditPct(tiers: readonly SlaCreditTier[], availability: number): number {
  let pct = 0;
  for (const tier of tiers) if (100 * availability < tier.belowPct) pct = Math.max(pct, tier.creditPct);
  return pct;
}

/** Monthly fixed costs and credits (MODEL.md §8.3-§8.5). */
export interface MonthlyCharges {
  flatRate: number;
  integration: number;
  maintenance: number;
  slaCredits: number;
}

/**
 * Flat provisioned prices, engineering (integration in month 0, maintenance monthly, providers in scope) and SLA
 * credits on each contractual provider's spend (token incl. batch + flat) at availability `providerAvailability`.
 */
export function monthlyCharges(prepared: PreparedScenario, month: number, spend: TokenSpend, providerAvailability: readonly number[]): MonthlyCharges {
  const rate = prepared.input.costs.engineeringHourlyRate;
  const providerFlat = scratch(PROVIDER_FLAT_SCRATCH, prepared.providers.length);
  providerFlat.fill(0);
  let flatRate = 0;
  for (const model of prepared.models) {
    const price = (model.spec.provisioned?.monthlyPrice ?? 0) * priceFactor(model, month);
    flatRate += price;
    providerFlat[model.providerIndex] = providerFlat[model.providerIndex]! + price;
  }
  let integration = 0;
  let maintenance = 0;
  let slaCredits = 0;
  for (let p = 0; p < prepared.providers.length; p++) {
    const provider = prepared.providers[p]!;
    if (month === 0) integration += provider.integrationHours * rate;
    maintenance += provider.maintenanceHoursPerMonth * rate;
    if (provider.contractual) {
      const pct = slaCreditPct(provider.slaCredits, providerAvailability[p]!);
      if (pct > 0) slaCredits += (pct / 100) * (spend.providerSpend[p]! + providerFlat[p]!);
    }
  }
  return { flatRate, integration, maintenance, slaCredits };
}
