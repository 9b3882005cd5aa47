import { scenarioAvailability } from './availability';
import type { TokenSpend } from './costs';
import { firstTokenLatency, fullResponseLatency, NULL_LATENCY, type LatencyAtomShape } from './latency';
import { firstTokenLatencyWithSpread, fullResponseLatencyWithSpread, hasTtftSpread } from './latency-ttft';
import { dailyPeriods } from './load';
import { AtomTable, EvaluationCache, evaluateMonth, monthCosts, type MonthEvaluation } from './month-model';
import { lengthModel, prepareScenario, type LengthModel, type PreparedScenario } from './prepare';
import type { EngineInput, LatencySummary, MonthResult, TokenCostBreakdown, TotalResult } from './types';

interface LatencyBlocks {
  fullResponse: LatencySummary;
  firstToken: LatencySummary;
  targetMissShare: number | null;
}

/** Both latency blocks and the target miss share of the measure the scenario names (MODEL.md §7.2-§7.4). */
function latencyBlocks(input: EngineInput, shapes: readonly LatencyAtomShape[], weights: Float64Array, lengths: LengthModel, hint?: LatencySummary): LatencyBlocks {
  // A lognormal TTFT (ADR 011) needs the convolution; without one the v1 code runs unchanged.
  const spread = hasTtftSpread(shapes, weights);
  const fullResponse = spread
    ? fullResponseLatencyWithSpread(shapes, weights, lengths.output, input.latencyTarget.ms, hint)
    : fullResponseLatency(shapes, weights, lengths.output, input.latencyTarget.ms, hint);
  const firstToken = spread ? firstTokenLatencyWithSpread(shapes, weights, input.latencyTarget.ms) : firstTokenLatency(shapes, weights, input.latencyTarget.ms);
  const block = input.latencyTarget.measure === 'firstToken' ? firstToken : fullResponse;
  return { fullResponse, firstToken, targetMissShare: block.shareOverTarget };
}

const NULL_BLOCKS: LatencyBlocks = { fullResponse: NULL_LATENCY, firstToken: NULL_LATENCY, targetMissShare: null };

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

function tokenCostOf(spend: TokenSpend): TokenCostBreakdown {
  return {
    inputUncached: spend.inputUncached,
    inputCached: spend.inputCached,
    output: spend.output,
    batch: spend.batch,
    total: spend.inputUncached + spend.inputCached + spend.output + spend.batch,
  };
}

function modelRecord(prepared: PreparedScenario, values: Float64Array): Record<string, number> {
  const record: Record<string, number> = {};
  for (const model of prepared.models) record[model.id] = values[model.index]!;
  return record;
}

