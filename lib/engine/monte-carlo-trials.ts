import { DAYS_PER_MONTH, MIN_PER_MONTH } from './constants';
import { addBatchSpend, addPeriodTokenSpend, emptyTokenSpend, type TokenSpend } from './costs';
import { arrivalsPerMinute, dailyPeriods } from './load';
import { intervalMoments, shiftLength, TrialCostModel } from './monte-carlo-costs';
import { monthCosts, type MonthEvaluation } from './month-model';
import { OutageSampler } from './outage-sampler';
import { lengthModel, prepareScenario, type LengthModel, type PreparedScenario } from './prepare';
import { Sfc32 } from './prng';
import { emptyStateEvaluation } from './request-stages';
import type { EngineInput } from './types';

/** Days averaged into the monthly volume multiplier (MODEL.md §9.1a). */
const DAYS_SAMPLED = 30;

/** Receives every trial-month: TCO_m, its token spend and the realized downtime minutes (MODEL.md §9.3). */
export type TrialMonthVisitor = (trial: number, month: number, tco: number, tokenSpend: number, downtimeMinutes: number) => void;

/** σ of a mean-one lognormal multiplier with coefficient of variation cv: σ² = ln(1 + cv²) (MODEL.md §9.1). */
function multiplierSigma(cv: number): number {
  return Math.sqrt(Math.log(1 + cv * cv));
}

/**
 * The cost model of the last input, reused by the next call with the same scenario (a worker sampling a run in
 * parts): its lattice nodes are pure functions of (scenario, state, node), so reuse changes no number.
 */
let lastCostModel: { key: string; prepared: PreparedScenario; lengths: LengthModel; model: TrialCostModel } | null = null;

function costModelFor(input: EngineInput): { prepared: PreparedScenario; lengths: LengthModel; model: TrialCostModel } {
  // Trials, seed and name do not change the cost model.
  const key = JSON.stringify({ ...input, monteCarlo: undefined, name: undefined });
  if (lastCostModel?.key !== key) {
    const prepared = prepareScenario(input);
    const lengths = lengthModel(prepared);
    lastCostModel = { key, prepared, lengths, model: new TrialCostModel(prepared, lengths) };
  }
  return lastCostModel;
}

function resetTokenSpend(spend: TokenSpend): void {
  spend.inputUncached = 0;
  spend.inputCached = 0;
  spend.output = 0;
  spend.batch = 0;
  spend.wastedSpend = 0;
  spend.failoverExtraCost = 0;
  spend.inputTokens = 0;
  spend.outputTokens = 0;
  spend.providerSpend.fill(0);
}

/**
 * Every trial-month of §9 (MODEL.md §9.1-§9.3) for trials firstTrial … firstTrial + trialCount - 1, by the cost-only
 * path of docs/decisions/006. Trial t draws only from `Sfc32.forTrial(seed, t)`, in the order of §9.2 within the trial
 * (per month: 30 volume normals, input drift, output drift, the common outage process, then each provider's).
 * Per trial-month: realized state fractions (OutageSampler), drifted token lengths (p_I, PE_I and E[in] exactly),
 * the per-state cost coefficients at the month's arrivals (TrialCostModel), then the §8 cost lines with SLA credits
 * on realized availability and downtime on realized all-down minutes. No allocation per trial-month.
 */
