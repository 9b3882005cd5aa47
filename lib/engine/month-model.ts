import type { OutageState } from './availability';
import { addBatchSpend, addPeriodTokenSpend, emptyTokenSpend, monthlyCharges, type TokenSpend } from './costs';
import { DAYS_PER_MONTH } from './constants';
import type { LatencyAtomShape } from './latency';
import { arrivalsPerMinute, rejectionFixedPoint, type DailyPeriod } from './load';
import type { LengthModel, PreparedScenario } from './prepare';
import {
  accumulateEvaluation,
  emptyStateEvaluation,
  emptyStateLoad,
  evaluateStateLoad,
  resetStateEvaluation,
  type StateEvaluation,
  type StateLoad,
} from './request-stages';
import { compileStageProgram, factorCount, fillFactors, ProgramArena, programLayout, runProgram, type ProgramLayout, type StageProgram } from './stage-program';

/**
 * The distinct success atoms of a scenario, keyed by (model, interval, overhead): the same key in any period, state
 * or month is the same point of the latency distributions, so months share one shape list and differ by weights.
 */
export class AtomTable {
  readonly shapes: LatencyAtomShape[] = [];
  /** Per (model, interval): overhead key → shape index. */
  private readonly index: Map<number, number>[];
  constructor(
    private readonly prepared: PreparedScenario,
    private readonly lengths: LengthModel,
  ) {
    this.index = Array.from({ length: prepared.models.length * lengths.intervals.length }, () => new Map<number, number>());
  }

  /** `indexOf` bound to this table, for `evaluateState`. */
  readonly resolve = (modelIndex: number, intervalIndex: number, overheadMs: number): number => this.indexOf(modelIndex, intervalIndex, overheadMs);

  indexOf(modelIndex: number, intervalIndex: number, overheadMs: number): number {
    const byOverhead = this.index[modelIndex * this.lengths.intervals.length + intervalIndex]!;
    const key = Math.round(overheadMs * 1e6);
    let at = byOverhead.get(key);
    if (at === undefined) {
      const model = this.prepared.models[modelIndex]!;
      at = this.shapes.length;
      const shape: LatencyAtomShape = {
        firstTokenMs: overheadMs + model.spec.ttftMs,
        tokensPerMs: model.spec.tokensPerSec / 1000,
        interval: this.lengths.intervals[intervalIndex]!,
      };
      if (model.ttftSpread) shape.ttftSpread = model.ttftSpread;
      this.shapes.push(shape);
      byOverhead.set(key, at);
    }
    return at;
  }
}

/**
 * Evaluates outage states through their compiled stage programmes (stage-program.ts), one per state, built on first
 * use. Evaluations with r = 0 (no limit binds) are shared by every period and month, so their registers are kept.
 */
export class EvaluationCache {
  private readonly layout: ProgramLayout;
  private readonly programs = new Map<number, StageProgram>();
  private readonly arena = new ProgramArena();
  private readonly unlimited = new Map<number, Float64Array>();
  private readonly factors: Float64Array;
  private mem: Float64Array;
  constructor(
    private readonly prepared: PreparedScenario,
    private readonly lengths: LengthModel,
    private readonly collectAtoms: boolean,
    /** Where success atoms go (as shape indices) when they are collected. */
    private readonly atoms?: AtomTable,
  ) {
    this.layout = programLayout(prepared.models.length);
    this.factors = new Float64Array(factorCount(prepared.models.length));
    this.mem = new Float64Array(this.layout.end);
  }

  private program(downMask: number): StageProgram {
    let program = this.programs.get(downMask);
    if (!program) {
      program = compileStageProgram(this.prepared, this.lengths, downMask, this.layout, this.arena, this.collectAtoms && this.atoms ? { atoms: this.atoms.resolve } : {});
      this.programs.set(downMask, program);
      if (this.mem.length < program.registerCount) this.mem = new Float64Array(program.registerCount);
    }
    return program;
  }

  /**
   * target += weight × the per-request expectations of state `downMask` at rejections r (MODEL.md §5.4-§5.5), and
   * atomWeights[shape] += atomWeight × each success atom's weight when atoms are collected.
   */
  accumulate(downMask: number, rejection: Float64Array, target: StateEvaluation, weight: number, atomWeights?: number[], atomWeight = 0): void {
    const program = this.program(downMask);
    let mem: Float64Array;
    let unlimited = true;
    for (let j = 0; j < rejection.length; j++) if (rejection[j] !== 0) unlimited = false;
    const kept = unlimited ? this.unlimited.get(downMask) : undefined;
    if (kept) mem = kept;
    else {
      runProgram(program, this.layout, fillFactors(this.prepared, rejection, this.factors), this.mem);
      mem = unlimited ? this.mem.slice(0, program.registerCount) : this.mem;
      if (unlimited) this.unlimited.set(downMask, mem);
    }
    accumulateRegisters(target, mem, this.layout, weight);
    if (atomWeights) {
      const { atomRegisters, atomShapes } = program;
      for (let a = 0; a < atomRegisters.length; a++) {
        const at = atomShapes[a]!;
        while (atomWeights.length <= at) atomWeights.push(0);
        atomWeights[at] = atomWeights[at]! + atomWeight * mem[atomRegisters[a]!]!;
      }
    }
  }
}