function sameWeights(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The deterministic months and total of a Result (MODEL.md §7.5); Monte Carlo is added by `simulate`. */
export function simulateDeterministic(input: EngineInput): { months: MonthResult[]; total: TotalResult } {
  const prepared = prepareScenario(input);
  const lengths = lengthModel(prepared);
  const periods = dailyPeriods(input.workload);
  const states = prepared.outage.states;
  const atoms = new AtomTable(prepared, lengths);
  const cache = new EvaluationCache(prepared, lengths, true, atoms);
  const settings = { prepared, lengths, periods, states, cache, atoms, reportRejection: true };
  const availability = scenarioAvailability(
    states,
    prepared.chains.map((c) => ({ weight: c.weight, providerMask: c.providerMask })),
  );
  const providerAvailability = prepared.providers.map((p) => p.availability);
  const { workload } = input;

  const evaluations: MonthEvaluation[] = [];
  for (let m = 0; m < input.horizonMonths; m++) {
    evaluations.push(evaluateMonth(settings, workload.requestsPerDay * (1 + workload.monthlyGrowthPct / 100) ** m, m));
  }
  const shapeCount = atoms.shapes.length;
  const monthWeights = evaluations.map((e) => {
    const weights = new Float64Array(shapeCount);
    weights.set(e.atomWeights);
    return weights;
  });

  const latencyCache: { weights: Float64Array; blocks: LatencyBlocks }[] = [];
  const monthLatency = (weights: Float64Array, realtimeRequests: number): LatencyBlocks => {
    if (!(realtimeRequests > 0)) return NULL_BLOCKS;
    const hit = latencyCache.find((c) => sameWeights(c.weights, weights));
    if (hit) return hit.blocks;
    const blocks = latencyBlocks(input, atoms.shapes, weights, lengths, latencyCache.at(-1)?.blocks.fullResponse);
    latencyCache.push({ weights, blocks });
    return blocks;
  };

  const months = evaluations.map((e, m): MonthResult => {
    const perRequest = e.perRequest;
    const rt = e.realtimeRequests;
    const tokenCost = tokenCostOf(e.spend);
    const downtimeMinutes = availability.downtimeMinutesPerMonth;
    const charges = monthCosts(prepared, m, e, providerAvailability, downtimeMinutes);
    const attempts = rt * sum(perRequest.attempts);
    const count429 = rt * sum(perRequest.rejected429);
    const latency = monthLatency(monthWeights[m]!, rt);
    const rejectionProbNoOutage: MonthResult['rejectionProbNoOutage'] = {};
    if (e.rejectionNoOutage.peak) rejectionProbNoOutage.peak = modelRecord(prepared, e.rejectionNoOutage.peak);
    if (e.rejectionNoOutage.base) rejectionProbNoOutage.base = modelRecord(prepared, e.rejectionNoOutage.base);
    return {
      month: m,
      requestsPerDay: e.requestsPerDay,
      requests: e.requests,
      realtimeRequests: rt,
      batchRequests: e.batchRequests,
      inputTokens: e.spend.inputTokens,
      outputTokens: e.spend.outputTokens,
      tokenCost,
      wastedSpend: e.spend.wastedSpend,
      failoverExtraCost: e.spend.failoverExtraCost,
      flatRate: charges.flatRate,
      aggregatorFee: charges.aggregatorFee,
      platformFee: charges.platformFee,
      engineering: { integration: charges.integration, maintenance: charges.maintenance },
      slaCredits: charges.slaCredits,
      downtimeMinutes,
      downtimeCost: charges.downtimeCost,
      chainAvailability: availability.chainAvailability,
      requestSuccessRate: perRequest.success,
      failedRequests: charges.failedRequests,
      failedRequestCost: charges.failedRequestCost,
      attempts,
      retries: rt * perRequest.retries,
      failovers: rt * perRequest.failovers,
      servedByFallback: rt * perRequest.servedByFallback,
      count429,
      rate429: attempts > 0 ? count429 / attempts : 0,
      count5xx: rt * perRequest.count5xx,
      outageFailures: rt * perRequest.outageFailures,
      timeouts: rt * sum(perRequest.timeouts),
      fullResponse: latency.fullResponse,
      firstToken: latency.firstToken,
      targetMissShare: latency.targetMissShare,
      peakConcurrency: modelRecord(prepared, e.peakConcurrency),
      rejectionProbNoOutage,
      tco: charges.tco,
    };
  });

  // §7.4 horizon latency: union of the months' atoms, each month weighted by RT_m (scaled by the largest RT_m).
  const largest = Math.max(0, ...months.map((m) => m.realtimeRequests));
  let totalLatency = NULL_BLOCKS;
  if (largest > 0) {
    const weights = new Float64Array(shapeCount);
    months.forEach((month, m) => {
      const scale = month.realtimeRequests / largest;
      const monthly = monthWeights[m]!;
      for (let i = 0; i < shapeCount; i++) weights[i] = weights[i]! + scale * monthly[i]!;
    });
    totalLatency = latencyBlocks(input, atoms.shapes, weights, lengths, latencyCache.at(-1)?.blocks.fullResponse);
  }
  return { months, total: totalOf(months, totalLatency) };
}

/** `total` (MODEL.md §7.5): additive fields summed, rates re-weighted, latency over the union of months (§7.4). */
function totalOf(months: readonly MonthResult[], latency: LatencyBlocks): TotalResult {
  const add = (pick: (m: MonthResult) => number): number => months.reduce((acc, m) => acc + pick(m), 0);
  const realtimeRequests = add((m) => m.realtimeRequests);
  const attempts = add((m) => m.attempts);
  const count429 = add((m) => m.count429);
  const tokenCost: TokenCostBreakdown = {
    inputUncached: add((m) => m.tokenCost.inputUncached),
    inputCached: add((m) => m.tokenCost.inputCached),
    output: add((m) => m.tokenCost.output),
    batch: add((m) => m.tokenCost.batch),
    total: add((m) => m.tokenCost.total),
  };
  return {
    requests: add((m) => m.requests),
    realtimeRequests,
    batchRequests: add((m) => m.batchRequests),
    inputTokens: add((m) => m.inputTokens),
    outputTokens: add((m) => m.outputTokens),
    tokenCost,
    wastedSpend: add((m) => m.wastedSpend),
    failoverExtraCost: add((m) => m.failoverExtraCost),
    flatRate: add((m) => m.flatRate),
    aggregatorFee: add((m) => m.aggregatorFee),
    platformFee: add((m) => m.platformFee),
    engineering: { integration: add((m) => m.engineering.integration), maintenance: add((m) => m.engineering.maintenance) },
    slaCredits: add((m) => m.slaCredits),
    downtimeMinutes: add((m) => m.downtimeMinutes),
    downtimeCost: add((m) => m.downtimeCost),
    // Time-weighted: every month has the same length.
    chainAvailability: add((m) => m.chainAvailability) / months.length,
    requestSuccessRate:
      realtimeRequests > 0 ? add((m) => m.realtimeRequests * m.requestSuccessRate) / realtimeRequests : add((m) => m.requestSuccessRate) / months.length,
    failedRequests: add((m) => m.failedRequests),
    failedRequestCost: add((m) => m.failedRequestCost),
    attempts,
    retries: add((m) => m.retries),
    failovers: add((m) => m.failovers),
    servedByFallback: add((m) => m.servedByFallback),
    count429,
    rate429: attempts > 0 ? count429 / attempts : 0,
    count5xx: add((m) => m.count5xx),
    outageFailures: add((m) => m.outageFailures),
    timeouts: add((m) => m.timeouts),
    fullResponse: latency.fullResponse,
    firstToken: latency.firstToken,
    targetMissShare: latency.targetMissShare,
    tco: add((m) => m.tco),
  };
}