export function forEachTrialMonth(input: EngineInput, firstTrial: number, trialCount: number, visit: TrialMonthVisitor): TrialCostModel {
  const seed = input.monteCarlo?.seed ?? 1;
  const { prepared, lengths, model } = costModelFor(input);
  const { workload } = input;
  const periods = dailyPeriods(workload);
  const { commonUnavailability, residualUnavailability } = prepared.outage;
  const providerCount = prepared.providers.length;
  const modelCount = prepared.models.length;
  const sampler = new OutageSampler(
    providerCount,
    commonUnavailability,
    input.commonOutageMinutes,
    residualUnavailability,
    prepared.providers.map((p) => p.meanOutageMinutes),
  );
  const rng = new Sfc32(0);
  const volumeSigma = multiplierSigma(workload.dailyVolumeCV);
  const inputSigma = multiplierSigma(workload.inputDriftCV);
  const outputSigma = multiplierSigma(workload.outputDriftCV);
  const growth = Array.from({ length: input.horizonMonths }, (_, m) => workload.requestsPerDay * (1 + workload.monthlyGrowthPct / 100) ** m);

  // Scratch, reused by every trial-month.
  const trialLengths: LengthModel = { input: { ...lengths.input }, output: { ...lengths.output }, intervals: [], tokensPerRequest: 0 };
  const intervalCount = model.intervalCount;
  const mass = new Float64Array(intervalCount);
  const partial = new Float64Array(intervalCount);
  const coefficients = new Float64Array(model.size);
  const periodPerRequest = emptyStateEvaluation(modelCount);
  const spend = emptyTokenSpend(providerCount);
  const evaluation: MonthEvaluation = {
    requestsPerDay: 0,
    requests: 0,
    realtimeRequests: 0,
    batchRequests: 0,
    perRequest: emptyStateEvaluation(modelCount),
    spend,
    peakConcurrency: new Float64Array(modelCount),
    rejectionNoOutage: {},
    atomWeights: [],
  };
  const providerAvailability = new Array<number>(providerCount).fill(1);
  const stride = model.stride;

  for (let t = firstTrial; t < firstTrial + trialCount; t++) {
    rng.reseedForTrial(seed, t);
    for (let m = 0; m < input.horizonMonths; m++) {
      let volume = 0;
      for (let d = 0; d < DAYS_SAMPLED; d++) volume += Math.exp(volumeSigma * rng.normal() - (volumeSigma * volumeSigma) / 2);
      volume /= DAYS_SAMPLED;
      // §9.1b: μ += ln(multiplier), multiplier = exp(σZ - σ²/2).
      const inputShift = inputSigma * rng.normal() - (inputSigma * inputSigma) / 2;
      const outputShift = outputSigma * rng.normal() - (outputSigma * outputSigma) / 2;
      sampler.sample(rng);
      shiftLength(trialLengths.input, lengths.input, inputShift);
      shiftLength(trialLengths.output, lengths.output, outputShift);
      intervalMoments(trialLengths.output, model.bounds, mass, partial);

      const requestsPerDay = growth[m]! * volume;
      const requests = requestsPerDay * DAYS_PER_MONTH;
      const realtimeRequests = requests * (1 - workload.batchShare);
      resetTokenSpend(spend);
      let failure = 0;
      for (const period of periods) {
        const arrivals = arrivalsPerMinute(requestsPerDay, workload.batchShare, period.level);
        coefficients.fill(0);
        model.setArrivals(arrivals);
        for (let s = 0; s < sampler.count; s++) model.accumulate(sampler.masks[s]!, sampler.fractions[s]!, coefficients);
        // Per-request expectations of the period: the linear map at this trial's p_I and PE_I.
        let periodFailure = 0;
        for (let j = 0; j < modelCount; j++) {
          let successes = 0;
          let timeouts = 0;
          let outputTokens = 0;
          for (let i = 0; i < intervalCount; i++) {
            const at = i * stride;
            successes += coefficients[at + j]! * mass[i]!;
            timeouts += coefficients[at + modelCount + j]! * mass[i]!;
            outputTokens += coefficients[at + 2 * modelCount + j]! * partial[i]!;
          }
          periodPerRequest.successes[j] = successes;
          periodPerRequest.timeouts[j] = timeouts;
          periodPerRequest.successOutputTokens[j] = outputTokens;
        }
        for (let i = 0; i < intervalCount; i++) periodFailure += coefficients[i * stride + 3 * modelCount]! * mass[i]!;
        addPeriodTokenSpend(prepared, trialLengths, periodPerRequest, realtimeRequests * period.share, period.minutesPerMonth, spend, m);
        failure += period.share * periodFailure;
      }
      addBatchSpend(prepared, trialLengths, requests * workload.batchShare, spend, m);

      // Realized availability per provider and traffic-weighted all-down minutes (MODEL.md §9.3).
      let downtimeMinutes = 0;
      for (const chain of prepared.chains) {
        for (let s = 0; s < sampler.count; s++) {
          if ((sampler.masks[s]! & chain.providerMask) === chain.providerMask) downtimeMinutes += chain.weight * sampler.fractions[s]! * MIN_PER_MONTH;
        }
      }
      for (let p = 0; p < providerCount; p++) {
        let down = 0;
        for (let s = 0; s < sampler.count; s++) if (sampler.masks[s]! & (1 << p)) down += sampler.fractions[s]!;
        providerAvailability[p] = 1 - down;
      }
      evaluation.realtimeRequests = realtimeRequests;
      evaluation.perRequest.failure = failure;
      const costs = monthCosts(prepared, m, evaluation, providerAvailability, downtimeMinutes);
      visit(t, m, costs.tco, costs.tokenCostTotal, downtimeMinutes);
    }
  }
  return model;
}