/** target += weight × the expectations held in a programme's registers. */
function accumulateRegisters(target: StateEvaluation, mem: Float64Array, layout: ProgramLayout, weight: number): void {
  const m = layout.modelCount;
  const perModel = [
    [target.attempts, layout.attempts],
    [target.rejected429, layout.rejected429],
    [target.busyMs, layout.busyMs],
    [target.successes, layout.successes],
    [target.successOutputTokens, layout.successOutputTokens],
    [target.timeouts, layout.timeouts],
  ] as const;
  for (const [array, offset] of perModel) for (let j = 0; j < m; j++) array[j] = array[j]! + weight * mem[offset + j]!;
  for (let i = 0; i < m * m; i++) {
    target.fallbackSuccesses[i] = target.fallbackSuccesses[i]! + weight * mem[layout.fallbackSuccesses + i]!;
    target.fallbackOutputTokens[i] = target.fallbackOutputTokens[i]! + weight * mem[layout.fallbackOutputTokens + i]!;
  }
  target.retries += weight * mem[layout.retries]!;
  target.count5xx += weight * mem[layout.count5xx]!;
  target.outageFailures += weight * mem[layout.outageFailures]!;
  target.failovers += weight * mem[layout.failovers]!;
  target.servedByFallback += weight * mem[layout.servedByFallback]!;
  target.success += weight * mem[layout.success]!;
  target.failure += weight * mem[layout.failure]!;
}

export interface MonthEvaluation {
  requestsPerDay: number;
  requests: number;
  realtimeRequests: number;
  batchRequests: number;
  /** Σ_π s_π Σ_S π_S of the per-request expectations. */
  perRequest: StateEvaluation;
  spend: TokenSpend;
  /** Mean in-flight attempts per model at peak, λ_peak·busy_j/60000 (MODEL.md §6.4). */
  peakConcurrency: Float64Array;
  /** Fixed point of §6.5 in S = ∅ per period. */
  rejectionNoOutage: Partial<Record<DailyPeriod['name'], Float64Array>>;
  /** Weight per AtomTable shape (s_π π_S w), when latency is collected. */
  atomWeights: number[];
}

export interface MonthSettings {
  prepared: PreparedScenario;
  lengths: LengthModel;
  periods: readonly DailyPeriod[];
  /** π_S (or realized state fractions in Monte Carlo). */
  states: readonly OutageState[];
  cache: EvaluationCache;
  atoms: AtomTable | null;
  /** Skip the S = ∅ report fixed point (Monte Carlo). */
  reportRejection: boolean;
  /**
   * Monte Carlo: evaluate with the scalar load pass only (enough for costs, no latency, no failover breakdown), warm
   * start each fixed point from the last one found for the same period and state, at this tolerance.
   */
  costsOnly?: { warmStarts: Map<string, Float64Array>; tolerance: number; load?: StateLoad; periodScratch?: StateEvaluation };
}

/**
 * One month (MODEL.md §6-§8.3): for each period and outage state, the rejection fixed point, the evaluation of every
 * chain, and the period's token spend with provisioned overflow; requests R_m·30.4375 split into realtime and batch.
 */
export function evaluateMonth(settings: MonthSettings, requestsPerDay: number, month = 0): MonthEvaluation {
  const { prepared, lengths, periods, states, cache, atoms } = settings;
  const { workload } = prepared.input;
  const modelCount = prepared.models.length;
  const requests = requestsPerDay * DAYS_PER_MONTH;
  const realtimeRequests = requests * (1 - workload.batchShare);
  const batchRequests = requests * workload.batchShare;
  const perRequest = emptyStateEvaluation(modelCount);
  const spend = emptyTokenSpend(prepared.providers.length);
  const peakConcurrency = new Float64Array(modelCount);
  const rejectionNoOutage: MonthEvaluation['rejectionNoOutage'] = {};
  const atomWeights: number[] = [];
  const load = settings.costsOnly ? (settings.costsOnly.load ??= emptyStateLoad(modelCount)) : emptyStateLoad(modelCount);

  for (const period of periods) {
    const arrivals = arrivalsPerMinute(requestsPerDay, workload.batchShare, period.level);
    // The period's expectations are folded into the month's below and not kept: one scratch buffer serves every period.
    const periodPerRequest = resetStateEvaluation(settings.costsOnly ? (settings.costsOnly.periodScratch ??= emptyStateEvaluation(modelCount)) : periodScratch(modelCount));
    for (const state of states) {
      if (settings.costsOnly) {
        const { warmStarts, tolerance } = settings.costsOnly;
        const key = `${period.name}|${state.downMask}`;
        const rejection = rejectionFixedPoint(prepared, lengths, state.downMask, arrivals, workload.arrivalDispersion, warmStarts.get(key), tolerance);
        warmStarts.set(key, rejection);
        evaluateStateLoad(prepared, lengths, state.downMask, rejection, load);
        accumulateLoad(periodPerRequest, load, state.probability);
        continue;
      }
      const rejection = rejectionFixedPoint(prepared, lengths, state.downMask, arrivals, workload.arrivalDispersion);
      if (state.downMask === 0 && settings.reportRejection) rejectionNoOutage[period.name] = rejection;
      cache.accumulate(state.downMask, rejection, periodPerRequest, state.probability, atoms ? atomWeights : undefined, period.share * state.probability);
    }
    if (settings.reportRejection && !rejectionNoOutage[period.name]) {
      rejectionNoOutage[period.name] = rejectionFixedPoint(prepared, lengths, 0, arrivals, workload.arrivalDispersion);
    }
    if (period.name === 'peak') {
      for (let j = 0; j < modelCount; j++) peakConcurrency[j] = (arrivals * periodPerRequest.busyMs[j]!) / 60000;
    }
    addPeriodTokenSpend(prepared, lengths, periodPerRequest, realtimeRequests * period.share, period.minutesPerMonth, spend, month);
    accumulateEvaluation(perRequest, periodPerRequest, period.share);
  }
  addBatchSpend(prepared, lengths, batchRequests, spend, month);
  return { requestsPerDay, requests, realtimeRequests, batchRequests, perRequest, spend, peakConcurrency, rejectionNoOutage, atomWeights };
}

const periodScratches = new Map<number, StateEvaluation>();
function periodScratch(modelCount: number): StateEvaluation {
  let scratch = periodScratches.get(modelCount);
  if (!scratch) {
    scratch = emptyStateEvaluation(modelCount);
    periodScratches.set(modelCount, scratch);
  }
  return scratch;
}

/** The cost lines of one month (MODEL.md §8.3-§8.6). */
export interface MonthCosts {
  tokenCostTotal: number;
  flatRate: number;
  aggregatorFee: number;
  platformFee: number;
  integration: number;
  maintenance: number;
  slaCredits: number;
  downtimeCost: number;
  failedRequests: number;
  failedRequestCost: number;
  /** TCO_m = token spend + flat + aggregator fee + platform fee + integration + maintenance + downtime cost
   *  + failed requests × failedRequestCost - SLA credits (MODEL.md §8.6). */
  tco: number;
}

/** Month costs given the availability used for SLA credits and the downtime minutes (expected or realized). */
export function monthCosts(
  prepared: PreparedScenario,
  month: number,
  evaluation: MonthEvaluation,
  providerAvailability: readonly number[],
  downtimeMinutes: number,
): MonthCosts {
  const { costs } = prepared.input;
  const { spend } = evaluation;
  const tokenCostTotal = spend.inputUncached + spend.inputCached + spend.output + spend.batch;
  const charges = monthlyCharges(prepared, month, spend, providerAvailability);
  const aggregatorFee = (costs.aggregatorFeePct / 100) * tokenCostTotal;
  const downtimeCost = downtimeMinutes * costs.downtimeCostPerMinute;
  const failedRequests = evaluation.realtimeRequests * evaluation.perRequest.failure;
  const failedRequestCost = failedRequests * costs.failedRequestCost;
  const tco =
    tokenCostTotal +
    charges.flatRate +
    aggregatorFee +
    costs.platformFeeMonthly +
    charges.integration +
    charges.maintenance +
    downtimeCost +
    failedRequestCost -
    charges.slaCredits;
  return {
    tokenCostTotal,
    flatRate: charges.flatRate,
    aggregatorFee,
    platformFee: costs.platformFeeMonthly,
    integration: charges.integration,
    maintenance: charges.maintenance,
    slaCredits: charges.slaCredits,
    downtimeCost,
    failedRequests,
    failedRequestCost,
    tco,
  };
}

/** target += weight × the cost-relevant expectations of a scalar load pass. */
function accumulateLoad(target: StateEvaluation, source: StateLoad, weight: number): void {
  const arrays = ['attempts', 'rejected429', 'busyMs', 'successes', 'successOutputTokens', 'timeouts'] as const;
  for (const name of arrays) {
    const t = target[name];
    const s = source[name];
    for (let i = 0; i < t.length; i++) t[i] = t[i]! + weight * s[i]!;
  }
  target.failure += weight * source.failure;
}
